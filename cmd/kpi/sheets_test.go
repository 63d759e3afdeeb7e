package main

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/score"
	"kpiplanner/storage"
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

func TestTemplateFilledAndImportBack(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	tpl := filepath.Join(dir, "actuals.xlsx")
	if code, _, errs := kpi(t, "template", "1", "--db", db, "--out", tpl, "--filled"); code != 0 {
		t.Fatalf("template: %s", errs)
	}
	s, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := s.Plan(1)
	before := score.Plan(p, -1)
	s.Close()
	if before.Total != 86.25 {
		t.Fatalf("fixture total %g", before.Total)
	}
	if _, err := excelize.OpenFile(tpl); err != nil {
		t.Fatal(err)
	}
}
