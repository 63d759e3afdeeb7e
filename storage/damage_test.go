package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// fillFile saves n rich plans into the closed file at path.
func fillFile(t *testing.T, path string, n int) {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := make([]*app.Plan, n)
	for i := range ps {
		ps[i] = richPlan()
		ps[i].Name = fmt.Sprintf("plan %d %s", i, strings.Repeat("x", 200))
	}
	if err := db.SavePlans(ps); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// cutFile truncates the file at path to the given fraction of the pages it
// uses (bbolt's high-water mark), as a copy cut short would be.
func cutFile(t *testing.T, path string, fraction float64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := readMeta(f, 0)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	used := int64(m.pgid) * int64(m.pageSize)
	if err := os.Truncate(path, int64(float64(used)*fraction)); err != nil {
		t.Fatal(err)
	}
}

// zeroPages overwrites every page of the closed file at path after the two
// meta pages with zeros, keeping its size.
func zeroPages(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ps := os.Getpagesize()
	clear(b[2*ps:])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// dropBucket deletes a bucket from the closed file at path.
func dropBucket(t *testing.T, path string, name []byte) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(name) }); err != nil {
		t.Fatal(err)
	}
}

// readBytes returns the file's contents.
func readBytes(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// assertDamaged checks that err matches app.ErrDamaged and names the file.
func assertDamaged(t *testing.T, what string, err error, path, reason string) {
	t.Helper()
	if !errors.Is(err, app.ErrDamaged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), reason) {
		t.Errorf("%s: error = %v, want app.ErrDamaged naming %s and %q", what, err, path, reason)
	}
}

func TestOpenRefusesTruncatedFileWithoutSIGBUS(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cut.db")
	fillFile(t, path, 200)
	cutFile(t, path, 0.5)
	before := readBytes(t, path)
	for _, open := range []func(string) (*DB, error){Open, OpenReadOnly} {
		db, err := open(path)
		if err == nil {
			db.Close()
			t.Fatal("opened a truncated file")
		}
		assertDamaged(t, "truncated file", err, path, "truncated")
	}
	if !bytes.Equal(readBytes(t, path), before) {
		t.Error("refusing a truncated file changed it")
	}
}

func TestOpenRefusesZeroByteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err == nil {
		db.Close()
		t.Fatal("a 0-byte file was opened as an empty workspace")
	}
	assertDamaged(t, "0-byte file", err, path, "empty")
	if st, err := os.Stat(path); err != nil || st.Size() != 0 {
		t.Errorf("refusing a 0-byte file changed it: %v, %v", st, err)
	}
}

// TestZeroedPagesNeverPanicNorWritten zeroes every data page of a cleanly
// closed file: reading it reports damage (no panic), and nothing is written
// into it afterwards.
func TestZeroedPagesNeverPanicNorWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "zeroed.db")
	fillFile(t, path, 50)
	zeroPages(t, path)
	before := readBytes(t, path)
	db, err := Open(path)
	if err != nil {
		assertDamaged(t, "open", err, path, "")
	} else {
		_, err := db.Plans()
		assertDamaged(t, "list", err, path, "")
		err = db.SavePlan(richPlan())
		assertDamaged(t, "save after a failed read", err, path, "")
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	}
	if !bytes.Equal(readBytes(t, path), before) {
		t.Error("a damaged file was written into")
	}
}

// TestZeroedLeafRefusedOnOpen zeroes one page in the middle of a cleanly
// closed file, which bbolt only reads when a plan on it is read: Open checks
// every page and refuses the file, so an import cannot write into it.
func TestZeroedLeafRefusedOnOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "leaf.db")
	fillFile(t, path, 200)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := readMeta(f, 0)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	b := readBytes(t, path)
	page := int(m.pgid / 2)
	clear(b[page*int(m.pageSize) : (page+1)*int(m.pageSize)])
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err == nil {
		db.Close()
		t.Fatal("opened a file with a zeroed page")
	}
	assertDamaged(t, "zeroed page", err, path, "")
	if !bytes.Equal(readBytes(t, path), b) {
		t.Error("refusing the file changed it")
	}
}

// TestUncleanCloseRunsPageCheck damages a page of a file whose last session
// did not close (the open marker is still set): Open checks every page and
// refuses it before writing anything.
func TestUncleanCloseRunsPageCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crashed.db")
	fillFile(t, path, 50)
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyOpen, []byte{1}) }); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	zeroPages(t, path)
	before := readBytes(t, path)
	db, err := Open(path)
	if err == nil {
		db.Close()
		t.Fatal("opened a damaged file after an unclean close")
	}
	assertDamaged(t, "unclean close", err, path, "")
	if !bytes.Equal(readBytes(t, path), before) {
		t.Error("refusing the file changed it")
	}
}

func TestCleanCloseMarker(t *testing.T) {
	path := filepath.Join(t.TempDir(), "marker.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	marked := func() bool {
		b, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: lockTimeout})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		var m bool
		_ = b.View(func(tx *bolt.Tx) error { m = uncleanClose(tx); return nil })
		return m
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if marked() {
		t.Error("a cleanly closed file still has the open marker")
	}
}

func TestReadOnlyOpenLeavesReadOnlyFileUnchanged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	fillFile(t, path, 3)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := readBytes(t, path)
	db, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := db.Plans()
	if err != nil || len(ps) != 3 {
		t.Errorf("Plans = %d plans, %v; want 3", len(ps), err)
	}
	if err := db.SavePlan(app.NewPlan()); err == nil {
		t.Error("saved into a database opened read-only")
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readBytes(t, path), before) {
		t.Error("reading a read-only file changed it")
	}
}

func TestRestoreWritesSafetyCopyFirst(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(filepath.Join(dir, "kpiplanner.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := db.Backup(backup); err != nil { // an empty workspace
		t.Fatal(err)
	}
	live := make([]*app.Plan, 5)
	for i := range live {
		live[i] = richPlan()
	}
	if err := db.SavePlans(live); err != nil {
		t.Fatal(err)
	}
	safety, err := db.Restore(backup)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^kpiplanner-\d{4}-\d\d-\d\d-\d{4}\.before-restore\.db$`).MatchString(filepath.Base(safety)) ||
		filepath.Dir(safety) != dir {
		t.Errorf("safety copy %s: want %s/kpiplanner-YYYY-MM-DD-HHMM.before-restore.db", safety, dir)
	}
	if ps, _ := db.Plans(); len(ps) != 0 {
		t.Errorf("restored database has %d plans, want the backup's 0", len(ps))
	}
	kept, err := OpenReadOnly(safety)
	if err != nil {
		t.Fatal(err)
	}
	defer kept.Close()
	ps, err := kept.Plans()
	if err != nil || len(ps) != 5 {
		t.Errorf("safety copy holds %d plans (%v), want the 5 replaced", len(ps), err)
	}
	// A second restore in the same minute does not overwrite the first copy.
	second, err := db.Restore(backup)
	if err != nil {
		t.Fatal(err)
	}
	if second == safety {
		t.Errorf("second safety copy %s overwrote the first", second)
	}
}

func TestSafetyCopyPath(t *testing.T) {
	at := time.Date(2026, 12, 1, 23, 5, 0, 0, time.UTC)
	got := SafetyCopyPath(filepath.Join("/data", "kpiplanner.db"), at)
	if want := filepath.Join("/data", "kpiplanner-2026-12-01-2305.before-restore.db"); got != want {
		t.Errorf("SafetyCopyPath = %s, want %s", got, want)
	}
}
