package storage_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/plandoc"
	"kpiplanner/storage"
)

// openWithOne opens a new database holding one demo plan (id 1) and returns
// it with that plan's document, to compare after a failed import.
func openWithOne(t *testing.T) (*storage.DB, []byte) {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "import.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.SavePlans(demo.Company(1, 7)); err != nil {
		t.Fatal(err)
	}
	return db, documentOf(t, db)
}

// documentOf returns every plan of db as a plan document.
func documentOf(t *testing.T, db *storage.DB) []byte {
	t.Helper()
	plans, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	b, err := plandoc.Marshal(plans)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// putAll returns a producer that puts plans one by one.
func putAll(plans []*app.Plan) func(put func(*app.Plan) error) error {
	return func(put func(*app.Plan) error) error {
		for _, p := range plans {
			if err := put(p); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestImportPlans(t *testing.T) {
	db, _ := openWithOne(t)
	plans := demo.Company(3, 1)
	n, err := db.ImportPlans(putAll(plans))
	if err != nil || n != 3 {
		t.Fatalf("imported %d plans: %v", n, err)
	}
	all, err := db.Plans()
	if err != nil || len(all) != 4 {
		t.Fatalf("%d plans after the import: %v", len(all), err)
	}
	// ids 2, 3, 4 follow the plan already there (1)
	want, _ := plandoc.Marshal(plans)
	got, _ := plandoc.Marshal(all[1:])
	if plans[0].ID != 2 || plans[2].ID != 4 || !bytes.Equal(got, want) {
		t.Errorf("ids %d … %d; stored plans equal the imported ones: %v", plans[0].ID, plans[2].ID, bytes.Equal(got, want))
	}
}

func TestImportPlansAllOrNothing(t *testing.T) {
	stop := errors.New("the producer gave up")
	unstorable := demo.Company(1, 3)[0]
	unstorable.KPIs[0].ID = strings.Repeat("x", bolt.MaxKeySize) // its actuals key is too long for bbolt
	cases := map[string]struct {
		produce func(put func(*app.Plan) error) error
		want    string // the error starts with this
	}{
		"producer fails after 300 plans": {func(put func(*app.Plan) error) error {
			if err := putAll(demo.Company(300, 2))(put); err != nil {
				return err
			}
			return stop
		}, "the producer gave up"},
		"a put fails": {putAll(append(demo.Company(300, 2), unstorable)), "storage: import plan 301 ("},
		"a nil plan":  {putAll(append(demo.Company(2, 2), nil)), "storage: import plan 3: the plan is nil"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			db, before := openWithOne(t)
			n, err := db.ImportPlans(c.produce)
			if n != 0 || err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("imported %d plans, error %v; want 0 and %q…", n, err, c.want)
			}
			if c.want == stop.Error() && err != stop {
				t.Errorf("the producer's error came back as %#v", err)
			}
			if after := documentOf(t, db); !bytes.Equal(after, before) {
				t.Errorf("a failed import changed the plans:\n%.500s", after)
			}
			p := demo.Company(1, 4)[0]
			if err := db.SavePlan(p); err != nil || p.ID != 2 { // the id sequence was rolled back too
				t.Errorf("next plan got id %d (%v), want 2", p.ID, err)
			}
		})
	}
}

// TestImportStreamBadPlanLate streams a document whose last plan is bad:
// every plan before it was already put when the problem is found, and none
// of them is left in the database.
func TestImportStreamBadPlanLate(t *testing.T) {
	const people = 1500
	var doc bytes.Buffer
	if err := plandoc.Encode(&doc, demo.Company(people, 1)); err != nil {
		t.Fatal(err)
	}
	b := doc.Bytes()
	at := bytes.LastIndex(b, []byte(`"frequency": "monthly"`))
	b = append(b[:at:at], bytes.Replace(b[at:], []byte(`"monthly"`), []byte(`"hourly"`), 1)...)

	db, before := openWithOne(t)
	put := 0
	n, err := db.ImportPlans(func(save func(*app.Plan) error) error {
		return plandoc.Stream(bytes.NewReader(b), func(p *app.Plan) error {
			put++
			return save(p)
		})
	})
	var de *plandoc.Error
	if n != 0 || !errors.As(err, &de) || len(de.Problems) != 1 || !strings.HasPrefix(de.Problems[0].Path, "plans[1499] (") ||
		!strings.Contains(de.Problems[0].Msg, "cycle.frequency") {
		t.Fatalf("imported %d plans, error %v; want plans[1499]'s cycle.frequency", n, err)
	}
	if put != people-1 {
		t.Errorf("%d plans were put before the problem, want %d", put, people-1)
	}
	if after := documentOf(t, db); !bytes.Equal(after, before) {
		t.Errorf("a failed import changed the plans:\n%.500s", after)
	}
}
