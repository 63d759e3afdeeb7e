// Package sheettest holds plans that exercise every scoring rule, for the
// export and spreadsheet round-trip tests of app/sheet and storage/xlsx.
package sheettest

import (
	"kpiplanner/app"
)

// Case is a plan to export with the window to score it over.
type Case struct {
	Name string
	Plan *app.Plan
	At   int // as score.Plan takes it; -1 = the whole cycle
}

// half is January–June 2026, monthly: six periods.
var half = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 6, 30), Frequency: app.Monthly}

// year is 2026, monthly: twelve periods.
var year = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}

func plan(name string, c app.Cycle, kpis ...app.KPI) *app.Plan {
	p := app.NewPlan()
	p.Name = name
	p.Status = app.Approved
	p.Person = app.Person{Name: name, Department: "Marketing", Position: "Specialist", BaseBonus: 10_000_000, Currency: "VND"}
	p.Cycle = c
	p.Goal = app.Goal{Text: "Increase revenue from new customers by 20% in 6 months"}
	p.KPIs = kpis
	return p
}

// kpi returns a KPI with one actual per value, from period 0.
func kpi(id string, g app.Group, d app.Direction, agg app.Aggregation, target float64, values ...float64) app.KPI {
	k := app.KPI{ID: id, Name: "KPI " + id, Unit: app.Number, Direction: d, Aggregation: agg, Target: target, Weight: 1, Group: g}
	for i, v := range values {
		k.Actuals = append(k.Actuals, app.Actual{Period: i, Value: v})
	}
	return k
}

func with(k app.KPI, f func(*app.KPI)) app.KPI { f(&k); return k }

// Cases returns plans covering every direction (with and without
// baseline), range tolerance, milestones, floors, caps, step bands, KPIs and
// groups without data, ratio KPIs, pro-rata sum targets, weight-0 KPIs,
// band and linear bonuses, a total exactly on a band threshold, and plans
// with no score at all.
func Cases() []Case {
	return []Case{
		{"directions", directions(), -1},
		{"floor-cap-steps", floorCapSteps(), -1},
		{"no-data-ratio", noDataRatio(), -1},
		{"sum-pro-rata", sumProRata(), 2},
		{"linear-bonus", linearBonus(), -1},
		{"linear-capped", linearCapped(), -1},
		{"threshold", threshold(), -1},
		{"nothing-scored", nothingScored(), -1},
		{"no-kpis", plan("No KPIs", half), -1},
		{"weekly-window", weekly(), 5},
		{"period-targets", PeriodTargets(), 2},
		{"team-component", team(), -1},
	}
}

func directions() *app.Plan {
	return plan("Directions", half,
		kpi("h1", app.GroupA, app.Higher, app.Average, 100, 90),                                                        // 90/100 = 0.9
		with(kpi("h2", app.GroupA, app.Higher, app.Average, 100, 80), func(k *app.KPI) { k.Baseline = app.Float(50) }), // (80−50)/(100−50) = 0.6
		with(kpi("l1", app.GroupB, app.Lower, app.Average, 20, 25), func(k *app.KPI) { k.Weight = 2 }),                 // 20/25 = 0.8
		kpi("l2", app.GroupB, app.Lower, app.Last, 20, 5, 0),                                                           // x = 0 → cap 1.2
		with(kpi("l3", app.GroupB, app.Lower, app.Average, 0, 2), func(k *app.KPI) { k.Baseline = app.Float(10) }),     // (10−2)/(10−0) = 0.8
		rangeKPI("r1", 100), // inside [95, 105] → 1
		rangeKPI("r2", 110), // 1 − 5/10 = 0.5
		rangeKPI("r3", 80),  // 1 − 15/10 < 0 → 0
		kpi("m1", app.GroupC, app.Milestone, app.Last, 1, 0, 1),                                                      // done → 1
		kpi("m2", app.GroupC, app.Milestone, app.Last, 1, 0.99),                                                      // 0.99 < 1 → 0
		with(kpi("h3", app.GroupA, app.Higher, app.Average, 100, 110, 95, 100), func(k *app.KPI) { k.Weight = 3.5 }), // mean 101.666… → 1.01666…
	)
}

func rangeKPI(id string, x float64) app.KPI {
	return with(kpi(id, app.GroupC, app.Range, app.Average, 100, x), func(k *app.KPI) {
		k.RangeLow, k.RangeHigh, k.Tolerance = 95, 105, 10
	})
}

