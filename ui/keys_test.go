package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/demo"
)

// pressShortcut delivers s the way Fyne's desktop driver does: to the
// focused widget when it takes shortcuts, otherwise to the window's canvas.
func pressShortcut(u *UI, s fyne.Shortcut) {
	c := u.win.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

func ctrlKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// deleteFirstPlan selects the first row of the home list and deletes it.
func deleteFirstPlan(t *testing.T, u *UI) {
	t.Helper()
	u.home.table.UnselectAll()
	u.home.table.Select(widget.TableCellID{Row: 0, Col: 0})
	tapButton(t, u, "Delete")
	tapButton(t, u, "Yes")
}

func TestCtrlZUndoesADeleteOutsideTheGrid(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Open the sample company")
	victim := u.home.rows[0].ID
	deleteFirstPlan(t, u)
	if _, err := u.ws.Store().Plan(victim); err == nil {
		t.Fatal("plan not deleted")
	}
	u.win.Canvas().Unfocus()
	pressShortcut(u, &fyne.ShortcutUndo{}) // what Fyne sends for Ctrl+Z
	if _, err := u.ws.Store().Plan(victim); err != nil {
		t.Fatalf("Ctrl+Z did not restore the plan: %v", err)
	}
	if len(u.home.rows) != 61 { // 60 people's plans and the Sales department's (demo cascade)
		t.Fatalf("%d rows after undo, want 61", len(u.home.rows))
	}
}

func TestCtrlZInTheSearchBoxUndoesTheDeleteWhenNothingWasTyped(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Open the sample company")
	victim := u.home.rows[0].ID
	deleteFirstPlan(t, u)
	u.win.Canvas().Focus(u.home.search)
	pressShortcut(u, &fyne.ShortcutUndo{})
	if _, err := u.ws.Store().Plan(victim); err != nil {
		t.Fatalf("Ctrl+Z in the empty search box did not restore the plan: %v", err)
	}
	// Once something is typed, Ctrl+Z is the search box's own.
	deleteFirstPlan(t, u)
	u.win.Canvas().Focus(u.home.search)
	test.Type(u.home.search, "y")
	pressShortcut(u, &fyne.ShortcutUndo{})
	if _, ok := u.ws.CanUndo(); !ok {
		t.Fatal("Ctrl+Z after typing in the search box undid the delete")
	}
}

func TestWelcomeScreenUndoesDeletingTheLastPlan(t *testing.T) {
	u, store := homeTestUI(t, "en")
	if err := store.SavePlans(demo.CompanyIn(1, 1, "en")); err != nil {
		t.Fatal(err)
	}
	u.home.reload()
	if u.home.welcomeUndo.Visible() {
		t.Fatal("welcome offers Undo with nothing to undo")
	}
	victim := u.home.rows[0].ID
	deleteFirstPlan(t, u)
	if u.home.stack.Objects[0] != u.home.welcome {
		t.Fatal("no welcome after deleting the last plan")
	}
	tapButton(t, u, "Undo")
	if _, err := u.ws.Store().Plan(victim); err != nil {
		t.Fatalf("the welcome's Undo did not restore the plan: %v", err)
	}
	if u.home.stack.Objects[0] != u.home.list || len(u.home.rows) != 1 {
		t.Fatalf("after undo: list shown %v, %d rows", u.home.stack.Objects[0] == u.home.list, len(u.home.rows))
	}
}

func TestCtrlNAndCtrlFWorkWhileTheSearchBoxHasFocus(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Open the sample company")
	u.win.Canvas().Focus(u.home.search)
	pressShortcut(u, ctrlKey(fyne.KeyN))
	w, ok := u.cur.(*wizardScreen)
	if !ok {
		t.Fatalf("Ctrl+N in the search box: screen %T, want the wizard", u.cur)
	}
	g := step[*goalStep](t, w)
	u.win.Canvas().Focus(g.name.input.(fyne.Focusable))
	test.Type(g.name.input.(fyne.Focusable), "Lan")
	pressShortcut(u, ctrlKey(fyne.KeyS))
	if !strings.Contains(w.message.Text, "Draft saved") {
		t.Fatalf("Ctrl+S in the person field: message %q", w.message.Text)
	}
	u.openHome()
	u.win.Canvas().Focus(u.home.dept)
	u.win.Canvas().Unfocus()
	pressShortcut(u, ctrlKey(fyne.KeyF))
	if u.win.Canvas().Focused() != u.home.search {
		t.Fatal("Ctrl+F does not focus the search box")
	}
}

func TestCtrlSWorksWhileAWizardFieldHasFocus(t *testing.T) {
	u, _ := testUI(t, "vi")
	w := openWizard(t, u)
	fillGoal(t, u, w)
	for _, o := range []fyne.Focusable{step[*goalStep](t, w).goalText, step[*goalStep](t, w).dept.input.(fyne.Focusable)} {
		w.message.SetText("")
		u.win.Canvas().Focus(o)
		pressShortcut(u, ctrlKey(fyne.KeyS))
		if w.message.Text != u.T("Draft saved.") {
			t.Fatalf("Ctrl+S in %T: message %q", o, w.message.Text)
		}
	}
}

func TestCtrlLeftStaysWithTheEntry(t *testing.T) {
	if isWindowShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierShortcutDefault}) {
		t.Fatal("Ctrl+Left (move by word) is taken for the window")
	}
	if !isWindowShortcut(ctrlKey(fyne.KeyS)) || isWindowShortcut(&fyne.ShortcutCopy{}) {
		t.Fatal("window shortcuts misread")
	}
}

