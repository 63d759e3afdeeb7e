package workspace_test

import (
	"errors"
	"testing"

	"kpiplanner/app"
)

// A comment on an actual is wording, not a number: it may be written in a
// closed period (where a red KPI needs one before the plan is submitted or
// closed), while the value there stays refused.
func TestCommentOnAClosedPeriodsActual(t *testing.T) {
	w := open(t)
	p := savedPlan(t, w)
	k := p.KPIs[0]
	if err := w.SetActual(p, k.ID, app.Actual{Period: 0, Value: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Transition(p.ID, app.Submit, ""); err != nil && !errors.Is(err, app.ErrRefused) {
		t.Fatal(err)
	}
	month := p.Cycle.PeriodMonth(0)
	if err := w.ClosePeriod("", month); err != nil {
		t.Fatal(err)
	}
	p, err := w.Plan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.ClosedPeriods != 1 {
		t.Fatalf("closed periods %d, want 1", p.ClosedPeriods)
	}
	a, _ := p.KPI(k.ID).ActualAt(0)
	if err := w.SetActual(p, k.ID, app.Actual{Period: 0, Value: 2, Den: a.Den}); !errors.Is(err, app.ErrRefused) {
		t.Errorf("a closed period's value changed: %v", err)
	}
	a.Comment = "the launch slipped to February"
	if err := w.SetActual(p, k.ID, a); err != nil {
		t.Fatalf("comment refused: %v", err)
	}
	got, _ := w.Plan(p.ID)
	if c, _ := got.KPI(k.ID).ActualAt(0); c.Comment != "the launch slipped to February" || c.Value != 1 {
		t.Errorf("stored %+v", c)
	}
	h, _ := w.History(p.ID)
	if last := h[len(h)-1]; last.Path != "kpis["+k.ID+"].actuals["+p.Cycle.Label(0)+"].comment" || last.New != a.Comment {
		t.Errorf("history %+v", last)
	}
}
