package demo

import (
	"fmt"
	"slices"

	"kpiplanner/app"
)

// Registry returns the people registry of a demo company: a root unit, one
// unit per department (its code from the English name, so "HR" is the same
// unit in both languages; its name in lang) and one person per plan (codes
// NV0001, … in plan order, level from the position's rank, joined on the
// cycle's first day), and sets each plan's PersonUID. Every department's
// first person heads it and is the manager of the others.
func Registry(plans []*app.Plan, lang string) ([]app.OrgUnit, []app.Employee) {
	rootName := "Company"
	if lang == "vi" {
		rootName = "Công ty"
	}
	root := app.OrgUnit{UID: app.NewUID(), Code: "COMPANY", Name: rootName}
	units := []app.OrgUnit{root}
	unitOf := map[string]int{}
	var people []app.Employee
	for _, d := range departments {
		name := d.name
		if lang == "vi" {
			name = lookup(viDepartments, d.name)
		}
		unitOf[name] = len(units)
		units = append(units, app.OrgUnit{UID: app.NewUID(), Code: app.UnitCode(d.name), Name: name, Parent: root.UID})
	}
	for i, p := range plans {
		u, ok := unitOf[p.Person.Department]
		if !ok {
			u = 0
		}
		e := app.Employee{UID: app.NewUID(), Code: app.CodeFor(i + 1), Name: p.Person.Name, Unit: units[u].UID,
			Position: p.Person.Position, Level: level(p.Person.Position), Joined: cycle.Start,
			BaseBonus: p.Person.BaseBonus, Currency: p.Person.Currency}
		if head := units[u].Head; head == "" {
			units[u].Head = e.UID
		} else {
			e.Manager = head
		}
		people = append(people, e)
		p.PersonUID = e.UID
	}
	return units, people
}

// level is a position's rank in its department, from 1 (junior); 0 when unknown.
func level(position string) int {
	for _, d := range departments {
		if i := slices.Index(d.positions, position); i >= 0 {
			return i + 1
		}
		for i, pos := range d.positions {
			if lookup(viPositions, pos) == position {
				return i + 1
			}
		}
	}
	return 0
}

// Save adds a demo company of n people in lang to s in one transaction: its
// units, its people and their plans, and (in a workspace without a Sales
// unit yet) the Sales department's plan their revenue rolls up into and a
// position template (cascade.go). It returns the people's plans, with their ids.
func Save(s app.Store, n int, seed int64, lang string) ([]*app.Plan, error) {
	plans := CompanyIn(n, seed, lang)
	units, people := Registry(plans, lang)
	if err := fitInto(s, units, people); err != nil {
		return nil, fmt.Errorf("add the demo company: %w", err)
	}
	more := salesExtras(plans, units, people, lang) // the Sales cascade and a template (cascade.go)
	err := s.Update(func(tx app.Tx) error {
		for i := range units {
			if units[i].UID == "" {
				continue // the workspace has this unit already
			}
			if err := tx.SaveUnit(&units[i]); err != nil {
				return err
			}
		}
		for i := range people {
			if err := tx.SavePerson(&people[i]); err != nil {
				return err
			}
		}
		if more != nil {
			if err := more.saveTemplate(tx); err != nil {
				return err
			}
		}
		for _, p := range plans {
			if err := tx.SavePlan(p); err != nil {
				return err
			}
		}
		if more != nil {
			return more.saveUnit(tx)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("add the demo company: %w", err)
	}
	return plans, nil
}

// fitInto makes a demo registry fit a workspace that has people and units
// already: units whose code exists are the existing ones (their records are
// not written again: UID ""), and people's codes continue after the codes in use.
func fitInto(s app.Store, units []app.OrgUnit, people []app.Employee) error {
	have, err := s.Units()
	if err != nil {
		return err
	}
	existing := map[string]app.UID{}
	for _, u := range have {
		existing[u.Code] = u.UID
	}
	moved := map[app.UID]app.UID{}
	for i := range units {
		if uid, ok := existing[units[i].Code]; ok {
			moved[units[i].UID], units[i].UID = uid, ""
		}
	}
	for i := range units {
		if to, ok := moved[units[i].Parent]; ok {
			units[i].Parent = to
		}
	}
	taken, err := s.People()
	if err != nil {
		return err
	}
	codes := make(map[string]bool, len(taken))
	for _, e := range taken {
		codes[e.Code] = true
	}
	n := len(taken)
	for i := range people {
		if to, ok := moved[people[i].Unit]; ok {
			people[i].Unit = to
		}
		n++
		for codes[app.CodeFor(n)] {
			n++
		}
		people[i].Code = app.CodeFor(n)
	}
	return nil
}
