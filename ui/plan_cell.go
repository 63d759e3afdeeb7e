package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// cellEntry is one cell of the actuals grid: a KPI's actual for one period.
// Tab/Shift+Tab, the arrow keys and Enter commit it and move to the next
// cell; Escape puts back the stored value.
type cellEntry struct {
	widget.Entry
	g        *actualsGrid
	kpi      *app.KPI // the row's KPI, as the grid was built
	row, col int      // KPI row and period index
	saved    string   // the text of the stored actual, or of the one being stored
	problem  string   // what is wrong with the text typed, "" when fine
	shift    bool     // a Shift key is down
}

func newCellEntry(g *actualsGrid, k *app.KPI, row, col int) *cellEntry {
	c := &cellEntry{g: g, kpi: k, row: row, col: col}
	c.AlwaysShowValidationError = true
	c.ExtendBaseWidget(c)
	c.OnChanged = func(string) { g.s.updateSave() }
	return c
}

// AcceptsTab keeps Tab in the grid so it moves between cells.
func (c *cellEntry) AcceptsTab() bool { return true }

// KeyDown tracks Shift for Shift+Tab.
func (c *cellEntry) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.shift = true
	}
	c.Entry.KeyDown(ev)
}

// KeyUp tracks Shift for Shift+Tab.
func (c *cellEntry) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		c.shift = false
	}
	c.Entry.KeyUp(ev)
}

// TypedKey moves between cells; other keys edit the text.
func (c *cellEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyTab:
		if c.shift {
			c.g.onPrevious(c)
		} else {
			c.g.onNext(c)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		c.g.onDown(c, true)
	case fyne.KeyDown:
		c.g.onDown(c, false)
	case fyne.KeyUp:
		c.g.onUp(c)
	case fyne.KeyLeft:
		if c.CursorColumn == 0 && c.SelectedText() == "" {
			c.g.onLeft(c)
			return
		}
		c.Entry.TypedKey(ev)
	case fyne.KeyRight:
		if c.CursorColumn >= len([]rune(c.Text)) && c.SelectedText() == "" {
			c.g.onRight(c)
			return
		}
		c.Entry.TypedKey(ev)
	case fyne.KeyEscape:
		c.g.onCancel(c)
	default:
		c.Entry.TypedKey(ev)
	}
}

// TypedShortcut lets the window's shortcuts through. Ctrl+Z undoes typing
// while the cell is being edited, and the last saved change otherwise.
func (c *cellEntry) TypedShortcut(s fyne.Shortcut) {
	if forwardShortcut(c.g.s.u.win.Canvas(), s) {
		return
	}
	if _, ok := s.(*fyne.ShortcutUndo); ok && c.Text == c.saved {
		c.g.s.u.onUndo()
		return
	}
	c.Entry.TypedShortcut(s)
}

// FocusGained shows the cell's hint or problem under the grid.
func (c *cellEntry) FocusGained() {
	c.Entry.FocusGained()
	c.g.onFocus(c)
	reveal(c)
}

// FocusLost commits what was typed.
func (c *cellEntry) FocusLost() {
	c.Entry.FocusLost()
	c.g.commit(c)
}

// setProblem marks the cell red with msg, or clears the mark when msg is "".
func (c *cellEntry) setProblem(msg string) {
	c.problem = msg
	if msg == "" {
		c.SetValidationError(nil)
		return
	}
	c.SetValidationError(errors.New(msg))
}

// show puts the stored text back into the cell and clears any problem.
func (c *cellEntry) show(text string) {
	c.saved = text
	c.SetText(text)
	c.setProblem("")
	c.g.s.updateSave()
}
