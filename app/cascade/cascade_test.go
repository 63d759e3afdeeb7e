package cascade

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

var year2026 = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}

// plan returns a plan with uid and one KPI per spec.
func plan(uid, unit string, ks ...app.KPI) *app.Plan {
	p := app.NewPlan()
	p.UID, p.Name, p.UnitUID, p.Cycle, p.KPIs = app.UID(uid), uid, app.UID(unit), year2026, ks
	return p
}

func kpi(id string, agg app.Aggregation, target float64, to, toKPI string, share float64, acts ...app.Actual) app.KPI {
	k := app.CustomKPI(id, id)
	k.Aggregation, k.Target, k.Group = agg, target, app.GroupA
	k.UnitPlan, k.UnitKPI, k.Share, k.Actuals = app.UID(to), toKPI, share, acts
	return k
}

func act(period int, v, den float64) app.Actual {
	return app.Actual{Period: period, Value: v, Den: den}
}

// company returns three levels: company revenue and conversion ← sales
// department ← two salespeople, plus a second department contributing 40 %.
func company() []*app.Plan {
	return []*app.Plan{
		plan("co", "U-CO", kpi("rev", app.Sum, 30e9, "", "", 0), kpi("conv", app.Ratio, 0.2, "", "", 0)),
		plan("kd", "U-KD",
			kpi("rev", app.Sum, 10e9, "co", "rev", 1, act(0, 999, 0)), // a typed value is replaced
			kpi("conv", app.Ratio, 0.25, "co", "conv", 1)),
		plan("mkt", "U-MKT", kpi("rev", app.Sum, 5e9, "co", "rev", 0.4)),
		plan("an", "", kpi("rev", app.Sum, 5e9, "kd", "rev", 1, act(0, 400e6, 0), act(1, 500e6, 0)),
			kpi("conv", app.Ratio, 0.3, "kd", "conv", 1, act(0, 3, 10))),
		plan("binh", "", kpi("rev", app.Sum, 4.2e9, "kd", "rev", 1, act(0, 100e6, 0)),
			kpi("conv", app.Ratio, 0.2, "kd", "conv", 0.5, act(0, 2, 20), act(1, 4, 10))),
		plan("chi", "", kpi("rev", app.Sum, 2e9, "mkt", "rev", 0.5, act(1, 300e6, 0))),
	}
}

func TestCoverageGaps(t *testing.T) {
	g := New(company())
	lines := g.Coverage(nil)
	got := map[string]Line{}
	for _, l := range lines {
		got[string(l.Plan.UID)+"/"+l.KPI.ID] = l
	}
	for name, want := range map[string]struct {
		covered, gap float64
		n            int
	}{
		"kd/rev":  {9.2e9, 0.8e9, 2},              // 5 + 4.2 = 9.2 tỷ; 10 − 9.2 = 0.8 short
		"co/rev":  {12e9, 18e9, 2},                // 10 × 1 + 5 × 0.4 = 12; 30 − 12 = 18
		"mkt/rev": {1e9, 4e9, 1},                  // 2 × 0.5 = 1; 5 − 1 = 4
		"kd/conv": {0.4 / 1.5, 0.25 - 0.4/1.5, 2}, // (0.3 × 1 + 0.2 × 0.5) / 1.5 = 0.2667: over by 0.0167
		"co/conv": {0.25, -0.05, 1},
	} {
		l, ok := got[name]
		if !ok {
			t.Fatalf("no coverage line for %s", name)
		}
		if math.Abs(l.Covered-want.covered) > 1e-6 || math.Abs(l.Gap-want.gap) > 1e-6 || l.Contributors != want.n {
			t.Errorf("%s: covered %v gap %v by %d, want %v %v by %d", name, l.Covered, l.Gap, l.Contributors, want.covered, want.gap, want.n)
		}
	}
	if !got["kd/rev"].Short() || got["kd/rev"].Over() || !got["kd/conv"].Over() {
		t.Errorf("kd/rev must be short, kd/conv over")
	}
	if len(lines) != 5 {
		t.Errorf("%d lines, want 5 (every KPI of the three unit plans)", len(lines))
	}
}

func TestRollUpSumAndRatioOverThreeLevels(t *testing.T) {
	plans := company()
	if err := New(plans).RollUp(); err != nil {
		t.Fatal(err)
	}
	co, kd := plans[0], plans[1]
	// kd rev: period 0 = 400 + 100 = 500 million; period 1 = 500 million.
	wantActuals(t, "kd/rev", kd.KPI("rev"), []app.Actual{act(0, 500e6, 0), act(1, 500e6, 0)})
	// co rev: kd × 1 + mkt × 0.4, mkt = chi × 0.5 = 150 million in period 1:
	// period 0 = 500; period 1 = 500 + 0.4 × 150 = 560 million.
	wantActuals(t, "co/rev", co.KPI("rev"), []app.Actual{act(0, 500e6, 0), act(1, 560e6, 0)})
	// kd conv: period 0 num 3 + 0.5 × 2 = 4, den 10 + 0.5 × 20 = 20; period 1: 2 / 5.
	wantActuals(t, "kd/conv", kd.KPI("conv"), []app.Actual{act(0, 4, 20), act(1, 2, 5)})
	wantActuals(t, "co/conv", co.KPI("conv"), []app.Actual{act(0, 4, 20), act(1, 2, 5)})
}

