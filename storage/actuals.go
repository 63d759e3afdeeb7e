package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// SaveActuals replaces the actuals of KPI kpiID of plan id in one small
// transaction, or returns an error matching app.ErrNotFound when the plan or
// the KPI is unknown. An empty actuals list removes the KPI's record.
func (db *DB) SaveActuals(id app.PlanID, kpiID string, actuals []app.Actual) error {
	err := db.update(func(tx *bolt.Tx) error { return saveActuals(tx, id, kpiID, actuals) })
	if err != nil {
		return fmt.Errorf("storage: save actuals of plan %d KPI %s: %w", id, kpiID, err)
	}
	return nil
}

// saveActuals replaces the actuals of KPI kpiID of plan id inside tx.
func saveActuals(tx *bolt.Tx, id app.PlanID, kpiID string, actuals []app.Actual) error {
	plans, acts, err := planBuckets(tx)
	if err != nil {
		return err
	}
	key := planKey(id)
	v := plans.Get(key)
	if v == nil {
		return fmt.Errorf("plan %d: %w", id, app.ErrNotFound)
	}
	shared, err := sharedTexts(tx, false, nil)
	if err != nil {
		return err
	}
	p, err := decodePlanWith(key, v, shared, nil)
	if err != nil {
		return err
	}
	if p.KPI(kpiID) == nil {
		return fmt.Errorf("plan %d has no KPI %q: %w", id, kpiID, app.ErrNotFound)
	}
	akey := actualsKey(id, kpiID)
	if len(actuals) == 0 {
		return acts.Delete(akey)
	}
	return acts.Put(akey, encodeActuals(actuals))
}
