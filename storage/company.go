package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// People returns the people registry, ordered by employee code.
func (db *DB) People() ([]app.Employee, error) {
	var out []app.Employee
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readPeople(tx, nil)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load people: %w", err)
	}
	return out, nil
}

// Units returns the org units, ordered by code.
func (db *DB) Units() ([]app.OrgUnit, error) {
	var out []app.OrgUnit
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readUnits(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load org units: %w", err)
	}
	return out, nil
}

// History returns a plan's history entries, oldest first (none for a plan
// without history or an unknown uid).
func (db *DB) History(plan app.UID) ([]app.HistoryEntry, error) {
	prefix, err := uidBytes(plan)
	if err != nil {
		return nil, fmt.Errorf("storage: load history of plan %s: %w", plan, err)
	}
	var out []app.HistoryEntry
	err = db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readEntries(tx, bucketHistory, prefix, plan)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load history of plan %s: %w", plan, err)
	}
	return out, nil
}

// WorkspaceLog returns the workspace-level log, oldest first.
func (db *DB) WorkspaceLog() ([]app.HistoryEntry, error) {
	var out []app.HistoryEntry
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readEntries(tx, bucketLog, nil, "")
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load the workspace log: %w", err)
	}
	return out, nil
}

// PeriodCloses returns every close and reopen record, in the order written.
func (db *DB) PeriodCloses() ([]app.PeriodClose, error) {
	var out []app.PeriodClose
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readCloses(tx)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load period closes: %w", err)
	}
	return out, nil
}
