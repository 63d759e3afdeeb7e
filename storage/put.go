package storage

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// MaxPlanID is the highest plan id the store gives or accepts (app.MaxPlanID),
// so the id counter can never wrap round and reuse plan 1's id.
const MaxPlanID = app.MaxPlanID

// ErrIDsExhausted means the plan id counter has reached MaxPlanID.
var ErrIDsExhausted = errors.New("no plan id left: the id counter has reached its highest value")

// SavePlan writes p and its actuals in one transaction, giving p a new id
// when p.ID is 0 and a new uid when p.UID is "". Actuals of KPIs p no longer
// has are deleted.
func (db *DB) SavePlan(p *app.Plan) error {
	return db.SavePlans([]*app.Plan{p})
}

// SavePlans writes many plans in one transaction: all land or none do. Plans
// with ID 0 get new ids and plans without a uid get one; if the transaction
// fails their ID is 0 and their UID "" again.
func (db *DB) SavePlans(ps []*app.Plan) error {
	before := make([]app.Plan, len(ps))
	for i, p := range ps {
		if p != nil {
			before[i] = app.Plan{ID: p.ID, UID: p.UID}
		}
	}
	err := db.update(func(tx *bolt.Tx) error {
		w, err := newPlanWriter(tx)
		if err != nil {
			return err
		}
		for i, p := range ps {
			if p == nil {
				return fmt.Errorf("save plan %d: the plan is nil", i+1)
			}
			if err := w.put(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for i, p := range ps {
			if p != nil {
				p.ID, p.UID = before[i].ID, before[i].UID
			}
		}
		return fmt.Errorf("storage: %w", err)
	}
	return nil
}

// PlanByUID returns the plan with the given uid, or an error matching app.ErrNotFound.
func (db *DB) PlanByUID(uid app.UID) (*app.Plan, error) {
	var p *app.Plan
	err := db.view(func(tx *bolt.Tx) error {
		key := uidKey(tx, uid)
		if key == nil {
			return app.ErrNotFound
		}
		var err error
		p, err = readPlan(tx, idOf(key))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load plan with uid %s: %w", uid, err)
	}
	return p, nil
}

// PlanIDOfUID returns the local id of the plan with the given uid, or 0.
func (db *DB) PlanIDOfUID(uid app.UID) (app.PlanID, error) {
	var id app.PlanID
	err := db.view(func(tx *bolt.Tx) error {
		if key := uidKey(tx, uid); key != nil {
			id = idOf(key)
		}
		return nil
	})
	return id, err
}

// uidKey returns the plan key indexed under uid, or nil. A file opened
// read-only before its schema 2 migration has no index and no uids.
func uidKey(tx *bolt.Tx, uid app.UID) []byte {
	b := tx.Bucket(bucketPlanUIDs)
	if b == nil {
		return nil
	}
	return b.Get([]byte(uid))
}

// planWriter writes plans, their actuals and their uid and person index
// entries inside one update transaction.
type planWriter struct {
	plans, acts, uids, persons *bolt.Bucket
	texts                      *textTable // nil before schema 4: texts are written in place
}

func newPlanWriter(tx *bolt.Tx) (*planWriter, error) {
	plans, acts, err := planBuckets(tx)
	if err != nil {
		return nil, err
	}
	uids, err := bucket(tx, bucketPlanUIDs)
	if err != nil {
		return nil, err
	}
	persons, err := bucket(tx, bucketPersonPlans)
	if err != nil {
		return nil, err
	}
	plans.FillPercent, acts.FillPercent, uids.FillPercent, persons.FillPercent = fillPercent, fillPercent, fillPercent, fillPercent
	w := &planWriter{plans: plans, acts: acts, uids: uids, persons: persons}
	if tx.Bucket(bucketTexts) != nil {
		if w.texts, err = newTextTable(tx); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// put writes p (assigning its id and uid if new) and replaces its actuals records.
func (w *planWriter) put(p *app.Plan) error {
	fresh := p.ID == 0
	if err := w.assignID(p); err != nil {
		return err
	}
	key := planKey(p.ID)
	var old []byte
	if !fresh {
		old = w.plans.Get(key)
	}
	if err := w.assignUID(p, recordUID(old)); err != nil {
		return err
	}
	if err := w.indexPerson(key, recordPerson(old), p.PersonUID); err != nil {
		return fmt.Errorf("plan %d: %w", p.ID, err)
	}
	rec, err := encodePlanWith(p, w.texts)
	if err != nil {
		return fmt.Errorf("put plan %d: %w", p.ID, err)
	}
	if err := w.plans.Put(key, rec); err != nil {
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
		if err := w.acts.Put(actualsKey(p.ID, k.ID), encodeActuals(k.Actuals)); err != nil {
			return fmt.Errorf("put plan %d KPI %s actuals: %w", p.ID, k.ID, err)
		}
	}
	return deleteActuals(w.acts, key, keep)
}

// indexPerson moves plan key's entry in the person index from person old to
// person now.
func (w *planWriter) indexPerson(key []byte, old, now app.UID) error {
	if old == now {
		return nil
	}
	if old != "" {
		if err := w.persons.Delete(personPlanKey(old, key)); err != nil {
			return fmt.Errorf("unindex person %s: %w", old, err)
		}
	}
	if now == "" {
		return nil
	}
	if _, err := app.ParseUID(string(now)); err != nil {
		return fmt.Errorf("person: %w", err)
	}
	if err := w.persons.Put(personPlanKey(now, key), nil); err != nil {
		return fmt.Errorf("index person %s: %w", now, err)
	}
	return nil
}

// personPlanKey is the person index key of plan key of person uid.
func personPlanKey(uid app.UID, key []byte) []byte {
	return append(append(make([]byte, 0, len(uid)+len(key)), uid...), key...)
}

// assignID gives p the bucket's next id when it has none, and keeps the
// bucket's sequence at or above ids given by the caller. Ids above
// MaxPlanID are refused, and the counter never passes it, so it cannot wrap.
func (w *planWriter) assignID(p *app.Plan) error {
	seq := w.plans.Sequence()
	if p.ID == 0 {
		if seq >= uint64(MaxPlanID) {
			return ErrIDsExhausted
		}
		id, err := w.plans.NextSequence()
		if err != nil {
			return fmt.Errorf("assign plan id: %w", err)
		}
		p.ID = app.PlanID(id)
		return nil
	}
	if p.ID > MaxPlanID {
		return fmt.Errorf("plan id %d is above the highest plan id %d", p.ID, uint64(MaxPlanID))
	}
	if uint64(p.ID) > seq {
		if err := w.plans.SetSequence(uint64(p.ID)); err != nil {
			return fmt.Errorf("put plan %d: raise id sequence: %w", p.ID, err)
		}
	}
	return nil
}

// assignUID gives p a new uid when it has none (keeping old, the one already
// stored for its id, if any), checks that no other plan has p's uid, and
// indexes it.
func (w *planWriter) assignUID(p *app.Plan, old app.UID) error {
	key := planKey(p.ID)
	switch {
	case p.UID == "" && old != "":
		p.UID = old
	case p.UID == "":
		p.UID = app.NewUID()
	case old != "" && p.UID != old:
		return fmt.Errorf("plan %d: its uid is %s; it cannot become %s", p.ID, old, p.UID)
	}
	if _, err := app.ParseUID(string(p.UID)); err != nil {
		return fmt.Errorf("plan %d: %w", p.ID, err)
	}
	if other := w.uids.Get([]byte(p.UID)); other != nil && !bytes.Equal(other, key) {
		return fmt.Errorf("plan %d: uid %s already belongs to plan %d", p.ID, p.UID, idOf(other))
	}
	if err := w.uids.Put([]byte(p.UID), key); err != nil {
		return fmt.Errorf("index plan %d: %w", p.ID, err)
	}
	return nil
}

// recordUID returns the uid in an encoded plan record, or "" when the record
// has none (format 1), is nil or is damaged.
func recordUID(v []byte) app.UID {
	uid, _ := recordHead(v)
	return uid
}

// recordPerson returns the person uid in an encoded plan record, or "".
func recordPerson(v []byte) app.UID {
	_, person := recordHead(v)
	return person
}

// recordHead reads the uid and person uid at the head of an encoded plan
// record without decoding the rest; either is "" when the format lacks it.
func recordHead(v []byte) (uid, person app.UID) {
	if len(v) == 0 || v[0] < planFormat2 || v[0] > planFormat5 {
		return "", ""
	}
	r := newReader(v[1:])
	uid = app.UID(r.str())
	if v[0] >= planFormat3 {
		r.uvarint()
		r.bool()
		person = app.UID(r.str())
	}
	if r.err != nil {
		return "", ""
	}
	return uid, person
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
