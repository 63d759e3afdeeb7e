package ui

import (
	"errors"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// phaseDialog edits one KPI's targets per period in the plan's draft:
// split evenly, by last cycle's actuals or typed by hand, with a live check
// that a sum KPI's parts add up to its cycle target. The KPI table's
// validation then checks them like any other field.
type phaseDialog struct {
	t       *kpiTable
	id      string // the KPI
	periods []app.Period
	entries []*planEntry
	sum     *widget.Label
	even    *widget.Button
	byLast  *widget.Button
	clear   *widget.Button
	dlg     *dialog.ConfirmDialog
}

// newPhaseButton returns the KPI row's button that opens its phasing dialog;
// its text says whether the KPI has targets per period.
func (t *kpiTable) newPhaseButton(r *kpiRow, k *app.KPI) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.ListIcon(), func() { t.openPhase(r.id) })
	r.phase = b
	t.phaseText(r, k)
	return b
}

// phaseText shows on r's button how many periods have a target.
func (t *kpiTable) phaseText(r *kpiRow, k *app.KPI) {
	u := t.s.u
	if r.phase == nil {
		return
	}
	if n := len(k.PeriodTargets); n > 0 {
		r.phase.SetText(u.T("%d periods", n))
	} else {
		r.phase.SetText(u.T("Phase…"))
	}
	if k.Direction == app.Higher || k.Direction == app.Lower {
		r.phase.Enable()
	} else {
		r.phase.Disable()
	}
}

// openPhase shows the phasing dialog of KPI id.
func (t *kpiTable) openPhase(id string) *phaseDialog {
	u := t.s.u
	k := t.s.draft.KPI(id)
	if k == nil {
		return nil
	}
	d := &phaseDialog{t: t, id: id, periods: t.s.draft.Cycle.Periods()}
	d.sum = widget.NewLabel("")
	d.sum.Wrapping = fyne.TextWrapWord
	d.even = widget.NewButton(u.T("Evenly"), d.onEven)
	d.byLast = widget.NewButton(u.T("By last cycle"), d.onByLast)
	d.clear = widget.NewButton(u.T("Clear"), func() { d.fill(nil) })
	form := container.New(layout.NewFormLayout())
	for _, p := range d.periods {
		e := newPlanEntry(u.win)
		e.OnChanged = func(string) { d.check() }
		d.entries = append(d.entries, e)
		form.Add(widget.NewLabel(p.Label))
		form.Add(e)
	}
	d.fill(k.PeriodTargets)
	head := widget.NewLabel(u.T("Target for the cycle: %s (%s). Leave a period empty when it has no target of its own.",
		u.tr.FormatNumber(k.Target, -1), u.tr.Name(string(k.Aggregation))))
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head, container.NewHBox(d.even, d.byLast, d.clear))
	scroll := container.NewVScroll(form)
	content := container.NewBorder(top, d.sum, nil, nil, scroll)
	d.dlg = dialog.NewCustomConfirm(u.T("Targets per period of %s", kpiName(u, k)), u.T("Apply"), u.T("Cancel"), content, d.onDone, u.win)
	d.dlg.Resize(fyne.NewSize(560, 520)) // fits 1024×600
	d.dlg.Show()
	return d
}

// fill shows ts in the entries, one per period (empty where none).
func (d *phaseDialog) fill(ts []app.PeriodTarget) {
	tr := d.t.s.u.tr
	for _, e := range d.entries {
		e.SetText("")
	}
	for _, pt := range ts {
		if pt.Period >= 0 && pt.Period < len(d.entries) {
			d.entries[pt.Period].SetText(tr.FormatNumber(pt.Value, -1))
		}
	}
	d.check()
}

// read returns the typed targets; bad is the first period that cannot be read.
func (d *phaseDialog) read() (ts []app.PeriodTarget, bad int) {
	for i, e := range d.entries {
		if e.Text == "" {
			continue
		}
		v, err := d.t.s.u.tr.ParseNumber(e.Text)
		if err != nil {
			return nil, i
		}
		ts = append(ts, app.PeriodTarget{Period: i, Value: v})
	}
	return ts, -1
}

// check shows the sum of the typed targets against a sum KPI's cycle target.
func (d *phaseDialog) check() {
	u := d.t.s.u
	k := d.t.s.draft.KPI(d.id)
	ts, bad := d.read()
	switch {
	case k == nil:
		return
	case bad >= 0:
		d.sum.SetText(u.T("%s: not a number", d.periods[bad].Label))
		d.sum.Importance = widget.DangerImportance
	case k.Aggregation != app.Sum:
		d.sum.SetText(u.T("Each period is scored against its own target; periods left empty use the cycle target."))
		d.sum.Importance = widget.LowImportance
	default:
		total := 0.0
		for _, t := range ts {
			total += t.Value
		}
		d.sum.SetText(u.T("Sum of the periods: %s of %s", u.tr.FormatNumber(total, -1), u.tr.FormatNumber(k.Target, -1)))
		d.sum.Importance = widget.SuccessImportance
		if len(ts) > 0 && math.Abs(total-k.Target) > 1e-6*math.Max(1, math.Abs(k.Target)) {
			d.sum.Importance = widget.DangerImportance
		}
	}
	d.sum.Refresh()
}

func (d *phaseDialog) onEven() {
	k := d.t.s.draft.KPI(d.id)
	if k == nil {
		return
	}
	ts, err := app.PhaseEven(k, len(d.periods))
	if err != nil {
		d.t.s.u.showError(err)
		return
	}
	d.fill(ts)
}

// onByLast splits the target by the person's previous plan's actuals,
// reading the plans off the UI goroutine.
func (d *phaseDialog) onByLast() {
	u := d.t.s.u
	draft := d.t.s.draft.Clone()
	k := draft.KPI(d.id)
	if k == nil {
		return
	}
	var ts []app.PeriodTarget
	u.async(func() error {
		plans, err := u.ws.Store().Plans()
		if err != nil {
			return err
		}
		ts, err = app.PhaseByLastCycle(plans, draft, k)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.fill(ts)
	})
}

// onDone writes the typed targets into the draft when applied.
func (d *phaseDialog) onDone(ok bool) {
	if !ok {
		return
	}
	k := d.t.s.draft.KPI(d.id)
	ts, bad := d.read()
	if k == nil {
		return
	}
	if bad >= 0 {
		d.t.s.u.showError(errors.New(d.t.s.u.T("%s: not a number", d.periods[bad].Label)))
		return
	}
	k.PeriodTargets = ts
	for _, r := range d.t.rows {
		if r.id == d.id {
			d.t.phaseText(r, k)
		}
	}
	d.t.changed()
}
