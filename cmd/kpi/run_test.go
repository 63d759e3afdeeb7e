package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// teamDoc is the worked example of docs/scoring.md §5: A = (2×100 + 1×70)/3 = 90, B = 80,
// C no data; total = (50×90 + 30×80)/80 = 86.25 → Fair ×0.5 → bonus 10 000 000 × 0.5.
const teamDoc = `{
  "format": "kpiplanner/plan@1",
  "plans": [{
    "name": "Sales 2026", "status": "active",
    "person": {"name": "Nguyễn Văn An", "department": "Sales", "position": "Sales executive", "base_bonus": 10000000, "currency": "VND"},
    "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"},
    "goal": {"text": "Increase revenue from new customers by 20% in 2026", "type": "sales-growth"},
    "kpis": [
      {"id": "k1", "name": "Revenue from new customers", "unit": "currency", "direction": "higher", "target": 100, "weight": 2, "group": "A", "aggregation": "last", "data_source": "CRM", "deadline": "2026-12-31",
       "actuals": [{"period": "2026-01", "value": 50}, {"period": "2026-03", "value": 100}]},
      {"id": "k2", "name": "New customer orders", "unit": "count", "direction": "higher", "target": 100, "weight": 1, "group": "A", "aggregation": "last",
       "actuals": [{"period": "2026-02", "value": 70}]},
      {"id": "k3", "name": "Quote conversion rate", "unit": "percent", "direction": "higher", "target": 10, "weight": 1, "group": "B", "aggregation": "ratio",
       "actuals": [{"period": "2026-01", "num": 3, "den": 50}, {"period": "2026-02", "num": 5, "den": 50}]},
      {"id": "k4", "name": "Training courses completed", "unit": "count", "direction": "higher", "target": 4, "weight": 1, "group": "C", "aggregation": "sum"}
    ]
  }]
}`

