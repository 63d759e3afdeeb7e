package storage

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kpiplanner/app"
)

// TestRestoreFileReplacesDamagedDatabase: a database that no longer opens is
// replaced by its latest backup found beside it; the damaged file is kept.
func TestRestoreFileReplacesDamagedDatabase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "kpiplanner.db")
	fillFile(t, path, 30)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	old, latest := filepath.Join(dir, "kpiplanner-2026-11-01.db"), filepath.Join(dir, "kpiplanner-2026-11-30.db")
	for _, b := range []string{old, latest} {
		if err := db.Backup(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(old, time.Now(), time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.db"), []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	cutFile(t, path, 0.5)
	if _, err := Open(path); !errors.Is(err, app.ErrDamaged) {
		t.Fatalf("open of the cut file: %v, want ErrDamaged", err)
	}
	damagedBytes := readBytes(t, path)

	found := FindBackups(path, dir, dir)
	if len(found) != 2 || found[0].Path != latest || found[1].Path != old {
		t.Fatalf("FindBackups = %+v, want the latest backup first, then the older one (no damaged file, no text)", found)
	}
	bad := filepath.Join(dir, "bad.db")
	if err := os.WriteFile(bad, readBytes(t, latest)[:8192], 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreFile(path, bad); !errors.Is(err, app.ErrDamaged) {
		t.Errorf("restore from a truncated backup: %v, want ErrDamaged", err)
	}
	if !bytes.Equal(readBytes(t, path), damagedBytes) {
		t.Fatal("a refused restore changed the database file")
	}
	safety, err := RestoreFile(path, found[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readBytes(t, safety), damagedBytes) {
		t.Error("the damaged file was not kept as the safety copy")
	}
	db, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ps, err := db.Plans(); err != nil || len(ps) != 30 {
		t.Errorf("restored database: %d plans, %v; want 30", len(ps), err)
	}
}
