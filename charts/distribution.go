package charts

import (
	"math"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// binWidth is the width of a score histogram's bins, in total points.
const binWidth = 5.0

// Histogram counts totals in bins of binWidth points from lo: bin i holds
// totals in [lo + i·binWidth, lo + (i+1)·binWidth).
type Histogram struct {
	Lo     float64
	Counts []int
}

// histogram bins the totals over [lo, hi).
func histogram(totals []float64, lo, hi float64) Histogram {
	h := Histogram{Lo: lo, Counts: make([]int, int(math.Round((hi-lo)/binWidth)))}
	for _, t := range totals {
		i := int(math.Floor((t - lo) / binWidth))
		h.Counts[min(max(i, 0), len(h.Counts)-1)]++
	}
	return h
}

// totalsOf returns the totals of the results that have one, sorted.
func totalsOf(rs []score.Result) []float64 {
	var out []float64
	for _, r := range rs {
		if r.HasTotal {
			out = append(out, r.Official)
		}
	}
	slices.Sort(out)
	return out
}

// ScoreDistribution draws a histogram of the plan totals in rs over the
// rating bands (highest threshold first, as in app.Rules), each band shaded
// by its multiplier and labelled with its name.
func ScoreDistribution(rs []score.Result, bands []app.Band, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	title := c.t("Score distribution")
	totals := totalsOf(rs)
	if len(totals) == 0 {
		return c.empty(title)
	}
	mean := 0.0
	for _, t := range totals {
		mean += t / float64(len(totals))
	}
	sub := c.t("%d plans · mean %s · median %s", len(totals), c.num(mean, 1), c.num(medianOf(totals), 1))
	var legend []legendItem
	for i := len(bands) - 1; i >= 0; i-- {
		legend = append(legend, legendItem{c.bandLabel(bands[i]), band, c.p.band(bands[i].Multiplier).WithAlpha(120)})
	}
	b := c.header(title, sub, legend)
	c.histogramPlot(b, totals, bands)
	return c.bytes()
}

// bandLabel names a band with its multiplier: "Good ×1".
func (c *canvas) bandLabel(b app.Band) string {
	return c.t(b.Name) + " ×" + c.num(b.Multiplier, -1)
}

// histogramPlot draws the band shading, the bins and the axes in b.
func (c *canvas) histogramPlot(b box, totals []float64, bands []app.Band) {
	fs := c.size(0.9)
	lo, hi := totals[0], totals[len(totals)-1]
	for _, bd := range bands {
		if bd.Min > 0 {
			lo, hi = math.Min(lo, bd.Min-10), math.Max(hi, bd.Min+10)
		}
	}
	lo = math.Floor(lo/10) * 10
	hi = math.Floor(hi/10)*10 + 10
	h := histogram(totals, lo, hi)
	peak := slices.Max(h.Counts)
	b.y1 -= fs * 3
	ya := niceAxis(0, float64(peak)*1.1, max(2, int(b.h()/(fs*3.2))))
	plot := c.yAxis(b, ya, c.t("Plans"))
	xa := axis{lo: lo, hi: hi, div: 1}
	px := func(v float64) float64 { return xa.pos(v, plot.x0, plot.x1) }
	py := func(v float64) float64 { return ya.pos(v, plot.y1, plot.y0) }
	c.bandShades(bands, lo, hi, plot, px, fs)
	barW := px(lo+binWidth) - px(lo)
	for i, n := range h.Counts {
		if n == 0 {
			continue
		}
		x := px(h.Lo + float64(i)*binWidth)
		c.rect(x+1, py(float64(n)), x+barW-1, py(0), c.p.accent)
		if s := c.num(float64(n), 0); c.measure(s, fs*0.8) < barW {
			c.text(s, x+barW/2, py(float64(n))-fs*0.3, fs*0.8, c.p.muted, center)
		}
	}
	step := 10.0
	if c.measure(c.num(hi, 0), fs)*1.8 > px(lo+10)-px(lo) {
		step = 20
	}
	for v := lo; v <= hi; v += step {
		c.text(c.num(v, 0), px(v), plot.y1+fs*1.3, fs, c.p.muted, center)
	}
	c.text(c.t("Total score"), (plot.x0+plot.x1)/2, plot.y1+fs*2.7, fs, c.p.muted, center)
}

// bandShades tints each band's span of the x axis and names it at the top.
func (c *canvas) bandShades(bands []app.Band, lo, hi float64, plot box, px func(float64) float64, fs float64) {
	upper := hi
	for _, bd := range bands { // highest threshold first
		from := math.Max(bd.Min, lo)
		if from >= upper {
			continue
		}
		x0, x1 := px(from), px(upper)
		c.rect(x0, plot.y0, x1, plot.y1, c.p.band(bd.Multiplier))
		c.text(c.fit(c.t(bd.Name), fs*0.85, x1-x0-fs*0.4), (x0+x1)/2, plot.y0+fs*1.1, fs*0.85, c.p.text, center)
		upper = from
	}
}

// medianOf returns the median of sorted values.
func medianOf(s []float64) float64 {
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
