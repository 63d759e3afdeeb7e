package bonus

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// eps absorbs binary noise when an amount is divided into steps: 2.9999999999
// steps is 3 steps. The workbook's formulas add the same 1E-9.
const eps = 1e-9

// Solve computes every person's bonus under p: eligibility and pro-rating
// first, then, per pool, k = pool ÷ Σ raw with floors and caps applied and
// what they freed or took redistributed over the free rows until stable,
// every amount rounded down to the step and the remainder handed out one
// step at a time by largest remainder (ties to the higher score, then the
// lower employee code), so that Σ = pool exactly in fit mode when feasible.
// It does not change in.
func Solve(in []Input, p Policy) Result {
	step := money.Step(p.Currency, p.Step)
	res := Result{Mode: p.Mode, Step: step, Rows: make([]Row, len(in)), Feasible: true}
	groups := map[app.UID][]int{}
	var order []app.UID
	full := Employ(&p, app.Date{}, app.Date{}) // most people: employed all cycle, no probation left
	for i := range in {
		res.Rows[i] = prepare(&in[i], &p, step, &full)
		g := poolKey(&p, in[i].PoolUnit)
		res.Rows[i].Pool = g
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], i)
	}
	if len(p.Units) > 0 {
		for _, up := range p.Units { // every unit pool shows, also one nobody draws from
			if _, ok := groups[up.Unit]; !ok {
				order = append(order, up.Unit)
				groups[up.Unit] = nil
			}
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return order[a] < order[b] })
	for _, g := range order {
		pr := solvePool(res.Rows, groups[g], p.PoolOf(g), p.Mode, step)
		pr.Unit, pr.Code = g, unitCode(&p, g)
		res.Pools = append(res.Pools, pr)
		res.Pool += pr.Pool
		res.Feasible = res.Feasible && pr.Feasible
	}
	for i := range res.Rows {
		res.Total += res.Rows[i].Final
		res.Raw += res.Rows[i].Raw
	}
	return res
}

// poolKey is the pool a person with pool unit u draws from: u when the
// policy lists it, the company ("") otherwise.
func poolKey(p *Policy, u app.UID) app.UID {
	for _, up := range p.Units {
		if up.Unit == u {
			return u
		}
	}
	return ""
}

func unitCode(p *Policy, u app.UID) string {
	for _, up := range p.Units {
		if up.Unit == u {
			return up.Code
		}
	}
	return ""
}

// prepare fills a row's eligibility, raw bonus and its floor and cap in money.
func prepare(in *Input, p *Policy, step float64, full *Employment) Row {
	r := Row{Input: *in}
	em := *full
	if !wholeCycle(p, in.Joined, in.Left) {
		em = employ(p, in.Joined, in.Left)
	}
	r.Eligible, r.Why, r.WhyText, r.Worked, r.Of, r.ProRata = em.Eligible, em.Why, em.WhyText, em.Worked, em.Of, em.ProRata
	if !in.HasScore {
		r.Eligible, r.ProRata = false, 0
		r.Why = append(slices.Clip(r.Why), NoScore) // never into the shared answer's array
		if r.WhyText.Key == "" {
			r.WhyText = app.M("no score")
		}
	}
	if !r.Eligible {
		return r
	}
	r.Raw = in.Base * in.Multiplier * r.ProRata
	if r.Raw <= 0 || math.IsNaN(r.Raw) {
		r.Raw = 0
		return r
	}
	if p.Floor.Set() {
		r.FloorAt = math.Ceil(p.Floor.Of(in.Base)/step-eps) * step
	}
	if p.Cap.Set() {
		r.CapAt, r.HasCap = math.Floor(p.Cap.Of(in.Base)/step+eps)*step, true
		r.FloorAt = math.Min(r.FloorAt, r.CapAt) // a floor above the cap: the cap wins
	}
	return r
}

