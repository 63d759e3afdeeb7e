package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

// customKPIForm collects a user's own library entry.
type customKPIForm struct {
	s                    *libraryScreen
	nameVI, nameEN, desc *widget.Entry
	formula, source      *widget.Entry
	unit, dir, agg, dept *choice
	effort, impact       *choice
}

// onAdd opens the form for a new library entry of the user's own.
func (s *libraryScreen) onAdd() {
	newCustomKPIForm(s).show()
}

// newCustomKPIForm returns the form for a new entry, with the default unit,
// direction and aggregation of a KPI of the user's own.
func newCustomKPIForm(s *libraryScreen) *customKPIForm {
	u := s.u
	f := &customKPIForm{s: s,
		nameVI: widget.NewEntry(), nameEN: widget.NewEntry(), desc: widget.NewMultiLineEntry(),
		formula: widget.NewEntry(), source: widget.NewEntry(),
		unit:   newChoiceOf(u, app.Units, app.DefaultUnit),
		dir:    newChoiceOf(u, app.Directions, app.DefaultDirection),
		agg:    newChoiceOf(u, app.Aggregations, app.DefaultAggregation),
		dept:   newChoiceOf(u, labelIDs(library.Departments), "marketing"),
		effort: newChoiceOf(u, []app.Level{app.High, app.Low}, app.Low),
		impact: newChoiceOf(u, []app.Level{app.High, app.Low}, app.High),
	}
	f.nameVI.SetPlaceHolder("Số cuộc gọi tư vấn thành công")
	f.nameEN.SetPlaceHolder("Successful advice calls")
	f.desc.SetMinRowsVisible(2)
	f.formula.SetPlaceHolder(u.T("e.g. orders ÷ sessions × 100"))
	f.source.SetPlaceHolder(u.T("e.g. CRM, Google Analytics"))
	return f
}

// show opens the form in a dialog.
func (f *customKPIForm) show() {
	u := f.s.u
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("Name (Vietnamese)"), f.nameVI),
		widget.NewFormItem(u.T("Name (English)"), f.nameEN),
		widget.NewFormItem(u.T("Description"), f.desc),
		widget.NewFormItem(u.T("Formula"), f.formula),
		widget.NewFormItem(u.T("Unit"), f.unit.sel),
		widget.NewFormItem(u.T("Direction"), f.dir.sel),
		widget.NewFormItem(u.T("Aggregation"), f.agg.sel),
		widget.NewFormItem(u.T("Department"), f.dept.sel),
		widget.NewFormItem(u.T("Data source"), f.source),
		widget.NewFormItem(u.T("Effort"), f.effort.sel),
		widget.NewFormItem(u.T("Impact"), f.impact.sel),
	}
	d := dialog.NewForm(u.T("Add your own KPI"), u.T("Save"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			f.onSave()
		}
	}, u.win)
	d.Resize(fyne.NewSize(620, 640))
	u.formKeys(d, items)
	d.Show()
}

// entry builds the library entry the form describes.
func (f *customKPIForm) entry() app.LibraryEntry {
	name := app.Text{VI: f.nameVI.Text, EN: f.nameEN.Text}
	return app.LibraryEntry{
		ID:   f.s.u.lib.NewID(name.In("en")),
		Name: name, Description: app.Text{VI: f.desc.Text, EN: f.desc.Text},
		Formula: app.Text{VI: f.formula.Text, EN: f.formula.Text},
		Unit:    app.Unit(f.unit.value()), Direction: app.Direction(f.dir.value()),
		Aggregation: app.Aggregation(f.agg.value()), Department: f.dept.value(),
		Perspective: "internal-process", Tier: "tactical", DataSource: f.source.Text,
		Effort: app.Level(f.effort.value()), Impact: app.Level(f.impact.value()),
		Custom: true,
	}
}

func (f *customKPIForm) onSave() {
	u, e := f.s.u, f.entry()
	u.async(func() error {
		if err := library.SaveCustom(u.ws.Store(), e); err != nil {
			return err
		}
		return f.s.reloadLibrary()
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Saved to the library: %s", e.Name.In(u.tr.Lang())))
		f.s.refresh()
	})
}

func labelIDs(ls []library.Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.ID
	}
	return out
}
