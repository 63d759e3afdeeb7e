package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/storage"
)

// importFixture is the path of a workbook of testdata/import.
func importFixture(name string) string { return filepath.Join("..", "testdata", "import", name) }

// wizardToPreview opens the wizard on path and presses Next through every
// step, accepting the suggestions.
func wizardToPreview(t *testing.T, u *UI, path string) *sheetWizard {
	t.Helper()
	w := newSheetWizard(u)
	w.d.Show()
	w.setFile(path)
	for step := stepFile; step < stepPreview; step++ {
		if w.step != step || w.next.Disabled() {
			t.Fatalf("at step %d (want %d), Next disabled %v; status %q", w.step, step, w.next.Disabled(), u.status.Text)
		}
		test.Tap(w.next)
	}
	if w.step != stepPreview || w.pv == nil {
		t.Fatalf("no preview (step %d)", w.step)
	}
	return w
}

// plansByPerson returns the stored plans by their person's employee code.
func plansByPerson(t *testing.T, store *storage.DB) map[string]*app.Plan {
	t.Helper()
	people, err := store.People()
	if err != nil {
		t.Fatal(err)
	}
	code := map[app.UID]string{}
	for _, e := range people {
		code[e.UID] = e.Code
	}
	plans, err := store.Plans()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*app.Plan{}
	for _, p := range plans {
		out[code[p.PersonUID]] = p
	}
	return out
}

// kpiNamed returns p's KPI named name.
func kpiNamed(t *testing.T, p *app.Plan, name string) *app.KPI {
	t.Helper()
	for i := range p.KPIs {
		if p.KPIs[i].Name == name {
			return &p.KPIs[i]
		}
	}
	t.Fatalf("plan %q has no KPI %q", p.Name, name)
	return nil
}

// TestWizardImportsWideMonthThenRefusesTheSameFile: wide-month.xlsx with
// the suggestions accepted previews 2 new plans of 2 new people (NV001 with
// 2 KPIs, NV002 with 1), saves nothing before Import, imports them in one
// step, and a second import of the same file is refused naming why.
func TestWizardImportsWideMonthThenRefusesTheSameFile(t *testing.T) {
	u, store := testUI(t, "en")
	w := wizardToPreview(t, u, importFixture("wide-month.xlsx"))
	if w.header.Row != 3 {
		t.Errorf("header row %d, want 4 (0-based 3)", w.header.Row+1)
	}
	if got, want := w.counts.Text, "2 new plans, 0 changed, 0 unchanged, 0 refused; 2 new people"; got != want {
		t.Fatalf("counts %q, want %q", got, want)
	}
	if ps, _ := store.Plans(); len(ps) != 0 {
		t.Fatalf("the preview saved %d plans", len(ps))
	}
	joined := strings.Join(w.lines, "\n")
	if !strings.Contains(joined, "New plan Nguyễn Văn An — 2026 for NV001 Nguyễn Văn An (a new person): 2 KPIs") || strings.Contains(joined, "→") {
		t.Errorf("preview lines:\n%s", joined)
	}
	test.Tap(w.next) // Import
	ps := plansByPerson(t, store)
	if len(ps) != 2 {
		t.Fatalf("%d plans stored, want 2", len(ps))
	}
	k := kpiNamed(t, ps["NV001"], "Doanh số")
	// the sheet: target 1200, weight 2, January to March 90, 100, 110
	if k.Target != 1200 || k.Weight != 2 || actualOf(k, 0) != 90 || actualOf(k, 2) != 110 {
		t.Errorf("Doanh số: target %g weight %g actuals %g, %g", k.Target, k.Weight, actualOf(k, 0), actualOf(k, 2))
	}
	if n := len(kpiNamed(t, ps["NV002"], "Doanh số").Actuals); n != 3 {
		t.Errorf("NV002 has %d actuals, want 3", n)
	}
	checkRefusedReimport(t, u)
}

// checkRefusedReimport checks that importing wide-month.xlsx again is
// refused: both plans unchanged, the app's error in the preview, Import disabled.
func checkRefusedReimport(t *testing.T, u *UI) {
	t.Helper()
	again := wizardToPreview(t, u, importFixture("wide-month.xlsx"))
	if again.checked == nil || !strings.Contains(again.problem.Text, "would change nothing") || !again.next.Disabled() {
		t.Errorf("re-import: problem %q, Import disabled %v", again.problem.Text, again.next.Disabled())
	}
	if got := again.counts.Text; got != "0 new plans, 0 changed, 2 unchanged, 0 refused; 0 new people" {
		t.Errorf("re-import counts %q", got)
	}
}

