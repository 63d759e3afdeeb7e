package charts

import (
	"math"

	"kpiplanner/app/score"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Contribution is what one A/B/C group adds to a plan's total.
type Contribution struct {
	Group  score.GroupResult
	Share  float64 // the group's weight ÷ Σ weights of the scored groups (0 when not scored)
	Points float64 // Share × the group's score: the points it adds to the total
}

// Contributions splits r's total by group: the points of the scored groups
// sum to r.Official.
func Contributions(r score.Result) []Contribution {
	var sw float64
	for _, g := range r.Groups {
		if g.Scored {
			sw += g.Weight
		}
	}
	out := make([]Contribution, len(r.Groups))
	for i, g := range r.Groups {
		out[i].Group = g
		if g.Scored && sw > 0 {
			out[i].Share = g.Weight / sw
			out[i].Points = out[i].Share * g.Score
		}
	}
	return out
}

// GroupContribution draws what each A/B/C group adds to the plan's total
// (group weight × group score ÷ Σ weights of the scored groups) as a bar per
// group and a stacked bar for the total, with the target total of 100.
func GroupContribution(r score.Result, o Options) ([]byte, error) {
	c, err := newCanvas(o)
	if err != nil {
		return nil, err
	}
	title := c.t("Contribution to the total")
	if !r.HasTotal {
		return c.empty(title)
	}
	cs := Contributions(r)
	var legend []legendItem
	for _, x := range cs {
		legend = append(legend, legendItem{c.t("Group %s", x.Group.Group), swatch, c.p.groups[x.Group.Group]})
	}
	sub := subtitle(r)
	if r.Rating.Name != "" {
		sub += " · " + c.t("Total") + ": " + c.num(r.Official, 2) + " · " + c.t(r.Rating.Name)
	}
	b := c.header(title, sub, legend)
	c.contributionBars(b, r, cs)
	return c.bytes()
}

// contributionBars draws the group bars and the stacked total in b.
func (c *canvas) contributionBars(b box, r score.Result, cs []Contribution) {
	fs := c.size(0.9)
	b.y1 -= fs * 3 // two lines of labels under the bars
	a := niceAxis(0, math.Max(r.Official, 100)*1.08, max(2, int(b.h()/(fs*3.2))))
	plot := c.yAxis(b, a, c.t("Points"))
	n := float64(len(cs) + 1)
	slot := plot.w() / n
	barW := math.Min(slot*0.55, fs*7)
	py := func(v float64) float64 { return a.pos(v, plot.y1, plot.y0) }
	y100 := py(100)
	c.line(c.p.muted, 1, []float64{5, 4}, plot.x0, y100, plot.x1, y100)
	stack := 0.0
	tx := plot.x0 + slot*(n-0.5)
	for i, x := range cs {
		cx := plot.x0 + slot*(float64(i)+0.5)
		col := c.p.groups[x.Group.Group]
		c.text(c.t("Group %s", x.Group.Group), cx, plot.y1+fs*1.3, fs, c.p.text, center)
		if !x.Group.Scored {
			c.text(c.t("No data"), cx, plot.y1+fs*2.6, fs*0.9, c.p.muted, center)
			continue
		}
		c.rect(cx-barW/2, py(x.Points), cx+barW/2, py(0), col)
		c.text(c.num(x.Points, 1), cx, py(x.Points)-fs*0.4, fs, c.p.text, center)
		detail := c.num(x.Group.Score, 1) + " × " + c.pct(100*x.Share, 0)
		c.text(c.fit(detail, fs*0.9, slot), cx, plot.y1+fs*2.6, fs*0.9, c.p.muted, center)
		c.rect(tx-barW/2, py(stack+x.Points), tx+barW/2, py(stack), col)
		c.line(separator(c), 1, nil, tx-barW/2, py(stack+x.Points), tx+barW/2, py(stack+x.Points))
		stack += x.Points
	}
	c.text(c.t("Total"), tx, plot.y1+fs*1.3, fs, c.p.text, center)
	c.text(c.num(r.Official, 2), tx, py(r.Official)-fs*0.4, fs, c.p.text, center)
	c.text(c.t("Target"), plot.x1, y100-fs*0.35, fs*0.85, c.p.muted, right)
}

// separator is the colour of the thin line between stacked segments.
func separator(c *canvas) drawing.Color {
	if c.o.Transparent {
		return drawing.ColorWhite.WithAlpha(160)
	}
	return c.p.bg
}
