package storage

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"kpiplanner/app"
)

// openTemp opens a new database in a test's temporary folder and closes it
// when the test ends.
func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	return db
}

// richPlan returns a plan that sets every field the store keeps: every
// direction and aggregation, ratio actuals with denominators, nil and
// non-nil optional numbers, nil, empty and filled step lists, set and unset
// deadlines.
func richPlan() *app.Plan {
	p := &app.Plan{
		Name:   "Marketing — Q1 2026 (Tiếp thị)",
		Status: app.Approved,
		Person: app.Person{Name: "Nguyễn Văn A", Department: "marketing", Position: "Lead",
			BaseBonus: 15_000_000, Currency: "VND"},
		Cycle: app.Cycle{Start: app.NewDate(2026, time.January, 1), End: app.NewDate(2026, time.June, 30),
			Frequency: app.Monthly},
		Goal:  app.Goal{Text: "Increase revenue from new customers by 20% in 6 months", Type: "lead-generation"},
		Rules: app.DefaultRules(),
	}
	p.Rules.BonusMode = app.BonusLinear
	p.Rules.LinearCap = 1.75
	p.Rules.Floor = 0.25
	p.Rules.RoundingStep = 1000
	p.Rules.MissingData = app.MissingZero
	p.KPIs = []app.KPI{
		{ID: "leads", LibraryID: "mkt-leads", Name: "Qualified leads", Description: "MQLs from all channels",
			Rationale: "feeds sales", Unit: app.Count, Direction: app.Higher, Baseline: app.Float(120),
			Target: 200, Weight: 2, Group: app.GroupA, Effort: app.High, Impact: app.High,
			Aggregation: app.Sum, DataSource: "crm", Owner: "A", Deadline: app.NewDate(2026, time.June, 30),
			Steps: []app.StepBand{{From: 0.8, Score: 50}, {From: 1, Score: 100}}, Note: "note ✓",
			Actuals: []app.Actual{{Period: 0, Value: 30}, {Period: 1, Value: 41.5}, {Period: 5, Value: -0.125}}},
		{ID: "cpl", Name: "Cost per lead", Unit: app.Currency, Direction: app.Lower, Target: 80_000,
			Floor: app.Float(0), Cap: app.Float(1.5), Weight: 1, Group: app.GroupB, Effort: app.Low,
			Impact: app.High, Aggregation: app.Average, Steps: []app.StepBand{},
			Actuals: []app.Actual{{Period: 2, Value: 95_000}}},
		{ID: "conv", Name: "Lead → customer rate", Unit: app.Percent, Direction: app.Range,
			RangeLow: 10, RangeHigh: 15, Tolerance: 5, Weight: 1, Group: app.GroupB, Aggregation: app.Ratio,
			Actuals: []app.Actual{{Period: 0, Value: 12, Den: 100}, {Period: 1, Value: 0, Den: 0}, {Period: 3, Value: 7, Den: 64.5}}},
		{ID: "launch", Name: "Launch the referral programme", Unit: app.Number, Direction: app.Milestone,
			Target: 1, Weight: 1, Group: app.GroupC, Aggregation: app.Last, Baseline: app.Float(0)},
		{ID: "nps", Name: "NPS", Unit: app.Score, Direction: app.Higher, Target: 40, Weight: 1,
			Group: app.GroupC, Aggregation: app.Min, Cap: app.Float(1.2),
			Exempt:  "survey moved to Q3 (HR, 2026-02-01)",
			Actuals: []app.Actual{{Period: 0, Value: -12}}},
		{ID: "aov", Name: "Average order value", Unit: app.Currency, Direction: app.Higher, Target: 1e6,
			Weight: 0.5, Group: app.GroupA, Aggregation: app.Max, Floor: app.Float(0.5),
			Actuals: []app.Actual{{Period: 4, Value: 1.25e6}}},
	}
	return p
}

// assertPlan fails the test unless got equals want field by field.
func assertPlan(t *testing.T, got, want *app.Plan) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("plan %d differs after the round trip:\n got %+v\nwant %+v", want.ID, got, want)
	}
}