func TestEnterConfirmsDialogs(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Open the sample company")
	victim := u.home.rows[0].ID
	u.home.table.UnselectAll()
	u.home.table.Select(widget.TableCellID{Row: 0, Col: 0})
	tapButton(t, u, "Delete")
	u.win.Canvas().Unfocus()
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, err := u.ws.Store().Plan(victim); err == nil {
		t.Fatal("Enter did not answer Yes to the delete question")
	}
	if len(u.win.Canvas().Overlays().List()) != 0 {
		t.Fatal("the question is still shown")
	}
	// Escape answers No, and the window's keys come back after each dialog.
	next := u.home.rows[0].ID
	u.home.table.UnselectAll()
	u.home.table.Select(widget.TableCellID{Row: 0, Col: 0})
	tapButton(t, u, "Delete")
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, err := u.ws.Store().Plan(next); err != nil {
		t.Fatal("Escape deleted the plan")
	}
	if u.win.Canvas().OnTypedKey() != nil {
		t.Error("the dialog's key handler outlived it")
	}
}

func TestEnterSubmitsTheCustomKPIForm(t *testing.T) {
	u, _ := testUI(t, "en")
	w := openWizard(t, u)
	fillGoal(t, u, w)
	test.Tap(w.next)
	s := step[*kpisStep](t, w)
	n := len(w.d.Plan.KPIs)
	s.onAddCustom()
	e, ok := u.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("focus on %T", u.win.Canvas().Focused())
	}
	test.Type(e, "Webinars held")
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(w.d.Plan.KPIs) != n+1 || w.d.Plan.KPIs[n].Name != "Webinars held" {
		t.Fatalf("Enter in the form: %d KPIs (had %d)", len(w.d.Plan.KPIs), n)
	}
}

func TestChartLabelsAreReadableAt100PercentScale(t *testing.T) {
	u, _ := testUI(t, "vi")
	o := u.chartOptions(chartMinSize, 1)
	// Tick labels are drawn at 0.9 of the base size: 12.5 × 0.9 = 11.25 px,
	// where the caption size gave 11 × 0.9 = 9.9 px.
	if tick := o.FontSize * 0.9; tick < 11 {
		t.Fatalf("tick labels at %.2f px at 100 %% scale, want at least 11", tick)
	}
}
