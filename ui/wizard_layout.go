package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// wizWidth is a layout that gives its objects a fixed width (0: any) and
// at least the height of the tallest one's minimum, or height if taller.
type wizWidth struct{ width, height float32 }

// Layout stacks the objects over the whole area.
func (l wizWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the fixed width by the tallest minimum height.
func (l wizWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), l.height
	for _, o := range objs {
		m := o.MinSize()
		w, h = max(w, m.Width), max(h, m.Height)
	}
	if l.width > 0 {
		w = l.width
	}
	return fyne.NewSize(w, h)
}

// wizAtLeast wraps o in a column at least width wide.
func wizAtLeast(width float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(wizMinWidth{width}, o)
}

// wizMinWidth is a layout whose minimum width is at least its width.
type wizMinWidth struct{ width float32 }

// Layout stacks the objects over the whole area.
func (l wizMinWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) { wizWidth{}.Layout(objs, size) }

// MinSize is the objects' minimum, widened to the layout's width.
func (l wizMinWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := wizWidth{}.MinSize(objs)
	return fyne.NewSize(max(m.Width, l.width), m.Height)
}

// wizFixed wraps o in a column of the given width.
func wizFixed(width float32, o fyne.CanvasObject) *fyne.Container {
	return container.New(wizWidth{width: width}, o)
}

// wizCols is a layout of one table row: columns of fixed widths, where a
// width of 0 takes the room left over.
type wizCols struct{ widths []float32 }

// Layout places the objects in their columns.
func (l wizCols) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fixed, flex := l.fixed(len(objs))
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
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + pad
	}
}

// MinSize is the fixed widths plus the flexible columns' minimum widths.
func (l wizCols) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, _ := l.fixed(len(objs))
	h := float32(0)
	for i, o := range objs {
		m := o.MinSize()
		if l.width(i) == 0 {
			w += min(m.Width, 120)
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

func (l wizCols) width(i int) float32 {
	if i < len(l.widths) {
		return l.widths[i]
	}
	return 0
}

func (l wizCols) fixed(n int) (float32, int) {
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

// wizRow lays objs out as one table row with the given column widths.
func wizRow(widths []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(wizCols{widths}, objs...)
}
