package ui

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// distBand is one band of a distribution as shown: the share of people in
// it now and the target, in percent, and what is wrong, in words ("" when
// the band keeps to the target).
type distBand struct {
	Name      string
	Current   float64 // percent of the people rated
	Target    float64 // percent; meaningful when HasTarget
	HasTarget bool
	Text      string // the figures written out ("12 people, 24 %, target 20 %")
	Problem   string // the violation in words, "" for none
}

// distRow shows a distribution: per band a bar of the current share with a
// marker at the target, the figures, and any violation in colour and in words.
type distRow struct {
	widget.BaseWidget
	bands   []distBand
	bars    []*distBar
	texts   []*widget.Label
	words   *widget.Label // every violation in words, under the bars
	grid    *fyne.Container
	content *fyne.Container
}

func newDistRow() *distRow {
	d := &distRow{grid: container.NewGridWithColumns(1), words: widget.NewLabel("")}
	d.words.Wrapping = fyne.TextWrapWord
	d.words.Importance = widget.DangerImportance
	d.words.Hide()
	d.content = container.NewVBox(d.grid, d.words)
	d.ExtendBaseWidget(d)
	return d
}

// CreateRenderer shows the bands side by side.
func (d *distRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.content)
}

// set shows bands.
func (d *distRow) set(bands []distBand) {
	if len(bands) != len(d.bands) {
		d.bars = make([]*distBar, len(bands))
		d.texts = make([]*widget.Label, len(bands))
		cols := make([]fyne.CanvasObject, len(bands))
		for i := range bands {
			d.bars[i] = newDistBar()
			d.texts[i] = widget.NewLabel("")
			d.texts[i].Truncation = fyne.TextTruncateEllipsis
			d.texts[i].SizeName = theme.SizeNameCaptionText
			cols[i] = container.NewBorder(d.bars[i], nil, nil, nil, d.texts[i])
		}
		d.grid.Layout = container.NewGridWithColumns(max(len(bands), 1)).Layout
		d.grid.Objects = cols
		d.grid.Refresh()
	}
	d.bands = bands
	for i, b := range bands {
		d.bars[i].set(b)
		imp := widget.MediumImportance
		if b.Problem != "" {
			imp = widget.DangerImportance
		}
		if imp != d.texts[i].Importance {
			d.texts[i].Importance = imp
			d.texts[i].Refresh()
		}
		setText(d.texts[i], b.Name+": "+b.Text)
	}
	if p := d.problems(); len(p) > 0 {
		setText(d.words, strings.Join(p, "; "))
		d.words.Show()
	} else {
		d.words.Hide()
	}
}

// problems are the violations shown, one per band that has one.
func (d *distRow) problems() []string {
	var out []string
	for _, b := range d.bands {
		if b.Problem != "" {
			out = append(out, b.Name+": "+b.Problem)
		}
	}
	return out
}

// distBar is one band's bar: the current share filled, the target as a
// vertical marker, red when the band breaks its target.
type distBar struct {
	widget.BaseWidget
	band   distBand
	bg     *canvas.Rectangle
	fill   *canvas.Rectangle
	target *canvas.Rectangle
}

func newDistBar() *distBar {
	b := &distBar{bg: canvas.NewRectangle(color.Transparent), fill: canvas.NewRectangle(color.Transparent),
		target: canvas.NewRectangle(color.Transparent)}
	b.bg.CornerRadius = 2
	b.ExtendBaseWidget(b)
	return b
}

func (b *distBar) set(band distBand) {
	b.band = band
	b.Refresh()
}

// CreateRenderer draws the bar.
func (b *distBar) CreateRenderer() fyne.WidgetRenderer {
	return &distBarRenderer{b: b}
}

type distBarRenderer struct{ b *distBar }

func (r *distBarRenderer) Layout(size fyne.Size) {
	b := r.b
	b.bg.Resize(size)
	w := size.Width * float32(min(max(b.band.Current, 0), 100)/100)
	b.fill.Resize(fyne.NewSize(w, size.Height))
	b.target.Hidden = !b.band.HasTarget
	x := size.Width * float32(min(max(b.band.Target, 0), 100)/100)
	b.target.Move(fyne.NewPos(min(x, size.Width-3), -2))
	b.target.Resize(fyne.NewSize(3, size.Height+4))
}

func (r *distBarRenderer) MinSize() fyne.Size { return fyne.NewSize(20, 14) }

func (r *distBarRenderer) Refresh() {
	b := r.b
	th := b.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	b.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	b.fill.FillColor = th.Color(theme.ColorNamePrimary, v)
	if b.band.Problem != "" {
		b.fill.FillColor = th.Color(theme.ColorNameError, v)
	}
	b.target.FillColor = th.Color(theme.ColorNameForeground, v)
	r.Layout(b.Size())
	canvas.Refresh(b)
}

func (r *distBarRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.bg, r.b.fill, r.b.target}
}

func (r *distBarRenderer) Destroy() {}