func floorCapSteps() *app.Plan {
	steps := []app.StepBand{{From: 0.8, Score: 60}, {From: 1.0, Score: 100}, {From: 1.2, Score: 120}}
	p := plan("Floor cap steps", half,
		with(kpi("f1", app.GroupA, app.Higher, app.Sum, 100, 49), func(k *app.KPI) { k.Floor = app.Float(0.5) }),   // 0.49 < floor → 0
		with(kpi("f2", app.GroupA, app.Higher, app.Sum, 100, 50), func(k *app.KPI) { k.Floor = app.Float(0.5) }),   // 0.5 = floor → 0.5
		kpi("c1", app.GroupA, app.Higher, app.Sum, 100, 150),                                                       // capped at 1.2
		with(kpi("c2", app.GroupA, app.Higher, app.Sum, 100, 140), func(k *app.KPI) { k.Cap = app.Float(1.5) }),    // own cap 1.5 → 1.4
		with(kpi("n1", app.GroupB, app.Higher, app.Sum, 100, 40), func(k *app.KPI) { k.Baseline = app.Float(50) }), // −0.2 → 0
		with(kpi("s1", app.GroupB, app.Higher, app.Sum, 100, 79), func(k *app.KPI) { k.Steps = steps }),            // 0.79 → 0
		with(kpi("s2", app.GroupB, app.Higher, app.Sum, 100, 90), func(k *app.KPI) { k.Steps = steps }),            // 0.9 → 60
		with(kpi("s3", app.GroupC, app.Higher, app.Sum, 100, 100), func(k *app.KPI) { k.Steps = steps }),           // 1.0 → 100
		with(kpi("s4", app.GroupC, app.Higher, app.Sum, 100, 130), func(k *app.KPI) { k.Steps = steps }),           // 1.2 (capped) → 120
		with(kpi("w0", app.GroupC, app.Higher, app.Sum, 100, 10), func(k *app.KPI) { k.Weight = 0 }),               // weight 0: shown, not counted
	)
	p.Rules.Floor = 0.1
	p.Rules.Cap = 1.2
	return p
}

func noDataRatio() *app.Plan {
	conv := app.KPI{ID: "cr", Name: "Conversion rate", Unit: app.Percent, Direction: app.Higher, Aggregation: app.Ratio,
		Target: 3, Weight: 2, Group: app.GroupA,
		Actuals: []app.Actual{{Period: 0, Value: 3, Den: 100}, {Period: 1, Value: 5, Den: 150}}} // 8/250×100 = 3.2 → 1.0666…
	roas := app.KPI{ID: "roas", Name: "ROAS", Unit: app.Ratio1, Direction: app.Higher, Aggregation: app.Ratio,
		Target: 4, Weight: 1, Group: app.GroupA,
		Actuals: []app.Actual{{Period: 0, Value: 300, Den: 100}, {Period: 2, Value: 500, Den: 100}}} // 800/200 = 4 → 1
	zero := app.KPI{ID: "z", Name: "Zero denominators", Unit: app.Percent, Direction: app.Higher, Aggregation: app.Ratio,
		Target: 5, Weight: 1, Group: app.GroupA,
		Actuals: []app.Actual{{Period: 0, Value: 0, Den: 0}}} // Σ den = 0 → no data
	cost := app.KPI{ID: "cpl", Name: "Cost per lead", Unit: app.Currency, Direction: app.Lower, Aggregation: app.Ratio,
		Target: 150_000, Weight: 1, Group: app.GroupB,
		Actuals: []app.Actual{{Period: 0, Value: 12_000_000, Den: 70}, {Period: 1, Value: 9_000_000, Den: 50}}} // 21e6/120 = 175 000 → 0.857…
	return plan("No data ratio", half, conv, roas, zero, cost,
		kpi("nd", app.GroupB, app.Higher, app.Average, 10),       // no actuals → no data
		kpi("mn", app.GroupB, app.Higher, app.Min, 10, 12, 7, 9), // min 7 → 0.7
		kpi("mx", app.GroupB, app.Lower, app.Max, 10, 8, 12, 9),  // max 12 → 10/12
		kpi("c1", app.GroupC, app.Higher, app.Average, 10),       // group C has no data at all
	)
}

func sumProRata() *app.Plan {
	p := plan("Sum pro rata", year,
		kpi("rev", app.GroupA, app.Higher, app.Sum, 1200, 100, 120, 110, 500),                                                 // window to March: 330/300 = 1.1
		with(kpi("newc", app.GroupA, app.Higher, app.Sum, 240, 15, 20, 22), func(k *app.KPI) { k.Baseline = app.Float(120) }), // (57−30)/(60−30) = 0.9
		with(kpi("bud", app.GroupB, app.Range, app.Sum, 1200, 290, 5, 10), func(k *app.KPI) { // 305 in [285, 315] → 1
			k.RangeLow, k.RangeHigh, k.Tolerance = 1140, 1260, 120
		}),
		with(kpi("cost", app.GroupB, app.Lower, app.Sum, 120, 20, 20, 20), func(k *app.KPI) { k.Baseline = app.Float(240) }), // (60−60)/(60−30) = 0
		kpi("avg", app.GroupC, app.Higher, app.Average, 50, 40, 60, 50, 10),                                                  // mean of 3 = 50 → 1
	)
	p.Person.BaseBonus = 12_345_000
	return p
}

