package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/wizard"
)

// kpisStep is step 2: pick KPIs from the library (the goal type's set comes
// pre-selected) or add custom ones.
type kpisStep struct {
	w        *wizardScreen
	search   *keyEntry
	list     *widget.List
	rows     []wizard.Candidate
	count    *widget.Label
	warning  *widget.Label
	selected *fyne.Container // the plan's KPIs, with remove buttons
}

func newKPIsStep(w *wizardScreen) *kpisStep { return &kpisStep{w: w} }

func (s *kpisStep) view() fyne.CanvasObject {
	u := s.w.u
	s.search = newKeyEntry()
	s.search.SetPlaceHolder(u.T("Search the KPI library (name, department, stage…)"))
	s.search.OnChanged = s.onSearch
	s.list = widget.NewList(s.length, s.newRow, s.updateRow)
	s.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.warning = widget.NewLabel("")
	s.warning.Importance = widget.WarningImportance
	s.warning.Wrapping = fyne.TextWrapWord
	s.selected = container.NewVBox()
	add := widget.NewButtonWithIcon(u.T("Add custom KPI"), theme.ContentAddIcon(), s.onAddCustom)
	intro := wizNote(u.T("The KPIs suggested for the goal type are ticked. Untick what does not fit, search the library for more, or add your own."))
	left := container.NewBorder(container.NewVBox(intro, s.search), nil, nil, nil, s.list)
	right := container.NewBorder(container.NewVBox(s.count, s.warning), add, nil, nil,
		container.NewVScroll(s.selected))
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	s.onSearch("")
	return split
}

func (s *kpisStep) length() int { return len(s.rows) }

func (s *kpisStep) newRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	name := widget.NewLabel("KPI name")
	name.Truncation = fyne.TextTruncateEllipsis
	tag := widget.NewLabel("Suggested · Group A")
	tag.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, check, tag, name)
}

func (s *kpisStep) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	u, c := s.w.u, s.rows[i]
	box := o.(*fyne.Container)
	name, check, tag := box.Objects[0].(*widget.Label), box.Objects[1].(*widget.Check), box.Objects[2].(*widget.Label)
	name.SetText(c.Entry.Name.In(u.tr.Lang()))
	check.OnChanged = nil
	check.SetChecked(s.w.d.Selected(c.Entry.ID))
	id := c.Entry.ID
	check.OnChanged = func(on bool) { s.onToggle(id, on) }
	dept := library.LabelName(library.Departments, c.Entry.Department, u.tr.Lang())
	switch {
	case c.Suggested:
		tag.SetText(u.T("Suggested · %s", u.tr.Name(c.Group)))
	case c.Entry.Vanity:
		tag.SetText(u.T("%s · vanity metric", dept))
	default:
		tag.SetText(dept)
	}
}

func (s *kpisStep) onSearch(q string) {
	s.rows = s.w.d.Candidates(q)
	s.list.Refresh()
	s.list.ScrollToTop()
	s.refresh()
}

func (s *kpisStep) onToggle(libraryID string, on bool) {
	if on {
		if _, err := s.w.d.Select(libraryID); err != nil {
			s.w.u.showError(err)
		}
	} else {
		s.w.d.Deselect(libraryID)
	}
	s.refresh()
}

// refresh updates the counter, its warning and the list of chosen KPIs.
func (s *kpisStep) refresh() {
	u, d := s.w.u, s.w.d
	s.count.SetText(u.tr.Msg(d.Count()))
	if m, warn := d.CountWarning(); warn {
		s.warning.SetText(u.tr.Msg(m))
		s.warning.Show()
	} else {
		s.warning.Hide()
	}
	s.w.edited()
	s.selected.Objects = nil
	for _, k := range d.Plan.KPIs {
		name := widget.NewLabel(k.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		id := k.ID
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.onRemove(id) })
		rm.Importance = widget.LowImportance
		s.selected.Add(container.NewBorder(nil, nil, nil, rm, name))
	}
	s.selected.Refresh()
}

func (s *kpisStep) onRemove(kpiID string) {
	s.w.d.Remove(kpiID)
	s.list.Refresh()
	s.refresh()
}

func (s *kpisStep) onAddCustom() {
	u := s.w.u
	e := widget.NewEntry()
	e.SetPlaceHolder(u.T("e.g. Webinars held"))
	items := []*widget.FormItem{widget.NewFormItem(u.T("Name"), e)}
	d := dialog.NewForm(u.T("Add custom KPI"), u.T("Add"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			s.addCustom(e.Text)
		}
	}, u.win)
	d.Resize(fyne.NewSize(460, 160))
	u.formKeys(d, items)
	d.Show()
	u.win.Canvas().Focus(e)
}

func (s *kpisStep) addCustom(name string) {
	if _, err := s.w.d.AddCustom(name); err != nil {
		s.w.u.showError(err)
		return
	}
	s.refresh()
}

func (s *kpisStep) invalid() bool { return false }

// showProblems has no place for problems: the message bar says them.
func (s *kpisStep) showProblems(errs []*app.FieldError) []*app.FieldError { return errs }

func (s *kpisStep) focus() { s.w.u.win.Canvas().Focus(s.search) }

// focusSearch puts the cursor in the library search (Ctrl+F).
func (w *wizardScreen) focusSearch() {
	if s, ok := w.cur.(*kpisStep); ok {
		s.focus()
	}
}
