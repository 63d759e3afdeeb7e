package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// kpiForm edits one template KPI's name, group, weight and default target.
type kpiForm struct {
	name, weight, target *widget.Entry
	group                *widget.Select
}

func (s *templatesScreen) newKPIForm(k app.KPI) *kpiForm {
	f := &kpiForm{name: widget.NewEntry(), weight: widget.NewEntry(), target: widget.NewEntry(),
		group: widget.NewSelect([]string{"A", "B", "C"}, nil)}
	f.name.SetText(k.Name)
	f.weight.SetText(num(k.Weight))
	f.target.SetText(num(k.Target))
	f.group.SetSelected(string(k.Group))
	return f
}

// apply writes the form into k, or returns an error naming the bad field.
func (f *kpiForm) apply(k *app.KPI) error {
	w, err := strconv.ParseFloat(strings.ReplaceAll(f.weight.Text, ",", "."), 64)
	if err != nil {
		return &app.FieldError{KPI: k.ID, Field: "weight", Msg: app.M("must be a finite number")}
	}
	t, err := strconv.ParseFloat(strings.ReplaceAll(f.target.Text, ",", "."), 64)
	if err != nil {
		return &app.FieldError{KPI: k.ID, Field: "target", Msg: app.M("must be a finite number")}
	}
	k.Name, k.Weight, k.Target, k.Group = f.name.Text, w, t, app.Group(f.group.Selected)
	return nil
}

// showKPIForm opens the form for k; done gets the edited copy.
func (s *templatesScreen) showKPIForm(title string, k app.KPI, done func(app.KPI)) {
	u := s.u
	f := s.newKPIForm(k)
	items := []*widget.FormItem{{Text: u.T("Name"), Widget: f.name}, {Text: u.T("Group"), Widget: f.group},
		{Text: u.T("Weight"), Widget: f.weight}, {Text: u.T("Default target"), Widget: f.target}}
	d := dialog.NewForm(title, u.T("OK"), u.T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		if err := f.apply(&k); err != nil {
			u.showError(err)
			return
		}
		done(k)
	}, u.win)
	d.Resize(fyne.NewSize(480, 300))
	d.Show()
}

func (s *templatesScreen) onAddKPI() {
	if s.draft == nil {
		return
	}
	id := fmt.Sprintf("k%d", len(s.draft.KPIs)+1)
	for n := len(s.draft.KPIs) + 1; s.draft.KPI(id) != nil; n++ {
		id = fmt.Sprintf("k%d", n+1)
	}
	k := app.CustomKPI(id, "")
	k.Group = app.GroupB
	s.showKPIForm(s.u.T("Add KPI"), k, func(k app.KPI) {
		s.draft.KPIs = append(s.draft.KPIs, k)
		s.klist.Refresh()
	})
}

func (s *templatesScreen) onEditKPI() {
	if s.draft == nil || s.kpiSel < 0 || s.kpiSel >= len(s.draft.KPIs) {
		return
	}
	i := s.kpiSel
	s.showKPIForm(s.u.T("Edit KPI"), s.draft.KPIs[i], func(k app.KPI) {
		s.draft.KPIs[i] = k
		s.klist.Refresh()
	})
}

func (s *templatesScreen) onRemoveKPI() {
	if s.draft == nil || s.kpiSel < 0 || s.kpiSel >= len(s.draft.KPIs) {
		return
	}
	s.draft.KPIs = append(s.draft.KPIs[:s.kpiSel:s.kpiSel], s.draft.KPIs[s.kpiSel+1:]...)
	s.kpiSel = -1
	s.klist.UnselectAll()
	s.klist.Refresh()
	s.enable()
}
