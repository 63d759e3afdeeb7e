package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"kpiplanner/app"
)

// lockTimeout is how long Open waits for another process to release the file.
const lockTimeout = 500 * time.Millisecond

// DB is a KPI Planner workspace stored in one bbolt file. It is safe for
// concurrent use; only one process (or one Open) may hold the file at a time.
type DB struct {
	bolt     *bolt.DB
	path     string
	readOnly bool
	damaged  atomic.Bool // a read found a broken page: nothing more is written
}

var _ app.Store = (*DB)(nil)

// DefaultPath returns the workspace file in the user's configuration folder
// (for example ~/.config/kpiplanner/kpiplanner.db), creating the folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("storage: find the configuration folder: %w", err)
	}
	dir = filepath.Join(dir, "kpiplanner")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("storage: create %s: %w", dir, err)
	}
	return filepath.Join(dir, "kpiplanner.db"), nil
}

// Open opens (or creates) the workspace file at path and brings its schema up
// to date. When another process holds the file it fails within about half a
// second with an error matching app.ErrInUse. A file that is empty,
// truncated, has no valid meta page or (after a session that did not close
// cleanly) fails bbolt's page check is refused with an error matching
// app.ErrDamaged, before anything is written into it.
func Open(path string) (*DB, error) {
	return open(path, false)
}

// OpenReadOnly opens an existing workspace file for reading only: nothing is
// written into it (not even a schema migration), so a backup or a read-only
// file can be read without being changed. Writes fail. It runs the checks of
// Open and refuses a file of a newer schema.
func OpenReadOnly(path string) (*DB, error) {
	return open(path, true)
}

func open(path string, readOnly bool) (*DB, error) {
	fc, err := checkDBFile(path)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if readOnly && !fc.exists {
		return nil, fmt.Errorf("storage: open %s: %w", path, os.ErrNotExist)
	}
	b, err := boltOpen(path, &bolt.Options{Timeout: lockTimeout, InitialMmapSize: initialMmapSize, ReadOnly: readOnly})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("storage: open %s: %w", path, app.ErrInUse)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch),
		errors.Is(err, bolterrors.ErrChecksum):
		return nil, fmt.Errorf("storage: open %s: not a KPI Planner database or damaged: %w", path, err)
	case err != nil:
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	db := &DB{bolt: b, path: path, readOnly: readOnly}
	if err := db.start(fc); err != nil {
		err = fmt.Errorf("storage: open %s: %w", path, err)
		if cerr := b.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("storage: close %s: %w", path, cerr))
		}
		return nil, err
	}
	return db, nil
}

// fullCheckSize is the file size up to which Open checks every page each
// time (bbolt's check reads 32 MB in about 4 ms); a bigger file is checked
// when its last session did not close cleanly or a meta page is bad.
const fullCheckSize = 256 << 20

// start checks the opened file's pages (see fullCheckSize), then, unless
// read-only, migrates it and marks it open.
func (db *DB) start(fc fileCheck) error {
	err := db.view(func(tx *bolt.Tx) error {
		if fc.oneMeta || fc.size <= fullCheckSize || uncleanClose(tx) {
			if err := checkTx(db.path, tx); err != nil {
				return err
			}
		}
		if db.readOnly {
			return checkSchema(tx)
		}
		return nil
	})
	if err != nil || db.readOnly {
		return err
	}
	return db.update(func(tx *bolt.Tx) error {
		if err := migrate(tx); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyOpen, []byte{1})
	})
}

// checkSchema refuses a file of a schema newer than this code knows.
func checkSchema(tx *bolt.Tx) error {
	v, err := schemaVersion(tx)
	if err != nil {
		return err
	}
	if v > uint64(SchemaVersion()) {
		return fmt.Errorf("%w (file schema version %d, this version knows up to %d): update KPI Planner to open it",
			ErrSchemaTooNew, v, SchemaVersion())
	}
	return nil
}

// Path returns the database file's location.
func (db *DB) Path() string { return db.path }

// ReadOnly reports whether the database was opened with OpenReadOnly.
func (db *DB) ReadOnly() bool { return db.readOnly }

// Close marks the file as cleanly closed and releases it.
func (db *DB) Close() error {
	var merr error
	if !db.readOnly && !db.damaged.Load() {
		merr = db.update(func(tx *bolt.Tx) error {
			if m := tx.Bucket(bucketMeta); m != nil {
				return m.Delete(keyOpen)
			}
			return nil
		})
	}
	if err := db.bolt.Close(); err != nil {
		return errors.Join(merr, fmt.Errorf("storage: close %s: %w", db.path, err))
	}
	if merr != nil {
		return fmt.Errorf("storage: close %s: %w", db.path, merr)
	}
	return nil
}

// view runs fn in a read transaction. bbolt panics on a broken page; that
// panic is turned into an error matching app.ErrDamaged, and the database
// refuses every later write.
func (db *DB) view(fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // a file cut short while open: a panic, not a SIGBUS crash
	defer db.recoverDamage(&err)
	return db.bolt.View(fn)
}

// update runs fn in a write transaction, unless the database is read-only or
// was found damaged; a panic on a broken page rolls the transaction back and
// is reported as in view.
func (db *DB) update(fn func(*bolt.Tx) error) (err error) {
	switch {
	case db.readOnly:
		return fmt.Errorf("the database %s is open read-only", db.path)
	case db.damaged.Load():
		return damaged(db.path, "a page failed to read earlier; nothing more is written into it")
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer db.recoverDamage(&err)
	return db.bolt.Update(fn)
}

func (db *DB) recoverDamage(err *error) {
	if r := recover(); r != nil {
		db.damaged.Store(true)
		*err = damaged(db.path, "%v", r)
	}
}
