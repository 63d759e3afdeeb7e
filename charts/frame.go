package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"
)

// mark is how a legend entry is drawn.
type mark int

const (
	swatch      mark = iota // a filled square
	solid                   // a solid line with a dot
	dashed                  // a dashed line
	diamondMark             // a diamond
	ring                    // a ring
	band                    // a tinted block
	plain                   // a solid line
)

// legendItem is one entry of a chart's legend.
type legendItem struct {
	label string
	kind  mark
	col   drawing.Color
}

// box is a rectangle in pixels.
type box struct{ x0, y0, x1, y1 float64 }

func (b box) w() float64 { return b.x1 - b.x0 }
func (b box) h() float64 { return b.y1 - b.y0 }

// pad is the space around a chart's content, in units of the font size.
const pad = 1.0

// header draws the title, the subtitle and the legend, and returns the box
// left below them for the plot.
func (c *canvas) header(title, subtitle string, legend []legendItem) box {
	if c.o.Title != "" {
		title = c.o.Title
	}
	fs := c.size(1)
	m := fs * pad
	y := m
	ts := c.size(1.35)
	if title != "" {
		y += ts
		c.text(c.fit(title, ts, c.w-2*m), m, y, ts, c.p.text, left)
		y += ts * 0.45
	}
	if subtitle != "" {
		y += fs * 1.15
		c.text(c.fit(subtitle, fs, c.w-2*m), m, y, fs, c.p.muted, left)
		y += fs * 0.3
	}
	if len(legend) > 0 {
		y = c.legend(legend, m, y+fs*0.6, c.w-m)
	}
	return box{m, y + fs*0.8, c.w - m, c.h - m}
}

// legend draws items in rows from (x0, y) to x1 and returns the y below them.
func (c *canvas) legend(items []legendItem, x0, y, x1 float64) float64 {
	fs := c.size(0.92)
	key := fs * 1.6 // width of an entry's mark
	gap := fs * 1.2
	x := x0
	y += fs
	for _, it := range items {
		w := key + fs*0.4 + c.measure(it.label, fs)
		if x > x0 && x+w > x1 {
			x = x0
			y += fs * 1.5
		}
		c.legendMark(it, x, y-fs*0.35, key, fs)
		c.text(c.fit(it.label, fs, x1-x-key-fs*0.4), x+key+fs*0.4, y, fs, c.p.muted, left)
		x += w + gap
	}
	return y + fs*0.35
}

// legendMark draws a legend entry's mark in a key-wide slot centred on y.
func (c *canvas) legendMark(it legendItem, x, y, key, fs float64) {
	switch it.kind {
	case swatch:
		c.rect(x+key*0.2, y-fs*0.4, x+key*0.2+fs*0.8, y+fs*0.4, it.col)
	case band:
		c.rect(x, y-fs*0.45, x+key, y+fs*0.45, it.col)
	case solid:
		c.line(it.col, 2, nil, x, y, x+key, y)
		c.dot(x+key/2, y, fs*0.22, it.col, it.col, 1)
	case plain:
		c.line(it.col, 2, nil, x, y, x+key, y)
	case dashed:
		c.line(it.col, 2, []float64{4, 3}, x, y, x+key, y)
	case diamondMark:
		c.diamond(x+key/2, y, fs*0.4, it.col, c.p.bg)
	case ring:
		c.dot(x+key/2, y, fs*0.38, drawing.Color{}, it.col, 2)
	}
}

// yAxis draws the horizontal grid lines and tick labels of a vertical value
// axis on the left of b, with an optional rotated title, and returns the
// plot box right of the labels.
func (c *canvas) yAxis(b box, a axis, title string) box {
	fs := c.size(0.9)
	lw := 0.0
	for _, v := range a.ticks {
		lw = math.Max(lw, c.measure(a.label(c, v), fs))
	}
	x0 := b.x0 + lw + fs*0.6
	if title != "" {
		x0 += fs * 1.5
		c.vtext(c.fit(title, fs, b.h()), b.x0+fs*0.9, (b.y0+b.y1)/2, fs, c.p.muted)
	}
	pb := box{x0, b.y0 + fs*0.5, b.x1, b.y1}
	for _, v := range a.ticks {
		y := a.pos(v, pb.y1, pb.y0)
		col := c.p.grid
		if v == 0 {
			col = c.p.axis
		}
		c.line(col, 1, nil, pb.x0, y, pb.x1, y)
		c.text(a.label(c, v), pb.x0-fs*0.5, y+fs*0.35, fs, c.p.muted, right)
	}
	return pb
}

// xAxis draws the vertical grid lines and tick labels of a horizontal value
// axis below b's plot area, and returns the plot box above the labels.
func (c *canvas) xAxis(b box, a axis, title string) box {
	fs := c.size(0.9)
	y1 := b.y1 - fs*1.5
	if title != "" {
		y1 -= fs * 1.4
		c.text(c.fit(title, fs, b.w()), (b.x0+b.x1)/2, b.y1-fs*0.2, fs, c.p.muted, center)
	}
	pb := box{b.x0, b.y0, b.x1, y1}
	for _, v := range a.ticks {
		x := a.pos(v, pb.x0, pb.x1)
		col := c.p.grid
		if v == 0 {
			col = c.p.axis
		}
		c.line(col, 1, nil, x, pb.y0, x, pb.y1)
		c.text(a.label(c, v), x, pb.y1+fs*1.25, fs, c.p.muted, center)
	}
	return pb
}

// axisTitle appends the axis's unit ("millions") to a title.
func (c *canvas) axisTitle(title string, a axis) string {
	if a.unit == "" {
		return title
	}
	if title == "" {
		return c.t(a.unit)
	}
	return title + " (" + c.t(a.unit) + ")"
}

// empty draws a chart with only a title and a "nothing to show" note.
func (c *canvas) empty(title string) ([]byte, error) {
	b := c.header(title, "", nil)
	c.text(c.t("Nothing to show yet"), (b.x0+b.x1)/2, (b.y0+b.y1)/2, c.size(1), c.p.muted, center)
	return c.bytes()
}
