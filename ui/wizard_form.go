package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// wizField is one input of a wizard step with its in-place error line.
// The line's height is always reserved, so a problem appearing never moves
// the form; a problem shows once the keyboard has left the field or Next
// was pressed, and goes as soon as it is fixed.
type wizField struct {
	key   string // the app.FieldError field it shows problems of
	input fyne.CanvasObject
	err   *widget.Label
	bad   bool            // the text typed does not parse
	msg   string          // the field's problem, shown once armed
	armed bool            // the field was left, or Next pressed: show its problem
	left  func()          // called when the keyboard leaves the field
	label *widget.Label   // its label in a wizForm, if any
	boxed *fyne.Container // the input with the error line
	// relayout lays the step out again when the field shows or hides.
	relayout func()
	// invalid, if set, runs when the text typed stops parsing (so a live
	// example stops showing the value read before).
	invalid func()
}

func newWizField(key string, input fyne.CanvasObject) *wizField {
	e := widget.NewLabel("")
	e.Importance = widget.DangerImportance
	e.SizeName = theme.SizeNameCaptionText
	e.Truncation = fyne.TextTruncateEllipsis
	f := &wizField{key: key, input: input, err: e}
	if we, ok := input.(*wizEntry); ok {
		we.onLeft = f.leave
	}
	return f
}

// setError sets the field's problem ("" for none); it shows once the field is armed.
func (f *wizField) setError(msg string) {
	f.msg = msg
	f.showError()
}

// arm shows the field's problem from now on.
func (f *wizField) arm() {
	f.armed = true
	f.showError()
}

// leave arms the field when the keyboard leaves it.
func (f *wizField) leave() {
	f.arm()
	if f.left != nil {
		f.left()
	}
}

func (f *wizField) showError() {
	text := ""
	if f.armed {
		text = f.msg
	}
	if f.err.Text != text {
		f.err.SetText(text)
	}
}

// box is the input with its error line below it.
func (f *wizField) box() fyne.CanvasObject {
	if f.boxed == nil {
		f.boxed = container.New(tightVBox{}, f.input, f.err)
	}
	return f.boxed
}

