package storage

import (
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
