// Package trend follows each KPI of a plan over its cycle's periods: the
// value per period and to date, a linear forecast to the deadline, an
// on-track / at-risk / off-track status from that forecast, and anomalies —
// periods whose value departs from the KPI's recent history.
//
// It agrees with the scoring engine: values to date come from
// score.Aggregate, forecast achievements from score.Achievement and
// score.Clamp with the full-cycle target.
package trend

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// Point is one period of a KPI's series.
type Point struct {
	Period int     // 0-based period index
	Label  string  // the period's label, e.g. 2026-03
	Value  float64 // the period's own value (num ÷ den, × 100 for percent ratio KPIs); NaN when missing
	ToDate float64 // the value aggregated over periods 0..Period as the engine does; NaN when none
	Target float64 // the target for the window 0..Period, as score.WindowTarget gives it
}

// cycle holds what every function of the package needs about a plan's cycle.
type cycle struct {
	n      int      // number of periods
	labels []string // label of every period
}

func cycleOf(p *app.Plan) cycle {
	ps := p.Cycle.Periods()
	c := cycle{n: len(ps), labels: make([]string, len(ps))}
	for i, q := range ps {
		c.labels[i] = q.Label
	}
	return c
}

// window turns at as score.Plan reads it (< 0 or past the end = the whole
// cycle) into a period index.
func (c cycle) window(at int) int {
	if at < 0 || at >= c.n {
		return c.n - 1
	}
	return at
}

// Series returns k's value per period and to date for periods 0..at of p's
// cycle (at < 0 or past the end means the whole cycle).
func Series(p *app.Plan, k *app.KPI, at int) []Point {
	return series(cycleOf(p), k, at)
}

func series(c cycle, k *app.KPI, at int) []Point {
	at = c.window(at)
	if at < 0 {
		return nil
	}
	out := make([]Point, at+1)
	for i := range out {
		out[i] = Point{Period: i, Label: c.labels[i], Value: math.NaN(), Target: targetTo(c, k, i)}
		if x, n := score.Aggregate(k, i); n > 0 {
			out[i].ToDate = x
		} else {
			out[i].ToDate = math.NaN()
		}
	}
	for _, a := range k.Actuals {
		if a.Period >= 0 && a.Period <= at {
			if v, ok := PeriodValue(k, a); ok {
				out[a.Period].Value = v
			}
		}
	}
	return out
}

// targetTo is k's target for the window 0..i, as scoring takes it
// (score.WindowTarget): target × (i+1)/n for sum KPIs, or from the targets
// per period.
func targetTo(c cycle, k *app.KPI, i int) float64 {
	if k.HasPeriodTargets() {
		t, _ := score.WindowTarget(k, i, c.n)
		return t
	}
	if k.Aggregation == app.Sum && c.n > 0 {
		return k.Target * float64(i+1) / float64(c.n)
	}
	return k.Target
}

// targetsTo returns targetTo for every period of the cycle when k has
// targets per period, else nil.
func targetsTo(c cycle, k *app.KPI) []float64 {
	if !k.HasPeriodTargets() {
		return nil
	}
	out := make([]float64, c.n)
	for i := range out {
		out[i] = targetTo(c, k, i)
	}
	return out
}

// PeriodValue returns the value of one actual of k: its Value, or for ratio
// KPIs Value ÷ Den (× 100 when the unit is percent); ok is false for a ratio
// actual whose denominator is 0.
func PeriodValue(k *app.KPI, a app.Actual) (v float64, ok bool) {
	if k.Aggregation != app.Ratio {
		return a.Value, true
	}
	if a.Den == 0 {
		return math.NaN(), false
	}
	v = a.Value / a.Den
	if k.Unit == app.Percent {
		v *= 100
	}
	return v, true
}

// observed returns the periods with data in 0..at and their values.
func observed(k *app.KPI, at int) (xs, ys []float64) {
	for _, a := range k.Actuals {
		if a.Period < 0 || a.Period > at {
			continue
		}
		if v, ok := PeriodValue(k, a); ok {
			xs = append(xs, float64(a.Period))
			ys = append(ys, v)
		}
	}
	return xs, ys
}
