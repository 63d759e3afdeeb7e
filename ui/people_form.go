package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// personForm adds or edits one person in a dialog that stays open until the
// workspace accepts the person; each refusal shows next to its field.
type personForm struct {
	s    *peopleScreen
	e    app.Employee // the person as edited; UID "" for a new one
	name *widget.Entry
	code *widget.Entry

	position            *widget.SelectEntry
	level, email        *widget.Entry
	joined, left, bonus *widget.Entry
	currency            *widget.Entry
	unit                *unitPicker
	manager             *personPicker
	problems            map[string]*widget.Label // by field name
	general             *widget.Label
	save                *widget.Button
	dlg                 *dialog.CustomDialog
	fieldOrder          []string
}

// newPersonForm returns the form for e, or for a new person when e is nil.
func newPersonForm(s *peopleScreen, e *app.Employee) *personForm {
	f := &personForm{s: s, problems: map[string]*widget.Label{}}
	if e != nil {
		f.e = *e
	} else {
		f.e = app.Employee{Code: app.NextCode(s.reg.People), Currency: "VND"}
	}
	tr := s.u.tr
	f.code = textEntry(f.e.Code)
	f.name = textEntry(f.e.Name)
	f.position = widget.NewSelectEntry(s.reg.Positions())
	f.position.SetText(f.e.Position)
	f.level = textEntry("")
	if f.e.Level > 0 {
		f.level.SetText(strconv.Itoa(f.e.Level))
	}
	f.joined, f.left = textEntry(dateText(tr.FormatDate, f.e.Joined)), textEntry(dateText(tr.FormatDate, f.e.Left))
	example := tr.FormatDate(s.u.ws.Today())
	f.joined.SetPlaceHolder(example)
	f.left.SetPlaceHolder(s.u.T("empty while employed"))
	f.bonus = textEntry("")
	if f.e.BaseBonus > 0 {
		f.bonus.SetText(tr.FormatNumber(f.e.BaseBonus, -1))
	}
	f.currency = textEntry(f.e.Currency)
	f.email = textEntry(f.e.Email)
	f.unit = newUnitPicker(s.u, s.reg, s.u.T("No unit"), nil)
	f.unit.set(f.e.Unit)
	f.manager = newPersonPicker(s.u, s.reg, f.e.UID)
	f.manager.set(f.e.Manager)
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.general.Hide()
	return f
}

func textEntry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

func dateText(format func(app.Date) string, d app.Date) string {
	if d.IsZero() {
		return ""
	}
	return format(d)
}

// field returns a form row's widget with its problem label under it.
func (f *personForm) field(name string, o fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	l.Hide()
	f.problems[name] = l
	f.fieldOrder = append(f.fieldOrder, name)
	return container.New(tightVBox{}, o, l)
}

// show opens the form.
func (f *personForm) show() {
	u := f.s.u
	form := widget.NewForm(
		widget.NewFormItem(u.T("Employee code"), f.field("code", f.code)),
		widget.NewFormItem(u.T("Full name"), f.field("name", f.name)),
		widget.NewFormItem(u.T("Unit"), f.field("unit", f.unit.sel)),
		widget.NewFormItem(u.T("Position"), f.field("position", f.position)),
		widget.NewFormItem(u.T("Level"), f.field("level", f.level)),
		widget.NewFormItem(u.T("Manager"), f.field("manager", f.manager.entry)),
		widget.NewFormItem(u.T("Join date"), f.field("joined", f.joined)),
		widget.NewFormItem(u.T("Leave date"), f.field("left", f.left)),
		widget.NewFormItem(u.T("Base bonus"), f.field("base_bonus", f.bonus)),
		widget.NewFormItem(u.T("Currency"), f.field("currency", f.currency)),
		widget.NewFormItem(u.T("E-mail"), f.field("email", f.email)),
	)
	title := u.T("Add person")
	if f.e.UID != "" {
		title = u.T("Edit %s", f.e.Name)
	}
	f.save = widget.NewButtonWithIcon(u.T("Save"), theme.DocumentSaveIcon(), f.onSave)
	f.save.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	content := container.NewBorder(nil, f.general, nil, nil, container.NewVScroll(form))
	f.dlg = dialog.NewCustomWithoutButtons(title, content, u.win)
	f.dlg.SetButtons([]fyne.CanvasObject{cancel, f.save})
	f.dlg.Resize(fyne.NewSize(620, 560))
	for _, e := range []*widget.Entry{f.code, f.name, f.level, f.joined, f.left, f.bonus, f.currency, f.email} {
		e.OnSubmitted = func(string) { f.onSave() } // Enter saves, as in the other forms
	}
	dialogKeys(u.win, f.dlg, f.onSave)
	f.s.form = f
	f.dlg.Show()
}

