package storage

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// ImportPlans saves a stream of plans in one transaction: produce calls put
// once per plan, and either every plan put lands or, when produce or a put
// fails, none does. It suits plans decoded one at a time from a large file,
// which need not all be in memory at once: a plan may be dropped as soon as
// put returns (only its encoded records stay until the commit). Plans with
// ID 0 get new ids and plans without a uid get one as they are put; after a
// failure those ids and uids mean nothing.
// It returns how many plans were saved. An error produce returns is passed
// back as it is; a storage failure is wrapped.
func (db *DB) ImportPlans(produce func(put func(*app.Plan) error) error) (int, error) {
	n := 0
	var produced error // produce's own error, returned unwrapped
	err := db.update(func(tx *bolt.Tx) error {
		w, err := newPlanWriter(tx)
		if err != nil {
			return err
		}
		put := func(p *app.Plan) error {
			if p == nil {
				return fmt.Errorf("storage: import plan %d: the plan is nil", n+1)
			}
			if err := w.put(p); err != nil {
				return fmt.Errorf("storage: import plan %d (%s): %w", n+1, p.Name, err)
			}
			n++
			return nil
		}
		produced = produce(put)
		return produced
	})
	switch {
	case err == nil:
		return n, nil
	case produced != nil:
		return 0, produced
	}
	return 0, fmt.Errorf("storage: import plans: %w", err)
}

// ImportTx is the transaction Import hands to its produce function: it reads
// plans as they stand in the transaction and writes them.
type ImportTx struct {
	tx *bolt.Tx
	w  *planWriter
}

// PlanByUID returns the plan with uid as it stands in the transaction, or
// nil when there is none.
func (t *ImportTx) PlanByUID(uid app.UID) (*app.Plan, error) {
	if uid == "" {
		return nil, nil
	}
	key := uidKey(t.tx, uid)
	if key == nil {
		return nil, nil
	}
	return readPlan(t.tx, idOf(key))
}

// Put writes p as SavePlan does: a new id when p.ID is 0, a new uid when p.UID is "".
func (t *ImportTx) Put(p *app.Plan) error {
	if p == nil {
		return errors.New("the plan is nil")
	}
	return t.w.put(p)
}

// Import runs produce in one write transaction: every plan it puts lands, or,
// when produce or a put fails, none does. An error produce returns is passed
// back as it is; a storage failure is wrapped.
func (db *DB) Import(produce func(*ImportTx) error) error {
	var produced error
	err := db.update(func(tx *bolt.Tx) error {
		w, err := newPlanWriter(tx)
		if err != nil {
			return err
		}
		produced = produce(&ImportTx{tx: tx, w: w})
		return produced
	})
	switch {
	case err == nil:
		return nil
	case produced != nil:
		return produced
	}
	return fmt.Errorf("storage: import plans: %w", err)
}
