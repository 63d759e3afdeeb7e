package score

import (
	"testing"

	"kpiplanner/app"
)

// teamPlan has A: k1 (w 2, 100 %), k2 (w 1, 70 %); B: k3 (w 1, 80 %); C: k4 with no data.
func teamPlan() *app.Plan {
	k := func(id string, g app.Group, w, actual float64) app.KPI {
		x := kpi(app.Higher, app.Last, 100, vals(actual))
		x.ID, x.Group, x.Weight = id, g, w
		return x
	}
	c := k("k4", app.GroupC, 1, 0)
	c.Actuals = nil
	return yearPlan(k("k1", app.GroupA, 2, 100), k("k2", app.GroupA, 1, 70), k("k3", app.GroupB, 1, 80), c)
}

func TestPlanTotal(t *testing.T) {
	// A = (2×100 + 1×70) / 3 = 90; B = 80; C no data → left out.
	// total = (50×90 + 30×80) / (50 + 30) = 6900 / 80 = 86.25 → Fair (≥ 70) × 0.5.
	r := Plan(teamPlan(), -1)
	want := []GroupResult{
		{Group: app.GroupA, Weight: 50, Score: 90, Scored: true},
		{Group: app.GroupB, Weight: 30, Score: 80, Scored: true},
		{Group: app.GroupC, Weight: 20},
	}
	for i, g := range r.Groups {
		if g.Group != want[i].Group || g.Scored != want[i].Scored || !near(g.Score, want[i].Score) || g.Weight != want[i].Weight {
			t.Errorf("group %d = %+v, want %+v", i, g, want[i])
		}
	}
	if !r.HasTotal || !near(r.Total, 86.25) {
		t.Fatalf("total = %g (%v), want 86.25", r.Total, r.HasTotal)
	}
	if r.Rating.Name != "Fair" || !near(r.Bonus, 5_000_000) { // 10 000 000 × 0.5
		t.Errorf("rating %q bonus %g, want Fair 5000000", r.Rating.Name, r.Bonus)
	}
	if r.KPIs[3].Status != NoData {
		t.Errorf("k4 status %q, want no data", r.KPIs[3].Status)
	}
	if r.AtLabel != "2026-12" || r.At != 11 {
		t.Errorf("window end %d %q, want 11 2026-12", r.At, r.AtLabel)
	}
}

func TestPlanLinearBonus(t *testing.T) {
	p := teamPlan()
	p.Rules.BonusMode = app.BonusLinear
	// 10 000 000 × min(86.25/100, 1.5) = 8 625 000
	if r := Plan(p, -1); !near(r.Bonus, 8_625_000) {
		t.Errorf("linear bonus %g, want 8625000", r.Bonus)
	}
	p.Rules.LinearCap = 0.8
	// 10 000 000 × min(0.8625, 0.8) = 8 000 000
	if r := Plan(p, -1); !near(r.Bonus, 8_000_000) {
		t.Errorf("capped linear bonus %g, want 8000000", r.Bonus)
	}
}

func TestPlanZeroWeightKPIDoesNotCount(t *testing.T) {
	p := teamPlan()
	p.KPIs[1].Weight = 0 // A = 2×100 / 2 = 100; total = (50×100 + 30×80)/80 = 92.5
	if r := Plan(p, -1); !near(r.Total, 92.5) || r.Rating.Name != "Good" {
		t.Errorf("total %g %q, want 92.5 Good", r.Total, r.Rating.Name)
	}
}

func TestPlanNoData(t *testing.T) {
	p := teamPlan()
	for i := range p.KPIs {
		p.KPIs[i].Actuals = nil
	}
	r := Plan(p, -1)
	if r.HasTotal || r.Bonus != 0 || r.Rating.Name != "" {
		t.Errorf("empty plan scored: %+v", r)
	}
}

func TestRate(t *testing.T) {
	bands := app.DefaultRules().Bands
	tests := []struct {
		total float64
		want  string
		mult  float64
	}{
		{150, "Excellent", 1.5}, {110, "Excellent", 1.5}, {109.999, "Good", 1}, {90, "Good", 1},
		{89.99, "Fair", 0.5}, {70, "Fair", 0.5}, {69.99, "Below target", 0}, {0, "Below target", 0},
	}
	for _, tc := range tests {
		b := Rate(bands, tc.total)
		if b.Name != tc.want || b.Multiplier != tc.mult {
			t.Errorf("Rate(%g) = %q ×%g, want %q ×%g", tc.total, b.Name, b.Multiplier, tc.want, tc.mult)
		}
	}
	if b := Rate(bands[:3], -1); b.Name != "" {
		t.Errorf("below every band: got %q", b.Name)
	}
}
