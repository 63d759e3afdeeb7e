package score

import (
	"testing"

	"kpiplanner/app"
)

// julDecPlan is a Jul–Dec 2026 monthly plan with one revenue KPI (sum,
// target 600 for the cycle) and actuals typed for July–September.
func julDecPlan() *app.Plan {
	p := yearPlan(kpi(app.Higher, app.Sum, 600, vals(100, 95, 102)))
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 7, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	return p
}

// TestOfficialWindowIsLatestPeriodWithActuals: mid-cycle the official window
// runs to the latest period with any actual, so a half-entered plan is not
// scored against its empty months.
func TestOfficialWindowIsLatestPeriodWithActuals(t *testing.T) {
	p := julDecPlan()
	w := Official(p, app.NewDate(2026, 10, 5))
	if w.Last != 2 || w.Label != "2026-09" || w.Whole {
		t.Fatalf("window = %+v, want through 2026-09 (period 2)", w)
	}
	r := OfficialResult(p, app.NewDate(2026, 10, 5))
	// target through September = 600 × 3/6 = 300; actual 100 + 95 + 102 = 297;
	// 297 ÷ 300 = 0.99 → 99 → Good → 10 000 000 ₫.
	if r.Official != 99 || r.Rating.Name != "Good" || r.Bonus != 10_000_000 {
		t.Fatalf("official = %v %q %v, want 99 Good 10 000 000", r.Official, r.Rating.Name, r.Bonus)
	}
	// The whole cycle (explicit choice): 297 ÷ 600 = 49.5 → Below target.
	if whole := Plan(p, -1); whole.Official != 49.5 || whole.Bonus != 0 {
		t.Fatalf("whole cycle = %v, %v; want 49.5, 0", whole.Official, whole.Bonus)
	}
}

func TestOfficialWindowAfterTheCycleIsTheWholeCycle(t *testing.T) {
	p := julDecPlan()
	if w := Official(p, app.NewDate(2027, 1, 2)); !w.Whole || w.Last != 5 {
		t.Fatalf("window after the cycle = %+v, want the whole cycle", w)
	}
	p.KPIs[0].Actuals = nil
	if w := Official(p, app.NewDate(2026, 8, 1)); !w.Empty() {
		t.Fatalf("window without actuals = %+v, want empty", w)
	}
	if r := OfficialResult(p, app.NewDate(2026, 8, 1)); r.HasTotal {
		t.Fatalf("an empty window has a total: %+v", r)
	}
}

// TestWindowThroughDateUsesEachPlansOwnCycle: --at 2026-03 scores a
// quarterly plan through 2026-Q1, not through its third quarter.
func TestWindowThroughDateUsesEachPlansOwnCycle(t *testing.T) {
	end, err := ParseEnd("2026-03")
	if err != nil || end != app.NewDate(2026, 3, 31) {
		t.Fatalf("ParseEnd(2026-03) = %v, %v", end, err)
	}
	q := yearPlan(kpi(app.Higher, app.Sum, 400, vals(110, 90, 120, 100)))
	q.Cycle.Frequency = app.Quarterly
	r := In(q, Through(q, end))
	// Q1 only: target 400 × 1/4 = 100; actual 110 → 110 % → Excellent ×1.5 = 15 000 000.
	if r.AtLabel != "2026-Q1" || r.Official != 110 || r.Rating.Name != "Excellent" || r.Bonus != 15_000_000 {
		t.Fatalf("quarterly through 2026-03 = %s %v %s %v, want 2026-Q1 110 Excellent 15 000 000",
			r.AtLabel, r.Official, r.Rating.Name, r.Bonus)
	}
	m := yearPlan(kpi(app.Higher, app.Sum, 1200, vals(100, 100, 100, 100)))
	if w := Through(m, end); w.Label != "2026-03" {
		t.Fatalf("monthly through 2026-03 = %+v", w)
	}
	wk := yearPlan(kpi(app.Higher, app.Sum, 1200, nil))
	wk.Cycle.Frequency = app.Weekly // 7-day blocks from Thu 2026-01-01
	// Weeks end on Wednesdays: week i ends on day 7 + 7i of the year; the
	// last one ending by 2026-03-31 (day 90) is i = 11, ending on day 84 = 2026-03-25.
	if w := Through(wk, end); w.Last != 11 {
		t.Fatalf("weekly through 2026-03 = %+v, want the 13th week", w)
	}
	if w := Through(q, app.NewDate(2026, 2, 1)); !w.Empty() {
		t.Fatalf("quarterly through February = %+v, want empty (no quarter ended)", w)
	}
}

func TestParseEnd(t *testing.T) {
	tests := []struct {
		in   string
		want app.Date
	}{
		{"2026-03-15", app.NewDate(2026, 3, 15)},
		{"2026-02", app.NewDate(2026, 2, 28)},
		{"2024-02", app.NewDate(2024, 2, 29)},
		{"2026-Q4", app.NewDate(2026, 12, 31)},
		{"2026-q2", app.NewDate(2026, 6, 30)},
		{"2026-W01", app.NewDate(2026, 1, 4)}, // ISO week 1 of 2026: Mon 29 Dec 2025 – Sun 4 Jan 2026
		{"2026-W53", app.NewDate(2027, 1, 3)},
	}
	for _, tt := range tests {
		if got, err := ParseEnd(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseEnd(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "2026", "2026-13", "2026-Q5", "26-03", "March"} {
		if _, err := ParseEnd(bad); err == nil {
			t.Errorf("ParseEnd(%q) accepted", bad)
		}
	}
}

// TestCompanyChoicesAreMonthEnds: a Jan–Dec monthly plan and an Apr 2026 –
// Mar 2027 quarterly plan offer official, whole cycle and the 15 months from
// 2026-01 to 2027-03; "2026-06" scores the quarterly plan through 2026-Q2.
func TestCompanyChoicesAreMonthEnds(t *testing.T) {
	m := yearPlan()
	q := yearPlan(kpi(app.Higher, app.Sum, 400, vals(100, 100)))
	q.Cycle = app.Cycle{Start: app.NewDate(2026, 4, 1), End: app.NewDate(2027, 3, 31), Frequency: app.Quarterly}
	cs := CompanyChoices([]*app.Plan{m, q})
	if len(cs) != 2+15 || cs[0].Kind != ChooseOfficial || cs[1].Kind != ChooseWhole {
		t.Fatalf("choices = %d (%+v…)", len(cs), cs[:2])
	}
	june := cs[2+5]
	if june.Label != "2026-06" || june.End != app.NewDate(2026, 6, 30) {
		t.Fatalf("sixth month = %+v", june)
	}
	if w := june.Pick(app.NewDate(2026, 7, 1))(q); w.Label != "2026-Q2" {
		t.Fatalf("quarterly plan through June = %+v, want 2026-Q2", w)
	}
	if w := june.Pick(app.Date{})(m); w.Label != "2026-06" {
		t.Fatalf("monthly plan through June = %+v", w)
	}
	pc := PlanChoices(q)
	if len(pc) != 2+4 || pc[3].Label != "2026-Q3" || pc[3].Pick(app.Date{})(q).Last != 1 {
		t.Fatalf("plan choices = %+v", pc)
	}
}
