package ui

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/storage/xlsx"
)

// chooseExport fills nothing in, taps the form's "Choose a file…" button
// and returns what the form passed on (the file dialog is not driven).
func chooseExport(t *testing.T, u *UI, f *exportForm) exportChoice {
	t.Helper()
	var got *exportChoice
	f.onGo = func(c exportChoice) { got = &c }
	tapButton(t, u, u.T("Choose a file…"))
	if got == nil {
		t.Fatalf("the form did not go on: %q", f.problem.Text)
	}
	return *got
}

// rawCell returns the value an .xlsx file stores in a cell, unformatted.
func rawCell(t *testing.T, f *excelize.File, sheetName, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheetName, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// dirEntries lists dir's file names.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestPlanExportWritesScorecardWithTotal(t *testing.T) {
	p := planWithActuals()
	u, _, s := planTestUI(t, "vi", p)
	if !s.exporter.Visible() || !s.importer.Visible() {
		t.Fatal("the plan screen hides Export… or Import… although the feature is there")
	}
	e := newPlanExporter(s)
	e.form.show()
	if got, want := e.form.period.Selected, u.T("Official"); got != want {
		t.Errorf("the export scores up to %q, want the plan screen's window %q", got, want)
	}
	test.Type(e.form.password, "bí mật")
	test.Type(e.form.repeat, "bí mât")
	tapButton(t, u, u.T("Choose a file…"))
	if !e.form.problem.Visible() || !strings.Contains(e.form.problem.Text, "không khớp") {
		t.Errorf("different passwords: problem %q (visible %v)", e.form.problem.Text, e.form.problem.Visible())
	}
	e.form.repeat.SetText("bí mật")
	c := chooseExport(t, u, e.form)
	if c.csv || c.window.Kind != score.ChooseOfficial || c.password != "bí mật" {
		t.Fatalf("choice %+v, want xlsx over the official window with the password", c)
	}

	dir := t.TempDir()
	placeholder := filepath.Join(dir, "Marketing") // the save dialog's empty file, typed without extension
	if err := os.WriteFile(placeholder, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	e.exportTo(saveTarget{path: withExt(placeholder, c.ext()), placeholder: storage.NewFileURI(placeholder)}, c)
	path := placeholder + ".xlsx"
	if names := dirEntries(t, dir); len(names) != 1 || names[0] != "Marketing.xlsx" {
		t.Fatalf("folder holds %v, want only Marketing.xlsx", names)
	}
	if !strings.Contains(u.status.Text, path) {
		t.Errorf("status %q does not say where the file went", u.status.Text)
	}
	if _, err := excelize.OpenFile(path); err == nil {
		t.Error("the workbook opens without its password")
	}
	f, err := excelize.OpenFile(path, excelize.Options{Password: "bí mật"})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, lay := sheet.Scorecard(p, score.PickAt(2), u.tr.T)
	ref := sheet.Ref(sheet.ColScore, lay.TotalRow)
	want := score.Plan(p, 2) // the engine's official total over January–March, the latest period with actuals
	got, err := strconv.ParseFloat(rawCell(t, f, lay.Sheet, ref), 64)
	if err != nil || math.Abs(got-want.Official) > 1e-9 || s.card.total.Text != u.totalText(want.Official, want.Window) {
		t.Errorf("total cell %s = %v (%v), want the engine's %v as the screen shows it (%q)", ref, got, err, want.Official, s.card.total.Text)
	}
	if formula, _ := f.GetCellFormula(lay.Sheet, ref); formula == "" {
		t.Errorf("total cell %s is not a live formula", ref)
	}
}

func TestPlanExportCSVReadsBack(t *testing.T) {
	p := planWithActuals()
	u, _, s := planTestUI(t, "en", p)
	e := newPlanExporter(s)
	e.form.show()
	e.form.format.SetSelected(e.form.csvOpt)
	if !e.form.password.Disabled() {
		t.Error("the password stays enabled for CSV")
	}
	e.form.period.SetSelectedIndex(1) // Whole cycle
	c := chooseExport(t, u, e.form)
	path := filepath.Join(t.TempDir(), "card.csv")
	e.exportTo(saveTarget{path: path}, c)
	g, err := xlsx.ReadGrid(path)
	if err != nil {
		t.Fatal(err)
	}
	// encoding/csv skips blank lines, so find the total by its label.
	var cell sheet.GridCell
	for _, row := range g {
		if len(row) > sheet.ColScore && row[1].Text == "Total score" {
			cell = row[sheet.ColScore]
		}
	}
	got, err := strconv.ParseFloat(cell.Text, 64)
	if want := score.Plan(p, -1).Official; err != nil || math.Abs(got-want) > 1e-9 {
		t.Errorf("CSV total %q, want %v", cell.Text, want)
	}
}

func TestExportCancelledLeavesNoFile(t *testing.T) {
	u, _, s := planTestUI(t, "vi", planWithActuals())
	for _, name := range []string{"card.xlsx", "card.csv"} {
		dir := t.TempDir()
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, nil, 0o644); err != nil { // what the save dialog leaves
			t.Fatal(err)
		}
		e := newPlanExporter(s)
		task := u.newTask("Export", "…")
		test.Tap(task.stop) // Cancel before the work starts
		e.exportWith(task, saveTarget{path: path, placeholder: storage.NewFileURI(path)}, exportChoice{csv: xlsx.IsCSV(name), window: score.Choice{Kind: score.ChooseWhole}})
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Errorf("%s: cancelled export left %v", name, names)
		}
		if want := u.T("Export cancelled: no file was written."); u.status.Text != want {
			t.Errorf("%s: status %q, want %q", name, u.status.Text, want)
		}
	}
}