// TestWizardColumnChangeChangesThePreview: mapping the March column to
// nothing leaves it out of the preview (listed as not read) and out of the
// plans imported.
func TestWizardColumnChangeChangesThePreview(t *testing.T) {
	u, store := testUI(t, "en")
	w := wizardToPreview(t, u, importFixture("wide-month.xlsx"))
	if strings.Contains(strings.Join(w.lines, "\n"), "Columns not read") {
		t.Fatalf("with the suggestions every column is read: %q", w.lines)
	}
	test.Tap(w.back)
	test.Tap(w.back) // the columns step
	if w.step != stepColumns || len(w.fields) != 9 {
		t.Fatalf("step %d with %d column rows, want the columns step with 9 (A to I)", w.step, len(w.fields))
	}
	if w.fields[5].Selected != "Target of the cycle" || w.fields[8].Selected != "Actual" {
		t.Errorf("suggested F %q, I %q", w.fields[5].Selected, w.fields[8].Selected)
	}
	w.fields[8].SetSelected("(not imported)") // I: Tháng 3
	test.Tap(w.next)
	test.Tap(w.next)
	if joined := strings.Join(w.lines, "\n"); !strings.Contains(joined, "Columns not read: I (Tháng 3)") {
		t.Fatalf("preview after the change:\n%s", joined)
	}
	test.Tap(w.next)
	k := kpiNamed(t, plansByPerson(t, store)["NV001"], "Doanh số")
	if len(k.Actuals) != 2 {
		t.Errorf("%d actuals imported, want January and February only", len(k.Actuals))
	}
}

// TestWizardKPIsDown: kpis-down.xlsx is suggested KPIs down and previews
// one new plan per block (NV010, NV011, NV012), each with 2 KPIs.
func TestWizardKPIsDown(t *testing.T) {
	u, store := testUI(t, "vi")
	w := wizardToPreview(t, u, importFixture("kpis-down.xlsx"))
	if w.chosenLayout() != "kpis_down" {
		t.Errorf("layout %q, want KPIs down", w.chosenLayout())
	}
	if got, want := w.counts.Text, "3 kế hoạch mới, 0 thay đổi, 0 không đổi, 0 bị từ chối; 3 người mới"; got != want {
		t.Fatalf("counts %q, want %q", got, want)
	}
	test.Tap(w.next)
	ps := plansByPerson(t, store)
	// NV011's contracts: 1, 2, 3 in January to March; NV012 has no February
	if k := kpiNamed(t, ps["NV011"], "Số hợp đồng"); actualOf(k, 0) != 1 || actualOf(k, 2) != 3 {
		t.Errorf("NV011 contracts %+v", k.Actuals)
	}
	if n := len(kpiNamed(t, ps["NV012"], "Số hợp đồng").Actuals); n != 2 {
		t.Errorf("NV012 has %d actuals, want 2", n)
	}
}

// TestWizardSavedMappingMapsNextMonthInOneClick: the mapping saved after
// importing wide-month.xlsx, chosen for March's CSV (header on row 1, not
// 4), goes straight to a preview of one changed plan, March 110 to 120.
func TestWizardSavedMappingMapsNextMonthInOneClick(t *testing.T) {
	u, store := testUI(t, "en")
	w := wizardToPreview(t, u, importFixture("wide-month.xlsx"))
	w.saveMapping("Bảng KPI")
	test.Tap(w.next)
	march := filepath.Join(t.TempDir(), "march.csv")
	csv := "Mã NV,Họ tên,Tên KPI,ĐVT,Trọng số,Kế hoạch năm,Tháng 1,Tháng 2,Tháng 3\nNV001,Nguyễn Văn An,Doanh số,triệu đồng,2,1200,90,100,120\n"
	if err := os.WriteFile(march, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	next := newSheetWizard(u)
	next.d.Show()
	next.loadSavedNames()
	if len(next.saved.Options) != 1 || next.saved.Options[0] != "Bảng KPI" {
		t.Fatalf("saved mappings %q", next.saved.Options)
	}
	next.saved.SetSelected("Bảng KPI")
	next.setFile(march)
	test.Tap(next.next) // one click: straight to the preview
	if next.step != stepPreview {
		t.Fatalf("at step %d, want the preview", next.step)
	}
	if got := next.counts.Text; got != "0 new plans, 1 changed, 0 unchanged, 0 refused; 0 new people" {
		t.Fatalf("counts %q", got)
	}
	if joined := strings.Join(next.lines, "\n"); !strings.Contains(joined, "was 110, now 120") {
		t.Errorf("preview lines:\n%s", joined)
	}
	test.Tap(next.next)
	if v := actualOf(kpiNamed(t, plansByPerson(t, store)["NV001"], "Doanh số"), 2); v != 120 {
		t.Errorf("March %g, want 120", v)
	}
}

// TestWizardMarksHiddenSheets: hidden-first.xlsx lists its hidden Config
// sheet as hidden and chooses the first visible one; Enter is Next, Back
// goes back and Escape closes the wizard.
func TestWizardMarksHiddenSheets(t *testing.T) {
	u, _ := testUI(t, "vi")
	w := newSheetWizard(u)
	w.d.Show()
	w.setFile(importFixture("hidden-first.xlsx"))
	key := u.win.Canvas().OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter is Next
	if w.step != stepSheet {
		t.Fatalf("step %d", w.step)
	}
	if got := w.sheetPick.Options; len(got) != 2 || got[0] != "Config (ẩn)" || got[1] != "Số liệu" {
		t.Errorf("sheets %q, want Config marked hidden, then Số liệu", got)
	}
	if w.sheetPick.Selected != "Số liệu" {
		t.Errorf("chosen %q, want the first visible sheet", w.sheetPick.Selected)
	}
	test.Tap(w.back)
	if w.step != stepFile {
		t.Errorf("Back went to step %d", w.step)
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape}) // Escape is Cancel
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("Escape left the wizard open")
	}
}

