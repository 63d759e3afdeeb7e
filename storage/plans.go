package storage

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// fillPercent packs pages fuller than bbolt's default half: new plans and
// their actuals are appended in key order, so pages rarely split later.
const fillPercent = 0.9

// Plans returns every plan with its KPIs and actuals, ordered by id.
func (db *DB) Plans() ([]*app.Plan, error) {
	var out []*app.Plan
	err := db.bolt.View(func(tx *bolt.Tx) error {
		plans, acts, err := planBuckets(tx)
		if err != nil {
			return err
		}
		ac := acts.Cursor()
		ak, av := ac.First()
		pc := plans.Cursor()
		for k, v := pc.First(); k != nil; k, v = pc.Next() {
			p, err := decodePlan(k, v)
			if err != nil {
				return err
			}
			if ak != nil && bytes.Compare(ak, k) < 0 {
				ak, av = ac.Seek(k) // skip actuals of no plan
			}
			for ; ak != nil && bytes.HasPrefix(ak, k); ak, av = ac.Next() {
				if err := attachActuals(p, ak, av); err != nil {
					return err
				}
			}
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load plans: %w", err)
	}
	return out, nil
}

// Plan returns one plan with its KPIs and actuals, or an error matching app.ErrNotFound.
func (db *DB) Plan(id app.PlanID) (*app.Plan, error) {
	var p *app.Plan
	err := db.bolt.View(func(tx *bolt.Tx) error {
		var err error
		p, err = loadPlan(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load plan %d: %w", id, err)
	}
	return p, nil
}

// loadPlan reads plan id and its actuals inside tx.
func loadPlan(tx *bolt.Tx, id app.PlanID) (*app.Plan, error) {
	plans, acts, err := planBuckets(tx)
	if err != nil {
		return nil, err
	}
	key := planKey(id)
	v := plans.Get(key)
	if v == nil {
		return nil, app.ErrNotFound
	}
	p, err := decodePlan(key, v)
	if err != nil {
		return nil, err
	}
	c := acts.Cursor()
	for k, v := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, v = c.Next() {
		if err := attachActuals(p, k, v); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// attachActuals decodes the actuals record k, v into the matching KPI of p;
// a record for a KPI the plan no longer has is ignored.
func attachActuals(p *app.Plan, k, v []byte) error {
	kpi := p.KPI(string(k[8:]))
	if kpi == nil {
		return nil
	}
	as, err := decodeActuals(v)
	if err != nil {
		return fmt.Errorf("plan %d KPI %s: actuals: %w", p.ID, kpi.ID, err)
	}
	kpi.Actuals = as
	return nil
}

// SavePlan writes p and its actuals in one transaction, giving p a new id
// when p.ID is 0. Actuals of KPIs p no longer has are deleted.
func (db *DB) SavePlan(p *app.Plan) error {
	return db.SavePlans([]*app.Plan{p})
}

// SavePlans writes many plans in one transaction: all land or none do. Plans
// with ID 0 get new ids; if the transaction fails their ID is 0 again.
func (db *DB) SavePlans(ps []*app.Plan) error {
	fresh := make([]bool, len(ps))
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		plans, acts, err := planBuckets(tx)
		if err != nil {
			return err
		}
		plans.FillPercent, acts.FillPercent = fillPercent, fillPercent
		for i, p := range ps {
			fresh[i] = p.ID == 0
			if err := putPlan(plans, acts, p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for i, p := range ps {
			if fresh[i] {
				p.ID = 0
			}
		}
		return fmt.Errorf("storage: %w", err)
	}
	return nil
}

// putPlan writes p (assigning its id if new) and replaces its actuals records.
func putPlan(plans, acts *bolt.Bucket, p *app.Plan) error {
	if err := assignID(plans, p); err != nil {
		return err
	}
	key := planKey(p.ID)
	if err := plans.Put(key, encodePlan(p)); err != nil {
		return fmt.Errorf("put plan %d: %w", p.ID, err)
	}
	seen := make(map[string]bool, len(p.KPIs))
	keep := make(map[string]bool, len(p.KPIs))
	for i := range p.KPIs {
		k := &p.KPIs[i]
		if seen[k.ID] {
			continue // a repeated KPI id (an invalid draft) uses the first one's record
		}
		seen[k.ID] = true
		if len(k.Actuals) == 0 {
			continue
		}
		keep[k.ID] = true
		if err := acts.Put(actualsKey(p.ID, k.ID), encodeActuals(k.Actuals)); err != nil {
			return fmt.Errorf("put plan %d KPI %s actuals: %w", p.ID, k.ID, err)
		}
	}
	return deleteActuals(acts, key, keep)
}

// assignID gives p the bucket's next id when it has none, and keeps the
// bucket's sequence at or above ids given by the caller.
func assignID(plans *bolt.Bucket, p *app.Plan) error {
	if p.ID == 0 {
		id, err := plans.NextSequence()
		if err != nil {
			return fmt.Errorf("assign plan id: %w", err)
		}
		p.ID = app.PlanID(id)
		return nil
	}
	if uint64(p.ID) > plans.Sequence() {
		if err := plans.SetSequence(uint64(p.ID)); err != nil {
			return fmt.Errorf("put plan %d: raise id sequence: %w", p.ID, err)
		}
	}
	return nil
}

// deleteActuals removes the actuals records under plan key prefix whose KPI
// id is not in keep (nil keep removes them all).
func deleteActuals(acts *bolt.Bucket, prefix []byte, keep map[string]bool) error {
	var doomed [][]byte
	c := acts.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if !keep[string(k[len(prefix):])] {
			doomed = append(doomed, bytes.Clone(k))
		}
	}
	for _, k := range doomed {
		if err := acts.Delete(k); err != nil {
			return fmt.Errorf("delete plan %d KPI %s actuals: %w", idOf(k), k[len(prefix):], err)
		}
	}
	return nil
}

// DeletePlan removes a plan and its actuals, or returns an error matching app.ErrNotFound.
func (db *DB) DeletePlan(id app.PlanID) error {
	err := db.bolt.Update(func(tx *bolt.Tx) error {
		plans, acts, err := planBuckets(tx)
		if err != nil {
			return err
		}
		key := planKey(id)
		if plans.Get(key) == nil {
			return app.ErrNotFound
		}
		if err := plans.Delete(key); err != nil {
			return err
		}
		return deleteActuals(acts, key, nil)
	})
	if err != nil {
		return fmt.Errorf("storage: delete plan %d: %w", id, err)
	}
	return nil
}

// bucket returns the named bucket of tx, or an error if the file lacks it.
// planBuckets returns the plans and actuals buckets of tx.
func planBuckets(tx *bolt.Tx) (plans, acts *bolt.Bucket, err error) {
	if plans, err = bucket(tx, bucketPlans); err != nil {
		return nil, nil, err
	}
	if acts, err = bucket(tx, bucketActuals); err != nil {
		return nil, nil, err
	}
	return plans, acts, nil
}

func bucket(tx *bolt.Tx, name []byte) (*bolt.Bucket, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, fmt.Errorf("bucket %s is missing", name)
	}
	return b, nil
}
