package storage

import (
	"bytes"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// coded is a bucket of records keyed by uid whose codes are unique, with
// its code index: the people or the org units.
type coded struct {
	recs, codes *bolt.Bucket
	what        string                     // "employee code" or "unit code", for storage errors
	taken       string                     // the message key of a code taken, with the code and the holder's name
	nameOf      func(uid, v []byte) string // a record's name, for messages
}

func (t *txn) people() (coded, error) {
	c, err := t.coded(bucketPeople, bucketPeopleCodes, "employee code", func(uid, v []byte) string {
		e, _ := decodePerson(uid, v)
		return e.Name
	})
	c.taken = app.M("employee code %s is already used by %s").Key
	return c, err
}

func (t *txn) units() (coded, error) {
	c, err := t.coded(bucketUnits, bucketUnitCodes, "unit code", func(uid, v []byte) string {
		u, _ := decodeUnit(uid, v)
		return u.Name
	})
	c.taken = app.M("unit code %s is already used by %s").Key
	return c, err
}

func (t *txn) coded(recs, codes []byte, what string, nameOf func(uid, v []byte) string) (coded, error) {
	r, err := bucket(t.tx, recs)
	if err != nil {
		return coded{}, err
	}
	c, err := bucket(t.tx, codes)
	if err != nil {
		return coded{}, err
	}
	r.FillPercent, c.FillPercent = fillPercent, fillPercent
	return coded{recs: r, codes: c, what: what, nameOf: nameOf}, nil
}

// recordCode returns the code a person or unit record starts with.
func recordCode(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	return newReader(v[1:]).str()
}

// put writes record rec of uid with code, refusing a code another record
// has and freeing the record's old code.
func (c coded) put(uid app.UID, code string, rec []byte) error {
	key := []byte(uid)
	if other := c.codes.Get([]byte(code)); other != nil && !bytes.Equal(other, key) {
		name := c.nameOf(other, c.recs.Get(other))
		return &app.FieldError{Field: "code", Msg: app.M(c.taken, code, name)}
	}
	if old := c.recs.Get(key); old != nil {
		if oc := recordCode(old); oc != code && bytes.Equal(c.codes.Get([]byte(oc)), key) {
			if err := c.codes.Delete([]byte(oc)); err != nil {
				return fmt.Errorf("free %s %s: %w", c.what, oc, err)
			}
		}
	}
	if err := c.codes.Put([]byte(code), key); err != nil {
		return fmt.Errorf("index %s %s: %w", c.what, code, err)
	}
	return c.recs.Put(key, rec)
}

// remove deletes the record of uid and frees its code, or returns an error
// matching app.ErrNotFound.
func (c coded) remove(uid app.UID) error {
	key := []byte(uid)
	v := c.recs.Get(key)
	if v == nil {
		return app.ErrNotFound
	}
	if code := []byte(recordCode(v)); bytes.Equal(c.codes.Get(code), key) {
		if err := c.codes.Delete(code); err != nil {
			return fmt.Errorf("free %s %s: %w", c.what, code, err)
		}
	}
	return c.recs.Delete(key)
}

// giveUID gives a new record a uid, to be taken back if the transaction fails.
func (t *txn) giveUID(uid *app.UID) error {
	if *uid == "" {
		*uid = app.NewUID()
		t.undos = append(t.undos, func() { *uid = "" })
		return nil
	}
	_, err := app.ParseUID(string(*uid))
	return err
}

// SavePerson adds or replaces a person (by UID; a new one gets a UID),
// refusing invalid fields and an employee code another person has, with
// errors matching app.ErrInvalid. A changed code frees the old one.
func (t *txn) SavePerson(e *app.Employee) error {
	if e == nil {
		return errors.New("storage: save person: the person is nil")
	}
	err := t.attempt(func() error {
		if err := e.Validate(); err != nil {
			return err
		}
		if err := t.giveUID(&e.UID); err != nil {
			return err
		}
		c, err := t.people()
		if err != nil {
			return err
		}
		return c.put(e.UID, e.Code, encodePerson(e))
	})
	if err != nil {
		return fmt.Errorf("storage: save person %s: %w", e.Code, err)
	}
	return nil
}

// SaveUnit adds or replaces an org unit (by UID; a new one gets a UID),
// refusing invalid fields and a code another unit has.
func (t *txn) SaveUnit(u *app.OrgUnit) error {
	if u == nil {
		return errors.New("storage: save unit: the unit is nil")
	}
	err := t.attempt(func() error {
		if err := u.Validate(); err != nil {
			return err
		}
		if err := t.giveUID(&u.UID); err != nil {
			return err
		}
		c, err := t.units()
		if err != nil {
			return err
		}
		t.org = nil // plans read later see the change
		return c.put(u.UID, u.Code, encodeUnit(u))
	})
	if err != nil {
		return fmt.Errorf("storage: save unit %s: %w", u.Code, err)
	}
	return nil
}

// DeletePerson removes a person no plan refers to, or returns an error
// matching app.ErrNotFound; a person a plan refers to is refused with an
// error matching app.ErrInvalid that names the plan.
func (t *txn) DeletePerson(uid app.UID) error {
	err := t.refusePersonInUse(uid)
	var c coded
	if err == nil {
		c, err = t.people()
	}
	if err == nil {
		err = c.remove(uid)
	}
	if err != nil {
		return fmt.Errorf("storage: delete person %s: %w", uid, err)
	}
	return nil
}

func (t *txn) refusePersonInUse(uid app.UID) error {
	e, ok, err := readPerson(t.tx, uid)
	switch {
	case err != nil:
		return err
	case !ok:
		return app.ErrNotFound
	}
	c := t.w.persons.Cursor()
	prefix := []byte(uid)
	n, first := 0, app.PlanID(0)
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if n == 0 {
			first = idOf(k[len(prefix):])
		}
		n++
	}
	if n == 0 {
		return nil
	}
	name := ""
	if p, err := loadPlan(t.tx, first); err == nil {
		name = p.Name
	}
	return &app.RuleError{Kind: app.ErrInvalid,
		Msg: app.M("%s (%s) cannot be deleted: plans refer to the person (%d in all, such as plan %d: %s)", e.Code, e.Name, n, first, name)}
}