// read builds the person the form describes, marking text that cannot be read.
func (f *personForm) read() (*app.Employee, bool) {
	u, tr := f.s.u, f.s.u.tr
	e := f.e
	e.Code, e.Name = f.code.Text, f.name.Text
	e.Position, e.Email, e.Currency = strings.TrimSpace(f.position.Text), f.email.Text, f.currency.Text
	e.Unit = f.unit.value()
	ok := true
	bad := func(field string, err error) {
		f.mark(field, tr.Err(err))
		ok = false
	}
	if m, err := f.manager.value(); err != nil {
		bad("manager", err)
	} else {
		e.Manager = m
	}
	e.Level = 0
	if t := strings.TrimSpace(f.level.Text); t != "" {
		n, err := strconv.Atoi(t)
		if err != nil {
			f.mark("level", u.T("write a whole number, e.g. 3"))
			ok = false
		}
		e.Level = n
	}
	var err error
	if e.Joined, err = optionalDate(tr.ParseDate, f.joined.Text); err != nil {
		bad("joined", err)
	}
	if e.Left, err = optionalDate(tr.ParseDate, f.left.Text); err != nil {
		bad("left", err)
	}
	e.BaseBonus = 0
	if t := strings.TrimSpace(f.bonus.Text); t != "" {
		if e.BaseBonus, err = tr.ParseNumber(t); err != nil {
			bad("base_bonus", err)
		}
	}
	return &e, ok
}

func optionalDate(parse func(string) (app.Date, error), text string) (app.Date, error) {
	if strings.TrimSpace(text) == "" {
		return app.Date{}, nil
	}
	return parse(text)
}

// clear hides every problem.
func (f *personForm) clear() {
	for _, l := range f.problems {
		l.SetText("")
		l.Hide()
	}
	f.general.SetText("")
	f.general.Hide()
}

// mark shows msg next to field, or under the form when the field is not in it.
func (f *personForm) mark(field, msg string) {
	if l, ok := f.problems[field]; ok {
		l.SetText(msg)
		l.Show()
		return
	}
	f.general.SetText(joinNonEmpty("\n", f.general.Text, msg))
	f.general.Show()
}

// showErr shows the workspace's refusal next to each field it names.
func (f *personForm) showErr(err error) {
	tr := f.s.u.tr
	var ve *app.ValidationError
	var fe *app.FieldError
	switch {
	case errors.As(err, &ve):
		for _, x := range ve.Fields {
			f.mark(x.Field, tr.Msg(x.Msg))
		}
	case errors.As(err, &fe):
		f.mark(fe.Field, tr.Msg(fe.Msg))
	default:
		f.mark("", tr.Err(err))
	}
}

func (f *personForm) onSave() {
	u := f.s.u
	f.clear()
	e, ok := f.read()
	if !ok {
		return
	}
	f.save.Disable()
	u.async(func() error { return u.ws.SavePerson(e) }, func(err error) {
		f.save.Enable()
		if err != nil {
			f.showErr(err)
			return
		}
		f.dlg.Hide()
		f.s.form = nil
		f.s.cur = e.UID
		u.notify(u.T("Saved %s (%s)", e.Name, e.Code))
		f.s.reload()
	})
}
