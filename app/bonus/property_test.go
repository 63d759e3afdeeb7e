package bonus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"kpiplanner/app"
)

var testBands = app.DefaultRules().Bands

// randomCompany returns n people in up to 3 pool units with bases from a
// few values, scores 40–130 and the default bands' multipliers, and a
// random policy over them.
func randomCompany(r *rand.Rand, n int) ([]Input, Policy) {
	bases := []float64{5_000_000, 8_000_000, 12_500_000, 20_000_000, 33_333_333}
	in := make([]Input, n)
	for i := range in {
		score := math.Round((40+r.Float64()*90)*100) / 100
		b := scoreBand(score)
		in[i] = Input{Person: app.UID(fmt.Sprintf("u%05d", i)), Code: fmt.Sprintf("NV%05d", r.IntN(1_000_000)*100+i),
			Base: bases[r.IntN(len(bases))], Score: score, HasScore: true, Band: b.Name, Computed: b.Name,
			Multiplier: b.Multiplier, Bands: testBands, PoolUnit: app.UID(fmt.Sprintf("unit%d", r.IntN(3)))}
	}
	p := DefaultPolicy(year2026)
	p.Mode = Modes[r.IntN(len(Modes))]
	p.Step = []float64{0, 1000, 10_000, 100_000}[r.IntN(4)]
	if r.IntN(2) == 0 {
		p.Floor = Limit{Amount: float64(r.IntN(4)) * 1_000_000}
	}
	switch r.IntN(3) {
	case 0:
		p.Cap = Limit{Times: 1 + r.Float64()*2}
	case 1:
		p.Cap = Limit{Amount: 10_000_000 + float64(r.IntN(30))*1_000_000}
	}
	p.Pool = math.Round(float64(n) * (2_000_000 + r.Float64()*15_000_000))
	if r.IntN(3) == 0 {
		for u := range 3 {
			p.Units = append(p.Units, UnitPool{Unit: app.UID(fmt.Sprintf("unit%d", u)), Code: fmt.Sprintf("U%d", u),
				Amount: math.Round(float64(n) / 3 * (2_000_000 + r.Float64()*15_000_000))})
		}
	}
	return in, p
}

func scoreBand(score float64) app.Band {
	for _, b := range testBands {
		if score >= b.Min {
			return b
		}
	}
	return app.Band{}
}

func TestSolveProperties(t *testing.T) {
	for seed := range uint64(400) {
		r := rand.New(rand.NewPCG(seed, 7))
		in, p := randomCompany(r, 1+r.IntN(300))
		res := Solve(in, p)
		name := fmt.Sprintf("seed %d (%s, %d people, step %v)", seed, p.Mode, len(in), res.Step)
		checkSums(t, name, res)
		checkRows(t, name, res)
		checkMonotone(t, name, res)
		if again := Solve(in, p); !reflect.DeepEqual(again, res) {
			t.Fatalf("%s: two solves differ", name)
		}
		checkOrderFree(t, name, in, p, res, r)
	}
}

// checkSums: in fit mode, each feasible pool is paid exactly; in cap mode, never more than the pool.
func checkSums(t *testing.T, name string, res Result) {
	t.Helper()
	for _, pr := range res.Pools {
		switch {
		case res.Mode == ModeFit && pr.Feasible && pr.Total != pr.Pool:
			t.Fatalf("%s: pool %q pays %.0f, pool %.0f", name, pr.Code, pr.Total, pr.Pool)
		case res.Mode == ModeCap && pr.Feasible && pr.Total > pr.Pool:
			t.Fatalf("%s: pool %q pays %.0f over the pool %.0f", name, pr.Code, pr.Total, pr.Pool)
		case !pr.Feasible && pr.Shortfall == 0:
			t.Fatalf("%s: infeasible pool %q without a shortfall", name, pr.Code)
		}
	}
}

// checkRows: every amount a multiple of the step, within floor and cap.
func checkRows(t *testing.T, name string, res Result) {
	t.Helper()
	for _, r := range res.Rows {
		if q := r.Final / res.Step; q != math.Trunc(q) {
			t.Fatalf("%s: %s gets %v, not a multiple of %v", name, r.Code, r.Final, res.Step)
		}
		if r.HasCap && r.Final > r.CapAt || r.Raw > 0 && r.Final < r.FloorAt {
			t.Fatalf("%s: %s gets %.0f outside floor %.0f and cap %.0f", name, r.Code, r.Final, r.FloorAt, r.CapAt)
		}
	}
}

// checkMonotone: within a pool and a base, a higher score never gets less.
func checkMonotone(t *testing.T, name string, res Result) {
	t.Helper()
	type key struct {
		unit app.UID
		base float64
	}
	groups := map[key][]Row{}
	for _, r := range res.Rows {
		k := key{r.PoolUnit, r.Base}
		groups[k] = append(groups[k], r)
	}
	for _, rows := range groups {
		for _, a := range rows {
			for _, b := range rows {
				if a.Score > b.Score && a.Final < b.Final {
					t.Fatalf("%s: %s scores %.2f and gets %.0f, %s scores %.2f and gets %.0f", name, a.Code, a.Score, a.Final, b.Code, b.Score, b.Final)
				}
			}
		}
	}
}

// checkOrderFree: shuffling the people changes nobody's bonus.
func checkOrderFree(t *testing.T, name string, in []Input, p Policy, res Result, r *rand.Rand) {
	t.Helper()
	sh := append([]Input(nil), in...)
	r.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
	got := map[app.UID]float64{}
	for _, row := range Solve(sh, p).Rows {
		got[row.Person] = row.Final
	}
	for _, row := range res.Rows {
		if got[row.Person] != row.Final {
			t.Fatalf("%s: %s gets %.0f in one order, %.0f in another", name, row.Code, row.Final, got[row.Person])
		}
	}
}

func TestSelectFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	for range 300 {
		s := r.Perm(1 + r.IntN(60))
		n := r.IntN(len(s) + 1)
		selectFirst(s, n, func(a, b int) int { return a - b })
		for i := range n {
			if s[i] >= n {
				t.Fatalf("first %d of %v hold %d", n, s, s[i])
			}
		}
	}
}