// DeleteUnit removes a unit no person or unit refers to, or returns an
// error matching app.ErrNotFound; a unit in use is refused with an error
// matching app.ErrInvalid that names who refers to it.
func (t *txn) DeleteUnit(uid app.UID) error {
	t.org = nil
	err := t.refuseUnitInUse(uid)
	var c coded
	if err == nil {
		c, err = t.units()
	}
	if err == nil {
		err = c.remove(uid)
	}
	if err != nil {
		return fmt.Errorf("storage: delete unit %s: %w", uid, err)
	}
	return nil
}

func (t *txn) refuseUnitInUse(uid app.UID) error {
	units, err := readUnits(t.tx)
	if err != nil {
		return err
	}
	var self *app.OrgUnit
	for i := range units {
		if units[i].UID == uid {
			self = &units[i]
		}
	}
	if self == nil {
		return app.ErrNotFound
	}
	for _, u := range units {
		if u.Parent == uid {
			return &app.RuleError{Kind: app.ErrInvalid,
				Msg: app.M("unit %s (%s) cannot be deleted: unit %s (%s) is part of it", self.Code, self.Name, u.Code, u.Name)}
		}
	}
	var in *app.Employee
	err = t.tx.Bucket(bucketPeople).ForEach(func(k, v []byte) error {
		e, err := decodePerson(k, v)
		if err == nil && e.Unit == uid && in == nil {
			in = &e
		}
		return err
	})
	if err != nil || in == nil {
		return err
	}
	return &app.RuleError{Kind: app.ErrInvalid,
		Msg: app.M("unit %s (%s) cannot be deleted: %s (%s) belongs to it", self.Code, self.Name, in.Code, in.Name)}
}
