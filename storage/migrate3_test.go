package storage

import (
	"encoding/binary"
	"path/filepath"
	"reflect"
	"testing"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
)

// schema2File writes a file as schema version 2 wrote it: format 2 plan
// records with uids and their index, actuals, no company buckets. Plans
// without an id are numbered from 1 and given a uid.
func schema2File(t testing.TB, path string, ps []*app.Plan) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *bolt.Tx) error {
		if err := createBuckets(tx); err != nil {
			return err
		}
		uids, err := tx.CreateBucket(bucketPlanUIDs)
		if err != nil {
			return err
		}
		if err := tx.Bucket(bucketMeta).Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, 2)); err != nil {
			return err
		}
		plans, acts := tx.Bucket(bucketPlans), tx.Bucket(bucketActuals)
		for i, p := range ps {
			if p.ID == 0 {
				p.ID = app.PlanID(i + 1)
			}
			if p.UID == "" {
				p.UID = app.NewUID()
			}
			if err := plans.Put(planKey(p.ID), encodePlanAs(p, planFormat2)); err != nil {
				return err
			}
			if err := uids.Put([]byte(p.UID), planKey(p.ID)); err != nil {
				return err
			}
			for _, k := range p.KPIs {
				if len(k.Actuals) > 0 {
					if err := acts.Put(actualsKey(p.ID, k.ID), encodeActuals(k.Actuals)); err != nil {
						return err
					}
				}
			}
		}
		return plans.SetSequence(uint64(len(ps)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// migrationPlan returns a rich plan (actuals without comments, as format 2
// kept them) of person name in department dept.
func migrationPlan(name, dept, position string, bonus float64) *app.Plan {
	p := richPlan()
	p.Status = app.LegacyActive
	p.Person = app.Person{Name: name, Department: dept, Position: position, BaseBonus: bonus, Currency: "VND"}
	p.Rules.NoteBelow = 0 // format 2 has no note rule
	return p
}

// TestSchema3MigrationMakesPeopleAndUnits migrates a hand-made schema 2
// file: people merged by name and department after NFC and trimming, coded
// in plan order; a unit per department under the root, codes without
// accents and de-duplicated; every plan refers to its person, nothing else
// changes but the legacy status.
func TestSchema3MigrationMakesPeopleAndUnits(t *testing.T) {
	nfd := norm.NFD.String("Hồ Văn Bình")
	old := []*app.Plan{
		migrationPlan("Trần Thị Lan", "Kinh doanh", "Sales", 5e6),   // NV0001 in KINH-DOANH
		migrationPlan(" Trần Thị Lan ", "Kinh doanh ", "Lead", 7e6), // the same person: the first plan's position and bonus win
		migrationPlan(nfd, "Kế toán", "Accountant", 6e6),            // NV0002 in KE-TOAN
		migrationPlan("Hồ Văn Bình", "Kế toán", "", 0),              // NFC: the same as NFD
		migrationPlan("Trần Thị Lan", "Kế toán", "Auditor", 1),      // another department: NV0003
		migrationPlan("An", "", "Driver", 2),                        // NV0004, no unit
		migrationPlan("", "Kinh doanh", "", 0),                      // no name: no person
		migrationPlan("Chi", "Company", "CEO", 3),                   // NV0005 in COMPANY-2
		migrationPlan("Dũng", "Kinh-doanh", "", 4),                  // NV0006 in KINH-DOANH-2
	}
	path := filepath.Join(t.TempDir(), "v2.db")
	schema2File(t, path, old)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v := fileVersionOf(t, db); v != uint64(SchemaVersion()) {
		t.Errorf("schema version %d, want %d (3, then the migrations after it)", v, SchemaVersion())
	}
	units, err := db.Units()
	if err != nil {
		t.Fatal(err)
	}
	wantUnits := [][2]string{{"COMPANY", "Company"}, {"COMPANY-2", "Company"}, {"KE-TOAN", "Kế toán"},
		{"KINH-DOANH", "Kinh doanh"}, {"KINH-DOANH-2", "Kinh-doanh"}}
	byCode := map[string]app.UID{}
	for i, u := range units {
		byCode[u.Code] = u.UID
		if i >= len(wantUnits) || u.Code != wantUnits[i][0] || u.Name != wantUnits[i][1] || (u.Parent == "") != (i == 0) {
			t.Errorf("unit %d = %+v, want %v under the root", i, u, wantUnits[min(i, len(wantUnits)-1)])
		}
	}
	if len(units) != len(wantUnits) || units[1].Parent != units[0].UID {
		t.Fatalf("%d units, want %d under COMPANY", len(units), len(wantUnits))
	}
	people, err := db.People()
	if err != nil {
		t.Fatal(err)
	}
	want := []app.Employee{
		{Code: "NV0001", Name: "Trần Thị Lan", Unit: byCode["KINH-DOANH"], Position: "Sales", BaseBonus: 5e6, Currency: "VND"},
		{Code: "NV0002", Name: "Hồ Văn Bình", Unit: byCode["KE-TOAN"], Position: "Accountant", BaseBonus: 6e6, Currency: "VND"},
		{Code: "NV0003", Name: "Trần Thị Lan", Unit: byCode["KE-TOAN"], Position: "Auditor", BaseBonus: 1, Currency: "VND"},
		{Code: "NV0004", Name: "An", Position: "Driver", BaseBonus: 2, Currency: "VND"},
		{Code: "NV0005", Name: "Chi", Unit: byCode["COMPANY-2"], Position: "CEO", BaseBonus: 3, Currency: "VND"},
		{Code: "NV0006", Name: "Dũng", Unit: byCode["KINH-DOANH-2"], Position: "", BaseBonus: 4, Currency: "VND"},
	}
	if len(people) != len(want) {
		t.Fatalf("%d people, want %d: %+v", len(people), len(want), people)
	}
	for i := range want {
		want[i].UID = people[i].UID
		if people[i] != want[i] || people[i].UID == "" {
			t.Errorf("person %d:\n got %+v\nwant %+v", i, people[i], want[i])
		}
	}
	checkMigratedPlans(t, db, old, people, []int{0, 0, 1, 1, 2, 3, -1, 4, 5})
}

// checkMigratedPlans checks plan i reads back as old[i] with status
// approved, referring to people[person[i]] (none for -1), its person view
// from the registry.
func checkMigratedPlans(t *testing.T, db *DB, old []*app.Plan, people []app.Employee, person []int) {
	t.Helper()
	units, _ := db.Units()
	org := app.NewOrg(units)
	got, err := db.Plans()
	if err != nil || len(got) != len(old) {
		t.Fatalf("%d plans, %v; want %d", len(got), err, len(old))
	}
	for i, p := range got {
		w := old[i] // not Clone: it makes empty slices nil
		w.Status = app.Approved
		if person[i] >= 0 {
			w.PersonUID = people[person[i]].UID
			w.Person = app.PersonOf(&people[person[i]], org)
		}
		if !reflect.DeepEqual(p, w) {
			t.Errorf("plan %d after migration:\n got %+v\nwant %+v", p.ID, p, w)
		}
	}
}

// TestSchema2FileReadsReadOnly: a schema 2 file opened read-only is not
// migrated and its plans read without the registry.
func TestSchema2FileReadsReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "v2.db")
	old := []*app.Plan{migrationPlan("Lan", "Sales", "", 1)}
	schema2File(t, path, old)
	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ps, err := db.Plans()
	people, perr := db.People()
	if err != nil || perr != nil || len(ps) != 1 || ps[0].PersonUID != "" || ps[0].Person != old[0].Person || len(people) != 0 {
		t.Errorf("read-only schema 2: %+v (%v), people %v (%v)", ps, err, people, perr)
	}
	if v := fileVersionOf(t, db); v != 2 {
		t.Errorf("read-only open changed the version to %d", v)
	}
}

func TestUnitCode(t *testing.T) {
	for name, want := range map[string]string{
		"Kinh doanh":                 "KINH-DOANH",
		"Phòng Đào tạo & Phát triển": "PHONG-DAO-TAO-PHAT-TRIEN",
		norm.NFD.String("Kế toán"):   "KE-TOAN",
		"  HR  ":                     "HR",
		"日本":                         "UNIT",
		"R&D 2":                      "R-D-2",
	} {
		if got := unitCode(name); got != want {
			t.Errorf("unitCode(%q) = %q, want %q", name, got, want)
		}
	}
}
