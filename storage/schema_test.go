package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// fileVersion reads the schema version stored in the closed file at path.
func fileVersion(t *testing.T, path string) uint64 {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	var v uint64
	err = b.View(func(tx *bolt.Tx) error {
		v, err = schemaVersion(tx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// setFileVersion writes schema version v into the closed file at path.
func setFileVersion(t *testing.T, path string, v uint64) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, binary.BigEndian.AppendUint64(nil, v))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func newFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "schema.db")
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFreshFileGetsCurrentVersion(t *testing.T) {
	if got, want := fileVersion(t, newFile(t)), uint64(SchemaVersion()); got != want {
		t.Errorf("schema version of a new file = %d, want %d", got, want)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := newFile(t)
	setFileVersion(t, path, 99)
	db, err := Open(path)
	if err == nil {
		db.Close()
		t.Fatal("opened a file with schema version 99")
	}
	if !errors.Is(err, ErrSchemaTooNew) || !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), path) {
		t.Errorf("error = %q, want ErrSchemaTooNew naming version 99 and the file", err)
	}
	if got := fileVersion(t, path); got != 99 { // also proves the refused file was unlocked
		t.Errorf("refusing the file changed its version to %d", got)
	}
}

func TestMigrationsRunOnOpen(t *testing.T) {
	path := newFile(t)
	extra := []byte("extra")
	base := uint64(SchemaVersion())
	saved := migrations
	defer func() { migrations = saved }()
	migrations = append(migrations[:len(migrations):len(migrations)], func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket(extra) // fails if run twice
		return err
	})
	for range 2 { // the second open finds version base+1 and runs nothing
		db, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if got := fileVersion(t, path); got != base+1 {
		t.Errorf("schema version after the migration = %d, want %d", got, base+1)
	}
	migrations = append(migrations, func(*bolt.Tx) error { return errors.New("boom") })
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("schema version %d: boom", base+2)) {
		t.Errorf("failing migration: error = %v, want it named", err)
	}
	if got := fileVersion(t, path); got != base+1 {
		t.Errorf("a failed migration changed the version to %d", got)
	}
}

func TestOpenRejectsOtherFiles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("opening a text file: error = %v, want one naming the file", err)
	}
}
