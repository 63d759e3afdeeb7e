package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// dialogKeys makes Enter run enter and Escape close d while it is shown and
// no widget has the keyboard focus (a focused entry or button keeps its own
// keys). The window's key handler comes back when d closes.
func dialogKeys(w fyne.Window, d dialog.Dialog, enter func()) {
	c := w.Canvas()
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyReturn, fyne.KeyEnter:
			enter()
		case fyne.KeyEscape:
			d.Hide()
		default:
			if prev != nil {
				prev(ev)
			}
		}
	})
	d.SetOnClosed(func() { c.SetOnTypedKey(prev) })
}

// formKeys makes Enter submit form dialog d, from the canvas and from each
// single-line entry of items.
func (u *UI) formKeys(d *dialog.FormDialog, items []*widget.FormItem) {
	for _, it := range items {
		if e := entryIn(it.Widget); e != nil && !e.MultiLine {
			e.OnSubmitted = func(string) { d.Submit() }
		}
	}
	dialogKeys(u.win, d, d.Submit)
}
