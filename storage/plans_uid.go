package storage

import (
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// PlanUIDs returns the uid of every plan, read from the uid index: no plan
// is decoded.
func (db *DB) PlanUIDs() ([]app.UID, error) {
	var out []app.UID
	err := db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketPlanUIDs)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			out = append(out, app.UID(string(k)))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: list plan uids: %w", err)
	}
	return out, nil
}

// PlansByUID returns, by uid, the plans with the given uids, with their
// KPIs and actuals and derived fields, in one read transaction; uids not
// stored are left out.
func (db *DB) PlansByUID(uids []app.UID) (map[app.UID]*app.Plan, error) {
	out := make(map[app.UID]*app.Plan, len(uids))
	err := db.view(func(tx *bolt.Tx) error {
		shared, err := sharedTexts(tx, false, nil)
		if err != nil {
			return err
		}
		org, closes, err := loadOrg(tx)
		if err != nil {
			return err
		}
		for _, uid := range uids {
			key := uidKey(tx, uid)
			if key == nil || out[uid] != nil {
				continue
			}
			p, err := loadPlanWith(tx, idOf(key), shared)
			if errors.Is(err, app.ErrNotFound) {
				continue
			}
			if err != nil {
				return fmt.Errorf("plan %s: %w", uid, err)
			}
			if err := resolveWith(tx, p, org, closes); err != nil {
				return fmt.Errorf("plan %s: %w", uid, err)
			}
			out[uid] = p
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load plans by uid: %w", err)
	}
	return out, nil
}
