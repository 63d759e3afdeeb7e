package bonus

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"kpiplanner/app"
)

// board returns 10 people of unit "u1": 2 Excellent, 3 Good, 3 Fair, 2 Below target, base 10 000 000 each.
func board() []Input {
	scores := []float64{115, 111, 100, 95, 91, 85, 80, 72, 50, 40}
	in := make([]Input, len(scores))
	for i, s := range scores {
		b := scoreBand(s)
		in[i] = Input{Person: app.UID(fmt.Sprintf("p%d", i)), Code: fmt.Sprintf("NV%02d", i), Name: fmt.Sprintf("P%d", i),
			Unit: "u1", Base: 10_000_000, Score: s, HasScore: true, Band: b.Name, Computed: b.Name, Multiplier: b.Multiplier, Bands: testBands}
	}
	return in
}

func TestQuotaPerUnit(t *testing.T) {
	in := board()
	q := Target{Quotas: []Quota{{Band: "Excellent", Percent: 20, Of: "Good", PerUnit: true}}}
	// 3 Good: at most ⌊20 % × 3⌋ = 0 Excellent; there are 2.
	v := Check(in, testBands, q)
	if len(v) != 1 || v[0].Count != 2 || v[0].Allowed != 0 || v[0].Unit != "u1" {
		t.Fatalf("violations %+v, want Excellent 2 of 0 allowed in u1", v)
	}
	// with 10 more Good people in another unit the quota still fails in u1 and passes in u2
	for i := range 10 {
		p := in[2]
		p.Person, p.Code, p.Unit = app.UID(fmt.Sprintf("q%d", i)), fmt.Sprintf("NQ%02d", i), "u2"
		in = append(in, p)
	}
	in[len(in)-1].Band = "Excellent" // u2: 9 Good, 1 Excellent: ⌊1.8⌋ = 1 allowed
	if v := Check(in, testBands, q); len(v) != 1 || v[0].Unit != "u1" {
		t.Fatalf("violations %+v, want only u1", v)
	}
}

func TestPercentTarget(t *testing.T) {
	in := board()
	tg := Target{Percents: map[string]float64{"Excellent": 10, "Good": 30, "Fair": 40, "Below target": 20}}
	// 10 rated: Excellent 2 > 1, Good 3 = 3, Fair 3 < 4, Below 2 = 2
	v := Check(in, testBands, tg)
	if len(v) != 2 || v[0].Band != "Excellent" || v[0].Allowed != 1 || v[1].Band != "Fair" || !v[1].Under || v[1].Allowed != 4 {
		t.Fatalf("violations %+v", v)
	}
	d := Distribute(in, testBands, tg)
	if d.Rated != 10 || d.Bands[0].Count != 2 || d.Bands[0].Percent != 20 || d.Bands[0].Cost != 30_000_000 {
		t.Fatalf("distribution %+v", d)
	}
}

func TestSessionMoveAndUndo(t *testing.T) {
	in := board()
	p := DefaultPolicy(year2026)
	p.Mode, p.Pool, p.Step = ModeFit, 80_000_000, 1000
	s := NewSession(in, p, Target{})
	// raw: 2 × 15 000 000 + 3 × 10 000 000 + 3 × 5 000 000 = 75 000 000: 5 000 000 under the pool
	if tot := s.Totals(); tot.Raw != 75_000_000 || tot.Delta != -5_000_000 || tot.Total != 80_000_000 {
		t.Fatalf("start %+v", tot)
	}
	if _, err := s.Move("p0", "Good", ""); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("a move without a reason: %v", err)
	}
	if _, err := s.Move("p0", "Stellar", "why"); err == nil {
		t.Fatal("a move to an unknown band was accepted")
	}
	tot, err := s.Move("p9", "Excellent", "saved the biggest account")
	// p9 from 0 to 15 000 000: raw 90 000 000, 10 000 000 over the pool
	if err != nil || tot.Raw != 90_000_000 || tot.Delta != 10_000_000 || tot.Total != 80_000_000 || tot.Dist.Bands[0].Count != 3 {
		t.Fatalf("after the move %+v %v", tot, err)
	}
	res := s.Result()
	if r := res.Row("p9"); r == nil || !r.Overridden || r.Score != 40 || r.Final == 0 {
		t.Fatalf("p9's row %+v", r)
	}
	tot, ok := s.Undo()
	if !ok || tot.Raw != 75_000_000 || len(s.Moves()) != 0 || s.Inputs()[9].Overridden {
		t.Fatalf("after undo %+v", tot)
	}
}

func TestApplyOverrides(t *testing.T) {
	in := board()
	c := Calibration{Overrides: []Override{{Person: "p3", From: "Good", To: "Excellent", Reason: "r"}}}
	out := c.Apply(in)
	if out[3].Band != "Excellent" || out[3].Multiplier != 1.5 || !out[3].Overridden || in[3].Band != "Good" {
		t.Fatalf("applied %+v; original %+v", out[3], in[3])
	}
}

