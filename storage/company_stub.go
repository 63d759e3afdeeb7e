package storage

import (
	"errors"

	"kpiplanner/app"
)

// errTODO marks company-model storage not written yet (being built now).
var errTODO = errors.New("storage: not implemented yet")

// People returns the people registry.
func (db *DB) People() ([]app.Employee, error) { return nil, errTODO }

// Units returns the org units.
func (db *DB) Units() ([]app.OrgUnit, error) { return nil, errTODO }

// History returns a plan's history.
func (db *DB) History(app.UID) ([]app.HistoryEntry, error) { return nil, errTODO }

// WorkspaceLog returns the workspace log.
func (db *DB) WorkspaceLog() ([]app.HistoryEntry, error) { return nil, errTODO }

// PeriodCloses returns the period closes.
func (db *DB) PeriodCloses() ([]app.PeriodClose, error) { return nil, errTODO }

// Update runs fn in one transaction.
func (db *DB) Update(func(app.Tx) error) error { return errTODO }
