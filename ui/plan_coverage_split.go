package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/cascade"
	"kpiplanner/app/i18n"
)

// splitMethods are the split choices, in the order shown.
var splitMethods = []struct {
	label  string
	method cascade.Method
}{{i18n.N("Equally"), cascade.Equal}, {i18n.N("By last cycle's share"), cascade.LastCycle}, {i18n.N("By hand (weights)"), cascade.ByHand}}

// splitForm asks how to split the target of one unit KPI.
type splitForm struct {
	c       *coverageTab
	line    cascade.Line
	names   []string // the contributing plans
	method  *widget.RadioGroup
	weights []*widget.Entry // one per contributor, for by-hand splits
	dlg     dialog.Dialog
}

// onSplit asks how to split line i's target, previews the parts, then applies them.
func (c *coverageTab) onSplit(i int) {
	u := c.s.u
	f := &splitForm{c: c, line: c.lines[i], names: c.names[i]}
	labels := make([]string, len(splitMethods))
	for j, m := range splitMethods {
		labels[j] = u.T(m.label)
	}
	f.method = widget.NewRadioGroup(labels, f.onMethod)
	items := []*widget.FormItem{widget.NewFormItem(u.T("Split"), f.method)}
	for _, p := range f.names {
		e := widget.NewEntry()
		e.SetText("1")
		e.Disable()
		f.weights = append(f.weights, e)
		items = append(items, widget.NewFormItem(p, e))
	}
	f.method.SetSelected(labels[0])
	f.dlg = dialog.NewForm(u.T("Split target of %s", f.line.KPI.Name), u.T("Preview"), u.T("Cancel"), items, f.onPreview, u.win)
	f.dlg.Resize(fyne.NewSize(520, 360))
	f.dlg.Show()
}

func (f *splitForm) chosen() cascade.Method {
	for i, m := range splitMethods {
		if f.c.s.u.T(m.label) == f.method.Selected {
			return splitMethods[i].method
		}
	}
	return cascade.Equal
}

func (f *splitForm) onMethod(string) {
	byHand := f.chosen() == cascade.ByHand
	for _, e := range f.weights {
		if byHand {
			e.Enable()
		} else {
			e.Disable()
		}
	}
}

// onPreview computes the parts in the background and asks to apply them.
func (f *splitForm) onPreview(ok bool) {
	if !ok {
		return
	}
	u := f.c.s.u
	var hand []float64
	if f.chosen() == cascade.ByHand {
		for i, e := range f.weights {
			v, err := u.tr.ParseNumber(e.Text)
			if err != nil {
				u.showError(errors.New(u.T("Weight of %s: %s", f.names[i], u.tr.Err(err))))
				return
			}
			hand = append(hand, v)
		}
	}
	var parts []cascade.Part
	var lines []string
	method, planID, kpiID, target := f.chosen(), f.line.Plan.ID, f.line.KPI.ID, f.line.KPI.Target
	u.async(func() error {
		var err error
		if parts, err = u.ws.SplitPlan(planID, kpiID, method, hand, 1); err != nil {
			return err
		}
		for _, p := range parts {
			lines = append(lines, u.T("%s: %s (target %s)", p.Plan.Name, cascade.AmountAs(u.tr, p.Part, target), cascade.AmountAs(u.tr, p.Target, target)))
		}
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.confirm(u.T("Split target of %s", f.line.KPI.Name), strings.Join(lines, "\n"), func() { f.apply(parts) })
	})
}

// apply writes the parts, asking for a reason first when a plan was approved once.
func (f *splitForm) apply(parts []cascade.Part) {
	u := f.c.s.u
	write := func(reason string) {
		u.async(func() error { return u.ws.ApplySplit(parts, reason) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(u.T("Target split over %d KPIs.", len(parts)))
			f.c.reload()
		})
	}
	for _, p := range parts {
		if p.Plan.ApprovedOnce {
			u.askReason(u.T("Split target of %s", f.line.KPI.Name), u.T("Some of these plans were approved: why do their targets change?"), write)
			return
		}
	}
	write("")
}
