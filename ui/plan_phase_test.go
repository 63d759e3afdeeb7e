package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

func TestPlanPhaseTargetsAndReference(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	r := kpiRowOf(t, s, "k1") // revenue: a sum KPI, 6000 over January to June
	r.entries["reference"].SetText("5,000")
	if got := s.draft.KPI("k1").Reference; got == nil || *got != 5000 {
		t.Fatalf("reference in the draft = %v, want 5000", got)
	}
	test.Tap(r.phase)
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Phase… opened no dialog")
	}
	d := s.kpis.openPhase("k1")
	test.Tap(d.even) // 6000 in 6: 1000 each
	for i, e := range d.entries {
		if e.Text != "1,000" {
			t.Errorf("period %d after Evenly: %q, want 1,000", i+1, e.Text)
		}
	}
	if !strings.Contains(d.sum.Text, "6,000 of 6,000") || d.sum.Importance != widget.SuccessImportance {
		t.Errorf("sum after Evenly: %q (%v)", d.sum.Text, d.sum.Importance)
	}
	d.entries[5].SetText("1,500") // 5 × 1000 + 1500 = 6500: off by 500
	if !strings.Contains(d.sum.Text, "6,500 of 6,000") || d.sum.Importance != widget.DangerImportance {
		t.Errorf("sum off: %q (%v)", d.sum.Text, d.sum.Importance)
	}
	d.entries[0].SetText("500") // 500 + 4 × 1000 + 1500 = 6000, more in June
	if d.sum.Importance != widget.SuccessImportance {
		t.Errorf("sum fixed: %q (%v)", d.sum.Text, d.sum.Importance)
	}
	d.onDone(true)
	if r.phase.Text != "6 periods" {
		t.Errorf("phase button says %q", r.phase.Text)
	}
	s.save()
	k := storedPlan(t, store, s.id).KPI("k1")
	want := []float64{500, 1000, 1000, 1000, 1000, 1500}
	if len(k.PeriodTargets) != 6 || k.Reference == nil || *k.Reference != 5000 {
		t.Fatalf("saved %+v, reference %v", k.PeriodTargets, k.Reference)
	}
	for i, w := range want {
		if k.PeriodTargets[i] != (app.PeriodTarget{Period: i, Value: w}) {
			t.Errorf("saved period %d = %+v, want %v", i+1, k.PeriodTargets[i], w)
		}
	}
	// Targets that do not add up are refused by the table's validation, naming the KPI.
	d = s.kpis.openPhase("k1")
	d.entries[0].SetText("900")
	d.onDone(true)
	if !s.kpis.problems.Visible() || !strings.Contains(s.kpis.problems.Text, "Doanh thu mới") ||
		!strings.Contains(s.kpis.problems.Text, "add up to 6,400, not the cycle target 6,000") {
		t.Errorf("problems: %q", s.kpis.problems.Text)
	}
}

func TestPlanPhaseDialogFits1024x600InVietnamese(t *testing.T) {
	p := planFixture()
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 5), End: app.NewDate(2026, 12, 27), Frequency: app.Weekly} // 51 weeks
	u, _, s := planTestUI(t, "vi", p)
	u.win.Resize(fyne.NewSize(1024, 600))
	r := kpiRowOf(t, s, "k4") // lower is better, last value: each period its own level
	if r.phase.Text != "Phân bổ…" {
		t.Errorf("phase button says %q", r.phase.Text)
	}
	d := s.kpis.openPhase("k4")
	if len(d.entries) != 51 {
		t.Fatalf("%d period fields, want 51", len(d.entries))
	}
	if m := d.dlg.MinSize(); m.Width > 1024 || m.Height > 600 {
		t.Errorf("the dialog needs %v, more than 1024×600", m)
	}
	test.Tap(d.even) // not a sum: the cycle target 2 in every week
	if d.entries[50].Text != "2" || !strings.Contains(d.sum.Text, "mục tiêu") {
		t.Errorf("last week %q, note %q", d.entries[50].Text, d.sum.Text)
	}
}

func TestScorecardShowsTheReferenceBesideTheTarget(t *testing.T) {
	p := planFixture()
	k := p.KPI("k2") // new customers: 60 over six months, 12 in January
	k.Reference = app.Float(50)
	k.Actuals = []app.Actual{{Period: 0, Value: 12}}
	_, _, s := planTestUI(t, "en", p)
	s.card.update(score.Plan(p, 0)) // January: 60 × 1/6 = 10
	text := s.card.kpis[1].formula.Text
	if !strings.Contains(text, "target 10, reference value 50") {
		t.Errorf("k2's line %q does not show the target and reference", text)
	}
}
