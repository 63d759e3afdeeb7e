package workspace

import (
	"strings"

	"kpiplanner/app"
)

// linkPerson gives a plan without a registry person one, inside tx: the
// person of the same name in the same unit (unit matched by name), or a new
// person with the next free NV code, in a unit of that name (a new unit
// under the root when there is none). It returns the log edits of what it
// created. Plans that refer to a person, and nameless drafts, are left alone.
func linkPerson(tx app.Tx, reg *loadedRegistry, p *app.Plan) ([]app.Edit, error) {
	if reg == nil {
		return nil, nil
	}
	name, people, units := strings.TrimSpace(p.Person.Name), reg.people, reg.units
	var edits []app.Edit
	unit, made, err := unitNamed(tx, units, strings.TrimSpace(p.Person.Department))
	if err != nil {
		return nil, err
	}
	if made != nil {
		edits = append(edits, app.Edit{Path: "units[" + made.Code + "]", New: made.Name})
	}
	for i := range people {
		if people[i].Name == name && people[i].Unit == unit {
			p.PersonUID = people[i].UID
			return edits, nil
		}
	}
	e := &app.Employee{Code: app.NextCode(people), Name: name, Unit: unit, Position: p.Person.Position,
		BaseBonus: p.Person.BaseBonus, Currency: p.Person.Currency}
	if err := tx.SavePerson(e); err != nil {
		return nil, err
	}
	p.PersonUID = e.UID
	return append(edits, app.Edit{Path: "people[" + e.Code + "]", New: e.Name}), nil
}

// loadedRegistry is the people and units as loaded before a transaction.
type loadedRegistry struct {
	people []app.Employee
	units  []app.OrgUnit
}

// needsLink reports whether saving p would link it to a registry person.
func needsLink(p *app.Plan) bool {
	return p.Status != app.Draft && p.PersonUID == "" && strings.TrimSpace(p.Person.Name) != ""
}

// loadRegistry reads people and units when p needs linking (outside any
// write transaction: bbolt must not open a read inside a write), else nil.
func (w *Workspace) loadRegistry(p *app.Plan) (*loadedRegistry, error) {
	if !needsLink(p) {
		return nil, nil
	}
	people, err := w.store.People()
	if err != nil {
		return nil, err
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, err
	}
	return &loadedRegistry{people: people, units: units}, nil
}

// unitNamed returns the uid of the unit called name, creating it under the
// root (the first unit without a parent) when there is none; "" for no name.
func unitNamed(tx app.Tx, units []app.OrgUnit, name string) (app.UID, *app.OrgUnit, error) {
	if name == "" {
		return "", nil, nil
	}
	var root app.UID
	codes := map[string]bool{}
	for _, u := range units {
		if u.Name == name || u.Code == name {
			return u.UID, nil, nil
		}
		if u.Parent == "" && root == "" {
			root = u.UID
		}
		codes[u.Code] = true
	}
	code := app.UnitCode(name)
	for n := 2; codes[code]; n++ {
		code = app.UnitCode(name) + "-" + itoa(n)
	}
	u := &app.OrgUnit{Code: code, Name: name, Parent: root}
	if err := tx.SaveUnit(u); err != nil {
		return "", nil, err
	}
	return u.UID, u, nil
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}
