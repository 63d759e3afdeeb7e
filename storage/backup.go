package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"
)

// Backup writes a consistent copy of the whole database to path. The copy is
// written to a temporary file beside path, synced, then renamed over path, so
// path never holds half a backup.
func (db *DB) Backup(path string) (err error) {
	if same, err := samePath(path, db.path); err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	} else if same {
		return fmt.Errorf("storage: backup to %s: that is the database file itself", path)
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".kpiplanner-backup-*.tmp")
	if err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			err = errors.Join(err, ignoreMissing(os.Remove(tmp)))
		}
	}()
	werr := db.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if werr == nil {
		werr = f.Sync()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, werr)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	return nil
}

// samePath reports whether a and b name the same file (both may not exist yet).
func samePath(a, b string) (bool, error) {
	absA, err := filepath.Abs(a)
	if err != nil {
		return false, err
	}
	absB, err := filepath.Abs(b)
	if err != nil {
		return false, err
	}
	if absA == absB {
		return true, nil
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA != nil || errB != nil {
		return false, nil
	}
	return os.SameFile(sa, sb), nil
}

// syncDir flushes a directory's entries so a rename inside it survives a crash.
// Platforms that cannot sync a directory (Windows) skip it.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	serr := d.Sync()
	cerr := d.Close()
	if serr != nil && !isUnsupportedSync(serr) {
		return serr
	}
	return cerr
}

func ignoreMissing(err error) error {
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}
