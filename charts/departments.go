package charts

import (
	"fmt"
	"math"

	"kpiplanner/app/score"
)

// DepartmentComparison draws each department's mean plan total as a
// horizontal bar, highest first, with the company mean as a dashed line.
func DepartmentComparison(rs []score.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	title := c.t("Mean total by department")
	ds := score.DepartmentMeans(rs)
	if len(ds) == 0 {
		return c.empty(title)
	}
	totals := totalsOf(rs)
	mean := 0.0
	for _, t := range totals {
		mean += t / float64(len(totals))
	}
	b := c.header(title, c.t("Company mean %s", c.num(mean, 1)), nil)
	c.departmentBars(b, ds, mean)
	return c.bytes()
}

// departmentBars draws one bar per department in b.
func (c *canvas) departmentBars(b box, ds []score.DepartmentMean, mean float64) {
	fs := c.size(0.9)
	label := func(d score.DepartmentMean) string {
		name := d.Department
		if name == "" {
			name = "—"
		}
		return fmt.Sprintf("%s (%d)", c.t(name), d.Plans)
	}
	lw, hi := 0.0, 100.0
	for _, d := range ds {
		lw = math.Max(lw, c.measure(label(d), fs))
		hi = math.Max(hi, d.Mean)
	}
	lw = math.Min(lw, b.w()*0.35)
	valW := c.measure(c.num(888.8, 1), fs) + fs
	plot := box{b.x0 + lw + fs*0.8, b.y0 + fs*1.4, b.x1 - valW, b.y1}
	a := niceAxis(0, hi*1.05, max(2, int(plot.w()/(fs*6))))
	plot = c.xAxis(plot, a, c.t("Mean total"))
	rowH := plot.h() / float64(len(ds))
	lfs := math.Min(fs, rowH/1.2)
	barH := math.Min(rowH*0.62, fs*1.7)
	mx := a.pos(mean, plot.x0, plot.x1) // behind the bars, so it never crosses their labels
	c.line(c.p.text, 2, []float64{5, 4}, mx, plot.y0-fs*0.3, mx, plot.y1)
	c.text(c.num(mean, 1), mx, plot.y0-fs*0.6, fs, c.p.text, center)
	for i, d := range ds {
		y := plot.y0 + rowH*(float64(i)+0.5)
		x := a.pos(d.Mean, plot.x0, plot.x1)
		c.text(c.fit(label(d), lfs, lw), plot.x0-fs*0.6, y+lfs*0.35, lfs, c.p.text, right)
		c.rect(plot.x0, y-barH/2, x, y+barH/2, c.p.accent)
		v := c.num(d.Mean, 1)
		if c.measure(v, lfs)+fs < x-plot.x0 { // inside the bar's end
			c.text(v, x-fs*0.5, y+lfs*0.35, lfs, c.p.bg, right)
		} else {
			c.text(v, x+fs*0.5, y+lfs*0.35, lfs, c.p.text, left)
		}
	}
}
