package score

import (
	"math"

	"kpiplanner/app"
)

// Plan scores p over the window from the cycle's first period to period at
// (0-based, inclusive); at < 0 or past the end means the whole cycle.
func Plan(p *app.Plan, at int) Result {
	n := p.Cycle.NumPeriods()
	if at < 0 || at >= n {
		at = n - 1
	}
	r := Result{PlanID: p.ID, Name: p.Name, Person: p.Person, At: at, AtLabel: p.Cycle.Label(at)}
	r.KPIs = make([]KPIResult, len(p.KPIs))
	for i := range p.KPIs {
		r.KPIs[i] = KPI(p, &p.KPIs[i], at, n)
	}
	r.Groups = groups(p, r.KPIs)
	r.Total, r.HasTotal = total(r.Groups)
	if r.HasTotal {
		r.Rating = Rate(p.Rules.Bands, r.Total)
		r.Bonus = Bonus(p.Rules, p.Person.BaseBonus, r.Total)
	}
	return r
}

// All scores every plan over the window ending at period at (see Plan).
func All(plans []*app.Plan, at int) []Result {
	out := make([]Result, len(plans))
	for i, p := range plans {
		out[i] = Plan(p, at)
	}
	return out
}

// KPI scores one KPI of p over periods 0..at of a cycle of n periods.
func KPI(p *app.Plan, k *app.KPI, at, n int) KPIResult {
	r := KPIResult{
		ID: k.ID, Name: k.Name, Group: k.Group, Weight: k.Weight,
		Status: NoData, Actual: math.NaN(), Target: k.Target,
	}
	f := 1.0 // pro-rata factor for sum KPIs: periods elapsed / periods in the cycle
	if k.Aggregation == app.Sum && n > 0 {
		f = float64(at+1) / float64(n)
	}
	r.Target = k.Target * f
	x, count := Aggregate(k, at)
	if count == 0 {
		return r
	}
	r.Status, r.Actual, r.Periods = Scored, x, count
	a := Achievement(k, x, f, p.CapOf(k))
	r.Achievement = Clamp(a, p.FloorOf(k), p.CapOf(k))
	r.Score = ScoreOf(k.Steps, r.Achievement)
	return r
}

// Aggregate combines k's actuals for periods 0..at and returns the result
// and how many periods had an actual. A ratio KPI whose denominators sum to
// 0 has no data. Percent ratio KPIs are scaled to percent (× 100).
func Aggregate(k *app.KPI, at int) (float64, int) {
	var sum, den, last float64
	lo, hi := math.Inf(1), math.Inf(-1)
	count := 0
	for _, a := range k.Actuals {
		if a.Period < 0 || a.Period > at {
			continue
		}
		count++
		sum += a.Value
		den += a.Den
		last = a.Value // Actuals are sorted by period
		lo, hi = math.Min(lo, a.Value), math.Max(hi, a.Value)
	}
	if count == 0 {
		return math.NaN(), 0
	}
	switch k.Aggregation {
	case app.Sum:
		return sum, count
	case app.Average:
		return sum / float64(count), count
	case app.Last:
		return last, count
	case app.Min:
		return lo, count
	case app.Max:
		return hi, count
	case app.Ratio:
		if den == 0 {
			return math.NaN(), 0
		}
		if k.Unit == app.Percent {
			return sum / den * 100, count
		}
		return sum / den, count
	}
	return math.NaN(), 0
}

// Achievement returns k's raw achievement (1.0 = on target) for the
// aggregated actual x, before floor and cap. f scales the target, baseline,
// range and tolerance of sum KPIs to a partial window; capV is what a
// lower-is-better KPI without baseline earns when x ≤ 0.
func Achievement(k *app.KPI, x, f, capV float64) float64 {
	t := k.Target * f
	switch k.Direction {
	case app.Higher:
		if k.Baseline == nil {
			return x / t
		}
		b := *k.Baseline * f
		return (x - b) / (t - b)
	case app.Lower:
		if k.Baseline == nil {
			if x <= 0 {
				return capV
			}
			return t / x
		}
		b := *k.Baseline * f
		return (b - x) / (b - t)
	case app.Range:
		lo, hi, tol := k.RangeLow*f, k.RangeHigh*f, k.Tolerance*f
		switch {
		case x < lo:
			return math.Max(0, 1-(lo-x)/tol)
		case x > hi:
			return math.Max(0, 1-(x-hi)/tol)
		}
		return 1
	case app.Milestone:
		if x >= 1 {
			return 1
		}
		return 0
	}
	return math.NaN()
}

// Clamp applies the floor and cap: a < floor → 0; then min(a, cap); then
// max(a, 0). A NaN achievement (an invalid KPI) becomes 0.
func Clamp(a, floor, capV float64) float64 {
	if math.IsNaN(a) || a < floor {
		return 0
	}
	return math.Max(math.Min(a, capV), 0)
}

// ScoreOf turns an achievement into a score: the score of the highest step
// band reached (0 if none) when steps are given, else 100 × a.
func ScoreOf(steps []app.StepBand, a float64) float64 {
	if len(steps) == 0 {
		return 100 * a
	}
	s := 0.0
	for _, b := range steps {
		if a >= b.From {
			s = b.Score
		}
	}
	return s
}
