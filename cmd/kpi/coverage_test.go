package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func coverageRows(t *testing.T, db string, args ...string) map[string]coverageRow {
	t.Helper()
	var rows []coverageRow
	if err := json.Unmarshal([]byte(mustKPI(t, append([]string{"coverage", "--json", "--db", db}, args...)...)), &rows); err != nil {
		t.Fatal(err)
	}
	out := map[string]coverageRow{}
	for _, r := range rows {
		out[strings.Fields(r.Unit)[0]+"/"+r.KPI] = r
	}
	return out
}

func TestCoverageFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	companyPlans(t, db, importCompany(t, db)) // plans 1 (NV003 in KD-HN), 2 (NV002, head of KD), 3 (NV001, CTY)
	mustKPI(t, "coverage", "set-unit", "3", "CTY", "--db", db)
	mustKPI(t, "coverage", "set-unit", "2", "KD", "--db", db)
	mustKPI(t, "coverage", "link", "1", "k4", "2", "k4", "--db", db)
	mustKPI(t, "coverage", "link", "2", "k4", "3", "k4", "--share", "0.5", "--db", db)
	rows := coverageRows(t, db)
	// KD: target 4, NV003 contributes 4 × 1: covered. CTY: target 4, KD contributes 4 × 0.5 = 2: 2 short.
	if r := rows["Phòng/k4"]; r.Covered != 4 || r.Gap != 0 || r.Contributors != 1 {
		t.Errorf("KD k4: %+v", r)
	}
	if r := rows["Công/k4"]; r.Covered != 2 || r.Gap != 2 || !strings.Contains(r.Text, "short by 2") {
		t.Errorf("CTY k4: %+v", r)
	}
	if len(rows) != 8 { // four KPIs in each of the two unit plans
		t.Errorf("%d coverage rows, want 8", len(rows))
	}
	if only := coverageRows(t, db, "--unit", "KD"); len(only) != 4 {
		t.Errorf("--unit KD: %d rows, want the 4 of KD's plan", len(only))
	}
	out := mustKPI(t, "coverage", "split", "3", "k4", "--by", "equal", "--dry-run", "--db", db)
	if !strings.Contains(out, "target 8, share 0.5") || !strings.Contains(out, "nothing changed") {
		t.Fatalf("dry run: %s", out)
	}
	if r := coverageRows(t, db)["Công/k4"]; r.Gap != 2 {
		t.Fatalf("a dry run changed the targets: %+v", r)
	}
	mustKPI(t, "coverage", "split", "3", "k4", "--by", "equal", "--db", db)
	rows = coverageRows(t, db)
	// KD's k4 target is now 8 (its 0.5 share gives CTY's 4); NV003's 4 covers half of it.
	if r, kd := rows["Công/k4"], rows["Phòng/k4"]; r.Gap != 0 || kd.Target != 8 || kd.Gap != 4 {
		t.Errorf("after the split: CTY %+v, KD %+v", r, kd)
	}
	if h := mustKPI(t, "history", "2", "--db", db); !strings.Contains(h, "kpis[k4].target") {
		t.Errorf("the split is not in KD plan's history:\n%s", h)
	}
	if out := mustKPI(t, "coverage", "team", "1", "--db", db); !strings.Contains(out, "no team component: team weight 0") {
		t.Errorf("team of a plan without team weight: %s", out)
	}
	if code, _, errs := kpi(t, "coverage", "link", "3", "k4", "1", "k4", "--db", db); code != exitUser || !strings.Contains(errs, "not the plan of an org unit") {
		t.Errorf("a link to a person's plan: exit %d, %s", code, errs)
	}
	if code, _, errs := kpi(t, "coverage", "split", "3", "k4", "--by", "by-hand", "--weights", "1,2", "--db", db); code != exitUser || !strings.Contains(errs, "2 weights given by hand for 1") {
		t.Errorf("two weights for one contributor: exit %d, %s", code, errs)
	}
}
