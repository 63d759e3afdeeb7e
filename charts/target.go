package charts

import (
	"math"

	"kpiplanner/app/score"
	"kpiplanner/app/trend"
)

// TargetVsActual draws each KPI's achievement to date (100 % = on target)
// as a horizontal bar coloured by the KPI's status — on track green, at risk
// amber, off track red, no data grey — with its forecast achievement as a
// diamond and the target as a line at 100 %. trends, from trend.Analyse of
// the same plan and window, give the statuses and forecasts; without them
// the status follows the achievement to date.
func TargetVsActual(r score.Result, trends []trend.KPITrend, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	title := c.t("Target vs actual")
	if len(r.KPIs) == 0 {
		return c.empty(title)
	}
	rows := targetRows(r, trends)
	hi := 120.0
	seen := map[trend.Status]bool{}
	for _, w := range rows {
		hi = math.Max(hi, w.ach)
		if !math.IsNaN(w.forecast) {
			hi = math.Max(hi, w.forecast)
		}
		seen[w.status] = true
	}
	var legend []legendItem
	for _, s := range []trend.Status{trend.OnTrack, trend.AtRisk, trend.OffTrack, trend.Unknown, trend.NoData} {
		if seen[s] {
			legend = append(legend, legendItem{c.t(statusLabel(s)), swatch, c.p.status(s)})
		}
	}
	legend = append(legend, legendItem{c.t("Forecast"), diamondMark, c.p.text}, legendItem{c.t("Target"), dashed, c.p.text})
	b := c.header(title, subtitle(r), legend)
	c.targetBars(b, rows, hi)
	return c.bytes()
}

// targetRow is one KPI's bar.
type targetRow struct {
	label    string
	scored   bool
	ach      float64 // achievement to date in percent
	forecast float64 // forecast achievement in percent; NaN when none
	status   trend.Status
}

func targetRows(r score.Result, trends []trend.KPITrend) []targetRow {
	byID := make(map[string]*trend.KPITrend, len(trends))
	for i := range trends {
		byID[trends[i].ID] = &trends[i]
	}
	rows := make([]targetRow, len(r.KPIs))
	for i, k := range r.KPIs {
		w := targetRow{label: string(k.Group) + " · " + k.Name, scored: k.Status == score.Scored, forecast: math.NaN(), status: trend.NoData}
		if w.scored {
			w.ach = 100 * k.Achievement
			w.status = trend.StatusOf(k.Achievement)
		}
		if t := byID[k.ID]; t != nil {
			w.status = t.Status
			if t.Projection.OK {
				w.forecast = 100 * t.Projection.Achievement
			}
		}
		rows[i] = w
	}
	return rows
}

// subtitle names a scorecard's plan and window end.
func subtitle(r score.Result) string {
	switch {
	case r.Name == "":
		return r.AtLabel
	case r.AtLabel == "":
		return r.Name
	}
	return r.Name + " · " + r.AtLabel
}

// targetBars draws the rows in b on an achievement axis from 0 to hi percent.
func (c *canvas) targetBars(b box, rows []targetRow, hi float64) {
	fs := c.size(0.9)
	lw := 0.0
	for _, w := range rows {
		lw = math.Max(lw, c.measure(w.label, fs))
	}
	lw = math.Min(lw, b.w()*0.38)
	valW := c.measure(c.pct(888, 0), fs) + fs // room right of the longest bar for its label
	plot := box{b.x0 + lw + fs*0.8, b.y0 + fs*1.4, b.x1 - valW, b.y1}
	a := pctAxis(0, hi, max(2, int(plot.w()/(fs*6))))
	plot = c.xAxis(plot, a, c.t("Achievement to date"))
	rowH := plot.h() / float64(len(rows))
	lfs := math.Min(fs, rowH/1.2)
	barH := math.Min(rowH*0.62, fs*1.7)
	for i, w := range rows {
		y := plot.y0 + rowH*(float64(i)+0.5)
		c.text(c.fit(w.label, lfs, lw), plot.x0-fs*0.6, y+lfs*0.35, lfs, c.p.text, right)
		if w.scored {
			x := a.pos(w.ach, plot.x0, plot.x1)
			c.rect(plot.x0, y-barH/2, math.Max(x, plot.x0+1), y+barH/2, c.p.status(w.status))
		} else {
			c.rect(plot.x0, y-barH/2, plot.x0+3, y+barH/2, c.p.grey)
		}
	}
	x := a.pos(100, plot.x0, plot.x1)
	c.line(c.p.text, 2, []float64{5, 4}, x, plot.y0-fs*0.3, x, plot.y1)
	c.text(c.t("Target"), x, plot.y0-fs*0.6, fs, c.p.text, center)
	for i, w := range rows {
		c.targetMarks(w, a, plot, plot.y0+rowH*(float64(i)+0.5), barH, lfs)
	}
}

// targetMarks draws one row's forecast diamond and value label centred on y.
func (c *canvas) targetMarks(w targetRow, a axis, plot box, y, barH, fs float64) {
	x := plot.x0
	if w.scored {
		x = a.pos(w.ach, plot.x0, plot.x1)
	}
	if !math.IsNaN(w.forecast) {
		r := math.Min(barH*0.45, fs*0.55)
		fx := a.pos(w.forecast, plot.x0, plot.x1)
		c.diamond(fx, y, r, c.p.text, c.p.bg)
		x = math.Max(x, fx+r)
	}
	label, col := c.t("No data"), c.p.muted
	if w.scored {
		label, col = c.pct(w.ach, 0), c.p.text
	}
	c.text(label, x+fs*0.5, y+fs*0.35, fs, col, left)
}
