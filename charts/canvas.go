package charts

import (
	"bytes"
	"fmt"
	"html"
	"image"
	"image/png"
	"math"
	"sync"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// dpi is the resolution charts are drawn at: 72 makes a point one pixel.
const dpi = 72

// The font: go-chart's embedded Roboto Medium, which has every precomposed
// Vietnamese letter. It is parsed once and only read afterwards.
var (
	fontOnce sync.Once
	fontVal  *truetype.Font
	fontErr  error
)

func loadFont() (*truetype.Font, error) {
	fontOnce.Do(func() { fontVal, fontErr = chart.GetDefaultFont() })
	return fontVal, fontErr
}

// align places text horizontally around its x.
type align int

const (
	left align = iota
	center
	right
)

// canvas draws shapes and text in pixels on a go-chart renderer.
type canvas struct {
	r    chart.Renderer
	svg  bool
	font *truetype.Font
	o    Options
	p    palette
	w, h float64
}

// newCanvas starts a chart of o's size, format and theme, background painted.
func newCanvas(o Options) (*canvas, error) {
	o = o.withDefaults()
	if err := o.check(); err != nil {
		return nil, err
	}
	f, err := loadFont()
	if err != nil {
		return nil, fmt.Errorf("load chart font: %w", err)
	}
	provider := chart.PNG
	if o.Format == SVG {
		provider = chart.SVG
	}
	r, err := provider(o.Width, o.Height)
	if err != nil {
		return nil, fmt.Errorf("start %s renderer: %w", o.Format, err)
	}
	r.SetDPI(dpi)
	c := &canvas{r: r, svg: o.Format == SVG, font: f, o: o, p: palettes[o.Theme], w: float64(o.Width), h: float64(o.Height)}
	if !o.Transparent && c.svg {
		c.rect(0, 0, c.w, c.h, c.p.bg)
	} // a PNG's background is laid under the finished image: much faster than rasterising it
	return c, nil
}

// bytes finishes the chart and returns the image.
func (c *canvas) bytes() ([]byte, error) {
	var b bytes.Buffer
	if c.svg {
		if err := c.r.Save(&b); err != nil {
			return nil, fmt.Errorf("write svg chart: %w", err)
		}
		return b.Bytes(), nil
	}
	var img collector // the raster renderer hands its image to a collector instead of encoding it
	if err := c.r.Save(&img); err != nil || img.rgba == nil {
		return nil, fmt.Errorf("draw png chart: %w", err)
	}
	if !c.o.Transparent {
		under(img.rgba, c.p.bg)
	}
	if err := pngEncoder.Encode(&b, img.rgba); err != nil {
		return nil, fmt.Errorf("write png chart: %w", err)
	}
	return b.Bytes(), nil
}

// under lays the opaque colour bg under the premultiplied image m:
// m = m + bg × (1 − alpha of m), exactly as if m had been drawn over bg.
func under(m *image.RGBA, bg drawing.Color) {
	r, g, b := uint32(bg.R), uint32(bg.G), uint32(bg.B)
	for i := 0; i+3 < len(m.Pix); i += 4 {
		k := 255 - uint32(m.Pix[i+3])
		if k == 0 {
			continue
		}
		m.Pix[i] += uint8((r*k + 127) / 255)
		m.Pix[i+1] += uint8((g*k + 127) / 255)
		m.Pix[i+2] += uint8((b*k + 127) / 255)
		m.Pix[i+3] = 255
	}
}

// pngEncoder favours speed: charts are flat colours that compress well anyway.
var pngEncoder = png.Encoder{CompressionLevel: png.BestSpeed}

// collector receives the raster renderer's image (chart.RGBACollector).
type collector struct{ rgba *image.RGBA }

// SetRGBA keeps the renderer's image.
func (c *collector) SetRGBA(i *image.RGBA) { c.rgba = i }

// Write refuses bytes: the raster renderer must hand over its image instead.
func (c *collector) Write(p []byte) (int, error) {
	return 0, fmt.Errorf("unexpected encoded image")
}

// t translates a label.
func (c *canvas) t(key string, args ...any) string { return c.o.T(key, args...) }

// num writes a number.
func (c *canvas) num(x float64, d int) string { return c.o.Num(x, d) }

// pct writes a percentage given in percent units.
func (c *canvas) pct(x float64, d int) string { return c.o.Pct(x, d) }

// size returns the base font size scaled by k.
func (c *canvas) size(k float64) float64 { return c.o.FontSize * k }

// measure returns the advance width of s at px pixels.
func (c *canvas) measure(s string, px float64) float64 {
	scale := fixed.Int26_6(px * 64)
	var w fixed.Int26_6
	prev, has := truetype.Index(0), false
	for _, r := range norm.NFC.String(s) {
		i := c.font.Index(r)
		if has {
			w += c.font.Kern(scale, prev, i)
		}
		w += c.font.HMetric(scale, i).AdvanceWidth
		prev, has = i, true
	}
	return float64(w) / 64
}

// fit shortens s with "…" until it is at most maxW wide at px pixels.
func (c *canvas) fit(s string, px, maxW float64) string {
	s = norm.NFC.String(s)
	if c.measure(s, px) <= maxW {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := string(rs[:n]) + "…"
		if c.measure(t, px) <= maxW {
			return t
		}
	}
	return "…"
}

// text draws s with its baseline at y, aligned on x.
func (c *canvas) text(s string, x, y, px float64, col drawing.Color, a align) {
	s = norm.NFC.String(s)
	switch a {
	case center:
		x -= c.measure(s, px) / 2
	case right:
		x -= c.measure(s, px)
	}
	c.textAt(s, x, y, px, col)
}

func (c *canvas) textAt(s string, x, y, px float64, col drawing.Color) {
	c.r.ResetStyle()
	c.r.SetFont(c.font)
	c.r.SetFontColor(col)
	if c.svg {
		c.r.SetFontSize(px) // SVG writes pt × dpi/72 = px
		s = html.EscapeString(s)
	} else {
		c.r.SetFontSize(px * 64 / dpi) // the raster renderer's em is pt × dpi/64
	}
	c.r.Text(s, round(x), round(y))
}

// vtext draws s rotated a quarter turn anticlockwise, centred on y, its
// baseline at x.
func (c *canvas) vtext(s string, x, y, px float64, col drawing.Color) {
	s = norm.NFC.String(s)
	w := c.measure(s, px)
	c.r.ResetStyle()
	c.r.SetTextRotation(-math.Pi / 2)
	c.r.SetFont(c.font)
	c.r.SetFontColor(col)
	if c.svg {
		c.r.SetFontSize(px)
		s = html.EscapeString(s)
	} else {
		c.r.SetFontSize(px * 64 / dpi)
	}
	c.r.Text(s, round(x), round(y+w/2))
	c.r.ClearTextRotation()
}

// rect fills the rectangle between (x0, y0) and (x1, y1).
func (c *canvas) rect(x0, y0, x1, y1 float64, fill drawing.Color) {
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.r.MoveTo(round(x0), round(y0))
	c.r.LineTo(round(x1), round(y0))
	c.r.LineTo(round(x1), round(y1))
	c.r.LineTo(round(x0), round(y1))
	c.r.Close()
	c.r.Fill()
}

// poly fills the polygon through pts (x, y pairs).
func (c *canvas) poly(fill drawing.Color, pts ...float64) {
	if len(pts) < 6 {
		return
	}
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.r.MoveTo(round(pts[0]), round(pts[1]))
	for i := 2; i+1 < len(pts); i += 2 {
		c.r.LineTo(round(pts[i]), round(pts[i+1]))
	}
	c.r.Close()
	c.r.Fill()
}

// line strokes a polyline through pts (x, y pairs); dash is nil for solid.
func (c *canvas) line(col drawing.Color, width float64, dash []float64, pts ...float64) {
	if len(pts) < 4 {
		return
	}
	c.r.ResetStyle()
	c.r.SetStrokeColor(col)
	c.r.SetStrokeWidth(width)
	c.r.SetStrokeDashArray(dash)
	c.r.MoveTo(round(pts[0]), round(pts[1]))
	for i := 2; i+1 < len(pts); i += 2 {
		c.r.LineTo(round(pts[i]), round(pts[i+1]))
	}
	c.r.Stroke()
}

// dot draws a circle of radius rad at (x, y), filled with fill (if not
// zero) and ringed with ring at width (if width > 0).
func (c *canvas) dot(x, y, rad float64, fill, ring drawing.Color, width float64) {
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	if width > 0 {
		c.r.SetStrokeColor(ring)
		c.r.SetStrokeWidth(width)
	}
	c.r.Circle(rad, round(x), round(y))
	if !c.svg { // the SVG renderer writes the circle itself; the raster one only adds a path
		c.r.FillStroke()
	}
}

// diamond draws a filled diamond of half-diagonal rad at (x, y), outlined.
func (c *canvas) diamond(x, y, rad float64, fill, outline drawing.Color) {
	c.r.ResetStyle()
	c.r.SetFillColor(fill)
	c.r.SetStrokeColor(outline)
	c.r.SetStrokeWidth(1)
	c.r.MoveTo(round(x), round(y-rad))
	c.r.LineTo(round(x+rad), round(y))
	c.r.LineTo(round(x), round(y+rad))
	c.r.LineTo(round(x-rad), round(y))
	c.r.Close()
	c.r.FillStroke()
}

func round(x float64) int { return int(math.Round(x)) }
