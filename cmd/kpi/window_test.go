package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"kpiplanner/app/sheet"
	"kpiplanner/storage/xlsx"
)

// quarterDoc is a monthly plan and a quarterly plan of 2026. The quarterly
// one (revenue, sum, target 400 for the year) has 110 in Q1 and 90, 100 in
// Q2–Q3: through 2026-Q1 its target is 400 × 1/4 = 100 and 110 ÷ 100 = 110 %
// → Excellent ×1.5 → 15 000 000 ₫; through Q3 it would be 300 ÷ 300 = 100 %.
const quarterDoc = `{
  "format": "kpiplanner/plan@2",
  "plans": [
    {"name": "Monthly", "status": "active",
     "person": {"name": "An", "department": "Sales", "base_bonus": 10000000, "currency": "VND"},
     "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"},
     "goal": {"text": "Grow", "type": "sales-growth"},
     "kpis": [{"id": "k1", "name": "Orders", "unit": "count", "direction": "higher", "target": 1200, "group": "A", "aggregation": "sum",
       "actuals": [{"period": "2026-01", "value": 100}, {"period": "2026-02", "value": 100}, {"period": "2026-03", "value": 100}, {"period": "2026-04", "value": 100}]}]},
    {"name": "Quarterly", "status": "active",
     "person": {"name": "Bình", "department": "Sales", "base_bonus": 10000000, "currency": "VND"},
     "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "quarterly"},
     "goal": {"text": "Grow", "type": "sales-growth"},
     "kpis": [{"id": "k1", "name": "Revenue", "unit": "currency", "direction": "higher", "target": 400, "group": "A", "aggregation": "sum",
       "actuals": [{"period": "2026-Q1", "value": 110}, {"period": "2026-Q2", "value": 90}, {"period": "2026-Q3", "value": 100}]}]}
  ]
}`

// TestExportAtDateScoresEachPlanInItsOwnCycle: `kpi export --company --at
// 2026-03` scores the quarterly plan through 2026-Q1 (110 Excellent
// 15 000 000 ₫), not through its third period (Q3); `kpi score --at` agrees.
func TestExportAtDateScoresEachPlanInItsOwnCycle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kpi.db")
	if code, _, errs := kpi(t, "import", writeFile(t, "q.json", quarterDoc), "--db", db); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	out := filepath.Join(t.TempDir(), "bonus.xlsx")
	if code, _, errs := kpi(t, "export", "--company", "--at", "2026-03", "--out", out, "--db", db); code != 0 {
		t.Fatalf("export: %s", errs)
	}
	g, err := xlsx.ReadGrid(out)
	if err != nil {
		t.Fatal(err)
	}
	q := g[2] // header, Monthly, Quarterly
	if q[sheet.CoTotal].Num != 110 || q[sheet.CoBonus].Num != 15_000_000 || q[sheet.CoWindow].Text != "2026-Q1" {
		t.Errorf("quarterly row: total %v bonus %v window %q, want 110, 15 000 000 and 2026-Q1",
			q[sheet.CoTotal].Num, q[sheet.CoBonus].Num, q[sheet.CoWindow].Text)
	}
	if m := g[1]; m[sheet.CoWindow].Text != "2026-03" || m[sheet.CoTotal].Num != 100 { // 300 ÷ (1 200 × 3/12)
		t.Errorf("monthly row: window %q total %v, want 2026-03 and 100", m[sheet.CoWindow].Text, m[sheet.CoTotal].Num)
	}
	_, js, _ := kpi(t, "score", "--db", db, "--json", "--at", "2026-03")
	var got []scoreJSON
	if err := json.Unmarshal([]byte(js), &got); err != nil {
		t.Fatal(err)
	}
	if got[1].Period != "2026-Q1" || got[1].TotalOfficial == nil || *got[1].TotalOfficial != 110 || got[1].Bonus != 15_000_000 {
		t.Errorf("kpi score --at 2026-03: %+v", got[1])
	}
}

// TestListAndScoreShowTheOfficialWindow: mid-cycle, `kpi list` and `kpi
// score` show each plan's official total with the window it covers — the
// monthly plan to 2026-04 (400 ÷ 400 = 100), the quarterly one to 2026-Q3.
func TestListAndScoreShowTheOfficialWindow(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kpi.db")
	if code, _, errs := kpi(t, "import", writeFile(t, "q.json", quarterDoc), "--db", db); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	_, list, _ := kpi(t, "list", "--db", db, "--today", "2026-10-15")
	if !strings.Contains(list, "to 2026-04") || !strings.Contains(list, "to 2026-Q3") {
		t.Errorf("list does not show the windows:\n%s", list)
	}
	_, all, _ := kpi(t, "score", "--db", db, "--today", "2027-01-05")
	if !strings.Contains(all, "whole cycle (to 2026-12)") || !strings.Contains(all, "whole cycle (to 2026-Q4)") {
		t.Errorf("after the cycle, score is not over the whole cycle:\n%s", all)
	}
	if code, _, _ := kpi(t, "list", "--db", db, "--today", "15/10/2026"); code != exitUsage {
		t.Errorf("a bad --today: exit %d, want %d", code, exitUsage)
	}
}
