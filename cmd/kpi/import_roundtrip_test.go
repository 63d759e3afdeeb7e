package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOurExportsImportBackUnchanged: every sheet KPI Planner writes for a
// plan — the scorecard, the filled actuals template and the KPI sheet, as
// .xlsx and .csv — imports back through the suggested mapping with no
// mapping work (a KPI sheet, which names no plan, with --plan) and changes
// nothing: the import says every plan already holds what the sheet says,
// refuses no value, and the database is as before.
func TestOurExportsImportBackUnchanged(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	for _, f := range []string{"wide-month", "long"} {
		file := filepath.Join("..", "..", "testdata", "import", f+".xlsx")
		if code, out, errs := kpi(t, "import", file, "--mapping", strings.TrimSuffix(file, ".xlsx")+".mapping.json", "--db", db); code != exitOK {
			t.Fatalf("seed %s: %s%s", f, out, errs)
		}
	}
	_, before, _ := kpi(t, "export-json", "--db", db)
	for _, plan := range []string{"1", "3"} { // NV001's monthly plan; E200's, with a ratio KPI and a 0/0 period
		for _, ext := range []string{".xlsx", ".csv"} {
			for _, export := range []struct {
				name string
				args []string
			}{
				{"scorecard", []string{"export", plan}},
				{"actuals", []string{"template", plan, "--filled"}},
				{"kpis", []string{"template", plan, "--kpis"}},
			} {
				name := export.name + "-" + plan + ext
				t.Run(name, func(t *testing.T) {
					out := filepath.Join(dir, name)
					if code, o, errs := kpi(t, append(append(export.args, "--out", out), "--db", db, "--today", "2026-04-15")...); code != exitOK {
						t.Fatalf("export: %s%s", o, errs)
					}
					files, _ := filepath.Glob(strings.TrimSuffix(out, ext) + "*" + ext)
					file := files[0] // a CSV export of several sheets writes one file per sheet; the first is the plan's
					code, mapping, errs := kpi(t, "import", file, "--suggest-mapping", "--db", db, "--today", "2026-04-15")
					if code != exitOK {
						t.Fatalf("suggest: %s", errs)
					}
					mf := filepath.Join(dir, name+".mapping.json")
					if err := os.WriteFile(mf, []byte(mapping), 0o600); err != nil {
						t.Fatal(err)
					}
					args := []string{"import", file, "--mapping", mf, "--db", db}
					if export.name == "kpis" {
						_, show, _ := kpi(t, "export-json", plan, "--db", db)
						args = append(args, "--plan", planName(show))
					}
					code, o, errs := kpi(t, args...)
					if code != exitUser || !strings.Contains(errs, "1 plan(s) already hold what the sheet says") ||
						!strings.Contains(o, "0 new plan(s), 0 changed, 1 unchanged, 0 refused; 0 new person(s); 0 value(s) refused") {
						t.Errorf("exit %d, want the import to change nothing:\n%s%s\nmapping:\n%s", code, o, errs, mapping)
					}
					if _, after, _ := kpi(t, "export-json", "--db", db); after != before {
						t.Error("the database changed")
					}
				})
			}
		}
	}
}

// planName returns the name of the only plan of a plan document.
func planName(doc string) string {
	_, rest, _ := strings.Cut(doc, `"name": "`)
	name, _, _ := strings.Cut(rest, `"`)
	return name
}
