package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestPhaseFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustKPI(t, "import", writeFile(t, "team.json", strings.Replace(teamDoc, `"status": "active"`, `"status": "draft"`, 1)), "--db", db)

	// k4: 4 courses a year, evenly by month: 4 steps of 1 to the first four months.
	if out := mustKPI(t, "phase", "1", "k4", "--even", "--db", db); !strings.Contains(out, "2026-01 1, 2026-02 1, 2026-03 1, 2026-04 1, 2026-05 0") {
		t.Errorf("phase --even: %s", out)
	}
	code, _, errs := kpi(t, "phase", "1", "k4", "--values", "1;1;1;1;1;1;1;1;1;1;1;1", "--db", db)
	if code != exitUser || !strings.Contains(errs, "KPI k4: the period targets add up to 12, not the cycle target 4") {
		t.Errorf("phase --values not adding up: exit %d, %s", code, errs)
	}
	if out := mustKPI(t, "phase", "1", "k4", "--values", "1;1;1;1;1;1;1;1;1;1;1;1", "--target", "12", "--db", db); !strings.Contains(out, "target of k4 12") {
		t.Errorf("phase --values --target: %s", out)
	}
	if code, _, _ := kpi(t, "phase", "1", "k4", "--even", "--clear", "--db", db); code != exitUsage {
		t.Errorf("--even with --clear: exit %d, want usage", code)
	}
	// k1 (last value, target 100): February's target is 60; its last actual
	// by February is January's 50: 50/60 = 83.33 %. Group A = (2 × 83.33 + 70)/3 = 78.89.
	mustKPI(t, "phase", "1", "k1", "--values", "50;60;80;100;100;100;100;100;100;100;100;100", "--reference", "90", "--db", db)
	var res []struct {
		KPIs []struct {
			ID     string  `json:"id"`
			Target float64 `json:"target"`
			Score  float64 `json:"score"`
		} `json:"kpis"`
	}
	if err := json.Unmarshal([]byte(mustKPI(t, "score", "1", "--at", "2026-02", "--json", "--db", db)), &res); err != nil {
		t.Fatal(err)
	}
	k1 := res[0].KPIs[0]
	if k1.ID != "k1" || k1.Target != 60 || k1.Score < 83.33 || k1.Score > 83.34 {
		t.Errorf("k1 scored %+v, want target 60, score 83.33", k1)
	}
	if out := mustKPI(t, "history", "1", "--db", db); !strings.Contains(out, "kpis[k1].reference") || !strings.Contains(out, "kpis[k4].period_targets") {
		t.Errorf("history lacks the changes:\n%s", out)
	}
	if out := mustKPI(t, "show", "1", "--db", db); !strings.Contains(out, "  reference value 90\n") ||
		!strings.Contains(out, "  targets per period: 2026-01 50, 2026-02 60, 2026-03 80, 2026-04 100") {
		t.Errorf("show lacks the reference or the targets per period:\n%s", out)
	}
	if out := mustKPI(t, "phase", "1", "k4", "--clear", "--db", db); !strings.Contains(out, "no targets per period") {
		t.Errorf("phase --clear: %s", out)
	}
	code, _, errs = kpi(t, "phase", "1", "k3", "--by-last", "--db", db)
	if code != exitUser || !strings.Contains(errs, "no earlier monthly plan") {
		t.Errorf("--by-last without a previous plan: exit %d, %s", code, errs)
	}
}
