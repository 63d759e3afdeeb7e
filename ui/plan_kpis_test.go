package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// kpiRowOf returns the KPI table's row of KPI id.
func kpiRowOf(t *testing.T, s *planScreen, id string) *kpiRow {
	t.Helper()
	for _, r := range s.kpis.rows {
		if r.id == id {
			return r
		}
	}
	t.Fatalf("no row for KPI %s", id)
	return nil
}

func TestPlanKPITableValidation(t *testing.T) {
	u, store, s := planTestUI(t, "vi", submittedFixture())
	r := kpiRowOf(t, s, "k1")
	r.entries["target"].SetText("0") // higher-is-better without baseline: target must be > 0
	if r.problems["target"] == "" {
		t.Fatal("target 0 is not marked on its field")
	}
	if !s.kpis.problems.Visible() || !strings.Contains(s.kpis.problems.Text, u.tr.FieldName("target")) ||
		!strings.Contains(s.kpis.problems.Text, "Doanh thu mới") {
		t.Errorf("problem list %q should name the KPI and the field in Vietnamese", s.kpis.problems.Text)
	}
	r.entries["weight"].SetText("abc")
	if r.problems["weight"] == "" {
		t.Error("an unreadable weight is not marked")
	}
	s.save()
	if got := storedPlan(t, store, s.id).KPI("k1").Target; got != 6000 {
		t.Fatalf("an invalid plan was saved: target %g", got)
	}
	r.entries["target"].SetText("7.500")
	r.entries["weight"].SetText("3")
	if len(r.problems) != 0 || s.kpis.problems.Visible() {
		t.Fatalf("fixed fields still marked: %v / %q", r.problems, s.kpis.problems.Text)
	}
	if !s.dirty {
		t.Error("edits did not mark the plan unsaved")
	}
	s.save()
	k := storedPlan(t, store, s.id).KPI("k1")
	if k.Target != 7500 || k.Weight != 3 || s.dirty {
		t.Errorf("saved target %g weight %g dirty %v, want 7500, 3, false", k.Target, k.Weight, s.dirty)
	}
}

func TestPlanKPITableKeepsActualsOnSave(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	kpiRowOf(t, s, "k2").entries["name"].SetText("New customers")
	typeCell(u, s.grid.cells[1][0], "9", fyne.KeyReturn) // an actual typed while the edit is unsaved
	s.save()
	k := storedPlan(t, store, s.id).KPI("k2")
	if k.Name != "New customers" {
		t.Errorf("name %q not saved", k.Name)
	}
	if a, ok := k.ActualAt(0); !ok || a.Value != 9 {
		t.Errorf("saving the KPI table lost the actual: %+v", k.Actuals)
	}
}

func TestPlanAddAndRemoveKPI(t *testing.T) {
	u, store, s := planTestUI(t, "en", submittedFixture())
	test.Tap(s.kpis.addBtn)
	r := s.kpis.rows[len(s.kpis.rows)-1]
	if r.problems["name"] == "" {
		t.Error("a new KPI without a name is not marked")
	}
	r.entries["name"].SetText("Webinars held")
	r.entries["target"].SetText("6")
	s.save()
	p := storedPlan(t, store, s.id)
	if len(p.KPIs) != 5 || p.KPI(r.id).Name != "Webinars held" {
		t.Fatalf("saved KPIs %+v", p.KPIs)
	}
	if len(s.grid.cells) != 5 {
		t.Errorf("grid has %d rows after adding a KPI", len(s.grid.cells))
	}
	s.removeKPI("k2", "Khách hàng mới")
	if p := storedPlan(t, store, s.id); p.KPI("k2") != nil || len(s.kpis.rows) != 4 || len(s.grid.cells) != 4 {
		t.Fatalf("k2 not removed: %d KPIs stored, %d rows", len(p.KPIs), len(s.kpis.rows))
	}
	u.onUndo()
	if p := storedPlan(t, store, s.id); p.KPI("k2") == nil || len(s.kpis.rows) != 5 {
		t.Errorf("undo did not bring k2 back")
	}
}

func TestPlanShortcutsReachTheWindowFromEntries(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	name := kpiRowOf(t, s, "k4").entries["name"]
	u.win.Canvas().Focus(name)
	name.SetText("Complaints")
	name.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if got := storedPlan(t, store, s.id).KPI("k4").Name; got != "Complaints" {
		t.Fatalf("Ctrl+S in a KPI field saved name %q", got)
	}
	c := s.grid.cells[3][0]
	typeCell(u, c, "3", fyne.KeyTab)
	u.win.Canvas().Focus(c)
	c.TypedShortcut(&fyne.ShortcutUndo{}) // nothing typed in the cell: undo the last saved change
	if _, ok := storedPlan(t, store, s.id).KPI("k4").ActualAt(0); ok {
		t.Error("Ctrl+Z in a cell did not undo the saved actual")
	}
}
