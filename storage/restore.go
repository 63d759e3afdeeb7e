package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"kpiplanner/app"
)

// Restore replaces the whole database with the backup file at path, after
// checking that the backup is a sound KPI Planner file this version can read.
// The replacement is one transaction: on any error the database is unchanged.
// A backup from an older version is migrated as it is restored.
func (db *DB) Restore(path string) error {
	if err := db.restore(path); err != nil {
		return fmt.Errorf("storage: restore from %s: %w", path, err)
	}
	return nil
}

func (db *DB) restore(path string) error {
	if same, err := samePath(path, db.path); err != nil {
		return err
	} else if same {
		return errors.New("that is the database file itself")
	}
	src, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return app.ErrInUse
	case errors.Is(err, fs.ErrNotExist):
		return err
	case err != nil:
		return fmt.Errorf("not a KPI Planner database or damaged: %w", err)
	}
	defer src.Close()
	return src.View(func(stx *bolt.Tx) error {
		if err := checkBackup(stx); err != nil {
			return err
		}
		return db.update(func(tx *bolt.Tx) error {
			if err := replaceAll(tx, stx); err != nil {
				return err
			}
			return migrate(tx)
		})
	})
}

// checkBackup verifies a backup's structure, schema version and every record.
func checkBackup(tx *bolt.Tx) error {
	for err := range tx.Check() {
		return fmt.Errorf("the file is damaged: %w", err)
	}
	if tx.Bucket(bucketMeta) == nil {
		return errors.New("not a KPI Planner database (no schema version)")
	}
	v, err := schemaVersion(tx)
	if err != nil {
		return err
	}
	if v > uint64(SchemaVersion()) {
		return fmt.Errorf("%w (file schema version %d, this version knows up to %d)", ErrSchemaTooNew, v, SchemaVersion())
	}
	return checkRecords(tx)
}

// checkRecords decodes every plan, actuals record and library entry of tx.
func checkRecords(tx *bolt.Tx) error {
	if b := tx.Bucket(bucketPlans); b != nil {
		if err := b.ForEach(func(k, v []byte) error { _, err := decodePlan(k, v); return err }); err != nil {
			return err
		}
	}
	if b := tx.Bucket(bucketActuals); b != nil {
		err := b.ForEach(func(k, v []byte) error {
			if _, err := decodeActuals(v); err != nil {
				return fmt.Errorf("plan %d actuals %q: %w", idOf(k), k[min(len(k), 8):], err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if b := tx.Bucket(bucketLibrary); b != nil {
		return b.ForEach(func(k, v []byte) error {
			var e app.LibraryEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("library entry %s: %w", k, err)
			}
			return nil
		})
	}
	return nil
}

// replaceAll deletes every bucket of dst and copies every bucket of src into it.
func replaceAll(dst, src *bolt.Tx) error {
	var names [][]byte
	err := dst.ForEach(func(name []byte, _ *bolt.Bucket) error {
		names = append(names, append([]byte(nil), name...))
		return nil
	})
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := dst.DeleteBucket(name); err != nil {
			return fmt.Errorf("clear bucket %s: %w", name, err)
		}
	}
	return src.ForEach(func(name []byte, from *bolt.Bucket) error {
		to, err := dst.CreateBucket(name)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
		return copyBucket(to, from)
	})
}

// copyBucket copies from's keys, nested buckets and sequence into the empty bucket to.
// The values stay in src's memory map, so src's transaction must outlive dst's.
func copyBucket(to, from *bolt.Bucket) error {
	to.FillPercent = fillPercent
	if err := to.SetSequence(from.Sequence()); err != nil {
		return err
	}
	return from.ForEach(func(k, v []byte) error {
		if v != nil {
			return to.Put(k, v)
		}
		sub, err := to.CreateBucket(k)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", k, err)
		}
		return copyBucket(sub, from.Bucket(k))
	})
}
