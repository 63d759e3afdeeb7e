package storage

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// Update runs fn in one write transaction: everything fn writes through its
// app.Tx lands, or nothing does when fn or the commit fails. Then the ids
// and uids the transaction gave to new plans, people and units, and the
// sequence numbers it gave to history entries, are reset. An error fn
// returns is passed back as it is; a storage failure is wrapped. fn must
// not call db's own writing methods (bbolt has one writer: they would wait
// for fn forever); it writes through its Tx.
func (db *DB) Update(fn func(app.Tx) error) error {
	t := &txn{}
	var inner error
	err := db.update(func(tx *bolt.Tx) error {
		w, err := newPlanWriter(tx)
		if err != nil {
			return err
		}
		t.tx, t.w = tx, w
		inner = fn(t)
		return inner
	})
	if err == nil {
		return nil
	}
	t.undo()
	if inner != nil {
		return inner
	}
	return fmt.Errorf("storage: update: %w", err)
}

// txn is app.Tx over one bbolt write transaction. It remembers what it gave
// to the caller's records so that a failed transaction can take it back.
type txn struct {
	tx    *bolt.Tx
	w     *planWriter
	undos []func()
	// org and closes are what plans read in the transaction are resolved
	// against, read once (nil org: not yet, or changed since).
	org    *app.Org
	closes app.Closes
	// texts looks up shared texts for the plans read in the transaction,
	// keeping each one read (nil: not yet).
	texts func(uint64) (string, error)
}

// readPlan reads plan id as it stands in the transaction, resolved.
func (t *txn) readPlan(id app.PlanID) (*app.Plan, error) {
	if t.texts == nil {
		var err error
		if t.texts, err = sharedTexts(t.tx, false, nil); err != nil {
			return nil, err
		}
	}
	p, err := loadPlanWith(t.tx, id, t.texts)
	if err != nil {
		return nil, err
	}
	if t.org == nil {
		if t.org, t.closes, err = loadOrg(t.tx); err != nil {
			return nil, err
		}
	}
	if err := resolveWith(t.tx, p, t.org, t.closes); err != nil {
		return nil, fmt.Errorf("plan %d: %w", id, err)
	}
	return p, nil
}

var _ app.Tx = (*txn)(nil)

// undo resets what the transaction gave to the caller's records, newest first.
func (t *txn) undo() { t.undoTo(0) }

// undoTo resets what was given since there were n undos.
func (t *txn) undoTo(n int) {
	for i := len(t.undos) - 1; i >= n; i-- {
		t.undos[i]()
	}
	t.undos = t.undos[:n]
}

// attempt runs one Tx method's work; when it fails, what it gave to the
// caller's records is taken back at once (fn may carry on without it).
func (t *txn) attempt(work func() error) error {
	n := len(t.undos)
	err := work()
	if err != nil {
		t.undoTo(n)
	}
	return err
}

// Plan returns one plan with its KPIs and actuals as it stands in the
// transaction, or an error matching app.ErrNotFound.
func (t *txn) Plan(id app.PlanID) (*app.Plan, error) {
	p, err := t.readPlan(id)
	if err != nil {
		return nil, fmt.Errorf("storage: load plan %d: %w", id, err)
	}
	return p, nil
}

// PlanByUID returns the plan with the given uid, or an error matching app.ErrNotFound.
func (t *txn) PlanByUID(uid app.UID) (*app.Plan, error) {
	key := uidKey(t.tx, uid)
	if key == nil {
		return nil, fmt.Errorf("storage: load plan with uid %s: %w", uid, app.ErrNotFound)
	}
	p, err := t.readPlan(idOf(key))
	if err != nil {
		return nil, fmt.Errorf("storage: load plan with uid %s: %w", uid, err)
	}
	return p, nil
}

// SavePlan writes p and its actuals, giving it an id and uid when new.
func (t *txn) SavePlan(p *app.Plan) error {
	if p == nil {
		return errors.New("storage: save plan: the plan is nil")
	}
	id, uid := p.ID, p.UID
	err := t.attempt(func() error {
		t.undos = append(t.undos, func() { p.ID, p.UID = id, uid })
		return t.w.put(p)
	})
	if err != nil {
		return fmt.Errorf("storage: save plan %d: %w", p.ID, err)
	}
	return nil
}

// DeletePlan removes a plan and its actuals (its history stays), or returns
// an error matching app.ErrNotFound.
func (t *txn) DeletePlan(id app.PlanID) error {
	if err := deletePlan(t.tx, id); err != nil {
		return fmt.Errorf("storage: delete plan %d: %w", id, err)
	}
	return nil
}

// SaveActuals replaces one KPI's actuals, or returns an error matching app.ErrNotFound.
func (t *txn) SaveActuals(id app.PlanID, kpiID string, actuals []app.Actual) error {
	if err := saveActuals(t.tx, id, kpiID, actuals); err != nil {
		return fmt.Errorf("storage: save actuals of plan %d KPI %s: %w", id, kpiID, err)
	}
	return nil
}

// SetSetting stores a setting; an empty value removes it.
func (t *txn) SetSetting(key, value string) error {
	if err := putSetting(t.tx, key, value); err != nil {
		return fmt.Errorf("storage: put setting %q: %w", key, err)
	}
	return nil
}
