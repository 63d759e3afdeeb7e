package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowsLayout stacks objects in rows of one fixed height, so two columns
// built apart (the KPI names and their cells) line up row by row.
type rowsLayout struct{ height float32 }

// Layout stacks the objects from the top.
func (l *rowsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		o.Resize(fyne.NewSize(size.Width, l.height))
		o.Move(fyne.NewPos(0, y))
		y += l.height + theme.Padding()
	}
}

// MinSize is the widest object by the rows' total height.
func (l *rowsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objs {
		w = max(w, o.MinSize().Width)
	}
	n := float32(len(objs))
	if n == 0 {
		return fyne.NewSize(w, 0)
	}
	return fyne.NewSize(w, n*l.height+(n-1)*theme.Padding())
}

// planEntry is an Entry of the plan screen: it shows an error set with
// SetValidationError in place and lets the window's shortcuts through.
type planEntry struct {
	widget.Entry
	win fyne.Window
}

func newPlanEntry(win fyne.Window) *planEntry {
	e := &planEntry{win: win}
	e.AlwaysShowValidationError = true
	e.ExtendBaseWidget(e)
	return e
}

// TypedShortcut passes the window's shortcuts on and the rest to the Entry.
func (e *planEntry) TypedShortcut(s fyne.Shortcut) {
	if !forwardShortcut(e.win.Canvas(), s) {
		e.Entry.TypedShortcut(s)
	}
}

// FocusGained scrolls the entry into sight (the KPI table is wider than the window).
func (e *planEntry) FocusGained() {
	e.Entry.FocusGained()
	reveal(e)
}
