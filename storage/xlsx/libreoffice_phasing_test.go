package xlsx

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/app/sheet/sheettest"
)

// paCase is a plan written as a plan and actual view, scored to period At.
type paCase struct {
	plan  *app.Plan
	at    int
	sheet string
}

// planActualFile writes the plan and actual views of the period-targets
// plan (to March) and of the sum-pro-rata plan (to March, without targets
// per period), every formula's cached value poisoned.
func planActualFile(t *testing.T, dir string) ([]paCase, string) {
	t.Helper()
	cs := []paCase{{plan: sheettest.PeriodTargets(), at: 2}}
	for _, c := range sheettest.Cases() {
		if c.Name == "sum-pro-rata" || c.Name == "directions" {
			cs = append(cs, paCase{plan: c.Plan, at: score.WindowAt(c.Plan, c.At).Last})
		}
	}
	wb := &sheet.Workbook{}
	used := map[string]bool{}
	for i := range cs {
		ss := sheet.PlanActualSheets([]*app.Plan{cs[i].plan}, score.PickAt(cs[i].at), nil, used)
		cs[i].sheet = ss[0].Name
		poison(ss[0])
		wb.Sheets = append(wb.Sheets, ss...)
	}
	path := filepath.Join(dir, "planactual.xlsx")
	if err := Write(context.Background(), path, wb, Options{}); err != nil {
		t.Fatal(err)
	}
	return cs, path
}

// checkPlanActual compares a recomputed plan and actual view with the engine.
func checkPlanActual(t *testing.T, grids map[string][][]string, c paCase) {
	t.Helper()
	g, ok := grids[c.sheet]
	if !ok {
		t.Errorf("no CSV for sheet %q", c.sheet)
		return
	}
	n := c.plan.Cycle.NumPeriods()
	for i := range c.plan.KPIs {
		k := &c.plan.KPIs[i]
		v := sheet.PlanActualOf(k, n, c.at)
		pr, ar, dr := sheet.PlanActualRows(i)
		where := func(what string) string { return fmt.Sprintf("%s KPI %s %s", c.sheet, k.ID, what) }
		for j := range n {
			col := sheet.PaFirst + j
			checkNum(t, where("plan "+c.plan.Cycle.Label(j)), g, pr, col, v.Plan[j], v.Plan[j] == v.Plan[j])
			checkNum(t, where("actual - plan "+c.plan.Cycle.Label(j)), g, dr, col, v.Diff[j], v.Diff[j] == v.Diff[j])
		}
		td := sheet.PaFirst + n
		checkNum(t, where("plan to date"), g, pr, td, v.PlanToDate, v.PlanOK)
		checkNum(t, where("actual to date"), g, ar, td, v.ActToDate, v.ActOK)
		checkNum(t, where("actual - plan to date"), g, dr, td, v.ActToDate-v.PlanToDate, v.DiffOK)
		if v.PlanOK && k.HasPeriodTargets() && k.Aggregation == app.Sum {
			// The view's plan to date is the scorecard's target for the window.
			if want, _ := score.WindowTarget(k, c.at, n); !near(at(g, pr, td), want) {
				t.Errorf("%s: plan to date %q, the scorecard's target %v", where(""), at(g, pr, td), want)
			}
		}
	}
	if !strings.HasPrefix(c.sheet, "Plan") {
		t.Errorf("sheet %q is not named Plan …", c.sheet)
	}
}

// TestPlanActualViewByHand checks the period-targets plan's view against
// hand-computed numbers: revenue planned 50, 50, 100 to March (Σ 200),
// actual 60, 40, 110 (Σ 210), Actual - Plan 10, -10, 10 (Σ 10).
func TestPlanActualViewByHand(t *testing.T) {
	k := &sheettest.PeriodTargets().KPIs[0]
	v := sheet.PlanActualOf(k, 12, 2)
	for j, want := range []float64{10, -10, 10} {
		if v.Diff[j] != want {
			t.Errorf("Actual - Plan of period %d = %v, want %v", j+1, v.Diff[j], want)
		}
	}
	if v.PlanToDate != 200 || v.ActToDate != 210 || !v.DiffOK || v.Plan[11] != 200 || v.Diff[3] == v.Diff[3] {
		t.Errorf("to date: plan %v, actual %v (%v); December plan %v; April diff %v (want blank)", v.PlanToDate, v.ActToDate, v.DiffOK, v.Plan[11], v.Diff[3])
	}
}
