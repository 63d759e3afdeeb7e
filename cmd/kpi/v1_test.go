package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
	"kpiplanner/storage"
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
		w.Person.Code, w.Person.Unit = p.Person.Code, p.Person.Unit // from the registry: checked by checkV1People
		w.PersonUID = p.PersonUID                                   // made by the migration: checked by checkV1People
		if d := diff(p, w, nil); len(d) > 0 {
			t.Errorf("plan %d changed: %v", p.ID, d)
		}
	}
	checkV1People(t, db, want)
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

// checkV1People checks the people registry the schema 3 migration made from
// the v1 file's plans (want, as that version exported them): one person per
// distinct name and department, coded NV0001… in plan order of first
// appearance, with their first plan's position, base bonus and currency,
// each in the unit of their department under the root unit; every plan
// refers to its person.
func checkV1People(t *testing.T, path string, want []*app.Plan) {
	t.Helper()
	db, err := storage.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	people, err := db.People()
	if err != nil {
		t.Fatal(err)
	}
	units, err := db.Units()
	if err != nil {
		t.Fatal(err)
	}
	org := app.NewOrg(units)
	byCode := map[string]app.Employee{}
	for _, e := range people {
		byCode[e.Code] = e
	}
	first := map[string]*app.Plan{} // name + department → first plan
	var order []string
	depts := map[string]bool{}
	for _, w := range want {
		key := strings.TrimSpace(w.Person.Name) + "|" + strings.TrimSpace(w.Person.Department)
		if first[key] == nil {
			first[key] = w
			order = append(order, key)
		}
		depts[w.Person.Department] = true
	}
	if len(people) != len(order) {
		t.Errorf("%d people, want %d (the distinct name and department pairs of plans.json)", len(people), len(order))
	}
	if len(units) != len(depts)+1 || org.ByCode("COMPANY") == nil {
		t.Errorf("%d units, want one per department (%d) and the root COMPANY", len(units), len(depts))
	}
	uidOf := map[string]app.UID{}
	for n, key := range order {
		e, w := byCode[app.CodeFor(n+1)], first[key]
		if e.Name+"|"+org.Name(e.Unit) != key || e.Position != w.Person.Position || e.BaseBonus != w.Person.BaseBonus ||
			e.Currency != w.Person.Currency || org.Units[e.Unit] == nil || org.Units[e.Unit].Parent != org.ByCode("COMPANY").UID {
			t.Errorf("person %s = %+v, want %s from plan %d (%+v) in a unit under COMPANY", app.CodeFor(n+1), e, key, w.ID, w.Person)
		}
		uidOf[key] = e.UID
	}
	plans, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range plans {
		key := strings.TrimSpace(want[i].Person.Name) + "|" + strings.TrimSpace(want[i].Person.Department)
		if p.PersonUID == "" || p.PersonUID != uidOf[key] || p.Person.Code != byCode[p.Person.Code].Code {
			t.Errorf("plan %d refers to person %q (%s), want %s's %q", p.ID, p.PersonUID, p.Person.Code, key, uidOf[key])
		}
	}
	if t.Failed() {
		t.Log(fmt.Sprint(people))
	}
}
