package storage

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// TestSharedTextsRoundTripProperty saves random plans whose texts repeat
// across plans and KPIs (as plans made from the same library do), and reads
// them back through every path: Plans, EachPlan (which reuses its memory
// from plan to plan), Plan and a transaction's Plan.
func TestSharedTextsRoundTripProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	path := filepath.Join(t.TempDir(), "texts.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	pool := randomPlan(r) // texts every plan borrows from
	plans := make([]*app.Plan, 60)
	for i := range plans {
		p := randomPlan(r)
		p.Goal.Text = pool.Goal.Text
		for j := range p.KPIs {
			k, from := &p.KPIs[j], pool.KPIs[(i+j)%max(len(pool.KPIs), 1)]
			if len(pool.KPIs) > 0 && j%2 == 0 {
				k.Name, k.Description, k.Rationale, k.DataSource = from.Name, from.Description, from.Rationale, from.DataSource
			}
			k.Owner = p.Person.Name // a text repeated inside the record
		}
		if i%7 == 0 {
			p.KPIs[0].Description = strings.Repeat("long description ", 80) // past maxShared: in place
		}
		plans[i] = p
	}
	if err := db.SavePlans(plans); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	all, err := db.Plans()
	if err != nil || len(all) != len(plans) {
		t.Fatalf("Plans: %d, %v", len(all), err)
	}
	for i, want := range plans {
		if !reflect.DeepEqual(all[i], want) {
			t.Fatalf("Plans: plan %d:\n got %+v\nwant %+v", want.ID, all[i], want)
		}
		one, err := db.Plan(want.ID)
		if err != nil || !reflect.DeepEqual(one, want) {
			t.Fatalf("Plan(%d): %v\n got %+v\nwant %+v", want.ID, err, one, want)
		}
	}
	i := 0
	err = db.EachPlan(func(p *app.Plan) error {
		if !reflect.DeepEqual(p, plans[i]) {
			return fmt.Errorf("EachPlan: plan %d:\n got %+v\nwant %+v", plans[i].ID, p, plans[i])
		}
		i++
		return nil
	})
	if err != nil || i != len(plans) {
		t.Fatalf("EachPlan walked %d plans: %v", i, err)
	}
}

// TestSharedTextsAreStoredOnce checks that a description used by 200
// plans is in the file once, that each plan record holds a number instead,
// and that a KPI's owner repeating the person's name costs a reference.
func TestSharedTextsAreStoredOnce(t *testing.T) {
	db := openTemp(t)
	desc := "Share of customer tickets answered within the agreed service level, measured by the help desk"
	var plans []*app.Plan
	for range 200 {
		p := richPlan()
		for j := range p.KPIs {
			p.KPIs[j].Description = desc
			p.KPIs[j].Owner = p.Person.Name
		}
		plans = append(plans, p)
	}
	if err := db.SavePlans(plans); err != nil {
		t.Fatal(err)
	}
	inPlace := len(encodePlan(plans[0])) // every text in place, repeats referred to
	err := db.bolt.View(func(tx *bolt.Tx) error {
		n := 0
		err := tx.Bucket(bucketTexts).ForEach(func(_, v []byte) error {
			if string(v) == desc {
				n++
			}
			return nil
		})
		if n != 1 {
			t.Errorf("the description is stored %d times in the text table, want once", n)
		}
		rec := tx.Bucket(bucketPlans).Get(planKey(plans[0].ID))
		if strings.Contains(string(rec), desc) || len(rec) >= inPlace-len(desc) {
			t.Errorf("plan record is %d bytes (%d with every text in place): the description is not shared", len(rec), inPlace)
		}
		if c := strings.Count(string(encodePlan(plans[0])), p0Name(plans)); c != 1 {
			t.Errorf("the person's name is written %d times in a record, want once (then referred to)", c)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

func p0Name(ps []*app.Plan) string { return ps[0].Person.Name }

// TestSchema4MigrationSharesTexts writes a schema 3 file (format 3 plan
// records, no text table), opens it, and checks that the plans read the
// same, their records are now format 4, and the text table holds their texts.
func TestSchema4MigrationSharesTexts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v3.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	plans := []*app.Plan{richPlan(), richPlan(), app.NewPlan()}
	if err := db.SavePlans(plans); err != nil {
		t.Fatal(err)
	}
	err = db.bolt.Update(func(tx *bolt.Tx) error { // back to what schema 3 wrote
		b := tx.Bucket(bucketPlans)
		for _, p := range plans {
			if err := b.Put(planKey(p.ID), encodePlanAs(p, planFormat3)); err != nil {
				return err
			}
		}
		for _, name := range [][]byte{bucketTexts, bucketTextIDs} {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, []byte{0, 0, 0, 0, 0, 0, 0, 3})
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(path) // format 3 read as it is
	if err != nil {
		t.Fatal(err)
	}
	got, err := ro.Plans()
	if err != nil || !reflect.DeepEqual(got, plans) {
		t.Fatalf("schema 3 file read-only: %v\n got %+v\nwant %+v", err, got, plans)
	}
	ro.Close()
	if db, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got, err = db.Plans(); err != nil || !reflect.DeepEqual(got, plans) {
		t.Fatalf("after the migration: %v\n got %+v\nwant %+v", err, got, plans)
	}
	err = db.bolt.View(func(tx *bolt.Tx) error {
		if v, _ := schemaVersion(tx); v != uint64(SchemaVersion()) || v < 4 {
			t.Errorf("schema version %d, want %d", v, SchemaVersion())
		}
		for _, p := range plans {
			if f := tx.Bucket(bucketPlans).Get(planKey(p.ID))[0]; f != planFormat5 {
				t.Errorf("plan %d is in format %d after the migration, want %d", p.ID, f, planFormat5)
			}
		}
		if tx.Bucket(bucketTextIDs).Get([]byte(plans[0].KPIs[0].Name)) == nil {
			t.Errorf("KPI name %q is not in the text table", plans[0].KPIs[0].Name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFormat4DamageIsReported checks that a record referring to a shared
// text the table lacks, or to an earlier text it does not have, fails with
// the plan's id instead of reading a wrong text.
func TestFormat4DamageIsReported(t *testing.T) {
	head := encodePlanAs(app.NewPlan(), planFormat4)[:4] // format, uid "", revision 0, approved once 0
	for name, tc := range map[string]struct {
		rec  []byte
		want string
	}{
		"missing shared text": {append(append([]byte{}, head...), 0, 9<<2|textShared), "shared text 9"},
		"repeat out of range": {append(append([]byte{}, head...), 0, 3<<2|textRepeat), "earlier text 3"},
		"bad kind":            {append(append([]byte{}, head...), 0, 3), "kind"},
	} {
		shared := func(id uint64) (string, error) { return "", fmt.Errorf("shared text %d is missing", id) }
		_, err := decodePlanWith(planKey(7), tc.rec, shared, nil)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "plan 7") {
			t.Errorf("%s: error = %v, want one naming plan 7 and %q", name, err, tc.want)
		}
	}
}