func TestSimulator(t *testing.T) {
	in := board()
	for i := range in {
		in[i].Groups = [3]GroupScore{{in[i].Score, true}, {100, true}, {0, false}}
		in[i].Weights = [3]float64{50, 50, 0}
	}
	p := DefaultPolicy(year2026)
	sim := NewSimulator(in, p, 3)
	// no change: nobody wins or loses
	if o := sim.Run(Scenario{}); o.Cost != o.Before || len(o.Winners)+len(o.Losers) != 0 {
		t.Fatalf("no change %+v", o)
	}
	// weights A 100: totals become the A scores, as they were set
	o := sim.Run(Scenario{GroupWeights: map[app.Group]float64{app.GroupA: 100, app.GroupB: 0, app.GroupC: 0}})
	if o.Cost != 75_000_000 {
		t.Fatalf("A only: cost %.0f, want 75 000 000", o.Cost)
	}
	// A 50, B 50: P9 (A 40, B 100) totals 70, Fair: 5 000 000 more; P8 (50) 75, Fair: 5 000 000 more;
	// P7 (72) 86 Fair, P5 (85) 92.5 Good: +5 000 000; P6 (80) 90 Good: +5 000 000; P2..P4 stay Good but
	// P2 (100) 100; P0 (115) 107.5 and P1 (111) 105.5 drop to Good: −5 000 000 each.
	o = sim.Run(Scenario{GroupWeights: map[app.Group]float64{app.GroupA: 50, app.GroupB: 50}})
	// before 75 000 000; gains 4 × 5 000 000, losses 2 × 5 000 000: 85 000 000
	if o.Cost != 85_000_000 || len(o.Losers) != 2 || o.Losers[0].Delta != -5_000_000 || len(o.Winners) != 3 {
		t.Fatalf("A 50 B 50: cost %.0f winners %+v losers %+v", o.Cost, o.Winners, o.Losers)
	}
	bands := []app.Band{{Min: 100, Name: "Excellent", Multiplier: 2}, {Min: 0, Name: "Good", Multiplier: 1}}
	o = sim.Run(Scenario{Bands: bands})
	// the scores as they are: 115, 111, 100 reach 100 (2 × base), the other 7 get 1 × base: 130 000 000
	if o.Ratings.Rated != 10 || len(o.Ratings.Bands) != 2 || o.Ratings.Bands[0].Count != 3 || o.Cost != 130_000_000 {
		t.Fatalf("bands %+v cost %.0f", o.Ratings, o.Cost)
	}
}

func TestSimulatorWinners(t *testing.T) {
	in := board()
	p := DefaultPolicy(year2026)
	sim := NewSimulator(in, p, 2)
	// Good's multiplier 1.0 to 1.2: the 3 Good people gain 2 000 000 each, ties by code
	bands := append([]app.Band(nil), testBands...)
	bands[1].Multiplier = 1.2
	o := sim.Run(Scenario{Bands: bands})
	if len(o.Winners) != 2 || o.Winners[0].Code != "NV02" || o.Winners[0].Delta != 2_000_000 || o.Cost != 81_000_000 || len(o.Losers) != 0 {
		t.Fatalf("winners %+v cost %.0f", o.Winners, o.Cost)
	}
}

// company returns n people in units of 2 500, with group scores, under a fit policy with floor and cap.
func company(n int) ([]Input, Policy) {
	r := rand.New(rand.NewPCG(1, 2))
	in, p := randomCompany(r, n)
	for i := range in {
		in[i].Unit = app.UID(fmt.Sprintf("unit%d", i/2500))
		in[i].Groups = [3]GroupScore{{in[i].Score, true}, {60 + r.Float64()*60, true}, {50 + r.Float64()*50, true}}
		in[i].Weights = [3]float64{50, 30, 20}
		in[i].Score = regroup(in[i].Groups, in[i].Weights)
		b := scoreBand(in[i].Score)
		in[i].Band, in[i].Computed, in[i].Multiplier = b.Name, b.Name, b.Multiplier
	}
	p.Units = nil
	p.Mode, p.Step, p.Pool = ModeFit, 1000, float64(n)*14_000_000
	p.Floor, p.Cap = Limit{Amount: 4_000_000}, Limit{Times: 1.6}
	p.ProRate = ProRateMonths
	return in, p
}

func TestBenchCompanyIsFeasible(t *testing.T) {
	in, p := company(10_000)
	res := Solve(in, p)
	var capped, floored int
	for _, r := range res.Rows {
		switch r.Bound {
		case Capped:
			capped++
		case Floored:
			floored++
		}
	}
	if !res.Feasible || res.Total != res.Pool || capped == 0 || floored == 0 {
		t.Fatalf("feasible %v total %.0f pool %.0f capped %d floored %d", res.Feasible, res.Total, res.Pool, capped, floored)
	}
}

func BenchmarkSolve10000(b *testing.B) {
	in, p := company(10_000)
	b.ReportAllocs()
	for b.Loop() {
		Solve(in, p)
	}
}

func BenchmarkCalibrationMove2500(b *testing.B) {
	in, p := company(2_500)
	s := NewSession(in, p, Target{Quotas: []Quota{{Band: "Excellent", Percent: 20, Of: "Good", PerUnit: true}}})
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		band := "Excellent"
		if i%2 == 1 {
			band = "Good"
		}
		if _, err := s.Move(in[i%len(in)].Person, band, "bench"); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSimulator10000(b *testing.B) {
	in, p := company(10_000)
	sim := NewSimulator(in, p, 10)
	w := []map[app.Group]float64{{app.GroupA: 60, app.GroupB: 20, app.GroupC: 20}, {app.GroupA: 40, app.GroupB: 40, app.GroupC: 20}}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sim.Run(Scenario{GroupWeights: w[i%2]})
		i++
	}
}
