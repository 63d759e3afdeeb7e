package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// tabChain returns the objects Tab visits from the start of the window,
// once round.
func tabChain(u *UI) []fyne.Focusable {
	c := u.win.Canvas()
	c.Unfocus()
	seen := map[fyne.Focusable]bool{}
	var chain []fyne.Focusable
	for range 300 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || seen[f] {
			break
		}
		seen[f] = true
		chain = append(chain, f)
	}
	return chain
}

// isTextInput tells the Tab stops that take typing.
func isTextInput(f fyne.Focusable) bool {
	switch f.(type) {
	case *keyEntry, *wizEntry, *keySelectEntry, *cellEntry, *planEntry, *widget.Entry:
		return true
	}
	return false
}

// checkTabStops fails when a select entry's drop-down arrow is a Tab stop,
// or when Tab leaves a text field out of sight in its scroll container.
func checkTabStops(t *testing.T, u *UI, what string) {
	t.Helper()
	chain := tabChain(u)
	d := fyne.CurrentApp().Driver()
	var scrolls []*container.Scroll
	collectScrolls(u.win.Content(), &scrolls)
	for i, f := range chain {
		if _, ok := f.(*keySelectEntry); ok && i+1 < len(chain) {
			if b, ok := chain[i+1].(*widget.Button); ok && b.Text == "" {
				t.Errorf("%s: Tab from a select entry stops on its drop-down arrow", what)
			}
		}
		if !isTextInput(f) {
			continue
		}
		// Tab again onto f, as a user would, and see where it shows.
		u.win.Canvas().Focus(f)
		o := f.(fyne.CanvasObject)
		at, size := d.AbsolutePositionForObject(o), o.Size()
		for _, s := range scrolls {
			in := d.AbsolutePositionForObject(s.Content).Subtract(d.AbsolutePositionForObject(s))
			rel := at.Subtract(d.AbsolutePositionForObject(s.Content))
			inner := s.Content.Size()
			if rel.X < 0 || rel.Y < 0 || rel.X+size.Width > inner.Width+1 || rel.Y+size.Height > inner.Height+1 {
				continue
			}
			view := rel.Add(in) // position in the scroll's view
			if view.Y < -1 || view.Y+size.Height > s.Size().Height+1 || view.X < -1 || view.X+size.Width > s.Size().Width+1 {
				t.Errorf("%s: Tab stop %d (%T) is out of sight at %v (view %v)", what, i, f, view, s.Size())
			}
		}
	}
}

// Regression: Tab from the department (a select entry) stopped on its
// drop-down arrow, where what was typed next went nowhere.
func TestTabFromASelectEntryGoesToTheNextField(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	u.win.Resize(fyne.NewSize(1366, 768))
	w := openWizard(t, u)
	g := step[*goalStep](t, w)
	dept := g.dept.input.(*keySelectEntry)
	c := u.win.Canvas()
	c.Focus(dept)
	c.FocusNext()
	next, ok := c.Focused().(textInput)
	if !ok {
		t.Fatalf("Tab from the department lands on %T, not a field", c.Focused())
	}
	test.Type(next, "12")
	var got string
	switch e := next.(type) {
	case *wizEntry:
		got = e.Text
	case *keyEntry:
		got = e.Text
	}
	if got != "12" {
		t.Fatalf("typing after Tab from the department went to %T", next)
	}
	if dept.Text != "" {
		t.Errorf("the department got %q", dept.Text)
	}
}

// Regression: Tab moved into fields below the fold of a scrolling step
// (or beyond the KPI table's right edge) without scrolling, so what was
// typed went out of sight: every wizard step and the plan's tabs at 1024×600.
func TestTabKeepsTheFocusedFieldInSight(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	u.win.Resize(fyne.NewSize(1024, 600))
	w := openWizard(t, u)
	checkTabStops(t, u, "goal")
	fillGoal(t, u, w)
	test.Tap(w.next)
	checkTabStops(t, u, "KPIs")
	test.Tap(w.next)
	s := step[*smartStep](t, w)
	for i := range w.d.Plan.KPIs {
		s.list.Select(i)
		retype(u, entryOf(fieldOf(t, s.form, "target")), "40")
	}
	s.list.Select(0)
	checkTabStops(t, u, "SMART")
	test.Tap(w.next)
	gs := step[*groupsStep](t, w)
	for g, v := range map[app.Group]string{app.GroupA: "60", app.GroupB: "25", app.GroupC: "15"} {
		retype(u, entryOf(gs.weights[g]), v)
	}
	checkTabStops(t, u, "groups")
	test.Tap(w.next)
	checkTabStops(t, u, "scoring")
	test.Tap(w.next)
	test.Tap(w.next)
	ps, ok := u.cur.(*planScreen)
	if !ok {
		t.Fatalf("the wizard did not save: %T (%s)", u.cur, w.message.Text)
	}
	for i := range ps.tabs.Items {
		ps.tabs.SelectIndex(i)
		checkTabStops(t, u, "plan tab "+ps.tabs.Items[i].Text)
	}
}