// setVisible shows or hides the field and its label.
func (f *wizField) setVisible(on bool) {
	objs := []fyne.CanvasObject{f.box()}
	if f.label != nil {
		objs = append(objs, f.label)
	}
	for _, o := range objs {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	if f.relayout != nil {
		f.relayout()
	}
}

// wizForm is a two-column form of labelled wizard fields.
type wizForm struct {
	w      *wizardScreen
	u      *UI
	grid   *fyne.Container
	fields []*wizField
}

func newWizForm(w *wizardScreen) *wizForm {
	return &wizForm{w: w, u: w.u, grid: container.New(layout.NewFormLayout())}
}

// add appends a labelled field and returns it.
func (f *wizForm) add(label string, fl *wizField) *wizField {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	fl.label = l
	if fl.relayout == nil {
		fl.relayout = f.w.relayout
	}
	f.grid.Add(l)
	f.grid.Add(fl.box())
	f.fields = append(f.fields, fl)
	f.w.watch(fl.input)
	return fl
}

// addRow appends a label and any object that is not a field.
func (f *wizForm) addRow(label string, o fyne.CanvasObject) {
	f.grid.Add(widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	f.grid.Add(o)
}

// invalid reports whether a field holds text that does not parse.
func (f *wizForm) invalid() bool {
	for _, fl := range f.fields {
		if fl.bad {
			return true
		}
	}
	return false
}

// showProblems shows each problem of kpi ("" for the plan) under its
// field, clearing fields without one (unless their text does not parse),
// and returns the problems no field of the form shows.
func (f *wizForm) showProblems(kpi string, errs []*app.FieldError) []*app.FieldError {
	shown := map[*app.FieldError]bool{}
	for _, fl := range f.fields {
		if fl.bad {
			continue
		}
		msg := ""
		for _, e := range errs {
			if e.KPI == kpi && e.Field == fl.key && fl.box().Visible() {
				msg = f.u.tr.Err(&app.FieldError{Field: e.Field, Msg: e.Msg})
				shown[e] = true
				break
			}
		}
		fl.setError(msg)
	}
	var rest []*app.FieldError
	for _, e := range errs {
		if !shown[e] {
			rest = append(rest, e)
		}
	}
	return rest
}

// arm shows every field's problem from now on (Next was pressed).
func (f *wizForm) arm() {
	for _, fl := range f.fields {
		fl.arm()
	}
}

// number is an entry for a number typed the language's way: valid text
// calls set, other text shows the parse error in place. A blank field may
// be left empty (set gets empty true).
func (w *wizardScreen) number(key string, value float64, blank bool, set func(v float64, empty bool)) *wizField {
	u := w.u
	e := newWizEntry()
	if !blank {
		e.SetText(u.tr.FormatNumber(value, -1))
	}
	fl := newWizField(key, e)
	fl.relayout = w.relayout
	e.OnChanged = func(s string) {
		if blank && wizBlank(s) {
			fl.bad = false
			fl.setError("")
			set(0, true)
			return
		}
		v, err := u.tr.ParseNumber(s)
		fl.bad = err != nil
		if err != nil {
			fl.setError(u.tr.Err(err))
			if fl.invalid != nil {
				fl.invalid()
			}
			return
		}
		fl.setError("")
		set(v, false)
	}
	w.watch(e)
	return fl
}

// date is an entry for a date typed the language's way.
func (w *wizardScreen) date(key string, value app.Date, set func(app.Date)) *wizField {
	u := w.u
	e := newWizEntry()
	e.SetText(u.tr.FormatDate(value))
	e.SetPlaceHolder(u.T("dd/mm/yyyy"))
	if u.tr.Lang() != "vi" {
		e.SetPlaceHolder(u.T("yyyy-mm-dd"))
	}
	fl := newWizField(key, e)
	fl.relayout = w.relayout
	e.OnChanged = func(s string) {
		d, err := u.tr.ParseDate(s)
		fl.bad = err != nil
		if err != nil {
			fl.setError(u.tr.Err(err))
			return
		}
		fl.setError("")
		set(d)
	}
	w.watch(e)
	return fl
}

// wizText is a plain text entry.
func wizText(key, value string, set func(string)) *wizField {
	e := newWizEntry()
	e.SetText(value)
	e.OnChanged = set
	return newWizField(key, e)
}

// wizEnum is a pick list of enumerated values shown by their names.
func wizEnum[T ~string](u *UI, values []T, cur T, set func(T)) *widget.Select {
	names := make([]string, len(values))
	byName := map[string]T{}
	for i, v := range values {
		names[i] = u.tr.Name(v)
		byName[names[i]] = v
	}
	s := widget.NewSelect(names, nil)
	if cur != "" {
		s.SetSelected(u.tr.Name(cur))
	}
	s.OnChanged = func(n string) { set(byName[n]) }
	return s
}

func wizBlank(s string) bool {
	for _, r := range s {
		if r != ' ' && r != '\t' {
			return false
		}
	}
	return true
}

// submitOn makes Enter in the entries of fields press Next.
func (w *wizardScreen) submitOn(fields ...*wizField) {
	for _, f := range fields {
		if e := f.entry(); e != nil && !e.MultiLine {
			e.OnSubmitted = func(string) { w.onNext() }
		}
	}
}

// wizTitle is a step's bold section title.
func wizTitle(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wizNote is a wrapped explanatory line.
func wizNote(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// problemText is a step problem as the user reads it, naming the KPI.
func (w *wizardScreen) problemText(fe *app.FieldError) string {
	u := w.u
	msg := u.tr.Err(&app.FieldError{Field: fe.Field, Msg: fe.Msg})
	if k := w.d.Plan.KPI(fe.KPI); k != nil {
		return u.T("%s: %s", k.Name, msg)
	}
	return msg
}

// wizShare is a layout of one row that gives each object its minimum
// width and shares the room left over equally.
type wizShare struct{}

// Layout places the objects side by side.
func (wizShare) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	total := pad * float32(max(len(objs)-1, 0))
	for _, o := range objs {
		total += o.MinSize().Width
	}
	extra := float32(0)
	if len(objs) > 0 {
		extra = max(size.Width-total, 0) / float32(len(objs))
	}
	x := float32(0)
	for _, o := range objs {
		w := o.MinSize().Width + extra
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is the sum of the minimum widths by the tallest minimum height.
func (wizShare) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := theme.Padding()*float32(max(len(objs)-1, 0)), float32(0)
	for _, o := range objs {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}
