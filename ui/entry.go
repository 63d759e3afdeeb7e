package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// windowKeys are the letters of the window's own Ctrl shortcuts (new plan,
// save, search). Fyne hands a shortcut to the focused widget first, and an
// Entry keeps those it does not know, so the entries below pass them on.
var windowKeys = []fyne.KeyName{fyne.KeyN, fyne.KeyS, fyne.KeyF}

// isWindowShortcut reports whether s is one of the window's Ctrl shortcuts.
// Other custom shortcuts (Ctrl+Left moves by word) stay with the Entry.
func isWindowShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	for _, k := range windowKeys {
		if cs.KeyName == k {
			return true
		}
	}
	return false
}

// forwardShortcut hands the window's own shortcuts (Ctrl+S, Ctrl+N, Ctrl+F)
// to the canvas c, which a focused Entry would otherwise swallow. It reports
// whether it did.
func forwardShortcut(c fyne.Canvas, s fyne.Shortcut) bool {
	if c == nil || !isWindowShortcut(s) {
		return false
	}
	sc, ok := c.(fyne.Shortcutable)
	if ok {
		sc.TypedShortcut(s)
	}
	return ok
}

// canvasOf is the canvas showing o, nil when it is not shown.
func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	return a.Driver().CanvasForObject(o)
}

// keyEntry is an Entry of a screen that lets the window's shortcuts
// through. With undo set, Ctrl+Z pressed when nothing was typed since the
// entry was focused undoes the window's last action instead.
type keyEntry struct {
	widget.Entry
	undo      bool
	focusText string            // the text when the entry was focused
	self      fyne.CanvasObject // the widget shown: this entry or one extending it
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	e.self = e
	return e
}

func newKeyMultiLineEntry() *keyEntry {
	e := newKeyEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// FocusGained notes the text, to know whether anything was typed since.
func (e *keyEntry) FocusGained() {
	e.focusText = e.Text
	e.Entry.FocusGained()
	reveal(e.self)
}

// TypedShortcut passes the window's shortcuts on and the rest to the Entry.
func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	c := canvasOf(e)
	if forwardShortcut(c, s) {
		return
	}
	if _, ok := s.(*fyne.ShortcutUndo); ok && e.undo && e.Text == e.focusText {
		if sc, ok := c.(fyne.Shortcutable); ok {
			sc.TypedShortcut(s)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// keySelectEntry is a SelectEntry that lets the window's shortcuts through.
type keySelectEntry struct {
	widget.SelectEntry
}

func newKeySelectEntry(options []string) *keySelectEntry {
	e := &keySelectEntry{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	takeDropArrow(&e.SelectEntry)
	return e
}

// FocusGained scrolls the entry into sight.
func (e *keySelectEntry) FocusGained() {
	e.SelectEntry.FocusGained()
	reveal(e)
}

// TypedShortcut passes the window's shortcuts on and the rest to the Entry.
func (e *keySelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !forwardShortcut(canvasOf(e), s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

// entryIn is the Entry inside a field's input, nil when it has none.
func entryIn(o fyne.CanvasObject) *widget.Entry {
	switch e := o.(type) {
	case *keyEntry:
		return &e.Entry
	case *keySelectEntry:
		return &e.Entry
	case *planEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	case *widget.SelectEntry:
		return &e.Entry
	}
	return nil
}
