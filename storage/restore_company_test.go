package storage

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// saveCompany saves a unit, a person, a plan of theirs, a history entry, a
// log entry and a close into db.
func saveCompany(t *testing.T, db *DB) {
	t.Helper()
	u := app.OrgUnit{Code: "SALES", Name: "Kinh doanh"}
	e := app.Employee{Code: "NV0001", Name: "Lan"}
	p := richPlan()
	at := time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	update(t, db, func(tx app.Tx) error {
		if err := tx.SaveUnit(&u); err != nil {
			return err
		}
		e.Unit = u.UID
		if err := tx.SavePerson(&e); err != nil {
			return err
		}
		p.PersonUID = e.UID
		if err := tx.SavePlan(p); err != nil {
			return err
		}
		return errors.Join(tx.AppendHistory([]app.HistoryEntry{{Plan: p.UID, At: at, Path: "status", New: "submitted"}}),
			tx.AppendLog([]app.HistoryEntry{{Plan: p.UID, At: at, Path: "plan", Old: p.Name}}),
			tx.AppendPeriodClose(app.PeriodClose{Month: "2026-03", Closed: true, At: at}))
	})
}

// TestBackupRestoreCarriesTheCompany: a backup holds the people, units,
// history, log and closes, and restoring it brings them all back.
func TestBackupRestoreCarriesTheCompany(t *testing.T) {
	src := openTemp(t)
	saveCompany(t, src)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := src.Backup(backup); err != nil {
		t.Fatal(err)
	}
	dst := openTemp(t)
	if _, err := dst.Restore(backup); err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func(*DB) (any, error){
		"people":  func(db *DB) (any, error) { return db.People() },
		"units":   func(db *DB) (any, error) { return db.Units() },
		"plans":   func(db *DB) (any, error) { return db.Plans() },
		"log":     func(db *DB) (any, error) { return db.WorkspaceLog() },
		"closes":  func(db *DB) (any, error) { return db.PeriodCloses() },
		"history": func(db *DB) (any, error) { ps, _ := db.Plans(); return db.History(ps[0].UID) },
	} {
		want, err1 := read(src)
		got, err2 := read(dst)
		if err := errors.Join(err1, err2); err != nil || !reflect.DeepEqual(got, want) || reflect.ValueOf(got).Len() == 0 {
			t.Errorf("%s after restore (%v):\n got %+v\nwant %+v", name, err, got, want)
		}
	}
}

// TestRestoreRefusesDamagedCompanyRecords: a backup whose person, unit,
// history, log or close record does not decode, or whose code index names
// nobody, is refused before anything changes.
func TestRestoreRefusesDamagedCompanyRecords(t *testing.T) {
	db := openTemp(t)
	saveCompany(t, db)
	before, _ := db.People()
	for name, tc := range map[string]struct {
		bucket, key, val []byte
		msg              string
	}{
		"person":      {bucketPeople, []byte(before[0].UID), []byte{personFormat1, 9}, "person " + string(before[0].UID) + ": damaged record"},
		"unit":        {bucketUnits, []byte(before[0].Unit), []byte{7}, "unknown record format 7"},
		"history":     {bucketHistory, historyKey(make([]byte, 16), 1), []byte{entryFormat1}, "history entry 1: damaged record"},
		"log":         {bucketLog, seqKey(9), []byte{entryFormat1, 0, 0, 0, 3}, "history entry 9: damaged record"},
		"close":       {bucketCloses, seqKey(9), nil, "period close 9: damaged record"},
		"person code": {bucketPeopleCodes, []byte("NV0404"), []byte("nobody"), "employee code NV0404 names nobody, which is missing"},
		"unit code":   {bucketUnitCodes, []byte("GONE"), []byte("nothing"), "unit code GONE names nothing, which is missing"},
	} {
		backup := filepath.Join(t.TempDir(), "backup.db")
		if err := db.Backup(backup); err != nil {
			t.Fatal(err)
		}
		putRaw(t, backup, tc.bucket, tc.key, tc.val)
		safety, err := db.Restore(backup)
		if err == nil || safety != "" || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s: restore = %q, %v; want a refusal mentioning %q", name, safety, err, tc.msg)
		}
		if got, _ := db.People(); !reflect.DeepEqual(got, before) {
			t.Errorf("%s: a refused restore changed the people: %+v", name, got)
		}
	}
}

// putRaw stores a raw record into bucket name of the closed file at path.
func putRaw(t *testing.T, path string, name, key, val []byte) {
	t.Helper()
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.Update(func(tx *bolt.Tx) error { return tx.Bucket(name).Put(key, val) }); err != nil {
		t.Fatal(err)
	}
}
