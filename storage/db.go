package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	bolt *bolt.DB
	path string
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
// second with an error matching app.ErrInUse.
func Open(path string) (*DB, error) {
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, InitialMmapSize: initialMmapSize})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("storage: open %s: %w", path, app.ErrInUse)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrVersionMismatch),
		errors.Is(err, bolterrors.ErrChecksum):
		return nil, fmt.Errorf("storage: open %s: not a KPI Planner database or damaged: %w", path, err)
	case err != nil:
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if err := b.Update(migrate); err != nil {
		err = fmt.Errorf("storage: open %s: %w", path, err)
		if cerr := b.Close(); cerr != nil {
			err = errors.Join(err, fmt.Errorf("storage: close %s: %w", path, cerr))
		}
		return nil, err
	}
	return &DB{bolt: b, path: path}, nil
}

// Path returns the database file's location.
func (db *DB) Path() string { return db.path }

// Close releases the database file.
func (db *DB) Close() error {
	if err := db.bolt.Close(); err != nil {
		return fmt.Errorf("storage: close %s: %w", db.path, err)
	}
	return nil
}