// wholeCycle reports whether someone who joined on joined and left on left
// is employed all cycle and past probation and the payment date, so that
// Employ gives what it gives with no dates.
func wholeCycle(p *Policy, joined, left app.Date) bool {
	if !left.IsZero() {
		return false
	}
	return joined.IsZero() || !joined.After(p.Cycle.Start) && p.Eligibility.ProbationDays == 0
}

// hi returns the row's cap, +Inf without one (0 for a row paid nothing).
func (r *Row) hi() float64 {
	switch {
	case r.Raw == 0:
		return 0
	case r.HasCap:
		return r.CapAt
	}
	return math.Inf(1)
}

// solvePool solves the rows idx of one pool.
func solvePool(rows []Row, idx []int, pool float64, mode Mode, step float64) PoolResult {
	n := math.Floor(pool/step + eps)
	pr := PoolResult{Pool: n * step, People: len(idx), Feasible: true, K: 1}
	var sumLo, sumHi float64
	for _, i := range idx {
		r := &rows[i]
		pr.Raw += r.Raw
		sumLo += r.FloorAt
		sumHi += r.hi()
		if r.Eligible {
			pr.Eligible++
		}
	}
	if mode == ModeNone || mode == "" {
		pr.Pool = 0
		bind(rows, idx, 1)
		roundDown(rows, idx, step)
		pr.Total = total(rows, idx)
		return pr
	}
	if mode == ModeCap && clampedSum(rows, idx, 1) <= pr.Pool+eps*step {
		bind(rows, idx, 1)
		roundDown(rows, idx, step)
		pr.Total = total(rows, idx)
		return pr
	}
	switch {
	case sumLo > pr.Pool+eps*step:
		pr.Feasible, pr.Shortfall, pr.K = false, pr.Pool-sumLo, 0
	case sumHi < pr.Pool-eps*step && mode == ModeFit:
		pr.Feasible, pr.Shortfall, pr.K = false, pr.Pool-sumHi, math.Inf(1)
	}
	if !pr.Feasible {
		bind(rows, idx, pr.K)
		roundDown(rows, idx, step)
		pr.Total = total(rows, idx)
		if math.IsInf(pr.K, 1) {
			pr.K = 0 // nobody is free: every row sits at its cap
		}
		return pr
	}
	pr.K = findK(rows, idx, pr.Pool)
	pr.K = refineK(rows, idx, pr.K, pr.Pool)
	bind(rows, idx, pr.K)
	roundDown(rows, idx, step)
	pr.Remainder = handOut(rows, idx, int64(n)-int64(math.Round(total(rows, idx)/step)), step)
	pr.Total = total(rows, idx)
	return pr
}

// clampedSum is Σ clamp(k × raw, floor, cap).
func clampedSum(rows []Row, idx []int, k float64) float64 {
	var s float64
	for _, i := range idx {
		r := &rows[i]
		s += math.Min(r.hi(), math.Max(r.FloorAt, k*r.Raw))
	}
	return s
}

// findK returns the k at which Σ clamp(k × raw, floor, cap) reaches pool: g
// is piecewise linear in k, rising with the raw of the rows between their
// floor and cap, so a sweep over the breakpoints (where a row leaves its
// floor or reaches its cap) finds it exactly.
func findK(rows []Row, idx []int, pool float64) float64 {
	type ev struct {
		k, slope float64
	}
	evs := make([]ev, 0, 2*len(idx))
	g := 0.0
	for _, i := range idx {
		r := &rows[i]
		if r.Raw <= 0 {
			continue
		}
		g += r.FloorAt
		evs = append(evs, ev{r.FloorAt / r.Raw, r.Raw})
		if h := r.hi(); !math.IsInf(h, 1) {
			evs = append(evs, ev{h / r.Raw, -r.Raw})
		}
	}
	slices.SortFunc(evs, func(a, b ev) int { return cmp.Compare(a.k, b.k) })
	k, slope := 0.0, 0.0
	for _, e := range evs {
		if next := g + slope*(e.k-k); next >= pool {
			return k + (pool-g)/slope
		} else {
			g = next
		}
		k = e.k
		slope += e.slope
	}
	if slope <= 0 {
		return k
	}
	return k + (pool-g)/slope
}

