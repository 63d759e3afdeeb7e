package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportScorecardAndCompany(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	out := filepath.Join(dir, "plan.xlsx")
	if code, _, errs := kpi(t, "export", "1", "--db", db, "--out", out, "--lang", "vi"); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The cached total on the sheet is the engine's 86.25 (docs/scoring.md §5).
	found := false
	rows, _ := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	for _, r := range rows {
		for _, c := range r {
			if v, err := strconv.ParseFloat(c, 64); err == nil && math.Abs(v-86.25) < 1e-9 {
				found = true
			}
		}
	}
	if !found {
		t.Error("the scorecard holds no total of 86.25")
	}
	if code, out, errs := kpi(t, "export", "--company", "--db", db, "--out", filepath.Join(dir, "co.csv")); code != 0 || !strings.Contains(out, "co-Bonus.csv") {
		t.Fatalf("company csv: %d %s %s", code, out, errs)
	}
	for _, bad := range [][]string{
		{"export", "--db", db, "--out", out},                              // neither PLAN nor --company
		{"export", "1", "--company", "--db", db, "--out", out},            // both
		{"export", "1", "--db", db, "--out", filepath.Join(dir, "x.pdf")}, // wrong extension
		{"export", "1", "--db", db, "--out", filepath.Join(dir, "x.csv"), "--password", "p"},
	} {
		if code, _, _ := kpi(t, bad...); code != exitUsage {
			t.Errorf("%v: exit %d, want usage", bad, code)
		}
	}
}

func TestTemplateImportBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	tpl := filepath.Join(dir, "actuals.csv")
	if code, _, errs := kpi(t, "template", "1", "--db", db, "--out", tpl); code != 0 {
		t.Fatalf("template: %s", errs)
	}
	data, err := os.ReadFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	// k4 ("Training courses completed", sum, yearly target 4) has no data; give it 3 in January.
	// Over the whole cycle: achievement 3/4 = 0.75 → score 75; C is now scored, so
	// total = (50×90 + 30×80 + 20×75)/100 = (4500 + 2400 + 1500)/100 = 84 → Fair.
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "k4,") {
			lines[i] = l + ",3"
		}
	}
	bad := strings.Replace(strings.Join(lines, "\n"), "k4,Training courses completed,Count,Actual,3", "k4,Training courses completed,Count,Actual,abc", 1)
	code, _, errs := kpi(t, "import", writeFile(t, "bad.csv", bad), "--db", db, "--plan", "1")
	if code != exitUser || !strings.Contains(errs, `"abc" is not a number`) || !strings.Contains(errs, "row ") {
		t.Fatalf("bad cell: exit %d, %q", code, errs)
	}
	_, out, _ := kpi(t, "score", "1", "--db", db, "--json")
	if !strings.Contains(out, `"total": 86.25`) {
		t.Fatalf("a failed import changed the plan:\n%s", out)
	}
	if code, _, errs := kpi(t, "import", writeFile(t, "good.csv", strings.Join(lines, "\n")), "--db", db, "--plan", "1"); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	_, out, _ = kpi(t, "score", "1", "--db", db, "--json", "--at", "whole")
	if !strings.Contains(out, `"total": 84`) || !strings.Contains(out, `"rating": "Fair"`) {
		t.Fatalf("after import:\n%s", out)
	}
	if code, _, _ := kpi(t, "import", tpl, "--db", db); code != exitUsage {
		t.Errorf("spreadsheet import without --plan: exit %d", code)
	}
}

// TestImportCSVTemplateOfAPlanNamedWithSemicolons: the template's title
// line holds the plan's name; semicolons in it must not make the reader
// take ';' as the separator of our own comma-separated file (it then found
// "no header row").
func TestImportCSVTemplateOfAPlanNamedWithSemicolons(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	doc := strings.Replace(teamDoc, `"name": "Sales 2026"`, `"name": "Sales; Q1; North; 2026"`, 1)
	if code, _, errs := kpi(t, "import", writeFile(t, "team.json", doc), "--db", db); code != exitOK {
		t.Fatal(errs)
	}
	tpl := filepath.Join(dir, "actuals.csv")
	if code, _, errs := kpi(t, "template", "1", "--db", db, "--out", tpl); code != exitOK {
		t.Fatal(errs)
	}
	data := strings.Replace(string(readBytes(t, tpl)), "k4,Training courses completed,Count,Actual", "k4,Training courses completed,Count,Actual,3", 1)
	if code, out, errs := kpi(t, "import", writeFile(t, "filled.csv", data), "--db", db, "--plan", "1"); code != exitOK || !strings.Contains(out, "imported 1 actual") {
		t.Errorf("exit %d: %s%s", code, out, errs)
	}
}
