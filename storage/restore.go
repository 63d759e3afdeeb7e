package storage

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"kpiplanner/app"
)

// Restore replaces the whole database with the backup file at path, after
// checking that the backup is a sound KPI Planner file this version can read:
// a file that is truncated, lacks the plans bucket, has a newer schema, fails
// bbolt's page check or holds a record that does not decode is refused before
// anything is written. Then it writes a safety copy of the current database
// beside it (see SafetyCopyPath) and replaces everything in one transaction;
// it returns the safety copy's path. On any error the database is unchanged.
// A backup from an older version is migrated as it is restored.
func (db *DB) Restore(path string) (string, error) {
	safety, err := db.restore(path)
	if err != nil {
		return safety, fmt.Errorf("storage: restore from %s: %w", path, err)
	}
	return safety, nil
}

func (db *DB) restore(path string) (string, error) {
	if same, err := samePath(path, db.path); err != nil {
		return "", err
	} else if same {
		return "", errors.New("that is the database file itself")
	}
	src, err := openBackup(path)
	if err != nil {
		return "", err
	}
	defer src.Close()
	safety := ""
	err = viewChecked(src, func(stx *bolt.Tx) error {
		if err := checkBackup(stx); err != nil {
			return err
		}
		safety = SafetyCopyPath(db.path, time.Now())
		if err := db.Backup(safety); err != nil {
			safety = ""
			return fmt.Errorf("write the safety copy of the current database: %w", err)
		}
		return db.update(func(tx *bolt.Tx) error {
			if err := replaceAll(tx, stx); err != nil {
				return err
			}
			if err := migrate(tx); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(keyOpen, []byte{1})
		})
	})
	return safety, err
}

// SafetyCopyPath returns where Restore keeps a copy of the database at dbPath
// before replacing it at time t: beside it, named with the date and time, such
// as kpiplanner-2026-12-01-2305.before-restore.db (with -2, -3… when taken).
func SafetyCopyPath(dbPath string, t time.Time) string {
	base := strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath))
	stem := filepath.Join(filepath.Dir(dbPath), base+"-"+t.Format("2006-01-02-1504"))
	name := stem + ".before-restore.db"
	for n := 2; ; n++ {
		if _, err := os.Lstat(name); errors.Is(err, fs.ErrNotExist) {
			return name
		}
		name = fmt.Sprintf("%s-%d.before-restore.db", stem, n)
	}
}

// openBackup opens the backup file at path read-only, after checking its
// size and meta pages so that a truncated file is refused, not mapped.
func openBackup(path string) (*bolt.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	if _, err := checkDBFile(path); err != nil {
		return nil, err
	}
	src, err := boltOpen(path, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, app.ErrInUse
	case err != nil:
		return nil, fmt.Errorf("not a KPI Planner database or damaged: %w", err)
	}
	return src, nil
}

// viewChecked runs fn in a read transaction of b, turning a panic on a broken
// page into an error.
func viewChecked(b *bolt.DB, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = damaged(b.Path(), "%v", r)
		}
	}()
	return b.View(fn)
}

// checkBackup verifies a backup's structure, schema version and every record.
func checkBackup(tx *bolt.Tx) error {
	if err := checkTx(tx.DB().Path(), tx); err != nil {
		return err
	}
	if tx.Bucket(bucketMeta) == nil {
		return errors.New("not a KPI Planner database (no schema version)")
	}
	if tx.Bucket(bucketPlans) == nil {
		return errors.New("not a KPI Planner database (no plans)")
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
		shared, err := sharedTexts(tx, true, nil)
		if err != nil {
			return err
		}
		if err := b.ForEach(func(k, v []byte) error { _, err := decodePlanWith(k, v, shared, nil); return err }); err != nil {
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
		err := b.ForEach(func(k, v []byte) error {
			var e app.LibraryEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("library entry %s: %w", k, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return checkCompanyRecords(tx)
}

// checkCompanyRecords decodes every person, unit, history and log entry and
// period close of tx (schema 3), and checks the code indexes point at them.
func checkCompanyRecords(tx *bolt.Tx) error {
	checks := []struct {
		name   []byte
		decode func(k, v []byte) error
	}{
		{bucketPeople, func(k, v []byte) error { _, err := decodePerson(k, v); return err }},
		{bucketUnits, func(k, v []byte) error { _, err := decodeUnit(k, v); return err }},
		{bucketHistory, func(k, v []byte) error { _, err := decodeEntry("", seqOf(k), v); return err }},
		{bucketLog, func(k, v []byte) error { _, err := decodeEntry("", seqOf(k), v); return err }},
		{bucketCloses, func(k, v []byte) error { _, err := decodeClose(seqOf(k), v); return err }},
		{bucketPeopleCodes, indexCheck(tx, bucketPeople, "employee code")},
		{bucketUnitCodes, indexCheck(tx, bucketUnits, "unit code")},
	}
	for _, c := range checks {
		if b := tx.Bucket(c.name); b != nil {
			if err := b.ForEach(c.decode); err != nil {
				return err
			}
		}
	}
	return nil
}

// indexCheck returns a check that a code index entry names a record of bucket recs.
func indexCheck(tx *bolt.Tx, recs []byte, what string) func(k, v []byte) error {
	return func(k, v []byte) error {
		if b := tx.Bucket(recs); b == nil || b.Get(v) == nil {
			return fmt.Errorf("%s %s names %s, which is missing", what, k, v)
		}
		return nil
	}
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
