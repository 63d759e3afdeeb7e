package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAuditFromTheCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	mustKPI(t, "demo", "--people", "40", "--db", db)
	var got struct {
		Counts   map[string]int
		Findings []auditRow
	}
	if err := json.Unmarshal([]byte(mustKPI(t, "audit", "--json", "--lang", "vi", "--db", db)), &got); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range got.Counts {
		n += c
	}
	if n == 0 || n != len(got.Findings) || got.Counts["too-many-kpis"] == 0 {
		t.Fatalf("counts %v, %d findings", got.Counts, len(got.Findings))
	}
	for _, f := range got.Findings {
		if f.Problem == "too-many-kpis" && (f.Label != "Nhiều hơn 7 KPI" || !strings.HasSuffix(f.Detail, " KPI")) {
			t.Fatalf("finding not in Vietnamese: %+v", f)
		}
	}
	out := filepath.Join(dir, "audit.xlsx")
	if s := mustKPI(t, "audit", "--out", out, "--db", db); !strings.Contains(s, "findings written") {
		t.Errorf("audit --out: %s", s)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("no audit workbook: %v", err)
	}
	if code, _, errs := kpi(t, "audit", "--unit", "NOPE", "--db", db); code != exitUser || !strings.Contains(errs, "no unit with code") {
		t.Errorf("unknown unit: exit %d %s", code, errs)
	}
	if code, _, _ := kpi(t, "audit", "--problem", "nope", "--db", db); code != exitUsage {
		t.Errorf("unknown problem: exit %d", code)
	}
}
