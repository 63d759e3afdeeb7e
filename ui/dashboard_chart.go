package ui

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/i18n"
	"kpiplanner/charts"
)

// Chart sizes in the dashboards, in device-independent pixels.
var (
	chartMinSize   = fyne.NewSize(420, 250)
	chartSmallSize = fyne.NewSize(360, 220) // the KPI trends of a specialist
)

// drawFunc draws one chart with the given options; it runs off the UI goroutine.
type drawFunc func(o charts.Options) ([]byte, error)

// chartBox shows one chart. It draws the chart off the UI goroutine at the
// size it is laid out at (times the screen's scale, so text stays sharp),
// shows a placeholder while it draws, and draws again when resized.
type chartBox struct {
	u    *UI
	img  *canvas.Image
	busy *fyne.Container // progress and caption, while drawing
	note *widget.Label   // why there is no chart
	root *fyne.Container

	draw    drawFunc
	want    fyne.Size // the size laid out at
	drawn   fyne.Size // the size of the image shown or being drawn
	gen     int       // bumped by each new drawing; older ones are dropped
	running bool
	png     []byte // the PNG shown, for tests
}

func newChartBox(u *UI, min fyne.Size) *chartBox {
	b := &chartBox{u: u}
	b.img = canvas.NewImageFromImage(nil)
	b.img.FillMode = canvas.ImageFillContain
	b.img.ScaleMode = canvas.ImageScaleSmooth
	b.img.SetMinSize(min)
	bar := widget.NewProgressBarInfinite()
	b.busy = container.NewCenter(container.NewVBox(widget.NewLabelWithStyle(u.T("Drawing chart…"),
		fyne.TextAlignCenter, fyne.TextStyle{Italic: true}), bar))
	b.note = widget.NewLabel("")
	b.note.Alignment = fyne.TextAlignCenter
	b.note.Wrapping = fyne.TextWrapWord
	b.note.Hide()
	b.root = container.New(&chartLayout{box: b}, b.img, b.busy, b.note)
	return b
}

func (b *chartBox) view() fyne.CanvasObject { return b.root }

// setDraw shows a new chart drawn by draw (nil: none).
func (b *chartBox) setDraw(draw drawFunc) {
	b.draw = draw
	b.drawn = fyne.Size{}
	b.gen++
	b.img.Image = nil
	b.img.Refresh()
	b.png = nil
	b.note.Hide()
	if draw == nil {
		b.busy.Hide()
		return
	}
	b.busy.Show()
	b.refresh()
}

// resized is called by the layout with the box's new size.
func (b *chartBox) resized(s fyne.Size) {
	if s == b.want {
		return
	}
	b.want = s
	b.refresh()
}

// refresh draws the chart at the laid-out size unless it is shown or being
// drawn at that size already. One drawing runs at a time; the latest size
// wins when it finishes.
func (b *chartBox) refresh() {
	if b.draw == nil || b.want.Width < 1 || b.want.Height < 1 || b.want == b.drawn || b.running {
		return
	}
	b.drawn, b.running = b.want, true
	gen, draw, opts := b.gen, b.draw, b.u.chartOptions(b.want, b.scale())
	var img image.Image
	var out []byte
	b.u.async(func() error {
		var err error
		if out, err = draw(opts); err != nil {
			return fmt.Errorf("draw chart: %w", err)
		}
		img, err = png.Decode(bytes.NewReader(out))
		return err
	}, func(err error) {
		b.running = false
		if gen == b.gen {
			b.show(img, out, err)
		}
		b.refresh()
	})
}

// show puts a drawn chart (or the error drawing it) in place.
func (b *chartBox) show(img image.Image, out []byte, err error) {
	b.busy.Hide()
	if err != nil {
		fyne.LogError("dashboard chart", err)
		b.note.SetText(b.u.T("The chart could not be drawn: %s", b.u.tr.Err(err)))
		b.note.Show()
		return
	}
	b.png = out
	b.img.Image = img
	b.img.Refresh()
	if dashboardEvent != nil {
		dashboardEvent("chart")
	}
}

// scale is the screen's pixels per device-independent pixel.
func (b *chartBox) scale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.root); c != nil && c.Scale() > 0 {
		return c.Scale()
	}
	return 1
}

// chartLayout gives every object of a chart box the whole box and tells the
// box its size.
type chartLayout struct{ box *chartBox }

// Layout fills the box and has the chart drawn at its size.
func (l *chartLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	l.box.resized(size)
}

// MinSize is the chart's minimum size.
func (l *chartLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// chartOptions are the charts' options for a box of size s on a screen of
// the given scale: the user's language and number format and the app's
// light or dark theme, on a transparent background.
func (u *UI) chartOptions(s fyne.Size, scale float32) charts.Options {
	w, h := int(s.Width*scale), int(s.Height*scale)
	return charts.Options{
		Width: max(w, 200), Height: max(h, 150), Format: charts.PNG, Theme: u.chartTheme(), Transparent: true,
		Lang: u.tr.Lang(), FontSize: float64(chartTextSize() * scale),
		T: chartT(u.tr), Num: u.tr.FormatNumber, Pct: u.tr.FormatPercent,
	}
}

// chartT translates the charts' labels with tr. The charts label a
// histogram's axis "Plans", a key the app's catalog translates as the plans
// list's title; the axis gets its own key.
func chartT(tr *i18n.Translator) func(string, ...any) string {
	return func(key string, args ...any) string {
		if key == "Plans" && len(args) == 0 {
			return tr.T("Number of plans")
		}
		return tr.T(key, args...)
	}
}

// chartTheme is the chart theme matching the app's theme: dark when the
// window's background is dark. Reading the background rather than
// Settings().ThemeVariant() follows a variant forced in the settings (and
// any other theme) as well as the system's.
func (u *UI) chartTheme() charts.Theme {
	st := u.app.Settings()
	r, g, b, _ := st.Theme().Color(theme.ColorNameBackground, st.ThemeVariant()).RGBA()
	if 299*r+587*g+114*b < 1000*0x8000 { // perceived brightness below half
		return charts.Dark
	}
	return charts.Light
}

// chartTextSize is the charts' base text size, between the window's caption
// and body sizes (12.5 px at the default theme): the caption size left tick
// labels (0.9 of it) at 10 px, too small to read at 100 % scale, and the body
// size crowds the bars of a department with many people.
func chartTextSize() float32 { return (theme.CaptionTextSize() + theme.TextSize()) / 2 }
