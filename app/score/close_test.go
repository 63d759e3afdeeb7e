package score

import (
	"testing"

	"kpiplanner/app"
)

func TestOfficialWindowIsLatestClosedPeriod(t *testing.T) {
	p := julDecPlan()   // actuals for Jul, Aug, Sep
	p.ClosedPeriods = 2 // HR closed Jul and Aug
	w := Official(p, app.NewDate(2026, 10, 5))
	if w.Last != 1 || w.Label != "2026-08" {
		t.Fatalf("window = %+v, want through 2026-08 (the latest closed period)", w)
	}
	// After the cycle the whole cycle counts, closed or not.
	if w := Official(p, app.NewDate(2027, 1, 5)); !w.Whole {
		t.Fatalf("after the cycle: %+v, want whole", w)
	}
}

func TestMissingNotesOnRedKPIsOfClosedPeriods(t *testing.T) {
	p := julDecPlan()
	// Cycle target 600 over 6 months: 100 a month. Sum KPI, through Jul: 50/100.
	p.KPIs[0].Actuals[0].Value = 50 // Jul 50 → 50 % < 70: red
	p.ClosedPeriods = 2
	// Through Aug: (50 + 95) / 200 = 72.5 % ≥ 70: not red.
	got := MissingNotes(p)
	if len(got) != 1 || got[0].Period != 0 || got[0].Score != 50 {
		t.Fatalf("MissingNotes = %+v, want one: July at 50", got)
	}
	p.KPIs[0].Actuals[0].Comment = "supplier strike"
	if got := MissingNotes(p); len(got) != 0 {
		t.Fatalf("with a comment: %+v, want none", got)
	}
	p.KPIs[0].Actuals[0].Comment = ""
	p.Rules.NoteBelow = 0
	if got := MissingNotes(p); len(got) != 0 {
		t.Fatalf("rule off: %+v, want none", got)
	}
}
