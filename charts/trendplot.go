package charts

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/trend"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// trendFrame maps periods and values to pixels in a trend chart's plot.
type trendFrame struct {
	plot   box
	n      int     // periods in the cycle
	slot   float64 // pixels per period
	fs     float64 // font size
	px, py func(float64) float64
}

// trendPlot draws the axes, target, forecast, actuals and anomalies in b.
func (c *canvas) trendPlot(b box, t trend.KPITrend, d trendData) {
	fs := c.size(0.9)
	b.y1 -= fs * 1.6 // room for the period labels
	a := trendAxis(t, d, max(2, int(b.h()/(fs*3.2))))
	plot := c.yAxis(b, a, c.axisTitle("", a))
	n := len(t.Labels)
	slot := plot.w() / float64(n)
	fr := trendFrame{plot: plot, n: n, slot: slot, fs: fs,
		px: func(i float64) float64 { return plot.x0 + (i+0.5)*slot },
		py: func(v float64) float64 { return a.pos(v, plot.y1, plot.y0) }}
	c.trendBackdrop(fr, t)
	c.trendTarget(fr, t, d)
	var fp []float64
	for _, p := range d.forecast {
		fp = append(fp, fr.px(p.x), fr.py(p.y))
	}
	c.line(c.p.status(t.Status), 2, []float64{6, 4}, fp...)
	if len(d.forecast) > 0 {
		end := d.forecast[len(d.forecast)-1]
		c.diamond(fr.px(end.x), fr.py(end.y), fs*0.45, c.p.status(t.Status), c.p.bg)
	}
	c.actualLine(d.actual, fr.px, fr.py, fs)
	for _, an := range t.Anomalies {
		if an.Period < 0 || an.Period >= n {
			continue
		}
		if v := d.actual[an.Period]; !math.IsNaN(v) {
			c.dot(fr.px(float64(an.Period)), fr.py(v), fs*0.65, drawing.Color{}, c.p.anomaly, 2)
		}
	}
}

// trendBackdrop shades the periods still to come, marks the deadline and
// writes the period labels.
func (c *canvas) trendBackdrop(fr trendFrame, t trend.KPITrend) {
	f := t.Projection
	if f.OK && f.At < fr.n-1 {
		c.rect(fr.px(float64(f.At)+0.5), fr.plot.y0, fr.plot.x1, fr.plot.y1, c.p.shade)
	}
	c.periodLabels(t.Labels, fr.plot, fr.px, fr.slot, fr.fs)
	if f.OK && f.Horizon < fr.n-1 {
		x := fr.px(float64(f.Horizon))
		c.line(c.p.muted, 1, []float64{2, 3}, x, fr.plot.y0, x, fr.plot.y1)
		c.text(c.t("Deadline"), x, fr.plot.y0-fr.fs*0.3, fr.fs*0.9, c.p.muted, center)
	}
}

// trendTarget draws the target line, or the range as a band (growing pro
// rata for sum KPIs, like their target).
func (c *canvas) trendTarget(fr trendFrame, t trend.KPITrend, d trendData) {
	tint := c.p.green.WithAlpha(40)
	switch {
	case t.Direction == app.Range && t.Aggregation == app.Sum:
		var band []float64
		for i := range fr.n {
			band = append(band, fr.px(float64(i)), fr.py(t.RangeHigh*float64(i+1)/float64(fr.n)))
		}
		for i := fr.n - 1; i >= 0; i-- {
			band = append(band, fr.px(float64(i)), fr.py(t.RangeLow*float64(i+1)/float64(fr.n)))
		}
		c.poly(tint, band...)
	case t.Direction == app.Range:
		c.rect(fr.plot.x0, fr.py(t.RangeHigh), fr.plot.x1, fr.py(t.RangeLow), tint)
	default:
		c.line(c.p.muted, 2, nil, path(d.target, fr.px, fr.py)...)
	}
}

// actualLine draws the actuals as a line through consecutive periods with
// data and a dot on each.
func (c *canvas) actualLine(vs []float64, px, py func(float64) float64, fs float64) {
	var run []float64
	flush := func() {
		c.line(c.p.accent, 2, nil, run...)
		run = run[:0]
	}
	for i, v := range vs {
		if math.IsNaN(v) {
			flush()
			continue
		}
		run = append(run, px(float64(i)), py(v))
	}
	flush()
	for i, v := range vs {
		if !math.IsNaN(v) {
			c.dot(px(float64(i)), py(v), fs*0.28, c.p.accent, c.p.bg, 1)
		}
	}
}

// path turns per-period values into pixel points, skipping NaNs.
func path(vs []float64, px, py func(float64) float64) []float64 {
	var out []float64
	for i, v := range vs {
		if !math.IsNaN(v) {
			out = append(out, px(float64(i)), py(v))
		}
	}
	return out
}

// periodLabels writes the period labels under the plot, skipping some so
// they never overlap.
func (c *canvas) periodLabels(labels []string, plot box, px func(float64) float64, slot, fs float64) {
	w := 0.0
	for _, l := range labels {
		w = math.Max(w, c.measure(l, fs))
	}
	step := max(1, int(math.Ceil((w+fs)/slot)))
	for i, l := range labels {
		if i%step == 0 {
			c.text(l, px(float64(i)), plot.y1+fs*1.3, fs, c.p.muted, center)
		}
	}
}
