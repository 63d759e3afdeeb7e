package demo

import (
	"math"

	"kpiplanner/app"
)

// actuals draws a year of monthly actuals for k, with gaps; a few KPIs get none.
func (g *gen) actuals(t *tmpl, k *app.KPI) []app.Actual {
	r := g.r
	if r.Float64() < noDataRate {
		return nil
	}
	sd := t.sd
	if sd == 0 {
		sd = 0.1
	}
	perf := math.Max(0.5, 1+(g.skill-1+0.06*r.NormFloat64())*sd/0.1)
	done := periodOf(k.Deadline) + int(math.Round(1.5*r.NormFloat64()-10*(g.skill-1)))
	out := make([]app.Actual, 0, len(periods))
	for p := range periods {
		if r.Float64() < gapRate {
			continue
		}
		a := app.Actual{Period: p}
		switch {
		case t.agg == app.Ratio:
			a.Value, a.Den = g.ratioCell(t, k, perf, sd)
		case t.dir == app.Milestone:
			if p >= done {
				a.Value = 1
			}
		default:
			a.Value = g.value(t, k, p, perf, sd)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// value draws the actual of period p for a non-ratio, non-milestone KPI.
func (g *gen) value(t *tmpl, k *app.KPI, p int, perf, sd float64) float64 {
	eps := sd * g.r.NormFloat64()
	var v float64
	switch {
	case k.Direction == app.Range:
		v = k.Target + g.r.NormFloat64()*(t.width/2+t.tol/3)*math.Max(0.3, 2-perf)
	case k.Baseline != nil:
		b := *k.Baseline
		ramp := 0.55 + 0.45*float64(p+1)/float64(len(periods))
		v = b + (k.Target-b)*perf*ramp + math.Abs(k.Target-b)*eps
	case k.Direction == app.Lower:
		v = k.Target / perf * (1 + eps)
	default:
		v = k.Target * perf * (1 + eps)
	}
	if k.Aggregation == app.Sum {
		v /= float64(len(periods))
	}
	v = math.Max(0, roundTo(v, t.q))
	if k.Unit == app.Percent && k.Direction != app.Range {
		v = math.Min(100, v) // rates; a range KPI such as budget used may pass 100 %
	}
	return v
}

// ratioCell draws a period's numerator and denominator for a ratio KPI.
func (g *gen) ratioCell(t *tmpl, k *app.KPI, perf, sd float64) (num, den float64) {
	den = math.Max(t.dq, roundTo(t.dl+(t.dh-t.dl)*g.r.Float64(), t.dq))
	rate := k.Target * perf
	if k.Direction == app.Lower {
		rate = k.Target / perf
	}
	rate *= 1 + sd*g.r.NormFloat64()
	if k.Unit == app.Percent {
		rate /= 100 // the engine shows Σ num ÷ Σ den × 100 for percentages
	}
	return math.Max(0, roundTo(den*rate, t.nq)), den
}

// periodOf returns the index of the demo cycle's period containing d.
func periodOf(d app.Date) int {
	for _, p := range periods {
		if !d.After(p.End) {
			return p.Index
		}
	}
	return len(periods) - 1
}
