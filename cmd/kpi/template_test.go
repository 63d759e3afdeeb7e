package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// templateCompany imports 400 sales executives (NV0001…NV0400, level 2) in
// unit SALES and 10 accountants (NV0401…) in FIN, and returns the database.
func templateCompany(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "k.db")
	units := "Unit code,Unit name,Parent code\r\nCO,ABC,\r\nSALES,Kinh doanh,CO\r\nFIN,Tài chính,CO\r\n"
	var b strings.Builder
	b.WriteString("Employee code,Name,Unit code,Position,Level,Base bonus\r\n")
	for i := 1; i <= 410; i++ {
		unit, pos := "SALES", "Nhân viên kinh doanh"
		if i > 400 {
			unit, pos = "FIN", "Kế toán"
		}
		fmt.Fprintf(&b, "NV%04d,Người %d,%s,%s,2,%d\r\n", i, i, unit, pos, 10_000_000)
	}
	mustKPI(t, "units", "import", writeFile(t, "units.csv", units), "--db", db)
	mustKPI(t, "people", "import", writeFile(t, "people.csv", b.String()), "--db", db)
	return db
}

// TestTemplateFromCreationToUpdateOnTheCommandLine is the walk: make
// a template, assign it to 400 people in one step, adjust three of them,
// update the template and see which plans change and which keep their
// overrides.
func TestTemplateFromCreationToUpdateOnTheCommandLine(t *testing.T) {
	db := templateCompany(t)
	out := mustKPI(t, "template", "new", "Sales L2", "--position", "Nhân viên kinh doanh", "--level", "2",
		"--kpi", "rev:Doanh thu:100:A", "--kpi", "calls:Cuộc gọi:50:B", "--kpi", "nps:NPS:40:C", "--db", db)
	if !strings.Contains(out, "saved as version 1") {
		t.Fatalf("new: %s", out)
	}
	out = mustKPI(t, "template", "assign", "Sales L2", "--year", "2026", "--unit", "CO", "--position", "nhan vien kinh doanh", "--dry-run", "--db", db)
	if !strings.Contains(out, "400 people chosen; creates 400 plans") || !strings.Contains(out, "nothing written") {
		t.Fatalf("assign --dry-run: %s", out)
	}
	if out = mustKPI(t, "list", "--db", db); strings.Contains(out, "Người 1 ") {
		t.Fatalf("dry run wrote plans: %s", out)
	}
	out = mustKPI(t, "template", "assign", "Sales L2", "--year", "2026", "--position", "Nhân viên kinh doanh", "--db", db)
	if !strings.Contains(out, "created 400 draft plan(s) (ids 1 … 400)") {
		t.Fatalf("assign: %s", out)
	}
	// Again for the same year: everyone has a plan now.
	out = mustKPI(t, "template", "assign", "Sales L2", "--year", "2026", "--people", "NV0001,NV0002", "--existing", "skip", "--dry-run", "--db", db)
	if !strings.Contains(out, "creates 0 plans; 2 people already have a plan for this cycle: skip") {
		t.Fatalf("second assign: %s", out)
	}
	// Adjust three: plans 1 and 2 raise Doanh thu's target, plan 3 is approved.
	mustKPI(t, "set-target", "1", "rev", "130", "--db", db)
	mustKPI(t, "set-target", "2", "rev", "90", "--db", db)
	mustKPI(t, "submit", "3", "--db", db)
	mustKPI(t, "approve", "3", "--db", db)
	out = mustKPI(t, "template", "update", "Sales L2", "--set", "rev.target=110", "--set", "calls.weight=2", "--dry-run", "--db", db)
	for _, want := range []string{"kpis[rev].target: \"100\" to \"110\"", "400 plan(s) hold this template; 2 have overrides",
		"2 have overridden the target of Doanh thu", "keeps its kpis[rev].target \"130\" (template \"110\")", "left alone"} {
		if !strings.Contains(out, want) {
			t.Fatalf("update --dry-run lacks %q:\n%s", want, out)
		}
	}
	out = mustKPI(t, "template", "update", "Sales L2", "--set", "rev.target=110", "--set", "calls.weight=2", "--db", db)
	// 400 plans: plan 3 is approved (left alone), the other 399 change
	// (calls.weight for all; the target for 397 of them).
	if !strings.Contains(out, "at version 2; changed 399 plan(s), left 1 alone") {
		t.Fatalf("update: %s", out)
	}
	for id, want := range map[string]string{"1": "130", "2": "90", "3": "100", "4": "110"} {
		if out := mustKPI(t, "show", id, "--db", db); !strings.Contains(out, want) {
			t.Errorf("plan %s lacks target %s:\n%s", id, want, out)
		}
	}
	if out := mustKPI(t, "history", "4", "--db", db); !strings.Contains(out, "template Sales L2 v2") {
		t.Errorf("plan 4's history lacks the update: %s", out)
	}
	out = mustKPI(t, "template", "show", "Sales L2", "--db", db)
	if !strings.Contains(out, "v2") || !strings.Contains(out, "overrides kpis[rev].target: template \"110\", plan \"130\"") {
		t.Errorf("show: %s", out)
	}
}

func TestTemplateFileRoundTripAndGoalTypeStart(t *testing.T) {
	db := templateCompany(t)
	mustKPI(t, "template", "new", "Marketing", "--position", "Marketing", "--goal-type", "lead-generation", "--db", db)
	file := filepath.Join(t.TempDir(), "t.json")
	mustKPI(t, "template", "export", file, "--db", db)
	b, err := os.ReadFile(file)
	if err != nil || !strings.Contains(string(b), `"format": "kpiplanner/template@1"`) {
		t.Fatalf("export: %v %s", err, b)
	}
	db2 := filepath.Join(t.TempDir(), "k2.db")
	if out := mustKPI(t, "template", "import", file, "--db", db2); !strings.Contains(out, "imported 1 template version(s); 0 unchanged") {
		t.Fatalf("import: %s", out)
	}
	if out := mustKPI(t, "template", "import", file, "--db", db2); !strings.Contains(out, "imported 0 template version(s); 1 unchanged") {
		t.Fatalf("import again: %s", out)
	}
	file2 := filepath.Join(t.TempDir(), "t2.json")
	mustKPI(t, "template", "export", file2, "--db", db2)
	b2, _ := os.ReadFile(file2)
	stamp := func(b []byte) string { // who saved it, when and why belong to each workspace
		var keep []string
		for _, l := range strings.Split(string(b), "\n") {
			if !strings.Contains(l, `"changed_at"`) && !strings.Contains(l, `"changed_by"`) && !strings.Contains(l, `"device"`) && !strings.Contains(l, `"note"`) {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	if stamp(b) != stamp(b2) {
		t.Errorf("the file changed on its way through a second workspace:\n%s\n%s", b, b2)
	}
	bad := writeFile(t, "bad.json", strings.Replace(string(b), `"position": "Marketing"`, `"position": ""`, 1))
	if code, _, errs := kpi(t, "template", "import", bad, "--db", db2); code == 0 || !strings.Contains(errs, "position") {
		t.Errorf("a template without a position imported: %d %s", code, errs)
	}
}
