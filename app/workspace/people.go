package workspace

import (
	"errors"
	"strings"

	"kpiplanner/app"
)

// SavePerson validates e against the registry (a known unit, a known manager
// who is not e's own report) and adds or replaces it, recording the change
// in the workspace log. A new person gets a uid.
func (w *Workspace) SavePerson(e *app.Employee) error {
	_, err := w.SavePeople([]*app.Employee{e})
	return err
}

// SavePeople adds or replaces many people in one transaction: all land or
// none do. It returns how many changed.
func (w *Workspace) SavePeople(es []*app.Employee) (int, error) {
	people, err := w.store.People()
	if err != nil {
		return 0, err
	}
	units, err := w.store.Units()
	if err != nil {
		return 0, err
	}
	reg := newRegistryCheck(people, units)
	var changes []personChange
	for _, e := range es {
		normalizePerson(e)
		if err := reg.checkPerson(e); err != nil {
			return 0, err
		}
		before := reg.byUID[e.UID]
		edits := app.DiffRecord("people["+e.Code+"]", before, e)
		if before != nil && len(edits) == 0 {
			continue
		}
		if before == nil {
			edits = []app.Edit{{Path: "people[" + e.Code + "]", New: e.Name}}
		}
		reg.put(e)
		changes = append(changes, personChange{e: e, edits: edits})
	}
	if len(changes) == 0 {
		return 0, nil
	}
	return len(changes), w.writePeople(changes)
}

type personChange struct {
	e     *app.Employee
	edits []app.Edit
}

func (w *Workspace) writePeople(changes []personChange) error {
	who, at := w.who(""), w.now()
	newUID := make([]bool, len(changes))
	err := w.store.Update(func(tx app.Tx) error {
		for i, c := range changes {
			newUID[i] = c.e.UID == ""
			if err := tx.SavePerson(c.e); err != nil {
				return err
			}
			if err := tx.AppendLog(who.Entries("", at, c.edits)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for i, c := range changes {
			if newUID[i] {
				c.e.UID = ""
			}
		}
	}
	return err
}

func normalizePerson(e *app.Employee) {
	e.Code = strings.TrimSpace(app.NFC(e.Code))
	e.Name = strings.TrimSpace(app.NFC(e.Name))
	e.Position = strings.TrimSpace(app.NFC(e.Position))
	e.Email = strings.TrimSpace(e.Email)
	e.Currency = strings.ToUpper(strings.TrimSpace(e.Currency))
}

// ArchivePerson records that a person left on date left; their plans stay.
func (w *Workspace) ArchivePerson(uid app.UID, left app.Date) error {
	e, err := w.person(uid)
	if err != nil {
		return err
	}
	e.Left = left
	return w.SavePerson(e)
}

// person returns one registry person by uid, or an error wrapping app.ErrNotFound.
func (w *Workspace) person(uid app.UID) (*app.Employee, error) {
	people, err := w.store.People()
	if err != nil {
		return nil, err
	}
	for i := range people {
		if people[i].UID == uid {
			return &people[i], nil
		}
	}
	return nil, &app.RuleError{Kind: app.ErrNotFound, Msg: app.M("person %s is not in the registry", string(uid))}
}

// PersonEdit is a bulk edit of people: each non-nil field is set on every
// selected person.
type PersonEdit struct {
	Unit     *app.UID
	Position *string
	Level    *int
	Manager  *app.UID
}

// BulkEdit applies edit to the people with the given uids in one transaction
// and returns how many changed.
func (w *Workspace) BulkEdit(uids []app.UID, edit PersonEdit) (int, error) {
	people, err := w.store.People()
	if err != nil {
		return 0, err
	}
	byUID := make(map[app.UID]*app.Employee, len(people))
	for i := range people {
		byUID[people[i].UID] = &people[i]
	}
	es := make([]*app.Employee, 0, len(uids))
	for _, u := range uids {
		e, ok := byUID[u]
		if !ok {
			return 0, &app.RuleError{Kind: app.ErrNotFound, Msg: app.M("person %s is not in the registry", string(u))}
		}
		c := *e
		edit.apply(&c)
		es = append(es, &c)
	}
	return w.SavePeople(es)
}

func (edit PersonEdit) apply(e *app.Employee) {
	if edit.Unit != nil {
		e.Unit = *edit.Unit
	}
	if edit.Position != nil {
		e.Position = *edit.Position
	}
	if edit.Level != nil {
		e.Level = *edit.Level
	}
	if edit.Manager != nil {
		e.Manager = *edit.Manager
	}
}

// People returns the registry's people.
func (w *Workspace) People() ([]app.Employee, error) { return w.store.People() }

// Units returns the org units.
func (w *Workspace) Units() ([]app.OrgUnit, error) { return w.store.Units() }

// ErrInRegistry is a registry rule broken by a change (duplicate code,
// unknown unit or manager, a cycle in the tree).
var ErrInRegistry = errors.New("registry rule broken")
