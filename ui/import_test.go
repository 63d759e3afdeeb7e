package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
)

// writeTemplate writes s's plan's actuals template to dir through the UI's handler.
func writeTemplateFile(t *testing.T, u *UI, s *planScreen, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "template.xlsx")
	u.writeTemplate(u.newTask("Export", "…"), saveTarget{path: path}, s.current(), false, false)
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("no template written: %v (status %q)", err, u.status.Text)
	}
	return path
}

// setCells writes values into the first sheet of the .xlsx file at path, like a user in Excel.
func setCells(t *testing.T, path string, cells map[string]any) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := f.GetSheetList()[0]
	for ref, v := range cells {
		if err := f.SetCellValue(name, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// problemTexts returns the problems the preview lists.
func problemTexts(v *importPreview) []string {
	if v == nil || v.problems.Text == "" {
		return nil
	}
	return strings.Split(v.problems.Text, "\n")
}

func TestImportActualsPreviewThenSave(t *testing.T) {
	u, store, s := planTestUI(t, "vi", planFixture())
	before := s.card.total.Text
	path := writeTemplateFile(t, u, s, t.TempDir())
	// The template (vi): title, note, header on row 3; k1 on row 4, k2 on 5,
	// k3's numerator and denominator on 6 and 7; column E is 2026-01, F 2026-02.
	setCells(t, path, map[string]any{"E4": 1000, "F4": "abc", "E5": 12, "E6": 3, "E7": 150})

	im := newPlanImporter(s)
	im.readWith(u.newTask("Import", "…"), path)
	v := im.preview
	if v == nil {
		t.Fatalf("no preview; status %q", u.status.Text)
	}
	probs := problemTexts(v)
	if len(probs) != 1 || !strings.Contains(probs[0], "dòng 4") || !strings.Contains(probs[0], "2026-02") || !strings.Contains(probs[0], "abc") || !strings.Contains(probs[0], "không phải là số") {
		t.Fatalf("problems %q, want one naming row 4, column 2026-02 and 'abc' in Vietnamese", probs)
	}
	if !v.importBtn.Disabled() {
		t.Error("Import is enabled although the file has a problem")
	}
	if p := storedPlan(t, store, s.id); len(p.KPI("k1").Actuals) != 0 {
		t.Fatalf("the preview saved actuals: %+v", p.KPI("k1").Actuals)
	}

	setCells(t, path, map[string]any{"F4": "1.234,5"}) // fixed the Vietnamese way
	test.Tap(buttonIn(t, v, u.T("Read the file again")))
	if im.preview != v {
		t.Fatal("reading again opened a second preview")
	}
	if probs := problemTexts(v); len(probs) != 0 || v.importBtn.Disabled() {
		t.Fatalf("after the fix: problems %q, Import disabled %v", probs, v.importBtn.Disabled())
	}
	// Rows: k1 January and February, k2 January, k3 January (3/150) = 4 changes.
	if len(v.cells) != 4 || v.cells[1][4] != "1.234,5" || v.cells[3][4] != "3/150" || v.cells[0][3] != "—" {
		t.Errorf("preview rows %q", v.cells)
	}
	test.Tap(v.importBtn)

	p := storedPlan(t, store, s.id)
	want := map[string][]app.Actual{
		"k1": {{Period: 0, Value: 1000}, {Period: 1, Value: 1234.5}},
		"k2": {{Period: 0, Value: 12}},
		"k3": {{Period: 0, Value: 3, Den: 150}},
	}
	for id, acts := range want {
		got := p.KPI(id).Actuals
		if len(got) != len(acts) {
			t.Errorf("%s stored %+v, want %+v", id, got, acts)
			continue
		}
		for i := range acts {
			if got[i] != acts[i] {
				t.Errorf("%s stored %+v, want %+v", id, got, acts)
			}
		}
	}
	if s.card.total.Text == before {
		t.Errorf("the scorecard total still shows %q after the import", before)
	}
	checkScorecard(t, s, p, s.choice.Pick(testToday()))
	if !strings.Contains(u.status.Text, "Ctrl+Z") {
		t.Errorf("status %q", u.status.Text)
	}
	u.onUndo()
	if p := storedPlan(t, store, s.id); len(p.KPI("k1").Actuals) != 0 {
		t.Errorf("undo left the imported actuals: %+v", p.KPI("k1").Actuals)
	}
	if s.card.total.Text != before {
		t.Errorf("after undo the total shows %q, want %q", s.card.total.Text, before)
	}
}

// buttonIn returns the preview's button labelled text.
func buttonIn(t *testing.T, v *importPreview, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(v.im.s.u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the preview", text)
	return nil
}

func TestImportKPIsAddsAndUpdates(t *testing.T) {
	u, store, s := planTestUI(t, "en", submittedFixture())
	path := filepath.Join(t.TempDir(), "kpis.csv")
	csv := "Mã KPI;Tên KPI;Mục tiêu;Trọng số\nk2;;80;\n;Returning customers;30;1\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	im := newPlanImporter(s)
	im.what.SetSelected(im.kpiOpt)
	im.readWith(u.newTask("Import", "…"), path)
	v := im.preview
	if v == nil || v.importBtn.Disabled() {
		t.Fatalf("preview %v; problems %q", v, problemTexts(v))
	}
	if len(v.cells) != 2 || v.cells[0][8] != "Updated" || v.cells[1][8] != "Added" || v.cells[0][6] != "80" {
		t.Errorf("preview rows %q", v.cells)
	}
	test.Tap(v.importBtn)
	p := storedPlan(t, store, s.id)
	if len(p.KPIs) != 5 || p.KPI("k2").Target != 80 || p.KPIs[4].Name != "Returning customers" {
		t.Errorf("stored KPIs %+v", p.KPIs)
	}
	if len(s.kpis.rows) != 5 {
		t.Errorf("the KPI table shows %d rows after the import, want 5", len(s.kpis.rows))
	}
}

func TestImportCancelledSavesNothing(t *testing.T) {
	u, store, s := planTestUI(t, "vi", planFixture())
	path := writeTemplateFile(t, u, s, t.TempDir())
	setCells(t, path, map[string]any{"E4": 1000})
	im := newPlanImporter(s)
	task := u.newTask("Import", "…")
	test.Tap(task.stop)
	im.readWith(task, path)
	if im.preview != nil {
		t.Error("a cancelled import shows a preview")
	}
	if p := storedPlan(t, store, s.id); len(p.KPI("k1").Actuals) != 0 {
		t.Errorf("cancelled import saved %+v", p.KPI("k1").Actuals)
	}
	if want := u.T("Import cancelled: nothing was saved."); u.status.Text != want {
		t.Errorf("status %q, want %q", u.status.Text, want)
	}
}

func TestImportRefusedWithUnsavedKPITable(t *testing.T) {
	u, _, s := planTestUI(t, "en", planFixture())
	s.setDirty(true)
	openPlanImport(s)
	if !strings.Contains(overlayText(u), "Save or undo the KPI table's changes first") {
		t.Errorf("no warning about the unsaved KPI table: %q", overlayText(u))
	}
}

// overlayText joins the labels of the window's top overlay.
func overlayText(u *UI) string {
	var b strings.Builder
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}
