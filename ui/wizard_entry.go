package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// wizEntry is a wizard text field: it tells its field when the keyboard
// leaves it (problems show from then on) and lets the window's shortcuts
// through.
type wizEntry struct {
	widget.Entry
	win    fyne.Window
	onLeft func()
}

func newWizEntry() *wizEntry {
	e := &wizEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost lets the field show its problems.
func (e *wizEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeft != nil {
		e.onLeft()
	}
}

// TypedShortcut passes the window's shortcuts on and the rest to the Entry.
func (e *wizEntry) TypedShortcut(s fyne.Shortcut) {
	if e.win == nil || !forwardShortcut(e.win, s) {
		e.Entry.TypedShortcut(s)
	}
}

// entry returns the field's text entry, or nil when it is not one.
func (f *wizField) entry() *widget.Entry {
	switch e := f.input.(type) {
	case *wizEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	}
	return nil
}
