package storage

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// loadRegistry reads the whole registry plans are resolved against: every
// person, unit and period close. A file read before its schema 3 migration
// (read-only) has none of them.
// Their texts are interned through intern, when not nil.
func loadRegistry(tx *bolt.Tx, intern map[string]string) (*app.Registry, error) {
	people, err := peopleByUID(tx, intern)
	if err != nil {
		return nil, err
	}
	units, err := readUnits(tx)
	if err != nil {
		return nil, err
	}
	closes, err := readCloses(tx)
	if err != nil {
		return nil, err
	}
	return &app.Registry{People: people, Org: app.NewOrg(units), Closes: app.NewCloses(closes)}, nil
}

// resolvePlan fills p's derived fields with point lookups: its person by
// uid, and every unit and close (there are few).
func resolvePlan(tx *bolt.Tx, p *app.Plan) error {
	org, closes, err := loadOrg(tx)
	if err != nil {
		return err
	}
	return resolveWith(tx, p, org, closes)
}

// loadOrg reads the org tree and the period closes.
func loadOrg(tx *bolt.Tx) (*app.Org, app.Closes, error) {
	units, err := readUnits(tx)
	if err != nil {
		return nil, app.Closes{}, err
	}
	closes, err := readCloses(tx)
	if err != nil {
		return nil, app.Closes{}, err
	}
	return app.NewOrg(units), app.NewCloses(closes), nil
}

// resolveWith fills p's derived fields from its person (looked up by uid),
// org and closes.
func resolveWith(tx *bolt.Tx, p *app.Plan, org *app.Org, closes app.Closes) error {
	reg := &app.Registry{People: map[app.UID]*app.Employee{}, Org: org, Closes: closes}
	if p.PersonUID != "" {
		e, ok, err := readPerson(tx, p.PersonUID)
		if err != nil {
			return err
		}
		if ok {
			reg.People[e.UID] = &e
		}
	}
	reg.Resolve(p)
	return nil
}

// readPerson returns the person with uid, and whether there is one.
func readPerson(tx *bolt.Tx, uid app.UID) (app.Employee, bool, error) {
	b := tx.Bucket(bucketPeople)
	if b == nil {
		return app.Employee{}, false, nil
	}
	v := b.Get([]byte(uid))
	if v == nil {
		return app.Employee{}, false, nil
	}
	e, err := decodePerson([]byte(uid), v)
	return e, err == nil, err
}

// peopleByUID returns every person by uid, as app.NewRegistry indexes
// them, read in uid order (the order of the file, so the fastest to read)
// into blocks of 1 024 that never move, their texts interned through intern
// when it is not nil.
func peopleByUID(tx *bolt.Tx, intern map[string]string) (map[app.UID]*app.Employee, error) {
	out := map[app.UID]*app.Employee{}
	b := tx.Bucket(bucketPeople)
	if b == nil {
		return out, nil
	}
	var block []app.Employee
	err := b.ForEach(func(k, v []byte) error {
		e, err := decodePersonIn(k, v, intern)
		if err != nil {
			return err
		}
		if len(block) == cap(block) {
			block = make([]app.Employee, 0, 1024)
		}
		block = append(block, e)
		out[e.UID] = &block[len(block)-1]
		return nil
	})
	return out, err
}

// readPeople returns every person, ordered by employee code, their texts
// interned through intern when it is not nil.
func readPeople(tx *bolt.Tx, intern map[string]string) ([]app.Employee, error) {
	people, codes := tx.Bucket(bucketPeople), tx.Bucket(bucketPeopleCodes)
	if people == nil || codes == nil {
		return nil, nil
	}
	var out []app.Employee
	c := codes.Cursor()
	for code, uid := c.First(); code != nil; code, uid = c.Next() {
		v := people.Get(uid)
		if v == nil {
			return nil, fmt.Errorf("employee code %s names person %s, who is missing", code, uid)
		}
		e, err := decodePersonIn(uid, v, intern)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// readUnits returns every org unit, ordered by code.
func readUnits(tx *bolt.Tx) ([]app.OrgUnit, error) {
	units, codes := tx.Bucket(bucketUnits), tx.Bucket(bucketUnitCodes)
	if units == nil || codes == nil {
		return nil, nil
	}
	var out []app.OrgUnit
	c := codes.Cursor()
	for code, uid := c.First(); code != nil; code, uid = c.Next() {
		v := units.Get(uid)
		if v == nil {
			return nil, fmt.Errorf("unit code %s names unit %s, which is missing", code, uid)
		}
		u, err := decodeUnit(uid, v)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

// readCloses returns every period close record, in the order written.
func readCloses(tx *bolt.Tx) ([]app.PeriodClose, error) {
	b := tx.Bucket(bucketCloses)
	if b == nil {
		return nil, nil
	}
	var out []app.PeriodClose
	err := b.ForEach(func(k, v []byte) error {
		c, err := decodeClose(seqOf(k), v)
		out = append(out, c)
		return err
	})
	return out, err
}

// readEntries returns the entries of bucket name under prefix, in key
// order; plan, when not "", is the plan they belong to.
func readEntries(tx *bolt.Tx, name, prefix []byte, plan app.UID) ([]app.HistoryEntry, error) {
	b := tx.Bucket(name)
	if b == nil {
		return nil, nil
	}
	var out []app.HistoryEntry
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && len(k) == len(prefix)+8 && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
		e, err := decodeEntry(plan, seqOf(k), v)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}