// refineK recomputes k the way the workbook does, as the pool left after the
// bound rows over the raw of the free ones: (pool − Σ caps − Σ floors) ÷ Σ free raw.
func refineK(rows []Row, idx []int, k, pool float64) float64 {
	var bound, free float64
	for _, i := range idx {
		r := &rows[i]
		x := k * r.Raw
		switch {
		case r.Raw <= 0:
		case x > r.hi():
			bound += r.hi()
		case x < r.FloorAt:
			bound += r.FloorAt
		default:
			free += r.Raw
		}
	}
	if free <= 0 {
		return k
	}
	return (pool - bound) / free
}

// bind sets each row's scaled and exact amounts and its bound at scale k.
func bind(rows []Row, idx []int, k float64) {
	for _, i := range idx {
		r := &rows[i]
		r.Scaled = k * r.Raw
		r.Bound, r.Exact = Free, r.Scaled
		switch {
		case r.Raw <= 0:
			r.Scaled, r.Exact = 0, 0
		case math.IsInf(k, 1) || r.Scaled > r.hi(): // infinite k: the caps cannot reach the pool
			r.Bound, r.Exact = Capped, r.hi()
		case r.Scaled < r.FloorAt:
			r.Bound, r.Exact = Floored, r.FloorAt
		}
	}
}

// roundDown rounds every exact amount down to the step and keeps the remainder in steps.
func roundDown(rows []Row, idx []int, step float64) {
	for _, i := range idx {
		r := &rows[i]
		q := r.Exact / step
		f := math.Floor(q + eps)
		r.Rounded, r.Fraction, r.Extra = f*step, math.Max(0, q-f), 0
		r.Final = r.Rounded
	}
}

func total(rows []Row, idx []int) float64 {
	var s float64
	for _, i := range idx {
		s += rows[i].Final
	}
	return s
}

// handOut gives left steps one at a time to the free rows with the largest
// remainders (ties to the higher score, then the lower employee code), never
// above a cap, and returns how many it gave.
func handOut(rows []Row, idx []int, left int64, step float64) int64 {
	if left <= 0 {
		return 0
	}
	type pick struct {
		frac, score float64
		code        string
		i           int
	}
	cands := make([]pick, 0, len(idx))
	for _, i := range idx {
		if r := &rows[i]; r.Raw > 0 && r.Final+step <= r.hi()+eps*step {
			cands = append(cands, pick{r.Fraction, r.Score, r.Code, i})
		}
	}
	order := func(a, b pick) int {
		if c := cmp.Compare(b.frac, a.frac); c != 0 {
			return c
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return strings.Compare(a.code, b.code)
	}
	if n := int(left); n < len(cands) {
		selectFirst(cands, n, order) // only the first left candidates get a step: no need to sort the rest
		cands = cands[:n]
	}
	slices.SortFunc(cands, order)
	cand := make([]int, len(cands))
	for j, c := range cands {
		cand[j] = c.i
	}
	var given int64
	for given < left && len(cand) > 0 {
		next := cand[:0]
		for _, i := range cand {
			if given == left {
				break
			}
			r := &rows[i]
			r.Extra++
			r.Final += step
			given++
			if r.Final+step <= r.hi()+eps*step {
				next = append(next, i)
			}
		}
		cand = next
	}
	return given
}

// selectFirst reorders s so that its first n elements are the n smallest
// under order (a strict total order), in no particular order: Hoare's
// quickselect.
func selectFirst[T any](s []T, n int, order func(a, b T) int) {
	lo, hi := 0, len(s)-1
	for lo < hi {
		p := s[lo+(hi-lo)/2]
		i, j := lo, hi
		for i <= j {
			for order(s[i], p) < 0 {
				i++
			}
			for order(p, s[j]) < 0 {
				j--
			}
			if i <= j {
				s[i], s[j] = s[j], s[i]
				i++
				j--
			}
		}
		switch {
		case n-1 <= j:
			hi = j
		case n-1 >= i:
			lo = i
		default:
			return
		}
	}
}