func wantActuals(t *testing.T, name string, k *app.KPI, want []app.Actual) {
	t.Helper()
	if len(k.Actuals) != len(want) {
		t.Fatalf("%s: actuals %v, want %v", name, k.Actuals, want)
	}
	for i, a := range k.Actuals {
		if a.Period != want[i].Period || math.Abs(a.Value-want[i].Value) > 1e-6 || math.Abs(a.Den-want[i].Den) > 1e-9 {
			t.Errorf("%s: actuals %v, want %v", name, k.Actuals, want)
		}
	}
}

func TestRollUpMapsPeriodsOfOtherCycles(t *testing.T) {
	unit := plan("u", "U", kpi("rev", app.Sum, 100, "", "", 0))
	unit.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Quarterly}
	person := plan("p", "", kpi("rev", app.Sum, 100, "u", "rev", 1, act(0, 1, 0), act(1, 2, 0), act(2, 3, 0), act(3, 4, 0)))
	if err := New([]*app.Plan{unit, person}).RollUp(); err != nil {
		t.Fatal(err)
	}
	// January to March fall in Q1 (1 + 2 + 3 = 6), April in Q2 (4).
	wantActuals(t, "u/rev", unit.KPI("rev"), []app.Actual{act(0, 6, 0), act(1, 4, 0)})
}

func TestCyclesAreRefused(t *testing.T) {
	a := plan("a", "UA", kpi("x", app.Sum, 1, "b", "x", 1))
	b := plan("b", "UB", kpi("x", app.Sum, 1, "c", "x", 1))
	c := plan("c", "UC", kpi("x", app.Sum, 1, "a", "x", 1, act(0, 5, 0)))
	g := New([]*app.Plan{a, b, c})
	var ce *CycleError
	if err := g.Check(); !errors.As(err, &ce) || len(ce.Path) != 4 || !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("Check = %v, want a loop of three KPIs", err)
	}
	if err := g.RollUp(); err == nil {
		t.Fatal("RollUp accepted a loop")
	}
	if len(a.KPIs[0].Actuals) != 0 {
		t.Error("RollUp changed actuals of a loop")
	}
	c.KPIs[0].UnitPlan = ""
	c.KPIs[0].UnitKPI, c.KPIs[0].Share = "", 0
	if err := New([]*app.Plan{a, b, c}).Check(); err != nil {
		t.Errorf("Check of a chain = %v", err)
	}
}

func TestSplitByEachMethodSumsExactly(t *testing.T) {
	plans := company()
	// Last cycle: An sold 3 tỷ, Bình 1 tỷ.
	prevAn := plan("an-2025", "", kpi("rev", app.Sum, 1, "", "", 0, act(0, 3e9, 0)))
	prevBinh := plan("binh-2025", "", kpi("rev", app.Sum, 1, "", "", 0, act(0, 1e9, 0)))
	for _, p := range []*app.Plan{plans[3], plans[4]} {
		p.PersonUID = app.UID("person-" + string(p.UID))
	}
	prevAn.PersonUID, prevBinh.PersonUID = "person-an", "person-binh"
	for _, p := range []*app.Plan{prevAn, prevBinh} {
		p.Cycle = app.Cycle{Start: app.NewDate(2025, 1, 1), End: app.NewDate(2025, 12, 31), Frequency: app.Monthly}
	}
	all := append(plans, prevAn, prevBinh)
	g, h := New(all), NewHistory(all)
	kd := plans[1]
	kd.KPI("rev").Target = 10_000_000_001 // odd: one dong must go somewhere
	for _, tc := range []struct {
		method Method
		hand   []float64
		want   []float64
	}{
		{Equal, nil, []float64{5_000_000_001, 5_000_000_000}},              // remainder to the earlier part
		{LastCycle, nil, []float64{7_500_000_001, 2_500_000_000}},          // 3 : 1; 0.75 of the odd unit goes to An
		{ByHand, []float64{1, 2}, []float64{3_333_333_334, 6_666_666_667}}, // 3 333 333 333.67 and 6 666 666 667.33
	} {
		parts, err := g.Split(kd, "rev", tc.method, tc.hand, h.LastCycleOf(), 1)
		if err != nil {
			t.Fatalf("%s: %v", tc.method, err)
		}
		var sum float64
		for i, p := range parts {
			sum += p.Part
			if p.Part != tc.want[i] || p.Target != tc.want[i] {
				t.Errorf("%s: part %d = %v (target %v), want %v", tc.method, i, p.Part, p.Target, tc.want[i])
			}
		}
		if sum != 10_000_000_001 {
			t.Errorf("%s: parts sum to %v", tc.method, sum)
		}
	}
	// A share of 0.5 doubles the KPI target that gives the part.
	mkt := plans[2]
	parts, err := g.Split(mkt, "rev", Equal, nil, nil, 1)
	if err != nil || len(parts) != 1 || parts[0].Part != 5e9 || parts[0].Target != 10e9 {
		t.Errorf("split over a 50 %% share: %+v, %v; want part 5e9, target 10e9", parts, err)
	}
	if _, err := g.Split(kd, "conv", Equal, nil, nil, 1); !errors.Is(err, ErrRate) {
		t.Errorf("splitting a rate: %v", err)
	}
	if _, err := g.Split(plans[3], "rev", Equal, nil, nil, 1); !errors.Is(err, ErrNothingToSplit) {
		t.Errorf("splitting a KPI without contributors: %v", err)
	}
}

