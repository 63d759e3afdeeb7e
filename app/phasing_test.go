package app

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestPhaseEvenSumsExactly(t *testing.T) {
	tests := map[string]struct {
		target float64
		n      int
		agg    Aggregation
		want   []float64
	}{
		"1200 in 12":    {1200, 12, Sum, []float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100}},
		"100 in 3":      {100, 3, Sum, []float64{34, 33, 33}},               // 33.33… each: 33 + 33 + 33 = 99, the last step to the first
		"10.05 in 4":    {10.05, 4, Sum, []float64{2.52, 2.51, 2.51, 2.51}}, // step 0.01: 1005 steps = 4 × 251 + 1
		"average keeps": {80, 3, Average, []float64{80, 80, 80}},            // a level, not a share
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			k := &KPI{ID: "k", Direction: Higher, Aggregation: tt.agg, Target: tt.target}
			ts, err := PhaseEven(k, tt.n)
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range tt.want {
				if ts[i].Period != i || ts[i].Value != w {
					t.Errorf("period %d = %+v, want %v", i, ts[i], w)
				}
			}
		})
	}
}

func TestPhaseByLastCycle(t *testing.T) {
	// Last year: 10, 0 (no actual), 30 → shares 1 : 0 : 3 of 1000 = 250, 0, 750.
	prev := &KPI{ID: "rev", Actuals: []Actual{{Period: 0, Value: 10}, {Period: 2, Value: 30}}}
	shares, err := LastCycleShares(prev, 3)
	if err != nil {
		t.Fatal(err)
	}
	k := &KPI{ID: "rev", Direction: Higher, Aggregation: Sum, Target: 1000}
	ts, err := PhaseByShares(k, shares)
	if err != nil {
		t.Fatal(err)
	}
	if ts[0].Value != 250 || ts[1].Value != 0 || ts[2].Value != 750 {
		t.Errorf("by last cycle = %+v, want 250, 0, 750", ts)
	}
	if _, err := PhaseByShares(k, []float64{0, 0, 0}); err == nil || !strings.Contains(err.Error(), "add up to 0") {
		t.Errorf("all-zero shares: %v", err)
	}
	k.Aggregation = Average
	if _, err := PhaseByShares(k, shares); err == nil {
		t.Error("an average KPI split by shares: no error")
	}
}

func TestPhaseByHand(t *testing.T) {
	k := &KPI{ID: "rev", Direction: Higher, Aggregation: Sum, Target: 300}
	if _, err := PhaseByHand(k, []float64{100, 100, 100}, 3); err != nil {
		t.Error(err)
	}
	_, err := PhaseByHand(k, []float64{100, 100, 90}, 3)
	if err == nil || !strings.Contains(err.Error(), "add up to 290, not the cycle target 300") {
		t.Errorf("sum 290: %v", err)
	}
	if _, err := PhaseByHand(k, []float64{100, 200}, 3); err == nil {
		t.Error("2 values for 3 periods: no error")
	}
	k.Direction = Milestone
	if _, err := PhaseByHand(k, []float64{100, 100, 100}, 3); !errors.Is(err, ErrNotPhased) {
		t.Errorf("milestone: %v, want ErrNotPhased", err)
	}
}

// TestPhasingSumsExactlyOnRandomTotals: whatever the total (whole or with
// up to 2 decimals) and the shares, the parts add up to the total exactly.
func TestPhasingSumsExactlyOnRandomTotals(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 1))
	for range 2000 {
		decimals := r.IntN(3)
		total := math.Round(r.Float64()*1e7) / math.Pow10(decimals)
		if r.IntN(4) == 0 {
			total = -total
		}
		n := 1 + r.IntN(53)
		k := &KPI{ID: "k", Direction: Higher, Aggregation: Sum, Target: total}
		shares := make([]float64, n)
		for i := range shares {
			shares[i] = float64(r.IntN(1000))
		}
		shares[r.IntN(n)]++ // never all zero
		even, err := PhaseEven(k, n)
		if err != nil {
			t.Fatalf("even %v in %d: %v", total, n, err)
		}
		by, err := PhaseByShares(k, shares)
		if err != nil {
			t.Fatalf("by shares %v: %v", total, err)
		}
		for _, ts := range [][]PeriodTarget{even, by} {
			k.PeriodTargets = ts
			p := &Plan{Cycle: Cycle{Start: NewDate(2026, 1, 5), End: NewDate(2026, 1, 4).AddDays(7 * n), Frequency: Weekly}}
			v := &validator{}
			v.periodTargets(p, k)
			if len(v.errs) > 0 {
				t.Fatalf("%v in %d parts %v: %v", total, n, ts, v.errs[0])
			}
			step := PhaseStep(total)
			for _, pt := range ts { // every part a multiple of the step
				if q := pt.Value / step; math.Abs(q-math.Round(q)) > 1e-6 {
					t.Fatalf("%v: part %v is not a multiple of %v", total, pt.Value, step)
				}
			}
		}
	}
}

