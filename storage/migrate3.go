package storage

import (
	"fmt"
	"strings"
	"unicode"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
)

// The root org unit schema 3 creates for the company.
const (
	rootUnitName = "Company"
	rootUnitCode = "COMPANY"
)

// companyModel is schema version 3: the people registry, org units, history,
// workspace log and period closes. People are made from the plans' embedded
// persons, one per distinct name and department (compared after NFC and
// trimming), coded NV0001, NV0002, … in plan-id order of first appearance,
// with the position, base bonus and currency of their first plan. Each
// distinct department becomes an org unit under a root unit for the
// company. Every plan refers to its person and is rewritten in plan format
// 3 (a legacy "active" status becomes "approved"); schema 4 rewrites them
// again.
func companyModel(tx *bolt.Tx) error {
	for _, name := range companyBuckets {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	plans, err := bucket(tx, bucketPlans)
	if err != nil {
		return err
	}
	plans.FillPercent = fillPercent
	var ps []*app.Plan
	err = plans.ForEach(func(k, v []byte) error {
		p, err := decodePlanWith(k, v, nil, nil) // records of schema 1–3 hold no shared texts
		if err == nil {
			ps = append(ps, p)
		}
		return err
	})
	if err != nil {
		return err
	}
	m := newMigration3()
	for _, p := range ps {
		m.assign(p)
	}
	if err := m.write(tx); err != nil {
		return err
	}
	w, err := newPlanWriter(tx)
	if err != nil {
		return err
	}
	for _, p := range ps { // the records only: put would replace the actuals, which p lacks
		key := planKey(p.ID)
		if err := w.indexPerson(key, "", p.PersonUID); err != nil {
			return fmt.Errorf("plan %d: %w", p.ID, err)
		}
		if err := plans.Put(key, encodePlanAs(p, planFormat3)); err != nil { // schema 3 wrote format 3
			return fmt.Errorf("rewrite plan %d: %w", p.ID, err)
		}
	}
	return nil
}

// migration3 collects the people and units made from the plans.
type migration3 struct {
	people   []app.Employee
	personOf map[string]int // name + department key → index in people
	units    []app.OrgUnit
	unitOf   map[string]app.UID // department → unit uid
	codes    map[string]bool    // unit codes taken
}

func newMigration3() *migration3 {
	return &migration3{personOf: map[string]int{}, unitOf: map[string]app.UID{}, codes: map[string]bool{}}
}

// clean is how names are compared: NFC, without surrounding spaces.
func clean(s string) string { return strings.TrimSpace(norm.NFC.String(s)) }

// assign sets p's person to the registry person its embedded person
// becomes, making the person (and their unit) at first sight. A plan whose
// person has no name keeps its embedded person and refers to nobody.
func (m *migration3) assign(p *app.Plan) {
	name, dept := clean(p.Person.Name), clean(p.Person.Department)
	if name == "" {
		return
	}
	key := name + "\x00" + dept
	i, ok := m.personOf[key]
	if !ok {
		i = len(m.people)
		m.personOf[key] = i
		m.people = append(m.people, app.Employee{UID: app.NewUID(), Code: app.CodeFor(i + 1), Name: name,
			Unit: m.unit(dept), Position: p.Person.Position, BaseBonus: p.Person.BaseBonus, Currency: p.Person.Currency})
	}
	p.PersonUID = m.people[i].UID
}

// unit returns the uid of the unit of department dept, making it (and the
// root) at first sight; "" for no department.
func (m *migration3) unit(dept string) app.UID {
	if dept == "" {
		return ""
	}
	if uid, ok := m.unitOf[dept]; ok {
		return uid
	}
	if len(m.units) == 0 {
		m.units = append(m.units, app.OrgUnit{UID: app.NewUID(), Code: rootUnitCode, Name: rootUnitName})
		m.codes[rootUnitCode] = true
	}
	u := app.OrgUnit{UID: app.NewUID(), Code: m.freeCode(unitCode(dept)), Name: dept, Parent: m.units[0].UID}
	m.units = append(m.units, u)
	m.unitOf[dept] = u.UID
	return u.UID
}

// freeCode returns code, or code-2, code-3, … when it is taken, and takes it.
func (m *migration3) freeCode(code string) string {
	c := code
	for n := 2; m.codes[c]; n++ {
		c = fmt.Sprintf("%s-%d", code, n)
	}
	m.codes[c] = true
	return c
}

// write stores the people and units with their code indexes.
func (m *migration3) write(tx *bolt.Tx) error {
	t := &txn{tx: tx}
	people, err := t.people()
	if err != nil {
		return err
	}
	units, err := t.units()
	if err != nil {
		return err
	}
	people.recs.FillPercent, units.recs.FillPercent = fillPercent, fillPercent
	for i := range m.units {
		u := &m.units[i]
		if err := units.put(u.UID, u.Code, encodeUnit(u)); err != nil {
			return fmt.Errorf("create unit %s: %w", u.Code, err)
		}
	}
	for i := range m.people {
		e := &m.people[i]
		if err := people.put(e.UID, e.Code, encodePerson(e)); err != nil {
			return fmt.Errorf("create person %s: %w", e.Code, err)
		}
	}
	return nil
}

// maxUnitCode is the longest code unitCode makes, leaving room for a -N.
const maxUnitCode = app.MaxIDLen - 6

// unitCode returns the org unit code made from a unit's name: upper-case
// ASCII letters and digits, Vietnamese accents removed (đ becomes D),
// spaces and other characters as single '-'; "UNIT" when nothing is left.
func unitCode(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'D'
		}
		r = unicode.ToUpper(r)
		if 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
		if b.Len() >= maxUnitCode {
			break
		}
	}
	if b.Len() == 0 {
		return "UNIT"
	}
	return b.String()
}
