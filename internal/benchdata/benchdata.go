// Package benchdata builds the large demo-company databases the benchmarks
// read, once, and caches them under the temporary folder keyed by company
// size and schema version (writing 50 000 plans takes about half a minute).
// Only tests and benchmarks import it. A change of record format within
// one schema version needs the cache folder removed by hand.
package benchdata

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"kpiplanner/app/demo"
	"kpiplanner/storage"
)

// Company returns the path of a cached database holding the demo company of
// people people (seed 1, English): its units, people and plans as
// `kpi demo --people N` writes them. Callers must not write to it: open it
// with storage.OpenReadOnly, or copy it first (Copy).
func Company(tb testing.TB, people int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "kpiplanner-bench")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("company-%d-schema%d.db", people, storage.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + fmt.Sprintf(".%d.tmp", os.Getpid())
	_ = os.Remove(tmp)
	db, err := storage.Open(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := demo.Save(db, people, 1, "en"); err != nil {
		db.Close()
		tb.Fatal(err)
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Copy copies the database at src into a new file in tb's temporary folder
// and returns its path, so a benchmark can write to it.
func Copy(tb testing.TB, src string) string {
	tb.Helper()
	dst := filepath.Join(tb.TempDir(), filepath.Base(src))
	if err := copyFile(dst, src); err != nil {
		tb.Fatal(err)
	}
	return dst
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("benchdata: %w", err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("benchdata: %w", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("benchdata: copy %s: %w", src, err)
	}
	return out.Close()
}
