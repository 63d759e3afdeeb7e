package storage

import (
	"encoding/binary"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

func TestSavePlanGivesUIDAndPlanByUIDFindsIt(t *testing.T) {
	db := openTemp(t)
	a, b := richPlan(), richPlan()
	if err := db.SavePlans([]*app.Plan{a, b}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []*app.Plan{a, b} {
		if _, err := app.ParseUID(string(p.UID)); err != nil {
			t.Fatalf("plan %d: %v", p.ID, err)
		}
		got, err := db.PlanByUID(p.UID)
		if err != nil {
			t.Fatal(err)
		}
		assertPlan(t, got, p)
	}
	if a.UID == b.UID {
		t.Errorf("two plans got the same uid %s", a.UID)
	}
	// Saving again with no uid keeps the stored one.
	uid := a.UID
	a.UID = ""
	if err := db.SavePlan(a); err != nil || a.UID != uid {
		t.Errorf("re-save without uid: uid %s, %v; want %s kept", a.UID, err, uid)
	}
	if err := db.DeletePlan(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.PlanByUID(uid); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("PlanByUID after delete: %v, want ErrNotFound", err)
	}
}

func TestDuplicateUIDIsRefused(t *testing.T) {
	db := openTemp(t)
	a := richPlan()
	if err := db.SavePlan(a); err != nil {
		t.Fatal(err)
	}
	copyOfA := richPlan()
	copyOfA.UID = a.UID // a new plan (id 0) claiming a's uid
	err := db.SavePlan(copyOfA)
	if err == nil || !strings.Contains(err.Error(), "already belongs to plan 1") {
		t.Errorf("second plan with the same uid: %v, want a refusal naming plan 1", err)
	}
	if copyOfA.ID != 0 || copyOfA.UID != a.UID {
		t.Errorf("a failed save left id %d uid %s, want 0 and the uid it had", copyOfA.ID, copyOfA.UID)
	}
	changed := richPlan()
	changed.ID, changed.UID = a.ID, app.NewUID()
	if err := db.SavePlan(changed); err == nil || !strings.Contains(err.Error(), "cannot become") {
		t.Errorf("changing a plan's uid: %v, want a refusal", err)
	}
	if ps, _ := db.Plans(); len(ps) != 1 {
		t.Errorf("%d plans after refused saves, want 1", len(ps))
	}
}

// TestHugePlanIDNeverWrapsCounter is the finding `"id": 18446744073709551615`:
// that id set the counter to 2⁶⁴ − 1, the next new plan wrapped to id 0 and
// later ones overwrote plan 1.
func TestHugePlanIDNeverWrapsCounter(t *testing.T) {
	db := openTemp(t)
	first := richPlan()
	if err := db.SavePlan(first); err != nil {
		t.Fatal(err)
	}
	for _, id := range []app.PlanID{18446744073709551615, MaxPlanID + 1} {
		p := richPlan()
		p.ID = id
		if err := db.SavePlan(p); err == nil || !strings.Contains(err.Error(), "above the highest plan id") {
			t.Errorf("id %d: error %v, want a refusal", id, err)
		}
	}
	top := richPlan()
	top.ID = MaxPlanID // allowed: the counter now stands at its end
	if err := db.SavePlan(top); err != nil {
		t.Fatal(err)
	}
	next := richPlan()
	if err := db.SavePlan(next); !errors.Is(err, ErrIDsExhausted) {
		t.Errorf("new plan after id %d: %v, want ErrIDsExhausted", uint64(MaxPlanID), err)
	}
	got, err := db.Plan(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertPlan(t, got, first)
	if ps, _ := db.Plans(); len(ps) != 2 {
		t.Errorf("%d plans, want plan 1 and plan %d", len(ps), uint64(MaxPlanID))
	}
}

// schema1File writes a file as schema version 1 wrote it: format 1 plan
// records and no uid index.
func schema1File(t *testing.T, ps []*app.Plan) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "v1.db")
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *bolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, 1)); err != nil {
			return err
		}
		plans := tx.Bucket(bucketPlans)
		for _, p := range ps {
			if err := plans.Put(planKey(p.ID), encodePlanAs(p, planFormat1)); err != nil {
				return err
			}
		}
		return plans.SetSequence(uint64(len(ps)))
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSchema2MigrationGivesEveryPlanAUID(t *testing.T) {
	old := []*app.Plan{richPlan(), richPlan(), app.NewPlan()}
	for i, p := range old {
		p.ID = app.PlanID(i + 1)
		for j := range p.KPIs {
			p.KPIs[j].Actuals = nil
		}
	}
	path := schema1File(t, old)
	ro, err := OpenReadOnly(path) // read-only: format 1 records read, nothing migrated
	if err != nil {
		t.Fatal(err)
	}
	ps, err := ro.Plans()
	if err != nil || len(ps) != 3 || ps[0].UID != "" || ps[0].Rules.MissingData != "" || ps[0].Rules.RoundingStep != 0 {
		t.Fatalf("read-only schema 1: %d plans, %v, first %+v; want 3 without uids, missing data \"\" (exclude)", len(ps), err, ps)
	}
	ro.Close()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ps, err = db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[app.UID]bool{}
	for i, p := range ps {
		if _, err := app.ParseUID(string(p.UID)); err != nil || seen[p.UID] {
			t.Errorf("plan %d: uid %q (%v), want a fresh uid", p.ID, p.UID, err)
		}
		seen[p.UID] = true
		want := old[i]
		want.UID = p.UID
		want.Rules.RoundingStep, want.Rules.MissingData = 0, "" // format 1 kept neither: "" is exclude
		want.Rules.NoteBelow = 0                                // nor the note rule: off, as it was scored
		for j := range want.KPIs {
			want.KPIs[j].Exempt = ""
		}
		if i < 2 { // schema 3: the two rich plans' Nguyễn Văn A of marketing is one person, NV0001
			want.PersonUID, want.Person.Code, want.Person.Unit = ps[0].PersonUID, "NV0001", ps[0].Person.Unit
		}
		assertPlan(t, p, want)
		byUID, err := db.PlanByUID(p.UID)
		if err != nil || byUID.ID != p.ID {
			t.Errorf("PlanByUID(%s) = %v, %v; want plan %d", p.UID, byUID, err, p.ID)
		}
	}
	if ps[0].PersonUID == "" || ps[0].Person.Unit == "" || ps[2].PersonUID != "" {
		t.Errorf("persons after migration: %q in unit %q, %q; want one registry person with a unit, and none for the empty plan",
			ps[0].PersonUID, ps[0].Person.Unit, ps[2].PersonUID)
	}
	if v := fileVersionOf(t, db); v != uint64(SchemaVersion()) {
		t.Errorf("schema version after migration %d, want %d", v, SchemaVersion())
	}
}

func fileVersionOf(t *testing.T, db *DB) uint64 {
	t.Helper()
	var v uint64
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		v, err = schemaVersion(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}
