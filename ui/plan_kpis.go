package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/planedit"
)

// kpiColumn is one column of the KPI table: a KPI field and its width.
type kpiColumn struct {
	field string // the field name app's validation uses
	width float32
}

// kpiColumns are the KPI table's columns, in order; a remove button follows.
var kpiColumns = []kpiColumn{
	{"name", 230}, {"group", 64}, {"weight", 76}, {"unit", 120}, {"direction", 170},
	{"baseline", 104}, {"target", 140}, {"reference", 104}, {"period_targets", 112}, {"range_low", 104}, {"range_high", 104}, {"tolerance", 96},
	{"aggregation", 128}, {"data_source", 150}, {"owner", 140}, {"deadline", 124}, {"exempt", 220},
}

// kpiTable edits the plan's KPIs. Every change is checked with the
// domain's validation at once; problems show on the field and in a list.
type kpiTable struct {
	s        *planScreen
	rows     []*kpiRow
	list     *fyne.Container // the header and one row per KPI
	addBtn   *widget.Button
	problems *widget.Label
	hint     *widget.Label
	root     fyne.CanvasObject
	markers  map[string]string // targets changed after approval, by KPI id
	// tmplMarks are the fields adjusted from the template, by KPI id (ui/plan_template.go).
	tmplMarks map[string]string
}

// kpiRow holds the widgets of one KPI.
type kpiRow struct {
	id       string
	box      *fyne.Container
	entries  map[string]*planEntry
	selects  map[string]*widget.Select
	bad      map[string]error  // fields whose text cannot be read
	problems map[string]string // what is wrong with each field, as shown
	mark     *changeMark       // beside the target when it changed after approval
	tmark    *changeMark       // beside the name when fields differ from the template
	phase    *widget.Button    // opens the targets per period
}

