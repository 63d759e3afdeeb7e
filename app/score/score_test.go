package score

import (
	"math"
	"testing"

	"kpiplanner/app"
)

// yearPlan returns an active plan over 2026 with monthly periods (12) and the default rules.
func yearPlan(kpis ...app.KPI) *app.Plan {
	p := app.NewPlan()
	p.Name = "test"
	p.Status = app.Approved
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	p.Person.BaseBonus = 10_000_000
	p.KPIs = kpis
	return p
}

// vals makes actuals for consecutive periods from 0; NaN leaves a gap.
func vals(vs ...float64) []app.Actual {
	var out []app.Actual
	for i, v := range vs {
		if !math.IsNaN(v) {
			out = append(out, app.Actual{Period: i, Value: v})
		}
	}
	return out
}

var gap = math.NaN()

func kpi(dir app.Direction, agg app.Aggregation, target float64, actuals []app.Actual) app.KPI {
	return app.KPI{ID: "k", Name: "k", Unit: app.Number, Direction: dir, Aggregation: agg,
		Target: target, Weight: 1, Group: app.GroupA, Actuals: actuals}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestKPIScore(t *testing.T) {
	withBase := func(k app.KPI, b float64) app.KPI { k.Baseline = app.Float(b); return k }
	withRange := func(lo, hi, tol float64, actuals []app.Actual) app.KPI {
		k := kpi(app.Range, app.Last, 0, actuals)
		k.RangeLow, k.RangeHigh, k.Tolerance = lo, hi, tol
		return k
	}
	withFloor := func(k app.KPI, f float64) app.KPI { k.Floor = app.Float(f); return k }
	withCap := func(k app.KPI, c float64) app.KPI { k.Cap = app.Float(c); return k }
	steps := []app.StepBand{{From: 0.8, Score: 60}, {From: 1.0, Score: 100}, {From: 1.2, Score: 120}}
	withSteps := func(k app.KPI) app.KPI { k.Steps = steps; return k }
	ratio := func(unit app.Unit, target float64, acts ...app.Actual) app.KPI {
		k := kpi(app.Higher, app.Ratio, target, acts)
		k.Unit = unit
		return k
	}
	tests := []struct {
		name        string
		k           app.KPI
		at          int
		actual      float64
		target      float64
		achievement float64
		score       float64
		noData      bool
	}{
		// higher, no baseline: a = actual / target
		{"higher plain", kpi(app.Higher, app.Last, 100, vals(90)), -1, 90, 100, 0.9, 90, false},        // 90/100
		{"higher over cap", kpi(app.Higher, app.Last, 100, vals(150)), -1, 150, 100, 1.2, 120, false},  // 1.5 → cap 1.2
		{"higher exactly on", kpi(app.Higher, app.Last, 100, vals(100)), -1, 100, 100, 1, 100, false},  // 100/100
		{"higher negative actual", kpi(app.Higher, app.Last, 100, vals(-5)), -1, -5, 100, 0, 0, false}, // -0.05 < floor 0 → 0
		// higher with baseline b < target: a = (actual − b) / (target − b)
		{"higher baseline", withBase(kpi(app.Higher, app.Last, 100, vals(80)), 50), -1, 80, 100, 0.6, 60, false},    // (80−50)/(100−50)
		{"higher below baseline", withBase(kpi(app.Higher, app.Last, 100, vals(40)), 50), -1, 40, 100, 0, 0, false}, // −0.2 → 0
		// lower, no baseline: a = target / actual; actual ≤ 0 → cap
		{"lower plain", kpi(app.Lower, app.Last, 20, vals(25)), -1, 25, 20, 0.8, 80, false},   // 20/25
		{"lower beaten", kpi(app.Lower, app.Last, 20, vals(10)), -1, 10, 20, 1.2, 120, false}, // 20/10 = 2 → cap 1.2
		{"lower zero actual", kpi(app.Lower, app.Last, 20, vals(0)), -1, 0, 20, 1.2, 120, false},
		{"lower negative actual", kpi(app.Lower, app.Last, 20, vals(-3)), -1, -3, 20, 1.2, 120, false},
		{"lower zero actual own cap", withCap(kpi(app.Lower, app.Last, 20, vals(0)), 1.5), -1, 0, 20, 1.5, 150, false},
		// lower with baseline b > target: a = (b − actual) / (b − target); "0 complaints"
		{"zero complaints met", withBase(kpi(app.Lower, app.Last, 0, vals(0)), 10), -1, 0, 0, 1, 100, false},   // (10−0)/(10−0)
		{"zero complaints part", withBase(kpi(app.Lower, app.Last, 0, vals(2)), 10), -1, 2, 0, 0.8, 80, false}, // (10−2)/10
		{"complaints worse", withBase(kpi(app.Lower, app.Last, 0, vals(12)), 10), -1, 12, 0, 0, 0, false},      // −0.2 → 0
		// range [95, 105], tolerance 10: inside → 1, outside → max(0, 1 − d/t)
		{"range inside", withRange(95, 105, 10, vals(100)), -1, 100, 0, 1, 100, false},
		{"range on low bound", withRange(95, 105, 10, vals(95)), -1, 95, 0, 1, 100, false},
		{"range above", withRange(95, 105, 10, vals(110)), -1, 110, 0, 0.5, 50, false},    // d=5: 1 − 5/10
		{"range below", withRange(95, 105, 10, vals(92.5)), -1, 92.5, 0, 0.75, 75, false}, // d=2.5: 1 − 2.5/10
		{"range far", withRange(95, 105, 10, vals(80)), -1, 80, 0, 0, 0, false},           // 1 − 15/10 < 0 → 0
		// milestone: actual ≥ 1 → 1, else 0
		{"milestone done", kpi(app.Milestone, app.Last, 1, vals(1)), -1, 1, 1, 1, 100, false},
		{"milestone not done", kpi(app.Milestone, app.Last, 1, vals(0.99)), -1, 0.99, 1, 0, 0, false},
		// floor: a < floor → 0; a = floor is kept
		{"below floor", withFloor(kpi(app.Higher, app.Last, 100, vals(49)), 0.5), -1, 49, 100, 0, 0, false}, // 0.49 < 0.5
		{"at floor", withFloor(kpi(app.Higher, app.Last, 100, vals(50)), 0.5), -1, 50, 100, 0.5, 50, false},
		// own cap
		{"own cap", withCap(kpi(app.Higher, app.Last, 100, vals(200)), 1.5), -1, 200, 100, 1.5, 150, false},
		// step bands: score of the highest band reached
		{"steps below all", withSteps(kpi(app.Higher, app.Last, 100, vals(79))), -1, 79, 100, 0.79, 0, false},
		{"steps first", withSteps(kpi(app.Higher, app.Last, 100, vals(90))), -1, 90, 100, 0.9, 60, false},
		{"steps exact", withSteps(kpi(app.Higher, app.Last, 100, vals(100))), -1, 100, 100, 1, 100, false},
		{"steps top", withSteps(kpi(app.Higher, app.Last, 100, vals(130))), -1, 130, 100, 1.2, 120, false}, // 1.3 → cap 1.2 ≥ 1.2
		// sum: target for the whole cycle, pro-rata for a partial window
		{"sum full year", kpi(app.Higher, app.Sum, 1200, vals(100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 90)), -1, 1190, 1200, 1190.0 / 1200, 1190.0 / 12, false},
		// at=2: 3 of 12 periods → target 1200 × 3/12 = 300; actual 100+120+110 = 330; 330/300 = 1.1
		{"sum pro rata", kpi(app.Higher, app.Sum, 1200, vals(100, 120, 110, 500)), 2, 330, 300, 1.1, 110, false},
		// at=5: 6/12 → baseline 600×0.5 = 300, target 1200×0.5 = 600; actual 450: (450−300)/(600−300) = 0.5
		{"sum pro rata baseline", withBase(kpi(app.Higher, app.Sum, 1200, vals(75, 75, 75, 75, 75, 75)), 600), 5, 450, 600, 0.5, 50, false},
		// average skips gaps: (10 + 20 + 30) / 3 = 20; 20/25 = 0.8
		{"average with gap", kpi(app.Higher, app.Average, 25, vals(10, 20, gap, 30)), -1, 20, 25, 0.8, 80, false},
		// last: the latest period with a value in the window
		{"last", kpi(app.Higher, app.Last, 10, vals(5, 7, gap, 6)), -1, 6, 10, 0.6, 60, false},
		{"last window", kpi(app.Higher, app.Last, 10, vals(5, 7, gap, 6)), 1, 7, 10, 0.7, 70, false},
		{"min", kpi(app.Higher, app.Min, 10, vals(5, 7, 4, 6)), -1, 4, 10, 0.4, 40, false},
		{"max", kpi(app.Higher, app.Max, 10, vals(5, 7, 4, 6)), -1, 7, 10, 0.7, 70, false},
		// ratio of sums: (3 + 5) / (100 + 150) × 100 = 3.2 %, not the mean of 3 % and 3.33 %; 3.2/4 = 0.8
		{"ratio percent", ratio(app.Percent, 4, app.Actual{Period: 0, Value: 3, Den: 100}, app.Actual{Period: 1, Value: 5, Den: 150}), -1, 3.2, 4, 0.8, 80, false},
		// ROAS: (200 + 400) / (100 + 100) = 3; 3/4 = 0.75
		{"ratio plain", ratio(app.Ratio1, 4, app.Actual{Period: 0, Value: 200, Den: 100}, app.Actual{Period: 1, Value: 400, Den: 100}), -1, 3, 4, 0.75, 75, false},
		{"ratio zero denominators", ratio(app.Percent, 4, app.Actual{Period: 0, Value: 0, Den: 0}), -1, gap, 4, 0, 0, true},
		// no data
		{"no actuals", kpi(app.Higher, app.Last, 100, nil), -1, gap, 100, 0, 0, true},
		{"no actuals in window", kpi(app.Higher, app.Last, 100, []app.Actual{{Period: 5, Value: 100}}), 2, gap, 100, 0, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := yearPlan(tc.k)
			r := Plan(p, tc.at).KPIs[0]
			if tc.noData {
				if r.Status != NoData || !math.IsNaN(r.Actual) {
					t.Fatalf("want no data, got %+v", r)
				}
				return
			}
			if r.Status != Scored {
				t.Fatalf("status %q, want scored", r.Status)
			}
			if !near(r.Actual, tc.actual) || !near(r.Target, tc.target) || !near(r.Achievement, tc.achievement) || !near(r.Score, tc.score) {
				t.Errorf("got actual %g target %g achievement %g score %g; want %g %g %g %g",
					r.Actual, r.Target, r.Achievement, r.Score, tc.actual, tc.target, tc.achievement, tc.score)
			}
		})
	}
}