// team is the linear-bonus plan in band mode with a team weight of 30 and
// a unit plan at 100 in every period: own 86.25 (Fair), combined
// 0.7 × 86.25 + 0.3 × 100 = 60.375 + 30 = 90.375, rounded 90.38 (Good).
func team() *app.Plan {
	p := linearBonus()
	p.Name, p.Person.Name = "Team component", "Team component"
	p.Rules.BonusMode, p.Rules.TeamWeight = app.BonusBand, 30
	p.UnitTotals = []float64{100, 100, 100, 100, 100, 100} // derived on load from the unit plan
	return p
}

func linearBonus() *app.Plan {
	p := plan("Linear bonus", half,
		with(kpi("a", app.GroupA, app.Higher, app.Average, 100, 100), func(k *app.KPI) { k.Weight = 2 }), // 100
		kpi("b", app.GroupA, app.Higher, app.Average, 100, 70),                                           // 70 → A = 90
		kpi("c", app.GroupB, app.Higher, app.Average, 100, 80),                                           // B = 80
		kpi("d", app.GroupC, app.Higher, app.Average, 100),                                               // no data
	)
	p.Rules.BonusMode = app.BonusLinear // total 86.25 → 10 000 000 × 0.8625
	return p
}

func linearCapped() *app.Plan {
	p := linearBonus()
	p.Name, p.Person.Name = "Linear capped", "Linear capped"
	p.Rules.LinearCap = 0.8 // 10 000 000 × min(0.8625, 0.8) = 8 000 000
	p.Person.Currency = "USD"
	p.Person.BaseBonus = 1234.56
	return p
}

func threshold() *app.Plan {
	return plan("Threshold", half,
		kpi("t", app.GroupA, app.Higher, app.Average, 100, 110), // total exactly 110 → Excellent
	)
}

func nothingScored() *app.Plan {
	return plan("Nothing scored", half,
		kpi("x", app.GroupA, app.Higher, app.Average, 100),
		kpi("y", app.GroupB, app.Lower, app.Last, 10),
	)
}

func weekly() *app.Plan {
	c := app.Cycle{Start: app.NewDate(2026, 1, 5), End: app.NewDate(2026, 3, 29), Frequency: app.Weekly}
	p := plan("Weekly window", c,
		kpi("calls", app.GroupA, app.Higher, app.Sum, 1200, 100, 90, 110, 95, 105, 120, 80), // 6 of 12 weeks: 620/600
		kpi("nps", app.GroupB, app.Higher, app.Last, 50, 40, 45, 52, 48, 55, 51, 60),        // last in window 51 → 1.02
	)
	p.Rules.GroupWeights = map[app.Group]float64{app.GroupA: 70, app.GroupB: 30}
	return p
}

// monthlyPlan is a year's monthly plan of 1200 with more in Q4: 50 in
// January and February, 100 from March to November, 200 in December.
var monthlyPlan = []float64{50, 50, 100, 100, 100, 100, 100, 100, 100, 100, 100, 200}

// PeriodTargets is a 2026 monthly plan whose KPIs have targets per period,
// scored to March (hand-computed in the comments; docs/scoring.md §2).
func PeriodTargets() *app.Plan {
	p := plan("Period targets", year,
		with(kpi("rev", app.GroupA, app.Higher, app.Sum, 1200, 60, 40, 110), func(k *app.KPI) { // 210 ÷ (50+50+100) = 1.05 (pro rata: 210/300 = 0.7)
			k.PeriodTargets = app.PeriodTargetsOf(monthlyPlan)
			k.Reference = app.Float(1000)
		}),
		with(kpi("newc", app.GroupA, app.Higher, app.Sum, 1200, 60, 40, 110), func(k *app.KPI) { // f = 200/1200, b = 100: (210−100)/(200−100) = 1.1
			k.PeriodTargets = app.PeriodTargetsOf(monthlyPlan)
			k.Baseline = app.Float(600)
		}),
		with(kpi("sat", app.GroupB, app.Higher, app.Average, 80, 72, 80, 85), func(k *app.KPI) { // mean 79 ÷ March's 90 = 0.8777…
			k.PeriodTargets = []app.PeriodTarget{{Period: 0, Value: 70}, {Period: 1, Value: 75}, {Period: 2, Value: 90}}
		}),
		with(kpi("late", app.GroupB, app.Lower, app.Last, 5, 6, 5, 4.5), func(k *app.KPI) { // March's 4 ÷ last 4.5 = 0.888…
			k.PeriodTargets = []app.PeriodTarget{{Period: 2, Value: 4}, {Period: 11, Value: 3}}
		}),
		with(kpi("peak", app.GroupC, app.Higher, app.Max, 50, 30, 45), func(k *app.KPI) { // March has no target: max 45 ÷ 50 = 0.9
			k.PeriodTargets = []app.PeriodTarget{{Period: 0, Value: 40}}
		}),
	)
	return p
}