// actualOf returns k's actual of the 0-based period i, 0 when none.
func actualOf(k *app.KPI, i int) float64 {
	a, _ := k.ActualAt(i)
	return a.Value
}

// TestWizardFits1024x600: every step of the wizard, with wide-month.xlsx's
// nine columns, needs no more than 1024×600 in either language, and the
// plans list with its Import… button still fits.
func TestWizardFits1024x600(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		u, _ := testUI(t, lang)
		u.win.Resize(smallWindow)
		w := wizardToPreview(t, u, importFixture("wide-month.xlsx"))
		for step := stepFile; step < stepCount; step++ {
			w.show(step)
			w.fit()
			if m := w.d.MinSize(); m.Width > smallWindow.Width || m.Height > smallWindow.Height {
				t.Errorf("%s step %d: the dialog needs %.0f×%.0f", lang, step+1, m.Width, m.Height)
			}
		}
		u.openHome()
		checkFits(t, u, lang+" plans list")
	}
}

// TestWizardPercentNote: percent.xlsx's percent-formatted cells are read
// as percent, and the preview says so (in Vietnamese); the imported first
// call resolution of January is 70.75, not 0.7075.
func TestWizardPercentNote(t *testing.T) {
	u, store := testUI(t, "vi")
	w := wizardToPreview(t, u, importFixture("percent.xlsx"))
	joined := strings.Join(w.lines, "\n")
	if !strings.Contains(joined, "Lưu ý: First call resolution: 3 ") {
		t.Errorf("no percent note in the preview:\n%s", joined)
	}
	test.Tap(w.next)
	if v := actualOf(kpiNamed(t, plansByPerson(t, store)["E300"], "First call resolution"), 0); v != 70.75 {
		t.Errorf("January %g, want 70.75", v)
	}
}

// TestWizardOpensFromThePlansList: Import… on the first-run welcome and on
// the plans list opens the wizard at its first step.
func TestWizardOpensFromThePlansList(t *testing.T) {
	u, _ := homeTestUI(t, "en")
	tapButton(t, u, "Import…")
	if !overlayShows(u, "Step 1 of 6: the file") {
		t.Fatal("the welcome's Import… did not open the wizard")
	}
	tapButton(t, u, "Cancel")
	u, _ = companyUI(t, "en", 3)
	u.openHome()
	tapButton(t, u, "Import…")
	if !overlayShows(u, "Step 1 of 6: the file") {
		t.Fatal("the plans list's Import… did not open the wizard")
	}
}

// overlayShows reports whether the top overlay shows a label of text.
func overlayShows(u *UI, text string) bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

// TestWizardHeaderRowOverride: clicking another row of the sheet makes it
// the header and suggests its columns again; clicking row 4 brings the
// detected header and its suggestions back.
func TestWizardHeaderRowOverride(t *testing.T) {
	u, _ := testUI(t, "en")
	w := wizardToPreview(t, u, importFixture("wide-month.xlsx"))
	w.show(stepHeader)
	w.rows.Select(widget.TableCellID{Row: 4, Col: 1}) // row 5: NV001's first KPI, not a header
	if w.header.Row != 4 || w.headerNote.Text != "The header is row 5. If another row holds the column names, click it." {
		t.Fatalf("header row %d, note %q", w.header.Row+1, w.headerNote.Text)
	}
	if w.fields[0].Selected == "Employee code" {
		t.Error("a data row's cell NV001 suggested Employee code")
	}
	w.rows.Select(widget.TableCellID{Row: 3, Col: 0})
	if w.header.Row != 3 || w.fields[0].Selected != "Employee code" || w.fields[1].Selected != "Person name" {
		t.Errorf("back on row 4: header row %d, A %q, B %q", w.header.Row+1, w.fields[0].Selected, w.fields[1].Selected)
	}
}
