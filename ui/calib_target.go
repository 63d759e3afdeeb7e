package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/bonus"
)

// targetForm edits a calibration's target: a percent per band and one
// quota rule ("Excellent at most 20 % of the number rated Good, per unit").
type targetForm struct {
	t        *calibTab
	percents []*keyEntry // by band, lowest first
	qBand    *widget.Select
	qPercent *keyEntry
	qOf      *widget.Select
	qPerUnit *widget.Check
}

// onTarget opens the target form over the calibration's target.
func (t *calibTab) onTarget() {
	u := t.s.u
	f := &targetForm{t: t}
	names := make([]string, len(t.bands))
	items := []*widget.FormItem{widget.NewFormItem("", widget.NewLabel(u.T("Percent of the people rated, per band (blank: no target)")))}
	for i, b := range t.bands {
		names[i] = u.T(b.Name)
		e := newKeyEntry()
		if p, ok := t.cal.Target.Percents[b.Name]; ok {
			e.SetText(u.tr.FormatNumber(p, -1))
		}
		f.percents = append(f.percents, e)
		items = append(items, widget.NewFormItem(names[i], e))
	}
	f.qBand = widget.NewSelect(append([]string{u.T("No quota")}, names...), nil)
	f.qBand.SetSelectedIndex(0)
	f.qPercent = newKeyEntry()
	f.qOf = widget.NewSelect(append([]string{u.T("everyone rated")}, names...), nil)
	f.qOf.SetSelectedIndex(0)
	f.qPerUnit = widget.NewCheck(u.T("per unit"), nil)
	if len(t.cal.Target.Quotas) > 0 {
		f.showQuota(t.cal.Target.Quotas[0])
	}
	quota := container.NewHBox(f.qBand, widget.NewLabel(u.T("at most")), container.NewGridWrap(fyne.NewSize(70, f.qPercent.MinSize().Height), f.qPercent),
		widget.NewLabel(u.T("percent of")), f.qOf, f.qPerUnit)
	items = append(items, widget.NewFormItem(u.T("Quota"), quota))
	d := dialog.NewForm(u.T("Target distribution"), u.T("Save"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			f.save()
		}
	}, u.win)
	d.Resize(fyne.NewSize(760, 460))
	d.Show()
}

// showQuota fills the quota fields from q.
func (f *targetForm) showQuota(q bonus.Quota) {
	u := f.t.s.u
	for i, b := range f.t.bands {
		if b.Name == q.Band {
			f.qBand.SetSelectedIndex(i + 1)
		}
		if b.Name == q.Of {
			f.qOf.SetSelectedIndex(i + 1)
		}
	}
	f.qPercent.SetText(u.tr.FormatNumber(q.Percent, -1))
	f.qPerUnit.SetChecked(q.PerUnit)
}

// read returns the target the form says, or an error naming the bad field.
func (f *targetForm) read() (bonus.Target, error) {
	u, t := f.t.s.u, f.t
	tg := bonus.Target{Percents: map[string]float64{}, Tolerance: t.cal.Target.Tolerance}
	for i, e := range f.percents {
		if strings.TrimSpace(e.Text) == "" {
			continue
		}
		x, err := u.tr.ParseNumber(e.Text)
		if err != nil {
			return tg, errors.New(u.T("%s: %s", u.T(t.bands[i].Name), u.tr.Err(err)))
		}
		tg.Percents[t.bands[i].Name] = x
	}
	if i := f.qBand.SelectedIndex(); i > 0 {
		x, err := u.tr.ParseNumber(f.qPercent.Text)
		if err != nil {
			return tg, errors.New(u.T("%s: %s", u.T("Quota"), u.tr.Err(err)))
		}
		q := bonus.Quota{Band: t.bands[i-1].Name, Percent: x, PerUnit: f.qPerUnit.Checked}
		if j := f.qOf.SelectedIndex(); j > 0 {
			q.Of = t.bands[j-1].Name
		}
		tg.Quotas = []bonus.Quota{q}
	}
	return tg, nil
}

// save stores the target and reloads the calibration with it.
func (f *targetForm) save() {
	t := f.t
	u := t.s.u
	tg, err := f.read()
	if err != nil {
		showMessage(u.win, u.T("Check the target"), err.Error())
		return
	}
	t.saveTarget(tg)
}

// saveTarget stores tg as the calibration's target and reloads.
func (t *calibTab) saveTarget(tg bonus.Target) {
	u := t.s.u
	u.async(func() error { return u.ws.SaveTarget(t.cycle, t.unit, tg) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Target saved"))
		t.load()
	})
}