// companyUI opens the home screen over a sample company of n people and a draft.
func companyUI(t *testing.T, lang string, n int) (*UI, []*app.Plan) {
	t.Helper()
	u, store := homeTestUI(t, lang)
	plans := demo.CompanyIn(n, 1, lang)
	draft := planFixture()
	draft.Status = app.Draft
	if err := store.SavePlans(append(plans, draft)); err != nil {
		t.Fatal(err)
	}
	u.home.reload()
	return u, plans
}

func TestCompanyExportCancelledByProgress(t *testing.T) {
	u, plans := companyUI(t, "vi", 60)
	e := newCompanyExporter(u.home)
	e.load(u.newTask("Export", "…"))
	if e.form == nil || len(e.plans) != len(plans) {
		t.Fatalf("loaded %d plans, want the %d that are not drafts", len(e.plans), len(plans))
	}
	for _, name := range []string{"bonus.xlsx", "bonus.csv"} {
		dir := t.TempDir()
		task := u.newTask("Export", "…")
		reports := 0
		task.reported = func(done, total int) {
			reports++
			task.cancel() // what Cancel does to the work, from the writer's goroutine
		}
		e.exportWith(task, saveTarget{path: filepath.Join(dir, name)}, exportChoice{csv: xlsx.IsCSV(name), window: score.Choice{Kind: score.ChooseWhole}}, e.plans)
		if reports == 0 {
			t.Fatalf("%s: no progress was reported", name)
		}
		if names := dirEntries(t, dir); len(names) != 0 {
			t.Errorf("%s: export cancelled during progress left %v", name, names)
		}
	}
}

func TestCompanyExportFromHome(t *testing.T) {
	u, _ := companyUI(t, "en", 12)
	h := u.home
	tapButton(t, u, "Export company…") // the hook's button is on the home screen
	if len(u.win.Canvas().Overlays().List()) == 0 {
		t.Fatal("Export company… opened no dialog")
	}
	dept := h.dept.Options[0]
	h.dept.SetSelected(dept)
	e := newCompanyExporter(h)
	e.load(u.newTask("Export", "…"))
	if e.only == nil || !e.only.Checked {
		t.Fatal("with a department filter on, the dialog does not offer the shown plans only")
	}
	chosen := e.chosen()
	if len(chosen) == 0 || len(chosen) >= len(e.plans) {
		t.Fatalf("%d plans chosen of %d", len(chosen), len(e.plans))
	}
	for _, p := range chosen {
		if p.Person.Department != dept {
			t.Errorf("%s of %s exported with the %s filter on", p.Name, p.Person.Department, dept)
		}
	}
	c := chooseExport(t, u, e.form)
	path := filepath.Join(t.TempDir(), "bonus.xlsx")
	e.exportTo(saveTarget{path: path}, c)
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, lay := sheet.Company(chosen, score.PickAt(-1), u.tr.T)
	if got := rawCell(t, f, lay.Bonus, sheet.Ref(sheet.CoPerson, 1)); got != chosen[0].Person.Name {
		t.Errorf("first person on the bonus sheet %q, want %q", got, chosen[0].Person.Name)
	}
	if got := rawCell(t, f, lay.Bonus, sheet.Ref(sheet.CoPerson, len(chosen)+1)); got != u.T("Total bonus") {
		t.Errorf("row after the %d people holds %q, want the total", len(chosen), got)
	}
}
