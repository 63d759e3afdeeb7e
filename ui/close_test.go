package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// dialogText is the text of the labels of the window's overlays (dialogs).
func dialogText(u *UI) string {
	var b strings.Builder
	for _, o := range u.win.Canvas().Overlays().List() {
		for _, w := range test.LaidOutObjects(o) {
			if l, ok := w.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		}
	}
	return b.String()
}

func TestClosingTheWindowStoresTheValueTypedInACell(t *testing.T) {
	u, store, s := planTestUI(t, "vi", planFixture())
	c := s.grid.cells[0][2]
	u.win.Canvas().Focus(c)
	test.Type(c, "1.500") // typed, neither Enter nor Tab
	if s.saveBtn.Disabled() || !s.unsaved.Visible() {
		t.Fatal("Save is disabled while a typed value is not stored")
	}
	closed := false
	s.beforeClose(func() { closed = true })
	if !closed {
		t.Fatalf("a valid typed value should be stored without asking; dialog: %q", dialogText(u))
	}
	if a, ok := storedPlan(t, store, s.id).KPI("k1").ActualAt(2); !ok || a.Value != 1500 {
		t.Fatalf("closing stored %+v (%v), want 1500", a, ok)
	}
}

func TestSaveStoresTheValueTypedInACell(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	c := s.grid.cells[1][0]
	u.win.Canvas().Focus(c)
	test.Type(c, "42")
	pressShortcut(u, ctrlKey(fyne.KeyS))
	if a, ok := storedPlan(t, store, s.id).KPI("k2").ActualAt(0); !ok || a.Value != 42 {
		t.Fatalf("Ctrl+S in a typed cell stored %+v (%v), want 42", a, ok)
	}
	if !s.saveBtn.Disabled() || s.unsaved.Visible() {
		t.Error("Save still enabled with nothing left to save")
	}
}

func TestClosingTheWindowAsksBeforeLosingABadCell(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	c := s.grid.cells[0][0]
	u.win.Canvas().Focus(c)
	test.Type(c, "12abc")
	closed := false
	s.beforeClose(func() { closed = true })
	if closed {
		t.Fatal("closed without asking, losing the typed value")
	}
	msg := dialogText(u)
	if !strings.Contains(msg, "12abc") || !strings.Contains(msg, "Close anyway") {
		t.Fatalf("the question %q should name the value and ask", msg)
	}
	tapButton(t, u, "No")
	if closed {
		t.Fatal("No closed the window")
	}
	if _, ok := storedPlan(t, store, s.id).KPI("k1").ActualAt(0); ok {
		t.Fatal("a bad value was stored")
	}
	s.beforeClose(func() { closed = true })
	tapButton(t, u, "Yes")
	if !closed {
		t.Fatal("Yes did not close")
	}
}

func TestClosingTheWindowAsksBeforeLosingKPIChanges(t *testing.T) {
	u, _, s := planTestUI(t, "en", planFixture())
	s.setDirty(true)
	closed := false
	s.beforeClose(func() { closed = true })
	if closed || !strings.Contains(dialogText(u), "KPIs are not saved") {
		t.Fatalf("closed %v; dialog %q", closed, dialogText(u))
	}
}
