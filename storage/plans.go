package storage

import (
	"bytes"
	"fmt"
	"runtime"
	"slices"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
)

// fillPercent packs pages fuller than bbolt's default half: new plans and
// their actuals are appended in key order, so pages rarely split later.
const fillPercent = 0.9

// Plans returns every plan with its KPIs and actuals, ordered by id, read
// on up to 4 processors at once. Shared texts of different plans share
// memory.
func (db *DB) Plans() ([]*app.Plan, error) {
	parts := make([][]*app.Plan, min(runtime.GOMAXPROCS(0), 4))
	err := db.view(func(tx *bolt.Tx) error {
		return walkPlans(tx, len(parts), false, func(part int, p *app.Plan) error {
			parts[part] = append(parts[part], p)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load plans: %w", err)
	}
	plans := slices.Concat(parts...)
	cascade.RollUpAll(plans) // cascade: unit KPIs' actuals are derived from their contributors
	return plans, nil
}

// EachPlan calls fn with every plan, with its KPIs and actuals, ordered by
// id, in one read transaction, without holding them all: each plan is
// decoded into the memory of the one before, so fn may keep a plan's
// strings and values but not the plan, its KPIs, actuals, steps, rules'
// maps and bands or optional numbers (copy them, e.g. with Plan.Clone). An
// error from fn stops the walk and is returned as it is.
func (db *DB) EachPlan(fn func(*app.Plan) error) error {
	var inner error
	err := db.view(func(tx *bolt.Tx) error {
		return eachPlan(tx, true, func(p *app.Plan) error {
			inner = fn(p)
			return inner
		})
	})
	switch {
	case inner != nil:
		return inner
	case err != nil:
		return fmt.Errorf("storage: load plans: %w", err)
	}
	return nil
}

// Plan returns one plan with its KPIs and actuals, or an error matching app.ErrNotFound.
func (db *DB) Plan(id app.PlanID) (*app.Plan, error) {
	var p *app.Plan
	err := db.view(func(tx *bolt.Tx) error {
		var err error
		p, err = readPlan(tx, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load plan %d: %w", id, err)
	}
	return p, nil
}

// readPlan reads plan id and its actuals inside tx and fills its derived
// fields from the registry.
func readPlan(tx *bolt.Tx, id app.PlanID) (*app.Plan, error) {
	p, err := loadPlan(tx, id)
	if err != nil {
		return nil, err
	}
	if err := resolvePlan(tx, p); err != nil {
		return nil, fmt.Errorf("plan %d: %w", id, err)
	}
	return p, nil
}

// loadPlan reads plan id and its actuals inside tx, as stored: its derived
// fields are left unset.
func loadPlan(tx *bolt.Tx, id app.PlanID) (*app.Plan, error) {
	shared, err := sharedTexts(tx, false, nil)
	if err != nil {
		return nil, err
	}
	return loadPlanWith(tx, id, shared)
}

// loadPlanWith is loadPlan with its shared texts from shared.
func loadPlanWith(tx *bolt.Tx, id app.PlanID, shared func(uint64) (string, error)) (*app.Plan, error) {
	plans, acts, err := planBuckets(tx)
	if err != nil {
		return nil, err
	}
	key := planKey(id)
	v := plans.Get(key)
	if v == nil {
		return nil, app.ErrNotFound
	}
	p, err := decodePlanWith(key, v, shared, nil)
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
func attachActuals(p *app.Plan, k, v []byte) error { return attachActualsIn(p, k, v, nil) }

// attachActualsIn is attachActuals into buf's memory when buf is not nil.
func attachActualsIn(p *app.Plan, k, v []byte, buf *planBuf) error {
	i := kpiIndex(p, k[8:])
	if i < 0 {
		return nil
	}
	var dst []app.Actual
	if buf != nil {
		dst = buf.actualsBuf(i)
	}
	as, err := decodeActualsInto(dst, v)
	if err != nil {
		return fmt.Errorf("plan %d KPI %s: actuals: %w", p.ID, p.KPIs[i].ID, err)
	}
	if buf != nil {
		buf.setActuals(i, as)
	}
	p.KPIs[i].Actuals = as
	return nil
}

// kpiIndex returns the position of p's first KPI with id, or -1 (as Plan.KPI finds it).
func kpiIndex(p *app.Plan, id []byte) int {
	for i := range p.KPIs {
		if p.KPIs[i].ID == string(id) {
			return i
		}
	}
	return -1
}

// DeletePlan removes a plan and its actuals, or returns an error matching
// app.ErrNotFound. Its history stays.
func (db *DB) DeletePlan(id app.PlanID) error {
	err := db.update(func(tx *bolt.Tx) error { return deletePlan(tx, id) })
	if err != nil {
		return fmt.Errorf("storage: delete plan %d: %w", id, err)
	}
	return nil
}

// deletePlan removes plan id, its actuals and its index entries inside tx.
func deletePlan(tx *bolt.Tx, id app.PlanID) error {
	w, err := newPlanWriter(tx)
	if err != nil {
		return err
	}
	key := planKey(id)
	v := w.plans.Get(key)
	if v == nil {
		return app.ErrNotFound
	}
	uid, person := recordHead(v)
	if uid != "" {
		if err := w.uids.Delete([]byte(uid)); err != nil {
			return fmt.Errorf("unindex uid %s: %w", uid, err)
		}
	}
	if err := w.indexPerson(key, person, ""); err != nil {
		return err
	}
	if err := w.plans.Delete(key); err != nil {
		return err
	}
	return deleteActuals(w.acts, key, nil)
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
