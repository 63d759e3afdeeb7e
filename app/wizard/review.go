package wizard

import (
	"kpiplanner/app"
	"kpiplanner/app/smart"
)

// Warning is something the review step points out before saving: a plan
// warning (too many KPIs, group weights, empty groups, vanity metrics) or a
// SMART letter a KPI fails or only passes with a warning.
type Warning struct {
	KPI     string        // KPI id; "" for plan-level warnings
	Name    string        // the KPI's name; "" for plan-level warnings
	Letter  smart.Letter  // the SMART letter; "" for plan-level warnings
	Verdict smart.Verdict // Warn or Fail
	Msg     app.Msg
}

// Warnings returns every warning of the plan: plan-level ones first (from
// smart.Plan), then each KPI's non-passing SMART letters in S-M-A-R-T order.
func (d *Draft) Warnings() []Warning {
	var out []Warning
	for _, w := range smart.Plan(d.Plan, d.Catalog()) {
		ww := Warning{KPI: w.KPI, Verdict: smart.Warn, Msg: w.Msg}
		if k := d.Plan.KPI(w.KPI); k != nil {
			ww.Name = k.Name
		}
		out = append(out, ww)
	}
	for _, k := range d.Plan.KPIs {
		for _, c := range smart.KPI(d.Plan, &k, d.Catalog()) {
			if c.Verdict != smart.Pass {
				out = append(out, Warning{KPI: k.ID, Name: k.Name, Letter: c.Letter, Verdict: c.Verdict, Msg: c.Reason})
			}
		}
	}
	return out
}

// Reopen turns the plan back into a draft, e.g. when saving it failed
// after Activate.
func (d *Draft) Reopen() { d.Plan.Status = app.Draft }
