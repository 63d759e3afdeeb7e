package storage

import (
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

func TestPlanRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rt.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	a, b := richPlan(), app.NewPlan()
	b.Name = "empty draft" // no KPIs: KPIs stays nil
	if err := db.SavePlan(a); err != nil {
		t.Fatal(err)
	}
	if err := db.SavePlan(b); err != nil {
		t.Fatal(err)
	}
	if a.ID != 1 || b.ID != 2 {
		t.Fatalf("ids = %d, %d; want 1, 2", a.ID, b.ID)
	}
	got, err := db.Plan(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertPlan(t, got, a)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	db, err = Open(path) // the plans survive closing the file
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 {
		t.Fatalf("Plans returned %d plans, want 2", len(all))
	}
	assertPlan(t, all[0], a)
	assertPlan(t, all[1], b)
	if all[0].KPIs[3].Actuals != nil {
		t.Errorf("KPI without actuals loaded %v, want nil", all[0].KPIs[3].Actuals)
	}
}

func TestSavePlanReplacesActuals(t *testing.T) {
	db := openTemp(t)
	p := richPlan()
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	p.Name = "renamed"
	p.KPIs = slices.Delete(p.KPIs, 1, 2) // drop "cpl", which had actuals
	p.KPIs[0].Actuals = nil              // clear "leads"
	p.KPIs[1].Actuals[0].Value = 13      // edit "conv"
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	if p.ID != 1 {
		t.Fatalf("update changed the id to %d", p.ID)
	}
	got, err := db.Plan(1)
	if err != nil {
		t.Fatal(err)
	}
	assertPlan(t, got, p)
	want := []string{"aov", "conv", "nps"} // only KPIs with actuals keep a record
	if keys := actualKeys(t, db, 1); !slices.Equal(keys, want) {
		t.Errorf("actuals records = %q, want %q", keys, want)
	}
}

// actualKeys lists the KPI ids that have an actuals record for plan id.
func actualKeys(t *testing.T, db *DB, id app.PlanID) []string {
	t.Helper()
	var out []string
	err := db.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketActuals).ForEach(func(k, _ []byte) error {
			if idOf(k) == id {
				out = append(out, string(k[8:]))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeletePlan(t *testing.T) {
	db := openTemp(t)
	a, b := richPlan(), richPlan()
	if err := db.SavePlans([]*app.Plan{a, b}); err != nil {
		t.Fatal(err)
	}
	if err := db.DeletePlan(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Plan(a.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Plan(deleted) error = %v, want ErrNotFound", err)
	}
	if keys := actualKeys(t, db, a.ID); len(keys) != 0 {
		t.Errorf("deleted plan kept actuals records %q", keys)
	}
	if keys := actualKeys(t, db, b.ID); len(keys) != 5 {
		t.Errorf("other plan has %d actuals records, want 5", len(keys))
	}
	all, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].ID != b.ID {
		t.Fatalf("Plans after delete = %d plans, want only plan %d", len(all), b.ID)
	}
	assertPlan(t, all[0], b)
	err = db.DeletePlan(a.ID)
	if !errors.Is(err, app.ErrNotFound) || !strings.Contains(err.Error(), "plan 1") {
		t.Errorf("second delete error = %v, want ErrNotFound naming plan 1", err)
	}
}

func TestSaveActuals(t *testing.T) {
	db := openTemp(t)
	p := richPlan()
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	conv := []app.Actual{{Period: 0, Value: 3, Den: 40}, {Period: 2, Value: 9, Den: 70}}
	if err := db.SaveActuals(p.ID, "conv", conv); err != nil {
		t.Fatal(err)
	}
	launch := []app.Actual{{Period: 5, Value: 1}} // a KPI that had no record
	if err := db.SaveActuals(p.ID, "launch", launch); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveActuals(p.ID, "leads", nil); err != nil { // clears the record
		t.Fatal(err)
	}
	p.KPI("conv").Actuals, p.KPI("launch").Actuals, p.KPI("leads").Actuals = conv, launch, nil
	got, err := db.Plan(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	assertPlan(t, got, p)

	for name, tc := range map[string]struct {
		id  app.PlanID
		kpi string
	}{
		"unknown plan": {id: 99, kpi: "conv"},
		"unknown KPI":  {id: p.ID, kpi: "nope"},
	} {
		err := db.SaveActuals(tc.id, tc.kpi, conv)
		if !errors.Is(err, app.ErrNotFound) {
			t.Errorf("%s: error = %v, want ErrNotFound", name, err)
		}
	}
}

func TestSavePlansAllOrNothing(t *testing.T) {
	db := openTemp(t)
	good, bad := richPlan(), richPlan()
	bad.KPIs[0].ID = strings.Repeat("x", bolt.MaxKeySize) // its actuals key is too long for bbolt
	err := db.SavePlans([]*app.Plan{good, bad})
	if err == nil {
		t.Fatal("SavePlans with an unstorable plan succeeded")
	}
	if good.ID != 0 || bad.ID != 0 {
		t.Errorf("ids after a failed import = %d, %d; want 0, 0", good.ID, bad.ID)
	}
	all, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 0 {
		t.Errorf("a failed import left %d plans", len(all))
	}
	if err := db.SavePlan(good); err != nil {
		t.Fatal(err)
	}
	if good.ID != 1 {
		t.Errorf("id after a rolled-back import = %d, want 1", good.ID)
	}
}

func TestExplicitIDRaisesSequence(t *testing.T) {
	db := openTemp(t)
	p := richPlan()
	p.ID = 10
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	q := richPlan()
	if err := db.SavePlan(q); err != nil {
		t.Fatal(err)
	}
	if q.ID != 11 { // the sequence was raised to 10, so the next id is 10 + 1
		t.Errorf("new plan after id 10 got id %d, want 11", q.ID)
	}
	low := richPlan()
	low.ID = 3
	if err := db.SavePlan(low); err != nil {
		t.Fatal(err)
	}
	all, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	var ids []app.PlanID
	for _, p := range all {
		ids = append(ids, p.ID)
	}
	if want := []app.PlanID{3, 10, 11}; !reflect.DeepEqual(ids, want) {
		t.Errorf("Plans ids = %v, want %v", ids, want)
	}
}

func TestPlanNotFound(t *testing.T) {
	db := openTemp(t)
	_, err := db.Plan(7)
	if !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Plan(7) on an empty file: error = %v, want ErrNotFound", err)
	}
	all, err := db.Plans()
	if err != nil || len(all) != 0 {
		t.Errorf("Plans on an empty file = %v, %v; want none, nil", all, err)
	}
}
