package demo

import "kpiplanner/app"

// tmpl is a KPI template: what a KPI measures and the ranges its synthetic
// numbers are drawn from.
type tmpl struct {
	name, about string
	unit        app.Unit
	dir         app.Direction
	agg         app.Aggregation
	lo, hi      float64 // target drawn from [lo, hi] (cycle total for sum; range centre for range)
	q           float64 // rounding quantum for targets and actuals
	bl, bh      float64 // baseline drawn from [bl, bh]; both 0 = no baseline
	width, tol  float64 // range KPIs: width of the range and tolerance
	dl, dh      float64 // ratio KPIs: denominator per period drawn from [dl, dh]
	dq, nq      float64 // ratio KPIs: rounding quanta of the denominator and numerator
	sd          float64 // relative noise of period values (0 = 0.1)
	src         string
	library     string // id of the KPI library entry it matches, if any
	effort      app.Level
	impact      app.Level
}

// higher returns a higher-is-better template.
func higher(name string, u app.Unit, agg app.Aggregation, a, b, q float64) tmpl {
	return tmpl{name: name, unit: u, dir: app.Higher, agg: agg, lo: a, hi: b, q: q}
}

// lower returns a lower-is-better template.
func lower(name string, u app.Unit, agg app.Aggregation, a, b, q float64) tmpl {
	return tmpl{name: name, unit: u, dir: app.Lower, agg: agg, lo: a, hi: b, q: q}
}

// within returns a range template whose centre is drawn from [a, b].
func within(name string, u app.Unit, agg app.Aggregation, a, b, width, tol, q float64) tmpl {
	return tmpl{name: name, unit: u, dir: app.Range, agg: agg, lo: a, hi: b, width: width, tol: tol, q: q}
}

// milestone returns a done/not-done template.
func milestone(name string) tmpl {
	return tmpl{name: name, unit: app.Number, dir: app.Milestone, agg: app.Last, lo: 1, hi: 1, q: 1}
}

// base sets the baseline range.
func (t tmpl) base(a, b float64) tmpl { t.bl, t.bh = a, b; return t }

// ratio makes t a ratio KPI with a per-period denominator drawn from [a, b].
func (t tmpl) ratio(a, b, dq, nq float64) tmpl {
	t.agg, t.dl, t.dh, t.dq, t.nq = app.Ratio, a, b, dq, nq
	return t
}

// noise sets the relative noise of period values.
func (t tmpl) noise(sd float64) tmpl { t.sd = sd; return t }

// from sets the data source and the effort and impact levels.
func (t tmpl) from(src string, effort, impact app.Level) tmpl {
	t.src, t.effort, t.impact = src, effort, impact
	return t
}

// lib links t to a KPI library entry.
func (t tmpl) lib(id string) tmpl { t.library = id; return t }

// says sets the KPI's description.
func (t tmpl) says(about string) tmpl { t.about = about; return t }

// hasBaseline reports whether t's KPIs start from a baseline.
func (t *tmpl) hasBaseline() bool { return t.bl != 0 || t.bh != 0 }

// commonKPIs can appear in any department's plans.
var commonKPIs = []tmpl{
	higher("Training hours completed", app.Hours, app.Sum, 24, 40, 1).lib("training-hours-per-employee").
		from("hr-records", L, L).says("Hours of courses and workshops attended this year."),
	milestone("Process improvement project delivered").
		from("project-tracker", H, L).says("One documented improvement to a team process, live and handed over."),
	higher("Internal customer satisfaction", app.Score, app.Average, 4.0, 4.5, 0.1).base(3.5, 3.9).noise(0.04).
		from("survey", L, H).says("Average rating (1–5) from colleagues who rely on this role."),
	lower("Reports submitted late", app.Count, app.Sum, 0, 2, 1).base(6, 10).
		from("project-tracker", L, L).says("Weekly and monthly reports handed in after their deadline."),
	within("Department budget used", app.Percent, app.Average, 97, 100, 6, 8, 0.1).noise(0.03).
		from("accounting", L, H).says("Spending as a percentage of the approved monthly budget."),
	higher("Team engagement index", app.Score, app.Last, 75, 85, 1).base(62, 72).noise(0.05).
		from("survey", H, H).says("Quarterly engagement survey index (0–100)."),
}
