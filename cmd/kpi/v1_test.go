package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
)

// TestV1DatabaseOpensWithNothingLost opens a database written by KPI
// Planner before the trust release (schema 1, testdata/v1/kpi.db, made with
// `kpi demo --people 12 --seed 3 --lang vi` and compacted) and checks that
// every plan reads back as that version exported it (testdata/v1/plans.json),
// now with a uid and the missing-data rule of its time (exclude), and that
// its whole-cycle totals are those that version computed (score.json).
func TestV1DatabaseOpensWithNothingLost(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kpi.db")
	b, err := os.ReadFile("../../testdata/v1/kpi.db")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := kpi(t, "export-json", "--db", db)
	if code != 0 {
		t.Fatalf("export-json: %s", errs)
	}
	got, err := plandoc.Unmarshal([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	old, err := os.ReadFile("../../testdata/v1/plans.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := plandoc.Unmarshal(old)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) != 12 {
		t.Fatalf("%d plans, want %d (12)", len(got), len(want))
	}
	seen := map[app.UID]bool{}
	for i, p := range got {
		if _, err := app.ParseUID(string(p.UID)); err != nil || seen[p.UID] {
			t.Errorf("plan %d: uid %q (%v), duplicate %v", p.ID, p.UID, err, seen[p.UID])
		}
		seen[p.UID] = true
		if p.Rules.MissingData != app.MissingExclude {
			t.Errorf("plan %d: missing data %q, want exclude (the rule of its time)", p.ID, p.Rules.MissingData)
		}
		w := want[i]
		w.UID, w.Rules.MissingData = p.UID, p.Rules.MissingData
		if d := diff(p, w, nil); len(d) > 0 {
			t.Errorf("plan %d changed: %v", p.ID, d)
		}
	}
	_, js, _ := kpi(t, "score", "--db", db, "--json", "--at", "whole")
	var now []scoreJSON
	if err := json.Unmarshal([]byte(js), &now); err != nil {
		t.Fatal(err)
	}
	oldScores, err := os.ReadFile("../../testdata/v1/score.json")
	if err != nil {
		t.Fatal(err)
	}
	var then []struct {
		ID    app.PlanID `json:"id"`
		Total *float64   `json:"total"`
	}
	if err := json.Unmarshal(oldScores, &then); err != nil {
		t.Fatal(err)
	}
	for i := range then {
		if then[i].Total == nil || now[i].Total == nil || *then[i].Total != *now[i].Total {
			t.Errorf("plan %d: total %v now, %v then", then[i].ID, now[i].Total, then[i].Total)
		}
	}
}
