package storage

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

func TestRestore(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "live.db"))
	if err != nil {
		t.Fatal(err)
	}
	ps := []*app.Plan{richPlan(), richPlan()}
	if err := db.SavePlans(ps); err != nil {
		t.Fatal(err)
	}
	entry := app.LibraryEntry{ID: "mine", Custom: true}
	if err := db.SaveLibraryEntry(entry); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting("lang", "vi"); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(backup); err != nil {
		t.Fatal(err)
	}
	// Change everything after the backup.
	if err := db.DeletePlan(ps[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SavePlan(app.NewPlan()); err != nil { // gets id 3
		t.Fatal(err)
	}
	if err := db.DeleteLibraryEntry("mine"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting("lang", "en"); err != nil {
		t.Fatal(err)
	}

	safety, err := db.Restore(backup)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(safety) != filepath.Dir(db.Path()) || !strings.HasSuffix(safety, ".before-restore.db") {
		t.Errorf("safety copy %s: want it beside %s, named *.before-restore.db", safety, db.Path())
	}
	got, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("restored %d plans, want 2", len(got))
	}
	assertPlan(t, got[0], ps[0])
	assertPlan(t, got[1], ps[1])
	if lang, _ := db.Setting("lang"); lang != "vi" {
		t.Errorf("restored setting lang = %q, want vi", lang)
	}
	if es, _ := db.LibraryEntries(); len(es) != 1 || es[0].ID != "mine" {
		t.Errorf("restored library = %+v, want the entry mine", es)
	}
	p := app.NewPlan()
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	if p.ID != 3 { // the backup's sequence was 2, so the next id is 2 + 1
		t.Errorf("new plan after restore got id %d, want 3", p.ID)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	checkFile(t, db.Path())
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(text, []byte(strings.Repeat("hello\n", 2000)), 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "foreign.db") // a bbolt file of another program
	b, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	newer := newFile(t)
	setFileVersion(t, newer, 99)
	damaged := newFile(t)
	corruptPlan(t, damaged)
	truncated := newFile(t)
	fillFile(t, truncated, 50)
	cutFile(t, truncated, 0.5)
	noPlans := newFile(t)
	dropBucket(t, noPlans, bucketPlans)
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	db := openTemp(t)
	want := richPlan()
	if err := db.SavePlan(want); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		path, msg string
		is        error
	}{
		"text file":     {path: text, msg: "not a KPI Planner database"},
		"missing file":  {path: filepath.Join(dir, "nope.db"), msg: "nope.db"},
		"other program": {path: foreign, msg: "not a KPI Planner database"},
		"newer schema":  {path: newer, msg: "99", is: ErrSchemaTooNew},
		"damaged plan":  {path: damaged, msg: "damaged record"},
		"truncated":     {path: truncated, msg: "truncated", is: app.ErrDamaged},
		"no plans":      {path: noPlans, msg: "no plans"},
		"empty":         {path: empty, msg: "empty", is: app.ErrDamaged},
		"the live file": {path: db.Path(), msg: "database file itself"},
	} {
		safety, err := db.Restore(tc.path)
		if safety != "" {
			t.Errorf("%s: a refused restore wrote a safety copy %s", name, safety)
		}
		if err == nil || !strings.Contains(err.Error(), tc.msg) || (tc.is != nil && !errors.Is(err, tc.is)) {
			t.Errorf("%s: error = %v, want one mentioning %q", name, err, tc.msg)
		}
		got, err := db.Plans()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 {
			t.Fatalf("%s: a refused restore left %d plans, want 1", name, len(got))
		}
		assertPlan(t, got[0], want)
	}
}

// corruptPlan stores a truncated plan record in the closed file at path.
func corruptPlan(t *testing.T, path string) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketPlans).Put(planKey(1), encodePlan(richPlan())[:40])
	})
	if err != nil {
		t.Fatal(err)
	}
}
