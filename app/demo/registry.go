package demo

import (
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
