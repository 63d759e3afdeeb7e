package workspace

import (
	"time"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// adoption matches the people and units packets bring to this workspace's
// registry: by uid, else by code (a code names one person or unit in a
// company); the rest are new and get added.
type adoption struct {
	people, units         map[app.UID]bool
	peopleCode, unitsCode map[string]app.UID
	remap                 map[app.UID]app.UID // a packet's uid → ours, for records matched by code
	newPeople             []app.Employee
	newUnits              []app.OrgUnit
}

func (w *Workspace) newAdoption() (*adoption, error) {
	people, err := w.store.People()
	if err != nil {
		return nil, err
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, err
	}
	a := &adoption{people: map[app.UID]bool{}, units: map[app.UID]bool{}, peopleCode: map[string]app.UID{},
		unitsCode: map[string]app.UID{}, remap: map[app.UID]app.UID{}}
	for _, e := range people {
		a.people[e.UID], a.peopleCode[e.Code] = true, e.UID
	}
	for _, u := range units {
		a.units[u.UID], a.unitsCode[u.Code] = true, u.UID
	}
	return a, nil
}

// add matches pk's people and units.
func (a *adoption) add(pk *packet.Packet) {
	for _, u := range pk.Units {
		switch ours, byCode := a.unitsCode[u.Code]; {
		case a.units[u.UID]:
		case byCode:
			a.remap[u.UID] = ours
		default:
			a.units[u.UID], a.unitsCode[u.Code] = true, u.UID
			a.newUnits = append(a.newUnits, u)
		}
	}
	for _, e := range pk.People {
		switch ours, byCode := a.peopleCode[e.Code]; {
		case a.people[e.UID]:
		case byCode:
			a.remap[e.UID] = ours
		default:
			a.people[e.UID], a.peopleCode[e.Code] = true, e.UID
			a.newPeople = append(a.newPeople, e)
		}
	}
}

// person returns our uid for a packet's person (or unit) uid.
func (a *adoption) person(uid app.UID) app.UID {
	if ours, ok := a.remap[uid]; ok {
		return ours
	}
	return uid
}

// finish makes the new records refer to our uids, and orders the new units
// parents first.
func (a *adoption) finish() {
	for i := range a.newUnits {
		u := &a.newUnits[i]
		u.Parent, u.Head = a.person(u.Parent), a.person(u.Head)
	}
	for i := range a.newPeople {
		e := &a.newPeople[i]
		e.Unit, e.Manager = a.person(e.Unit), a.person(e.Manager)
	}
	a.newUnits = parentsFirst(a.newUnits)
}

// parentsFirst orders units so that each comes after its parent when the
// parent is among them.
func parentsFirst(units []app.OrgUnit) []app.OrgUnit {
	in := map[app.UID]bool{}
	for _, u := range units {
		in[u.UID] = true
	}
	out := make([]app.OrgUnit, 0, len(units))
	placed := map[app.UID]bool{}
	for len(out) < len(units) {
		progress := false
		for _, u := range units {
			if !placed[u.UID] && (!in[u.Parent] || placed[u.Parent] || u.Parent == u.UID) {
				out, placed[u.UID], progress = append(out, u), true, true
			}
		}
		if !progress { // a cycle: keep the rest as they came
			for _, u := range units {
				if !placed[u.UID] {
					out, placed[u.UID] = append(out, u), true
				}
			}
		}
	}
	return out
}

// addRecords adds the people and units a merge brings, logging each in the
// workspace log.
func addRecords(tx app.Tx, m *packet.MergePlan, who app.Who, at time.Time, res *MergeResult) error {
	var edits []app.Edit
	for _, u := range m.Units {
		u := u
		if err := tx.SaveUnit(&u); err != nil {
			return err
		}
		edits = append(edits, app.Edit{Path: "units[" + u.Code + "]", New: u.Name})
	}
	for _, e := range m.People {
		e := e
		if err := tx.SavePerson(&e); err != nil {
			return err
		}
		edits = append(edits, app.Edit{Path: "people[" + e.Code + "]", New: e.Name})
	}
	res.Units, res.People = len(m.Units), len(m.People)
	if len(edits) == 0 {
		return nil
	}
	return tx.AppendLog(who.Entries("", at, edits))
}