// TestSplitRandomSumsExactly splits random targets over random
// contributors with random steps: the parts always add up to the target.
func TestSplitRandomSumsExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 200 {
		step := []float64{1, 1000, 0.01}[r.IntN(3)]
		target := float64(r.IntN(1_000_000)) * step
		unit := plan("u", "U", kpi("rev", app.Sum, target, "", "", 0))
		plans := []*app.Plan{unit}
		n := 1 + r.IntN(12)
		hand := make([]float64, n)
		for i := range n {
			plans = append(plans, plan(string(rune('a'+i)), "", kpi("rev", app.Sum, 0, "u", "rev", 1)))
			hand[i] = float64(1 + r.IntN(9))
		}
		for _, m := range []Method{Equal, ByHand} {
			parts, err := New(plans).Split(unit, "rev", m, hand, nil, step)
			if err != nil {
				t.Fatal(err)
			}
			steps := int64(0)
			for _, p := range parts {
				steps += int64(math.Round(p.Part / step))
			}
			if want := int64(math.Round(target / step)); steps != want {
				t.Fatalf("%s: %d steps of %v, want %d", m, steps, step, want)
			}
		}
	}
}

func TestCoverageText(t *testing.T) {
	g := New(company())
	kd := g.Plan("kd")
	kd.KPIs[0].Name = "Doanh thu"
	for lang, want := range map[string]string{
		"vi": "Doanh thu, Phòng KD: 10 tỷ; Σ nhân viên 9,2 tỷ; thiếu 0,8 tỷ",
		"en": "Doanh thu, Phòng KD: 10 billion; Σ staff 9.2 billion; short by 0.8 billion",
	} {
		tr, err := i18n.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := g.Line(kd, &kd.KPIs[0]).Text(tr, "Phòng KD"); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}

func TestTeamComponent(t *testing.T) {
	// 80 % own, 20 % the unit: 0.8 × 95 + 0.2 × 70 = 76 + 14 = 90.
	if got := TeamTotal(95, 70, 20); got != 90 {
		t.Errorf("TeamTotal(95, 70, 20) = %v, want 90", got)
	}
	// A person at 110 in a unit at 85, team weight 30: 77 + 25.5 = 102.5.
	if got := TeamTotal(110, 85, 30); got != 102.5 {
		t.Errorf("TeamTotal(110, 85, 30) = %v, want 102.5", got)
	}
	// Plans scored through January, team weight 25:
	unit := plan("u", "U-KD", kpi("rev", app.Sum, 1200, "", "", 0))
	person := plan("p", "", kpi("rev", app.Sum, 600, "u", "rev", 0.5, act(0, 100, 0)))
	person.KPIs = append(person.KPIs, kpi("calls", app.Sum, 1200, "", "", 0, act(0, 120, 0)))
	person.KPIs[1].Group = app.GroupA
	person.Person.Unit, person.Rules.TeamWeight = "U-KD", 25
	g := New([]*app.Plan{unit, person})
	if err := g.RollUp(); err != nil {
		t.Fatal(err)
	}
	jan := app.NewDate(2026, 1, 31)
	r, ok := g.Team(person, jan)
	// Unit: 0.5 × 100 = 50 of 1 200 / 12 = 100: 50 %. Person: rev 100 of 50 = 200 %, capped 120;
	// calls 120 of 100 = 120 %: 120 own. 0.75 × 120 + 0.25 × 50 = 102.5.
	if !ok || r.UnitPlan != unit || r.Own.Official != 120 || r.Unit.Official != 50 || r.Total != 102.5 {
		t.Fatalf("Team = %+v, %v; want own 120, unit 50, total 102.5", r, ok)
	}
	person.Rules.TeamWeight = 0
	if r, ok := g.Team(person, jan); ok || r.Total != 120 {
		t.Errorf("without a team weight: %v %v", r.Total, ok)
	}
}