// kpi runs the command line and returns exit code, stdout and stderr.
func kpi(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func writeFile(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportScoreJSON(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if code, out, errs := kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errs)
	}
	code, out, errs := kpi(t, "score", "--db", db, "--json", "1")
	if code != 0 {
		t.Fatalf("score: %d %s", code, errs)
	}
	var got []scoreJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	r := got[0]
	// k3 ratio: (3+5)/(50+50) × 100 = 8 % of 10 % → 80.
	if r.Total == nil || math.Abs(*r.Total-86.25) > 1e-9 || r.Rating != "Fair" || math.Abs(r.Bonus-5_000_000) > 1e-6 {
		t.Fatalf("total %v rating %q bonus %g; want 86.25 Fair 5000000", r.Total, r.Rating, r.Bonus)
	}
	if k := r.KPIs[2]; k.Actual == nil || math.Abs(*k.Actual-8) > 1e-9 || math.Abs(*k.Score-80) > 1e-9 {
		t.Errorf("k3 = %+v", k)
	}
	if k := r.KPIs[3]; k.Status != "no data" || k.Score != nil || k.Actual != nil {
		t.Errorf("k4 = %+v, want no data with null numbers", k)
	}
	if r.Groups[2].Score != nil {
		t.Errorf("group C scored: %v", *r.Groups[2].Score)
	}
	// Up to February: k1 = 50 → 50; A = (2×50 + 70)/3 = 56.67; B = 80;
	// total = (50×56.667 + 30×80)/80 = (2833.33 + 2400)/80 = 65.42 → Below target, bonus 0.
	_, out, _ = kpi(t, "score", "--db", db, "--json", "--at", "2026-02")
	got = nil
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if want := (50*(170.0/3) + 30*80) / 80; got[0].Total == nil || math.Abs(*got[0].Total-want) > 1e-9 || got[0].Bonus != 0 || got[0].Period != "2026-02" {
		t.Errorf("at 2026-02: total %v bonus %g period %s; want %g 0", got[0].Total, got[0].Bonus, got[0].Period, want)
	}
	// Text form shows the official total (2 decimals), the formula of each KPI and the bonus in whole đồng.
	_, out, _ = kpi(t, "score", "--db", db, "Nguyễn Văn An")
	if !strings.Contains(out, "Total: 86.25 — Fair — bonus 5000000 VND") || !strings.Contains(out, "k2: 70 ÷ 100 = 70 %") {
		t.Errorf("text score:\n%s", out)
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db1, db2 := filepath.Join(dir, "1.db"), filepath.Join(dir, "2.db")
	if code, _, errs := kpi(t, "demo", "--db", db1, "--people", "30", "--seed", "7"); code != 0 {
		t.Fatal(errs)
	}
	_, doc1, _ := kpi(t, "export-json", "--db", db1)
	if code, _, errs := kpi(t, "import", writeFile(t, "x.json", doc1), "--db", db2); code != 0 {
		t.Fatal(errs)
	}
	_, doc2, _ := kpi(t, "export-json", "--db", db2)
	if doc1 != doc2 || !strings.Contains(doc1, `"kpiplanner/plan@3"`) {
		t.Error("export → import → export changed the document")
	}
	_, s1, _ := kpi(t, "score", "--db", db1, "--json")
	_, s2, _ := kpi(t, "score", "--db", db2, "--json")
	if s1 != s2 || len(s1) < 1000 {
		t.Error("scores differ after the round trip")
	}
}

func TestErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	bad := strings.Replace(teamDoc, `"target": 10,`, `"target": "ten",`, 1)
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no command", nil, exitUsage, "usage"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "unknown command"},
		{"unknown flag", []string{"list", "--db", db, "--colour"}, exitUsage, "flag provided but not defined"},
		{"too many args", []string{"show", "--db", db, "1", "2"}, exitUsage, "expected 1 argument"},
		{"missing file", []string{"import", "--db", db, "/nonexistent.json"}, exitUser, "no such file"},
		{"wrong type names path", []string{"import", "--db", db, writeFile(t, "bad.json", bad)}, exitUser, "plans[0].kpis[2].target"},
		{"unknown plan", []string{"show", "--db", db, "42"}, exitUser, "no plan with id 42"},
		{"unknown name", []string{"score", "--db", db, "Nobody"}, exitUser, `no plan named "Nobody"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := kpi(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.msg) {
				t.Errorf("exit %d, stderr %q; want %d containing %q", code, errs, tc.code, tc.msg)
			}
			if tc.code == exitUser && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
				t.Errorf("user error is not one line: %q", errs)
			}
		})
	}
	// Nothing was imported by the failing import (all or nothing).
	if _, out, _ := kpi(t, "list", "--db", db); strings.Count(out, "\n") != 1 {
		t.Errorf("list after failed import:\n%s", out)
	}
}

func TestBackupAndShow(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	bak := filepath.Join(dir, "backup.db")
	if code, _, errs := kpi(t, "backup", bak, "--db", db); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := kpi(t, "show", "1", "--db", bak)
	if code != 0 || !strings.Contains(out, "Nguyễn Văn An") || !strings.Contains(out, "3/50") {
		t.Errorf("show from backup: %d %s %s", code, out, errs)
	}
	// k2 has no data source: SMART M fails and show says why.
	if !strings.Contains(out, "No data source") {
		t.Errorf("show lacks SMART reasons:\n%s", out)
	}
}

func TestLibrary(t *testing.T) {
	code, out, errs := kpi(t, "library", "--goal", "lead-generation", "--lang", "vi")
	if code != 0 || !strings.Contains(out, "Số khách hàng tiềm năng đủ điều kiện marketing (MQL)") || !strings.Contains(out, "7 KPI") {
		t.Errorf("library --goal: %d %s %s", code, out, errs)
	}
	// Accent-free search finds Vietnamese names.
	_, out, _ = kpi(t, "library", "--search", "ty le chuyen doi", "--lang", "vi")
	if !strings.Contains(out, "Tỷ lệ chuyển đổi") {
		t.Errorf("search without accents:\n%s", out)
	}
	if code, _, errs := kpi(t, "library", "--goal", "world-peace"); code != exitUser || !strings.Contains(errs, "unknown goal type") {
		t.Errorf("unknown goal: %d %s", code, errs)
	}
	if code, _, _ := kpi(t, "library", "--lang", "fr"); code != exitUsage {
		t.Errorf("--lang fr: exit %d", code)
	}
}