func newKPITable(s *planScreen) *kpiTable {
	t := &kpiTable{s: s}
	u := s.u
	t.problems = widget.NewLabel("")
	t.problems.Importance = widget.DangerImportance
	t.problems.Wrapping = fyne.TextWrapWord
	t.problems.Hide()
	header := container.New(t.rowLayout())
	for _, c := range kpiColumns {
		l := widget.NewLabelWithStyle(u.tr.FieldName(c.field), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		header.Add(l)
	}
	header.Add(widget.NewLabel(""))
	t.list = container.NewVBox(header)
	t.addBtn = widget.NewButtonWithIcon(u.T("Add KPI"), theme.ContentAddIcon(), t.onAdd)
	t.hint = widget.NewLabel(u.T("Changes are checked as you type; press Save (Ctrl+S) to keep them."))
	t.hint.Importance = widget.LowImportance
	t.hint.Truncation = fyne.TextTruncateEllipsis
	if st := s.plan.Status; !st.Allows(app.ChangeTerms) {
		// the lifecycle says no before the user types
		t.hint.SetText(u.T("This plan is %s: its targets, weights, groups and KPIs change only after Reopen…", u.tr.Name(st)))
		t.hint.Importance = widget.WarningImportance
	}
	top := container.NewBorder(nil, nil, t.addBtn, nil, t.hint)
	scroll := container.NewScroll(t.list)
	scroll.SetMinSize(fyne.NewSize(400, 4*header.MinSize().Height))
	t.root = container.NewBorder(top, cappedMessage(t.problems, 3, false), nil, nil, scroll)
	return t
}

func (t *kpiTable) view() fyne.CanvasObject { return t.root }

func (t *kpiTable) rowLayout() *columnsLayout {
	w := make([]float32, 0, len(kpiColumns)+1)
	for _, c := range kpiColumns {
		w = append(w, c.width)
	}
	return &columnsLayout{widths: append(w, 40)}
}

// build shows the KPIs of p (the screen's draft).
func (t *kpiTable) build(p *app.Plan) {
	for _, r := range t.rows {
		t.list.Remove(r.box)
	}
	t.rows = nil
	for i := range p.KPIs {
		t.addRow(&p.KPIs[i])
	}
	t.validate()
}

func (t *kpiTable) addRow(k *app.KPI) *kpiRow {
	r := &kpiRow{id: k.ID, entries: map[string]*planEntry{}, selects: map[string]*widget.Select{},
		bad: map[string]error{}, problems: map[string]string{}}
	r.box = container.New(t.rowLayout())
	for _, c := range kpiColumns {
		r.box.Add(t.newField(r, k, c.field))
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { t.s.onRemoveKPI(r.id) })
	remove.Importance = widget.LowImportance
	r.box.Add(remove)
	t.rows = append(t.rows, r)
	t.list.Add(r.box)
	t.enableFields(r, k)
	return r
}

// newField builds the widget editing one field of k.
func (t *kpiTable) newField(r *kpiRow, k *app.KPI, field string) fyne.CanvasObject {
	if opts, ok := t.choices(field); ok {
		sel := widget.NewSelect(nil, nil)
		labels := make([]string, len(opts))
		for i, o := range opts {
			labels[i] = t.choiceLabel(o)
		}
		sel.SetOptions(labels)
		sel.SetSelected(t.choiceLabel(kpiChoice(k, field)))
		sel.OnChanged = func(label string) { t.onChoice(r, field, opts, label) }
		r.selects[field] = sel
		return sel
	}
	if field == "period_targets" {
		return t.newPhaseButton(r, k)
	}
	e := newPlanEntry(t.s.u.win)
	e.SetText(t.fieldText(k, field))
	e.OnChanged = func(text string) { t.onText(r, field, text) }
	r.entries[field] = e
	if field == "name" { // template: a marker when fields differ from the template
		r.tmark = newTemplateMark(t.s.u)
		r.tmark.set(t.tmplMarks[k.ID])
		return container.NewBorder(nil, nil, nil, r.tmark, e)
	}
	if field == "target" {
		r.mark = newChangeMark(t.s.u)
		r.mark.set(t.markers[k.ID])
		return container.NewBorder(nil, nil, nil, r.mark, e)
	}
	return e
}

// choices returns the values a select field offers.
func (t *kpiTable) choices(field string) ([]string, bool) {
	var out []string
	switch field {
	case "group":
		for _, g := range app.Groups {
			out = append(out, string(g))
		}
	case "unit":
		for _, v := range app.Units {
			out = append(out, string(v))
		}
	case "direction":
		for _, v := range app.Directions {
			out = append(out, string(v))
		}
	case "aggregation":
		for _, v := range app.Aggregations {
			out = append(out, string(v))
		}
	default:
		return nil, false
	}
	return out, true
}

// choiceLabel shows a choice in the user's language (groups stay A, B, C).
func (t *kpiTable) choiceLabel(v string) string {
	if v == string(app.GroupA) || v == string(app.GroupB) || v == string(app.GroupC) {
		return v
	}
	return t.s.u.tr.Name(v)
}

// enableFields enables the fields k's direction uses.
func (t *kpiTable) enableFields(r *kpiRow, k *app.KPI) {
	for f, e := range r.entries {
		if planedit.Applies(k, f) {
			e.Enable()
		} else {
			e.Disable()
		}
	}
	t.phaseText(r, k)
}

func (t *kpiTable) changed() {
	t.s.setDirty(true)
	t.validate()
}

// validate checks the draft as app does and shows every problem in place.
// It reports whether the draft can be saved.
func (t *kpiTable) validate() bool {
	u := t.s.u
	var fields []*app.FieldError
	var ve *app.ValidationError
	if errors.As(t.s.draft.Validate(), &ve) {
		fields = ve.Fields
	}
	var lines []string
	for _, r := range t.rows {
		k := t.s.draft.KPI(r.id)
		r.problems = map[string]string{}
		for _, c := range kpiColumns {
			if err := r.bad[c.field]; err != nil {
				r.problems[c.field] = u.tr.Err(err)
				lines = append(lines, u.T("%s — %s: %s", kpiName(u, k), u.tr.FieldName(c.field), u.tr.Err(err)))
			}
		}
		for _, fe := range fields {
			if fe.KPI != r.id {
				continue
			}
			if r.bad[fe.Field] == nil {
				r.problems[fe.Field] = u.tr.Msg(fe.Msg)
			}
			lines = append(lines, u.T("%s — %s: %s", kpiName(u, k), u.tr.FieldName(fe.Field), u.tr.Msg(fe.Msg)))
		}
		for f, e := range r.entries {
			if msg := r.problems[f]; msg != "" {
				e.SetValidationError(errors.New(msg))
			} else {
				e.SetValidationError(nil)
			}
		}
	}
	for _, fe := range fields {
		if fe.KPI == "" || t.s.draft.KPI(fe.KPI) == nil {
			lines = append(lines, u.tr.Err(fe))
		}
	}
	t.problems.SetText(strings.Join(lines, "\n"))
	if len(lines) == 0 {
		t.problems.Hide()
	} else {
		t.problems.Show()
	}
	return len(lines) == 0
}

func (t *kpiTable) onAdd() {
	k := planedit.NewKPI(t.s.draft)
	t.s.draft.KPIs = append(t.s.draft.KPIs, k)
	r := t.addRow(&t.s.draft.KPIs[len(t.s.draft.KPIs)-1])
	t.changed()
	t.s.u.win.Canvas().Focus(r.entries["name"])
}

// removeRow drops the row of KPI id.
func (t *kpiTable) removeRow(id string) {
	for i, r := range t.rows {
		if r.id == id {
			t.list.Remove(r.box)
			t.rows = append(t.rows[:i], t.rows[i+1:]...)
			break
		}
	}
	t.validate()
}
