package score

import (
	"math"

	"kpiplanner/app"
)

// Plan scores p over the window from the cycle's first period to period at
// (0-based, inclusive); at < 0 or past the end means the whole cycle.
func Plan(p *app.Plan, at int) Result {
	return In(p, WindowAt(p, at))
}

// OfficialResult scores p over its official window on date today (see
// Official): the total, rating and bonus every screen and file shows.
func OfficialResult(p *app.Plan, today app.Date) Result {
	return In(p, Official(p, today))
}

// In scores p over window w. An empty window scores nothing: no total.
func In(p *app.Plan, w Window) Result {
	n := p.Cycle.NumPeriods()
	r := Result{PlanID: p.ID, Name: p.Name, Person: p.Person, At: w.Last, AtLabel: w.Label, Window: w}
	r.KPIs = make([]KPIResult, len(p.KPIs))
	for i := range p.KPIs {
		r.KPIs[i] = KPI(p, &p.KPIs[i], w.Last, n)
	}
	if w.Empty() {
		r.Groups = groups(p, nil)
		return r
	}
	r.Groups = groups(p, r.KPIs)
	r.Total, r.HasTotal = total(r.Groups)
	r.Missing = missing(r.KPIs)
	r.Provisional = p.Rules.MissingData == app.MissingProvisional && len(r.Missing) > 0
	if r.HasTotal {
		r.Official = Round2(r.Total)
		r.Own = r.Official
		team(p, w, &r)
		r.Rating = Rate(p.Rules.Bands, r.Official)
		r.BonusRaw = RawBonus(p.Rules, p.Person.BaseBonus, r.Official)
		r.Bonus = Money(p, r.BonusRaw)
	}
	return r
}

// missing lists the ids of KPIs without data in the window that are not exempted.
func missing(ks []KPIResult) []string {
	var out []string
	for _, k := range ks {
		if k.Status == NoData && !k.Exempt {
			out = append(out, k.ID)
		}
	}
	return out
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
		ID: k.ID, Name: k.Name, Group: k.Group, Weight: k.Weight, Exempt: k.Exempt != "",
		Status: NoData, Actual: math.NaN(), Target: k.Target,
		Zero: p.Rules.MissingData == app.MissingZero && k.Exempt == "", Reference: k.Reference,
	}
	t, f := WindowTarget(k, at, n)
	r.Target = t
	x, count := Aggregate(k, at)
	if count == 0 || math.IsInf(x, 0) {
		return r
	}
	r.Status, r.Actual, r.Periods = Scored, x, count
	r.Formula = formulaOf(k, x, t, f, p.CapOf(k))
	r.Raw = r.Formula.Value
	r.Achievement = Clamp(r.Raw, p.FloorOf(k), p.CapOf(k))
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
// aggregated actual x, before floor and cap. t is the window's target and f
// scales the baseline, range and tolerance of sum KPIs to a partial window
// (both from WindowTarget); capV is what a lower-is-better KPI without
// baseline earns when x ≤ 0.
func Achievement(k *app.KPI, x, t, f, capV float64) float64 {
	return formulaOf(k, x, t, f, capV).Value
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
