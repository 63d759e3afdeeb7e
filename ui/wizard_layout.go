package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// wizFlexMin is the most a flexible wizard column asks for, so rows can shrink.
const wizFlexMin = 120

// wizRow lays objs out as one table row with the given column widths.
func wizRow(widths []float32, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&columnsLayout{widths: widths, flexMin: wizFlexMin}, objs...)
}
