package bonus

import (
	"math"
	"testing"

	"kpiplanner/app"
)

var year2026 = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31)}

func person(code string, base, mult, score float64) Input {
	return Input{Person: app.UID("u" + code), Code: code, Name: code, Base: base, Multiplier: mult, Score: score, HasScore: true}
}

// The worked example of docs/bonus.md: five people, fit mode, pool
// 50 001 000, step 1 000, floor 2 000 000, cap 2 × base.
func workedExample() ([]Input, Policy) {
	in := []Input{
		person("NV01", 10_000_000, 1.5, 112), // raw 15 000 000
		person("NV02", 6_000_000, 1.0, 95.5), // raw 6 000 000
		person("NV03", 6_000_000, 1.0, 92),   // raw 6 000 000
		person("NV04", 5_000_000, 0.5, 75),   // raw 2 500 000
		person("NV05", 2_000_000, 0.5, 71),   // raw 1 000 000
	}
	p := DefaultPolicy(year2026)
	p.Mode, p.Pool, p.Step = ModeFit, 50_001_000, 1000
	p.Floor = Limit{Amount: 2_000_000}
	p.Cap = Limit{Times: 2}
	return in, p
}

func TestWorkedExample(t *testing.T) {
	in, p := workedExample()
	res := Solve(in, p)
	// k = (50 001 000 − 20 000 000 (NV01's cap) − 2 000 000 (NV05's floor)) ÷ (6 000 000 + 6 000 000 + 2 500 000)
	//   = 28 001 000 ÷ 14 500 000 = 1.931103448…
	pr := res.Pools[0]
	if math.Abs(pr.K-28_001_000.0/14_500_000) > 1e-12 {
		t.Errorf("k = %v, want 1.931103448", pr.K)
	}
	type want struct {
		bound   Bound
		exact   float64
		rounded float64
		extra   int64
		final   float64
	}
	wants := []want{
		{Capped, 20_000_000, 20_000_000, 0, 20_000_000},       // 15 000 000 × k = 28 966 551.72 > cap 20 000 000
		{Free, 11_586_620.6896551, 11_586_000, 1, 11_587_000}, // remainder 0.6207 step; ties NV03, wins on score 95.5 > 92
		{Free, 11_586_620.6896551, 11_586_000, 0, 11_586_000},
		{Free, 4_827_758.6206896, 4_827_000, 1, 4_828_000}, // remainder 0.7586 step: the largest
		{Floored, 2_000_000, 2_000_000, 0, 2_000_000},      // 1 000 000 × k = 1 931 103.45 < floor 2 000 000
	}
	for i, w := range wants {
		r := res.Rows[i]
		if r.Bound != w.bound || math.Abs(r.Exact-w.exact) > 1e-6 || r.Rounded != w.rounded || r.Extra != w.extra || r.Final != w.final {
			t.Errorf("%s: bound %s exact %.7f rounded %.0f extra %d final %.0f; want %+v", r.Code, r.Bound, r.Exact, r.Rounded, r.Extra, r.Final, w)
		}
	}
	if res.Total != 50_001_000 || pr.Remainder != 2 || !res.Feasible {
		t.Errorf("total %.0f remainder %d feasible %v; want 50 001 000, 2 steps, feasible", res.Total, pr.Remainder, res.Feasible)
	}
	if res.Raw != 30_500_000 {
		t.Errorf("raw %.0f, want 30 500 000", res.Raw)
	}
}

func TestModes(t *testing.T) {
	in, p := workedExample()
	p.Floor, p.Cap = Limit{}, Limit{}
	cases := map[string]struct {
		mode  Mode
		pool  float64
		total float64
		k     float64
	}{
		"none pays raw":               {ModeNone, 10_000_000, 30_500_000, 1},
		"cap under the pool pays raw": {ModeCap, 40_000_000, 30_500_000, 1},
		// k = 24 400 000 ÷ 30 500 000 = 0.8: 12 000 000, 4 800 000, 4 800 000, 2 000 000, 800 000
		"cap over the pool scales down": {ModeCap, 24_400_000, 24_400_000, 0.8},
		"fit scales up":                 {ModeFit, 61_000_000, 61_000_000, 2},
	}
	for name, c := range cases {
		p.Mode, p.Pool = c.mode, c.pool
		res := Solve(in, p)
		if res.Total != c.total || math.Abs(res.Pools[0].K-c.k) > 1e-12 {
			t.Errorf("%s: total %.0f k %v, want %.0f and %v", name, res.Total, res.Pools[0].K, c.total, c.k)
		}
	}
}

func TestInfeasible(t *testing.T) {
	in, p := workedExample()
	// caps: 20 000 000 + 12 000 000 + 12 000 000 + 10 000 000 + 4 000 000 = 58 000 000
	p.Pool = 60_000_000
	res := Solve(in, p)
	if res.Feasible || res.Pools[0].Shortfall != 2_000_000 || res.Total != 58_000_000 {
		t.Errorf("caps too low: feasible %v shortfall %.0f total %.0f; want false, 2 000 000, 58 000 000", res.Feasible, res.Pools[0].Shortfall, res.Total)
	}
	// floors 9 000 000 each: 45 000 000 > 40 000 000 (NV05's floor is its cap, 4 000 000: 40 000 000 in all)
	p.Pool, p.Floor = 39_000_000, Limit{Amount: 9_000_000}
	res = Solve(in, p)
	if res.Feasible || res.Pools[0].Shortfall != -1_000_000 {
		t.Errorf("floors too high: feasible %v shortfall %.0f; want false, -1 000 000", res.Feasible, res.Pools[0].Shortfall)
	}
}

func TestUnitPools(t *testing.T) {
	in, p := workedExample()
	for i := range in {
		in[i].PoolUnit = "sales"
		if i >= 3 {
			in[i].PoolUnit = "ops"
		}
	}
	p.Floor, p.Cap = Limit{}, Limit{}
	p.Units = []UnitPool{{Unit: "sales", Code: "SALES", Amount: 27_000_000}, {Unit: "ops", Code: "OPS", Amount: 7_000_000}}
	res := Solve(in, p)
	// sales: raw 27 000 000, k 1; ops: raw 3 500 000, k 2: 5 000 000 and 2 000 000
	if res.Total != 34_000_000 || res.Rows[3].Final != 5_000_000 || res.Rows[4].Final != 2_000_000 || len(res.Pools) != 2 {
		t.Errorf("unit pools: total %.0f, NV04 %.0f, NV05 %.0f, %d pools", res.Total, res.Rows[3].Final, res.Rows[4].Final, len(res.Pools))
	}
}
