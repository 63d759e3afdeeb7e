package ui

import (
	"fyne.io/fyne/v2/widget"
)

// wizEntry is a wizard text field: it tells its field when the keyboard
// leaves it (problems show from then on) and, as every keyEntry, lets the
// window's shortcuts through.
type wizEntry struct {
	keyEntry
	onLeft func()
}

func newWizEntry() *wizEntry {
	e := &wizEntry{}
	e.ExtendBaseWidget(e)
	e.self = e
	return e
}

// FocusLost lets the field show its problems.
func (e *wizEntry) FocusLost() {
	e.keyEntry.FocusLost()
	if e.onLeft != nil {
		e.onLeft()
	}
}

// entry returns the field's text entry, or nil when it is not one.
func (f *wizField) entry() *widget.Entry {
	switch e := f.input.(type) {
	case *wizEntry:
		return &e.Entry
	case *keyEntry:
		return &e.Entry
	case *widget.Entry:
		return e
	}
	return nil
}
