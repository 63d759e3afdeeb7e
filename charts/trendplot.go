package charts

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/trend"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// trendPlot draws the axes, target, forecast, actuals and anomalies in b.
func (c *canvas) trendPlot(b box, t trend.KPITrend, d trendData) {
	fs := c.size(0.9)
	n := len(t.Labels)
	b.y1 -= fs * 1.6 // room for the period labels
	a := trendAxis(t, d, max(2, int(b.h()/(fs*3.2))))
	plot := c.yAxis(b, a, c.axisTitle("", a))
	slot := plot.w() / float64(n)
	px := func(i float64) float64 { return plot.x0 + (i+0.5)*slot }
	py := func(v float64) float64 { return a.pos(v, plot.y1, plot.y0) }
	f := t.Projection
	if f.OK && f.At < n-1 { // the periods still to come
		c.rect(px(float64(f.At)+0.5), plot.y0, plot.x1, plot.y1, c.p.shade)
	}
	c.periodLabels(t.Labels, plot, px, slot, fs)
	if f.OK && f.Horizon < n-1 {
		x := px(float64(f.Horizon))
		c.line(c.p.muted, 1, []float64{2, 3}, x, plot.y0, x, plot.y1)
		c.text(c.t("Deadline"), x, plot.y0-fs*0.3, fs*0.9, c.p.muted, center)
	}
	if t.Direction == app.Range {
		c.rect(plot.x0, py(t.RangeHigh), plot.x1, py(t.RangeLow), c.p.green.WithAlpha(40))
	} else {
		c.line(c.p.muted, 2, nil, path(d.target, px, py)...)
	}
	var fp []float64
	for _, p := range d.forecast {
		fp = append(fp, px(p.x), py(p.y))
	}
	c.line(c.p.status(t.Status), 2, []float64{6, 4}, fp...)
	if len(d.forecast) > 0 {
		end := d.forecast[len(d.forecast)-1]
		c.diamond(px(end.x), py(end.y), fs*0.45, c.p.status(t.Status), c.p.bg)
	}
	c.actualLine(d.actual, px, py, fs)
	for _, an := range t.Anomalies {
		if v := d.actual[an.Period]; !math.IsNaN(v) {
			c.dot(px(float64(an.Period)), py(v), fs*0.65, drawing.Color{}, c.p.anomaly, 2)
		}
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
