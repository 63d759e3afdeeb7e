package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/syncdir"
)

// fileWith makes a closed database at path holding n plans.
func fileWith(t *testing.T, path string, n int) []*app.Plan {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]*app.Plan, n)
	for i := range ps {
		ps[i] = richPlan()
	}
	if err := db.SavePlans(ps); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestMoveFile(t *testing.T) {
	synced := filepath.Join(t.TempDir(), "Sync")
	if err := os.MkdirAll(filepath.Join(synced, ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	from := filepath.Join(synced, "kpi.db")
	ps := fileWith(t, from, 3)
	if p, ok := SyncedFolder(from); !ok || p != syncdir.Syncthing {
		t.Fatalf("SyncedFolder(%s) = %q, %v; want Syncthing", from, p, ok)
	}
	to := filepath.Join(t.TempDir(), "data", "kpiplanner.db") // the folder is created
	if err := MoveFile(from, to); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(from); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the old file is still there: %v", err)
	}
	if _, ok := SyncedFolder(to); ok {
		t.Fatal("the data folder is reported as synced")
	}
	db, err := Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("moved database holds %d plans, want 3", len(got))
	}
	for i := range ps {
		assertPlan(t, got[i], ps[i])
	}
	entries, _ := os.ReadDir(filepath.Dir(to))
	if len(entries) != 1 {
		t.Fatalf("data folder holds %d files, want only the database (no temporary file)", len(entries))
	}
}

func TestMoveFileRefusesToReplaceADatabase(t *testing.T) {
	from := filepath.Join(t.TempDir(), "Dropbox", "kpi.db")
	if err := os.MkdirAll(filepath.Dir(from), 0o700); err != nil {
		t.Fatal(err)
	}
	fileWith(t, from, 1)
	to := filepath.Join(t.TempDir(), "kpiplanner.db")
	fileWith(t, to, 2)
	before, _ := os.ReadFile(to)
	err := MoveFile(from, to)
	var te *TargetExistsError
	if !errors.As(err, &te) || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("err = %v, want a TargetExistsError", err)
	}
	if te.Plans != 2 || te.Path != to || !strings.Contains(err.Error(), "2 plans") {
		t.Fatalf("the refusal says %+v / %v; want the 2 plans at %s", te, err, to)
	}
	after, _ := os.ReadFile(to)
	if string(after) != string(before) {
		t.Fatal("the database at the target was changed")
	}
	if _, err := os.Lstat(from); err != nil {
		t.Fatalf("the source is gone: %v", err)
	}
}

func TestMoveFileOfADamagedDatabaseLeavesItInPlace(t *testing.T) {
	from := filepath.Join(t.TempDir(), "kpi.db")
	if err := os.WriteFile(from, []byte("not a database at all, just text"), 0o600); err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), "kpiplanner.db")
	if err := MoveFile(from, to); err == nil {
		t.Fatal("a damaged file was moved")
	}
	if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("a copy was left at the target: %v", err)
	}
	if b, _ := os.ReadFile(from); string(b) != "not a database at all, just text" {
		t.Fatal("the source was changed")
	}
}
