package storage

import (
	"encoding/json"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// LibraryEntries returns the user's own library entries and hidden built-ins, ordered by id.
func (db *DB) LibraryEntries() ([]app.LibraryEntry, error) {
	var out []app.LibraryEntry
	err := db.view(func(tx *bolt.Tx) error {
		lib, err := bucket(tx, bucketLibrary)
		if err != nil {
			return err
		}
		return lib.ForEach(func(k, v []byte) error {
			var e app.LibraryEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("entry %s: %w", k, err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load library entries: %w", err)
	}
	return out, nil
}

// SaveLibraryEntry adds or replaces a user's library entry (or a hidden marker), keyed by e.ID.
func (db *DB) SaveLibraryEntry(e app.LibraryEntry) error {
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("storage: encode library entry %s: %w", e.ID, err)
	}
	err = db.update(func(tx *bolt.Tx) error {
		lib, err := bucket(tx, bucketLibrary)
		if err != nil {
			return err
		}
		return lib.Put([]byte(e.ID), v)
	})
	if err != nil {
		return fmt.Errorf("storage: put library entry %q: %w", e.ID, err)
	}
	return nil
}

// DeleteLibraryEntry removes a user's library entry, or returns an error matching app.ErrNotFound.
func (db *DB) DeleteLibraryEntry(id string) error {
	err := db.update(func(tx *bolt.Tx) error {
		lib, err := bucket(tx, bucketLibrary)
		if err != nil {
			return err
		}
		if lib.Get([]byte(id)) == nil {
			return app.ErrNotFound
		}
		return lib.Delete([]byte(id))
	})
	if err != nil {
		return fmt.Errorf("storage: delete library entry %q: %w", id, err)
	}
	return nil
}
