package trend

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// Projection is a KPI's linear forecast: the least-squares line through its
// per-period values with data, continued to the horizon.
type Projection struct {
	OK          bool      // false when the KPI has no value in periods 0..at
	Points      int       // periods with data the line was fitted to
	Slope       float64   // the line is value(i) = Intercept + Slope × i, i a period index
	Intercept   float64   // the line's value at period 0
	At          int       // the window's last period: data after it is not used
	Horizon     int       // the period the forecast runs to: the deadline's, or the cycle's last
	End         float64   // the line's per-period value at Horizon (0 floor for non-negative series)
	Ahead       []float64 // the line's per-period values for periods At+1..Horizon
	Value       float64   // the value the engine would aggregate over 0..Horizon if the line holds
	Achievement float64   // Value's achievement against the full-cycle target, after floor and cap
}

// Forecast returns the value k is forecast to reach at its deadline (or the
// cycle's end) from its data in periods 0..at: for sum KPIs the cumulative
// total, for others the aggregate the engine would compute (for last KPIs
// the line's value at the deadline period). ok is false without data.
func Forecast(p *app.Plan, k *app.KPI, at int) (value float64, ok bool) {
	f := Project(p, k, at)
	return f.Value, f.OK
}

// Project returns k's full forecast from its data in periods 0..at.
func Project(p *app.Plan, k *app.KPI, at int) Projection {
	c := cycleOf(p)
	return project(p, c, k, c.window(at), horizon(p, c, k))
}

// horizon is the period of k's deadline, or the cycle's last period when k
// has no deadline inside the cycle.
func horizon(p *app.Plan, c cycle, k *app.KPI) int {
	if !k.Deadline.IsZero() {
		if i := p.Cycle.PeriodOf(k.Deadline); i >= 0 {
			return i
		}
	}
	return c.n - 1
}

// project forecasts k over periods at+1..h from periods 0..at. Projected
// per-period values are joined to the recorded actuals and aggregated with
// score.Aggregate, so the forecast value is what the engine would score
// over 0..h if the line held. A series with one point is projected flat.
// A series never below 0 is not projected below 0.
func project(p *app.Plan, c cycle, k *app.KPI, at, h int) Projection {
	f := Projection{At: at, Horizon: max(h, at), Value: math.NaN(), End: math.NaN()}
	xs, ys := observed(k, at)
	if len(xs) == 0 || at < 0 {
		return f
	}
	f.OK, f.Points = true, len(xs)
	f.Slope, f.Intercept = fitLine(xs, ys)
	floor := math.Inf(-1)
	if minOf(ys) >= 0 {
		floor = 0
	}
	line := func(i int) float64 { return math.Max(floor, f.Intercept+f.Slope*float64(i)) }
	f.End = line(f.Horizon)
	ext := *k
	ext.Actuals = make([]app.Actual, 0, len(k.Actuals)+f.Horizon-at)
	for _, a := range k.Actuals {
		if a.Period >= 0 && a.Period <= at {
			ext.Actuals = append(ext.Actuals, a)
		}
	}
	den := meanDen(k, at)
	for i := at + 1; i <= f.Horizon; i++ {
		f.Ahead = append(f.Ahead, line(i))
		ext.Actuals = append(ext.Actuals, projected(k, i, line(i), den))
	}
	v, n := score.Aggregate(&ext, f.Horizon)
	if n == 0 {
		f.OK = false
		return f
	}
	f.Value = v
	capV := p.CapOf(k)
	t, tf := k.Target, 1.0 // the whole target is due by the horizon
	if k.HasPeriodTargets() && k.Aggregation != app.Sum {
		t, tf = score.WindowTarget(k, f.Horizon, p.Cycle.NumPeriods()) // the horizon period's own target
	}
	f.Achievement = score.Clamp(score.Achievement(k, v, t, tf, capV), p.FloorOf(k), capV)
	return f
}

// projected is the actual a projected per-period value v stands for: for
// ratio KPIs a numerator over the mean recorded denominator.
func projected(k *app.KPI, i int, v, den float64) app.Actual {
	if k.Aggregation != app.Ratio {
		return app.Actual{Period: i, Value: v}
	}
	if k.Unit == app.Percent {
		v /= 100
	}
	return app.Actual{Period: i, Value: v * den, Den: den}
}

// meanDen is the mean of k's non-zero denominators in periods 0..at (1 if none).
func meanDen(k *app.KPI, at int) float64 {
	var s float64
	n := 0
	for _, a := range k.Actuals {
		if a.Period >= 0 && a.Period <= at && a.Den != 0 {
			s += a.Den
			n++
		}
	}
	if n == 0 {
		return 1
	}
	return s / float64(n)
}

// fitLine returns the least-squares line y = b + m·x through the points;
// one point (or points sharing one x) gives the flat line through their mean.
func fitLine(xs, ys []float64) (m, b float64) {
	n := float64(len(xs))
	var sx, sy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
	}
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	for i := range xs {
		dx := xs[i] - mx
		sxy += dx * (ys[i] - my)
		sxx += dx * dx
	}
	if sxx == 0 {
		return 0, my
	}
	m = sxy / sxx
	return m, my - m*mx
}

func minOf(vs []float64) float64 {
	m := math.Inf(1)
	for _, v := range vs {
		m = math.Min(m, v)
	}
	return m
}
