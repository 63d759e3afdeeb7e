package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// columnsLayout places a row's objects side by side in columns of fixed
// widths; a width of 0 makes that column take the room left over. All
// objects get the row's height.
type columnsLayout struct {
	widths  []float32
	height  float32 // 0: the tallest object's minimum height
	flexMin float32 // if > 0, the most a flexible column asks for as its minimum width
}

// Layout places each object in its column.
func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := l.fixedWidth(len(objs))
	rest := max(size.Width-fixed, 0)
	if flex > 0 {
		rest /= float32(flex)
	}
	x := float32(0)
	for i, o := range objs {
		w := l.width(i)
		if w == 0 {
			w = rest
		}
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}

// MinSize is the fixed widths plus the flexible columns' own minimum widths.
func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	fixed, _ := l.fixedWidth(len(objs))
	h := l.height
	for i, o := range objs {
		m := o.MinSize()
		if l.width(i) == 0 {
			fixed += l.flexWidth(m.Width)
		}
		if l.height == 0 && m.Height > h {
			h = m.Height
		}
	}
	return fyne.NewSize(fixed, h)
}

func (l *columnsLayout) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 0
}

// fixedWidth returns the fixed columns' widths and paddings, and how many columns flex.
func (l *columnsLayout) fixedWidth(n int) (float32, int) {
	w, flex := float32(0), 0
	for i := range n {
		if l.width(i) == 0 {
			flex++
		}
		w += l.width(i)
	}
	if n > 1 {
		w += theme.Padding() * float32(n-1)
	}
	return w, flex
}

// flexWidth is the minimum width a flexible column of minimum width w asks for.
func (l *columnsLayout) flexWidth(w float32) float32 {
	if l.flexMin > 0 {
		return min(w, l.flexMin)
	}
	return w
}

// tightVBox stacks objects top to bottom, each overlapping the one above by
// the theme's inner padding, so a caption sits close under its label.
type tightVBox struct{}

// Layout stacks the objects at their minimum heights, full width.
func (tightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(size.Width, h))
		o.Move(fyne.NewPos(0, y))
		y += h - theme.InnerPadding()
	}
}

// MinSize is the widest object's width and the stacked heights less the overlaps.
func (tightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w, h = max(w, m.Width), h+m.Height
		n++
	}
	if n > 1 {
		h -= float32(n-1) * theme.InnerPadding()
	}
	return fyne.NewSize(w, h)
}