func TestValidatePeriodTargets(t *testing.T) {
	base := func() *Plan {
		p := NewPlan()
		p.Name = "P"
		p.Cycle = Cycle{Start: NewDate(2026, 1, 1), End: NewDate(2026, 3, 31), Frequency: Monthly}
		p.Rules.GroupWeights = map[Group]float64{GroupA: 100}
		p.KPIs = []KPI{{ID: "rev", Name: "Revenue", Unit: Number, Direction: Higher, Aggregation: Sum, Target: 300, Weight: 1, Group: GroupA,
			PeriodTargets: []PeriodTarget{{0, 100}, {1, 100}, {2, 100}}}}
		return p
	}
	tests := map[string]struct {
		edit func(k *KPI)
		want string // "" = valid
	}{
		"sums to the target":   {func(k *KPI) {}, ""},
		"sum off":              {func(k *KPI) { k.PeriodTargets[2].Value = 90 }, "KPI rev: period_targets: the period targets add up to 290, not the cycle target 300"},
		"outside the cycle":    {func(k *KPI) { k.PeriodTargets[2].Period = 3 }, "KPI rev: period_targets: period 4 is outside the plan's cycle (3 periods)"},
		"twice":                {func(k *KPI) { k.PeriodTargets[2].Period = 1 }, "KPI rev: period_targets: period 2 is given twice or out of order"},
		"not finite":           {func(k *KPI) { k.PeriodTargets[1].Value = math.NaN() }, "KPI rev: period_targets: period 2: the target must be a finite number"},
		"range KPI":            {func(k *KPI) { k.Direction, k.RangeLow, k.RangeHigh, k.Tolerance = Range, 1, 2, 1 }, "only higher- or lower-is-better KPIs"},
		"average, any values":  {func(k *KPI) { k.Aggregation = Average; k.PeriodTargets[2].Value = 5 }, ""},
		"reference not finite": {func(k *KPI) { k.Reference = Float(math.Inf(1)) }, "KPI rev: reference: must be a finite number"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			p := base()
			tt.edit(&p.KPIs[0])
			err := p.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestPhaseByLastCycleFindsThePersonsPreviousPlan(t *testing.T) {
	mk := func(id PlanID, year int, name string) *Plan {
		p := &Plan{ID: id, Person: Person{Name: name}, Cycle: Cycle{Start: NewDate(year, 1, 1), End: NewDate(year, 3, 31), Frequency: Monthly}}
		p.KPIs = []KPI{{ID: "rev", Name: "Revenue", Direction: Higher, Aggregation: Sum, Target: 600}}
		return p
	}
	old, last, other, now := mk(1, 2024, "An"), mk(2, 2025, "An"), mk(3, 2025, "Bình"), mk(4, 2026, "An")
	old.KPIs[0].Actuals = []Actual{{Period: 0, Value: 1}, {Period: 1, Value: 1}, {Period: 2, Value: 1}}
	last.KPIs[0].ID = "k9" // matched by name
	last.KPIs[0].Actuals = []Actual{{Period: 0, Value: 20}, {Period: 1, Value: 30}, {Period: 2, Value: 50}}
	other.KPIs[0].Actuals = []Actual{{Period: 0, Value: 100}}
	plans := []*Plan{old, last, other, now}
	if got := PreviousPlan(plans, now); got != last {
		t.Fatalf("PreviousPlan = %v, want plan 2", got)
	}
	ts, err := PhaseByLastCycle(plans, now, &now.KPIs[0])
	if err != nil {
		t.Fatal(err)
	}
	// 600 × 20/100, × 30/100, × 50/100 = 120, 180, 300.
	if ts[0].Value != 120 || ts[1].Value != 180 || ts[2].Value != 300 {
		t.Errorf("by last cycle = %+v", ts)
	}
	if _, err := PhaseByLastCycle([]*Plan{other, now}, now, &now.KPIs[0]); err == nil {
		t.Error("no previous plan of the person: no error")
	}
}
