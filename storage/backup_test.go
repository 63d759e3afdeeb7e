package storage

import (
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

func TestBackup(t *testing.T) {
	db := openTemp(t)
	ps := []*app.Plan{richPlan(), richPlan(), app.NewPlan()}
	if err := db.SavePlans(ps); err != nil {
		t.Fatal(err)
	}
	if err := db.SetSetting("lang", "vi"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := filepath.Join(dir, "backup.db")
	if err := os.WriteFile(dst, []byte("an older backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(dst); err != nil { // replaces the older file
		t.Fatal(err)
	}
	if err := db.DeletePlan(ps[0].ID); err != nil { // later changes stay out of the backup
		t.Fatal(err)
	}

	checkFile(t, dst)
	b, err := Open(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	got, err := b.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(ps) {
		t.Fatalf("backup holds %d plans, want %d", len(got), len(ps))
	}
	for i := range ps {
		assertPlan(t, got[i], ps[i])
	}
	if v, err := b.Setting("lang"); err != nil || v != "vi" {
		t.Errorf("backup setting lang = %q, %v; want vi", v, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("backup folder holds %d files, want only backup.db (no temporary file)", len(entries))
	}
	if err := db.Backup(db.Path()); err == nil {
		t.Error("backing up over the database file itself succeeded")
	}
	if err := db.Backup(filepath.Join(dir, "missing", "b.db")); err == nil {
		t.Error("backup into a missing folder succeeded")
	}
}

// checkFile runs bbolt's consistency check on the file at path and fails the
// test for every problem it reports.
func checkFile(t *testing.T, path string) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.View(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			t.Errorf("%s: %v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
