package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTwoHundredPeopleFromASpreadsheetToApprovedPlans is the walk on
// the command line: import 200 people and their units from CSV files, make
// a draft plan for each from one plan, submit them, approve the unit, and
// check a closed period refuses actuals.
func TestTwoHundredPeopleFromASpreadsheetToApprovedPlans(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	units := "Unit code,Unit name,Parent code\r\nCO,ABC Company,\r\nSALES,Sales,CO\r\nHR,Human resources,CO\r\n"
	var b strings.Builder
	b.WriteString("Employee code,Name,Unit code,Position,Level,Manager code,Join date,Base bonus\r\n")
	for i := 1; i <= 200; i++ {
		unit, mgr := "SALES", "NV0001"
		if i%4 == 0 {
			unit = "HR"
		}
		if i == 1 {
			unit, mgr = "CO", ""
		}
		fmt.Fprintf(&b, "NV%04d,Person %d,%s,Staff,%d,%s,2025-01-%02d,%d\r\n", i, i, unit, 1+i%5, mgr, 1+i%28, 5_000_000+i*1000)
	}
	mustKPI(t, "units", "import", writeFile(t, "units.csv", units), "--db", db)
	if out := mustKPI(t, "people", "import", writeFile(t, "people.csv", b.String()), "--db", db); !strings.Contains(out, "200 added") {
		t.Fatalf("people import: %s", out)
	}
	// One plan to copy: the team document, as a draft without a person.
	doc := strings.Replace(teamDoc, `"status": "active",`, `"status": "draft",`, 1)
	mustKPI(t, "import", writeFile(t, "plan.json", doc), "--db", db)
	out := mustKPI(t, "new-plans", "--from", "1", "--unit", "CO", "--db", db)
	if !strings.Contains(out, "made 200 draft plan(s)") {
		t.Fatalf("new-plans: %s", out)
	}
	// Again: everyone has a plan for the cycle now, so nothing is made.
	if code, _, errs := kpi(t, "new-plans", "--from", "1", "--people", "NV0002", "--db", db); code != exitUser || !strings.Contains(errs, "already has a plan for this cycle") {
		t.Errorf("a second plan for the same cycle: exit %d, %s", code, errs)
	}
	ids := make([]string, 0, 200)
	for id := 2; id <= 201; id++ {
		ids = append(ids, strconv.Itoa(id))
	}
	if out := mustKPI(t, append(append([]string{"submit"}, ids...), "--db", db)...); strings.Count(out, "submitted plan") != 200 {
		t.Fatalf("submit: %d plans", strings.Count(out, "submitted plan"))
	}
	// Approve HR only: people 4, 8, …, 200 → 50 plans.
	if out := mustKPI(t, "approve", "--unit", "HR", "--db", db); strings.Count(out, "approved plan") != 50 {
		t.Fatalf("approve --unit HR: %d plans", strings.Count(out, "approved plan"))
	}
	mustKPI(t, "period", "close", "2026-01", "--db", db)
	csv := writeFile(t, "actuals.csv", "KPI,2026-01\r\nRevenue from new customers,120\r\n")
	if code, _, errs := kpi(t, "import", csv, "--plan", "5", "--db", db); code != exitUser || !strings.Contains(errs, "period 2026-01 is closed") {
		t.Errorf("actuals of a closed period: exit %d, %s", code, errs)
	}
}
