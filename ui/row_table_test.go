package ui

import (
	"image/color"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/workspace"
)

// highlighted returns the texts of the table's shown cells drawn on the
// selection colour, sorted, and fails if any other rectangle in the table
// (the table's own one-cell marker) has that colour.
func highlighted(t *testing.T, tb *rowTable) []string {
	t.Helper()
	sel := tb.selectionColor()
	backgrounds := map[*canvas.Rectangle]bool{}
	var texts []string
	objs := shownObjects(tb)
	for _, o := range objs {
		c, ok := o.(*fyne.Container)
		if !ok || !c.Visible() {
			continue
		}
		if _, ok := c.Layout.(rowCellLayout); !ok {
			continue
		}
		bg := c.Objects[0].(*canvas.Rectangle)
		backgrounds[bg] = true
		if sameColor(bg.FillColor, sel) {
			texts = append(texts, c.Objects[1].(*widget.Label).Text)
		}
	}
	for _, o := range objs {
		if r, ok := o.(*canvas.Rectangle); ok && r.Visible() && !backgrounds[r] && sameColor(r.FillColor, sel) &&
			r.Size().Width > 0 {
			t.Errorf("a one-cell selection marker is shown at %v", r.Position())
		}
	}
	sort.Strings(texts)
	return texts
}

// shownObjects walks o's rendered tree as it is, without laying it out
// again (test.LaidOutObjects lays the table out anew and misses its
// scrolled cells), skipping hidden objects.
func shownObjects(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	objs := []fyne.CanvasObject{o}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		objs = append(objs, shownObjects(c)...)
	}
	return objs
}

// tapShown taps the first shown, enabled button labelled text on the window
// or its overlays, walking the rendered tree as it is (tapButton's
// test.LaidOutObjects makes new renderers, which cuts a table off its cells).
func tapShown(t *testing.T, u *UI, text string) {
	t.Helper()
	c := u.win.Canvas()
	objs := shownObjects(c.Content())
	for _, o := range c.Overlays().List() {
		objs = append(shownObjects(o), objs...)
	}
	for _, o := range objs {
		if b, ok := o.(*widget.Button); ok && b.Text == text && !b.Disabled() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q shown", text)
}

func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// rowTexts are the texts of row's cells among the shown ones, sorted.
func rowTexts(h *homeScreen, row int, shown int) []string {
	var texts []string
	for _, col := range homeColumns[:shown] {
		texts = append(texts, h.cellText(h.rows[row], col))
	}
	sort.Strings(texts)
	return texts
}

func checkHighlight(t *testing.T, h *homeScreen, what string, row int) {
	t.Helper()
	got := highlighted(t, h.table)
	if row < 0 {
		if len(got) != 0 || h.selected != 0 || h.table.selectedRow() != -1 {
			t.Errorf("%s: no row should be selected, highlighted %q (plan %d, row %d)", what, got, h.selected,
				h.table.selectedRow())
		}
		return
	}
	if len(got) < 3 {
		t.Fatalf("%s: only %d cells of row %d are highlighted: %q", what, len(got), row, got)
	}
	if want := rowTexts(h, row, len(got)); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%s: highlighted %q, want row %d's cells %q", what, got, row, want)
	}
}

// Regression: selecting a plan highlighted one cell, and the highlight
// stayed on that cell (another plan's) after the list was re-sorted.
func TestHomeSelectionIsTheWholeRowAndFollowsThePlanWhenSorted(t *testing.T) {
	u, _ := companyUI(t, "en", 60)
	h := u.home
	u.win.Resize(fyne.NewSize(1366, 768))
	h.table.Select(widget.TableCellID{Row: 3, Col: 1})
	plan := h.rows[3].ID
	checkHighlight(t, h, "after a tap on row 3", 3)

	h.onSort(workspace.ByTotal)
	row := -1
	for i, r := range h.rows {
		if r.ID == plan {
			row = i
		}
	}
	if h.selected != plan || row == 3 || h.table.selectedRow() != row {
		t.Fatalf("after sorting: plan %d selected at row %d, want plan %d at row %d (not 3)", h.selected,
			h.table.selectedRow(), plan, row)
	}
	h.table.ScrollToTop()
	h.table.selectRow(row) // in sight
	checkHighlight(t, h, "after sorting", row)
}

// Regression: a highlight stayed on the list when the selected plan was
// filtered out: it now clears, and so do the plan actions.
func TestHomeSelectionClearsWhenThePlanIsFilteredOut(t *testing.T) {
	u, _ := companyUI(t, "en", 60)
	h := u.home
	h.table.Select(widget.TableCellID{Row: 2, Col: 0})
	test.Type(h.search, "no such person anywhere")
	checkHighlight(t, h, "filtered out", -1)
	if !h.actions[0].Disabled() {
		t.Error("Open stays enabled with no plan listed")
	}
	h.onClearFilters()
	checkHighlight(t, h, "filter cleared", -1)
}

// Regression: after a plan was deleted, its row's highlight stayed on the
// plan that took its place.
func TestHomeDeleteLeavesNoStaleHighlight(t *testing.T) {
	u, _ := companyUI(t, "en", 60)
	h := u.home
	h.table.Select(widget.TableCellID{Row: 0, Col: 0})
	tapShown(t, u, "Delete")
	tapShown(t, u, "Yes")
	checkHighlight(t, h, "after delete", -1)
}

// TestHomeUpDownMoveTheSelectedRow: Up and Down move the row selection
// (and the plan the actions work on); Enter opens it.
func TestHomeUpDownMoveTheSelectedRow(t *testing.T) {
	u, _ := companyUI(t, "en", 60)
	h := u.home
	h.table.Select(widget.TableCellID{Row: 3, Col: 0})
	u.win.Canvas().Focus(h.table)
	key := func(k fyne.KeyName) { u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyDown)
	if h.selected != h.rows[4].ID {
		t.Fatalf("Down: plan %d selected, want row 4's %d", h.selected, h.rows[4].ID)
	}
	checkHighlight(t, h, "Down", 4)
	key(fyne.KeyUp)
	key(fyne.KeyUp)
	if h.selected != h.rows[2].ID {
		t.Fatalf("Up twice: plan %d selected, want row 2's %d", h.selected, h.rows[2].ID)
	}
	checkHighlight(t, h, "Up twice", 2)
	want := h.rows[2].ID
	key(fyne.KeyReturn)
	if s, ok := u.cur.(*planScreen); u.cur == screen(h) || ok && s.id != want {
		t.Fatalf("Enter shows %T, want plan %d opened", u.cur, want)
	}
}

// Regression: the dashboards' member tables kept a selected cell when their
// rows were replaced by another department's.
func TestLongTableSelectionIsARowAndClearsOnNewRows(t *testing.T) {
	test.NewTempApp(t)
	lt := newLongTable("Members", "none", []column{{title: "Name", width: 150}, {title: "Total", width: 80}}, 300)
	w := test.NewWindow(lt.view())
	defer w.Close()
	w.Resize(fyne.NewSize(400, 400))
	lt.set([][]cell{{{text: "An"}, {text: "90"}}, {{text: "Bình"}, {text: "80"}}})
	lt.table.Select(widget.TableCellID{Row: 1, Col: 0})
	if got := highlighted(t, lt.table); strings.Join(got, "|") != "80|Bình" {
		t.Fatalf("highlighted %q, want Bình's row", got)
	}
	lt.set([][]cell{{{text: "Chi"}, {text: "70"}}, {{text: "Dũng"}, {text: "60"}}})
	if got := highlighted(t, lt.table); len(got) != 0 {
		t.Fatalf("after new rows highlighted %q", got)
	}
}
