package app

import "testing"

func TestClosesLatestRecordCoveringTheUnitDecides(t *testing.T) {
	// Tree: company root R > sales S > team T. Closes in order:
	// company closes 2026-01; S closes 2026-02; T reopens 2026-01.
	c := NewCloses([]PeriodClose{
		{Month: "2026-01", Closed: true},
		{Unit: "S", Month: "2026-02", Closed: true},
		{Unit: "T", Month: "2026-01", Closed: false, Reason: "late invoices"},
	})
	team, sales, other := []UID{"T", "S", "R"}, []UID{"S", "R"}, []UID{"X", "R"}
	cases := []struct {
		month          string
		units          []UID
		closed, reopen bool
	}{
		{"2026-01", team, false, true}, // T's own reopen is the latest record covering T
		{"2026-01", sales, true, false},
		{"2026-01", other, true, false},
		{"2026-02", team, true, false}, // S's close covers its subtree
		{"2026-02", other, false, false},
		{"2026-03", team, false, false},
	}
	for _, k := range cases {
		if got := c.MonthClosed(k.month, k.units); got != k.closed {
			t.Errorf("MonthClosed(%s, %v) = %v, want %v", k.month, k.units, got, k.closed)
		}
		if got := c.MonthReopened(k.month, k.units); got != k.reopen {
			t.Errorf("MonthReopened(%s, %v) = %v, want %v", k.month, k.units, got, k.reopen)
		}
	}
}

func TestClosedPeriodsCountsLeadingClosedPeriods(t *testing.T) {
	monthly := Cycle{Start: NewDate(2026, 1, 1), End: NewDate(2026, 12, 31), Frequency: Monthly}
	quarterly := Cycle{Start: NewDate(2026, 1, 1), End: NewDate(2026, 12, 31), Frequency: Quarterly}
	c := NewCloses([]PeriodClose{{Month: "2026-01", Closed: true}, {Month: "2026-02", Closed: true},
		{Month: "2026-03", Closed: true}, {Month: "2026-05", Closed: true}})
	// Monthly: Jan–Mar closed, Apr open → 3 (May's close does not count past the gap).
	if got := c.ClosedPeriods(monthly, nil); got != 3 {
		t.Errorf("monthly ClosedPeriods = %d, want 3", got)
	}
	// Quarterly: Q1 ends in March (closed), Q2 ends in June (open) → 1.
	if got := c.ClosedPeriods(quarterly, nil); got != 1 {
		t.Errorf("quarterly ClosedPeriods = %d, want 1", got)
	}
}

func TestPeriodCloseValidate(t *testing.T) {
	for _, c := range []PeriodClose{{Month: "2026-13", Closed: true}, {Month: "June", Closed: true}, {Month: "2026-06"}} {
		if c.Validate() == nil {
			t.Errorf("%+v validated, want an error", c)
		}
	}
	if err := (&PeriodClose{Month: "2026-06", Reason: "audit"}).Validate(); err != nil {
		t.Errorf("reopen with a reason: %v", err)
	}
}

func TestOrgPathAndSubtree(t *testing.T) {
	o := NewOrg([]OrgUnit{{UID: "R", Code: "CO"}, {UID: "S", Code: "SALES", Parent: "R"}, {UID: "T", Code: "T1", Parent: "S"}, {UID: "H", Code: "HR", Parent: "R"}})
	if p := o.Path("T"); len(p) != 3 || p[0] != "T" || p[2] != "R" {
		t.Errorf("Path(T) = %v", p)
	}
	sub := o.Subtree("S")
	if len(sub) != 2 || !sub["T"] || sub["H"] {
		t.Errorf("Subtree(S) = %v", sub)
	}
	if !o.WouldCycle("S", "T") || o.WouldCycle("T", "H") {
		t.Errorf("WouldCycle wrong")
	}
}
