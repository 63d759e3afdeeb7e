package xlsx

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

// bonusCase is a random company of n people in three units, two of them with
// their own pool, under a fit policy with floor, cap, a 1 000 step,
// pro-rating by days and a payment date some people left before.
func bonusCase(seed uint64, n int, mode bonus.Mode) ([]bonus.Input, bonus.Policy) {
	r := rand.New(rand.NewPCG(seed, 3))
	bands := app.DefaultRules().Bands
	cycle := app.Cycle{Start: app.NewDate(2028, 1, 1), End: app.NewDate(2028, 12, 31)}
	in := make([]bonus.Input, n)
	for i := range in {
		score := float64(r.IntN(13000)) / 100
		var b app.Band
		for _, x := range bands {
			if score >= x.Min {
				b = x
				break
			}
		}
		in[i] = bonus.Input{Person: app.UID(fmt.Sprintf("p%03d", i)), Code: fmt.Sprintf("NV%04d", i), Name: fmt.Sprintf("Người %d", i),
			Base: float64(3+r.IntN(30)) * 1_000_000, Score: score, HasScore: r.IntN(20) > 0, Band: b.Name, Computed: b.Name,
			Multiplier: b.Multiplier, Bands: bands, PoolUnit: app.UID(fmt.Sprintf("u%d", r.IntN(3))), UnitCode: fmt.Sprintf("U%d", i%3)}
		if r.IntN(5) == 0 {
			in[i].Joined = cycle.Start.AddDays(r.IntN(300))
		}
		if r.IntN(8) == 0 {
			in[i].Left = cycle.Start.AddDays(100 + r.IntN(300))
		}
	}
	p := bonus.DefaultPolicy(cycle)
	p.Mode, p.Step, p.Pool = mode, 1000, float64(n)*7_777_777
	p.Units = []bonus.UnitPool{{Unit: "u1", Code: "U1", Amount: float64(n) * 3_333_333}, {Unit: "u2", Code: "U2", Amount: float64(n) * 1_111_111}}
	p.Floor, p.Cap = bonus.Limit{Amount: 2_500_000}, bonus.Limit{Times: 2.5}
	p.ProRate, p.Eligibility = bonus.ProRateDays, bonus.Eligibility{PaymentDate: app.NewDate(2029, 1, 31), MinDays: 30}
	return in, p
}

// TestLibreOfficeRecomputesBonusPool: LibreOffice, recomputing the bonus
// pool workbook with its cached results poisoned, reproduces every amount
// to the đồng, k, the sums and the check that Σ = pool.
func TestLibreOfficeRecomputesBonusPool(t *testing.T) {
	vi, err := i18n.New("vi")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		mode bonus.Mode
		t    sheet.Translate
	}{{"fit", bonus.ModeFit, nil}, {"cap", bonus.ModeCap, vi.T}, {"none", bonus.ModeNone, nil}}
	dir := t.TempDir()
	var files []string
	type made struct {
		res bonus.Result
		lay sheet.PoolLayout
	}
	books := map[string]made{}
	for i, c := range cases {
		in, p := bonusCase(uint64(i+1), 150, c.mode)
		if c.mode == bonus.ModeCap {
			p.Pool /= 3
		}
		res := bonus.Solve(in, p)
		wb, lay := sheet.BonusPool(res, p, nil, bonus.Regulate(p, app.DefaultRules()), c.t)
		poison(wb.Sheets[0])
		path := filepath.Join(dir, c.name+".xlsx")
		if err := Write(context.Background(), path, wb, Options{}); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
		books[path] = made{res, lay}
	}
	grids := recalc(t, files...)
	for path, m := range books {
		g := grids[path][m.lay.Sheet]
		if g == nil {
			t.Fatalf("%s: no sheet %q in %v", path, m.lay.Sheet, keys(grids[path]))
		}
		extras := 0
		for i, r := range m.res.Rows {
			row := m.lay.FirstRow + i
			where := fmt.Sprintf("%s %s", filepath.Base(path), r.Code)
			checkNum(t, where+" raw", g, row, sheet.PoRaw, r.Raw, true)
			checkNum(t, where+" exact", g, row, sheet.PoExact, r.Exact, true)
			if got := at(g, row, sheet.PoFinal); got != fmt.Sprintf("%.0f", r.Final) {
				t.Errorf("%s final: LibreOffice %q, the solver %.0f", where, got, r.Final)
			}
			if got := at(g, row, sheet.PoRounded); got != fmt.Sprintf("%.0f", r.Rounded) {
				t.Errorf("%s rounded: LibreOffice %q, the solver %.0f", where, got, r.Rounded)
			}
			extras += int(r.Extra)
		}
		for i, pr := range m.res.Pools {
			row := m.lay.PoolRow + i
			checkNum(t, fmt.Sprintf("%s pool %s k", filepath.Base(path), pr.Code), g, row, sheet.PlK, pr.K, true)
			if got := at(g, row, sheet.PlPaid); got != fmt.Sprintf("%.0f", pr.Total) {
				t.Errorf("%s pool %s paid: LibreOffice %q, the solver %.0f", path, pr.Code, got, pr.Total)
			}
			if m.res.Mode == bonus.ModeFit && pr.Feasible {
				if got := at(g, row, sheet.PlCheck); got != "equal" || pr.Total != pr.Pool {
					t.Errorf("%s pool %s check %q, total %.0f pool %.0f", path, pr.Code, got, pr.Total, pr.Pool)
				}
			}
		}
		if m.res.Mode != bonus.ModeNone && extras == 0 {
			t.Errorf("%s: no remainder step was handed out; the case tests too little", path)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
