package charts

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/trend"
)

// Trend draws one KPI over its cycle: the actual per period (the running
// total for sum KPIs), the target (a band for range KPIs), the linear
// forecast dashed to the deadline in the colour of the KPI's status, and
// its anomalies ringed. t comes from trend.Analyse or trend.Of.
func Trend(t trend.KPITrend, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	if len(t.Labels) == 0 {
		return c.empty(t.Name)
	}
	s := trendSeries(t)
	legend := []legendItem{{c.t("Actual"), solid, c.p.accent}}
	if t.Aggregation == app.Sum {
		legend[0].label = c.t("Actual to date")
	}
	if t.Direction == app.Range {
		legend = append(legend, legendItem{c.t("Range %s – %s", c.value(t, t.RangeLow), c.value(t, t.RangeHigh)), band, c.p.green.WithAlpha(60)})
	} else {
		legend = append(legend, legendItem{c.t("Target"), plain, c.p.muted})
	}
	if len(s.forecast) > 0 {
		legend = append(legend, legendItem{c.t("Forecast"), dashed, c.p.status(t.Status)})
	}
	if len(t.Anomalies) > 0 {
		legend = append(legend, legendItem{c.t("Anomaly"), ring, c.p.anomaly})
	}
	b := c.header(t.Name, c.trendSubtitle(t), legend)
	c.trendPlot(b, t, s)
	return c.bytes()
}

// trendData is what a trend chart plots, by period index.
type trendData struct {
	actual   []float64 // per period (running total for sum KPIs); NaN where missing
	target   []float64 // per period; NaN for range KPIs
	forecast []xy      // the dashed forecast path
}

type xy struct{ x, y float64 }

func trendSeries(t trend.KPITrend) trendData {
	n := len(t.Labels)
	d := trendData{actual: make([]float64, n), target: make([]float64, n)}
	for i := range n {
		d.actual[i] = math.NaN()
		switch {
		case t.Direction == app.Range:
			d.target[i] = math.NaN()
		case i < len(t.Targets): // targets per period
			d.target[i] = t.Targets[i]
		case t.Aggregation == app.Sum:
			d.target[i] = t.Target * float64(i+1) / float64(n)
		default:
			d.target[i] = t.Target
		}
	}
	for _, p := range t.Points {
		if p.Period < 0 || p.Period >= n {
			continue
		}
		if t.Aggregation == app.Sum {
			d.actual[p.Period] = p.ToDate
		} else {
			d.actual[p.Period] = p.Value
		}
	}
	d.forecast = forecastPath(t, d.actual)
	return d
}

// forecastPath is the dashed forecast: for sum KPIs the running total from
// the window's end plus the projected values; for others the fitted line
// from the first period with data, continued to the horizon. Milestones have none.
func forecastPath(t trend.KPITrend, actual []float64) []xy {
	f := t.Projection
	if !f.OK || t.Direction == app.Milestone || f.At < 0 || f.Horizon >= len(actual) {
		return nil
	}
	if t.Aggregation == app.Sum {
		run := actual[f.At]
		if math.IsNaN(run) {
			return nil
		}
		path := []xy{{float64(f.At), run}}
		for j, v := range f.Ahead {
			run += v
			path = append(path, xy{float64(f.At + 1 + j), run})
		}
		return path
	}
	first := -1
	for _, p := range t.Points {
		if !math.IsNaN(p.Value) {
			first = p.Period
			break
		}
	}
	var path []xy
	for i := first; i <= f.At && first >= 0; i++ {
		path = append(path, xy{float64(i), f.Intercept + f.Slope*float64(i)})
	}
	for j, v := range f.Ahead {
		path = append(path, xy{float64(f.At + 1 + j), v})
	}
	return path
}

// value writes a value of t's unit; millions and billions are shortened.
func (c *canvas) value(t trend.KPITrend, v float64) string {
	switch a := math.Abs(v); {
	case t.Unit == app.Percent:
		return c.pct(v, decimalsOf(v))
	case a >= 1e9:
		return c.t("%s billion", c.num(v/1e9, decimalsOf(v/1e9)))
	case a >= 1e6:
		return c.t("%s million", c.num(v/1e6, decimalsOf(v/1e6)))
	}
	return c.num(v, decimalsOf(v))
}

// trendSubtitle says the forecast and the status.
func (c *canvas) trendSubtitle(t trend.KPITrend) string {
	st := c.t(statusLabel(t.Status))
	f := t.Projection
	if !f.OK || t.Direction == app.Milestone {
		return st
	}
	return c.t("Forecast %s (%s of target)", c.value(t, f.Value), c.pct(100*f.Achievement, 0)) + " · " + st
}

// trendAxis returns the value axis covering everything the chart plots.
func trendAxis(t trend.KPITrend, d trendData, n int) axis {
	vs := append(append([]float64{}, d.actual...), d.target...)
	for _, p := range d.forecast {
		vs = append(vs, p.y)
	}
	if t.Direction == app.Range {
		vs = append(vs, t.RangeLow, t.RangeHigh)
	}
	lo, hi := extent(vs...)
	if lo >= 0 && lo < 0.4*hi {
		lo = 0
	}
	span := hi - lo
	if !math.IsNaN(span) && lo != 0 {
		lo -= span * 0.05
	}
	a := niceAxis(lo, hi+span*0.05, n)
	if t.Unit == app.Percent && a.div == 1 {
		a.pct = true
	}
	return a
}
