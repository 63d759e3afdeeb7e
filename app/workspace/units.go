package workspace

import (
	"strings"

	"kpiplanner/app"
)

// SaveUnit validates u (a unique code, a known parent that is not inside u,
// a known head) and adds or replaces it, recording the change in the
// workspace log. A new unit gets a uid.
func (w *Workspace) SaveUnit(u *app.OrgUnit) error {
	return w.SaveUnits([]*app.OrgUnit{u})
}

// SaveUnits adds or replaces many units in one transaction, parents before
// children: all land or none do.
func (w *Workspace) SaveUnits(us []*app.OrgUnit) error {
	units, err := w.store.Units()
	if err != nil {
		return err
	}
	people, err := w.store.People()
	if err != nil {
		return err
	}
	reg := newRegistryCheck(people, units)
	byUID := map[app.UID]*app.OrgUnit{}
	for i := range units {
		byUID[units[i].UID] = &units[i]
	}
	var edits [][]app.Edit
	for _, u := range us {
		u.Code, u.Name = strings.TrimSpace(u.Code), strings.TrimSpace(app.NFC(u.Name))
		if err := reg.checkUnit(u, byUID); err != nil {
			return err
		}
		before := byUID[u.UID]
		e := app.DiffRecord("units["+u.Code+"]", before, u)
		if before == nil {
			e = []app.Edit{{Path: "units[" + u.Code + "]", New: u.Name}}
		}
		edits = append(edits, e)
	}
	who, at := w.who(""), w.now()
	return w.store.Update(func(tx app.Tx) error {
		for i, u := range us {
			if err := tx.SaveUnit(u); err != nil {
				return err
			}
			if err := tx.AppendLog(who.Entries("", at, edits[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

// checkUnit validates u against the tree as it stands.
func (r *registryCheck) checkUnit(u *app.OrgUnit, byUID map[app.UID]*app.OrgUnit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	if other, ok := r.units[u.Code]; ok && (other != u.UID || u.UID == "") {
		return &app.FieldError{Field: "code", Msg: app.M("unit code %s is already used", u.Code)}
	}
	if u.Parent != "" && byUID[u.Parent] == nil {
		return &app.FieldError{Field: "parent", Msg: app.M("%s: unknown parent unit", u.Code)}
	}
	if u.UID != "" && r.org.WouldCycle(u.UID, u.Parent) {
		return &app.FieldError{Field: "parent", Msg: app.M("%s: a unit cannot move inside its own subtree", u.Code)}
	}
	if u.Head != "" && r.byUID[u.Head] == nil {
		return &app.FieldError{Field: "head", Msg: app.M("%s: unknown head", u.Code)}
	}
	r.units[u.Code] = u.UID
	return nil
}
