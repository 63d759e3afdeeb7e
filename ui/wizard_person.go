package ui

import (
	"slices"

	"fyne.io/fyne/v2"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/wizard"
)

// loadRegistry reads the people registry and the org units off the UI
// goroutine, then offers them in step 1: people to pick by name, units as
// the departments. Without a registry the library's departments stay.
func (g *goalStep) loadRegistry() {
	u := g.w.u
	var people []app.Employee
	var units []app.OrgUnit
	u.async(func() error {
		var err error
		if people, err = u.ws.People(); err != nil {
			return err
		}
		units, err = u.ws.Units()
		return err
	}, func(err error) {
		if err != nil {
			fyne.LogError("read the people registry for the wizard", err)
			return
		}
		g.offerRegistry(people, units)
	})
}

// offerRegistry fills step 1's pickers from the registry, sorted the
// Vietnamese way.
func (g *goalStep) offerRegistry(people []app.Employee, units []app.OrgUnit) {
	g.org = app.NewOrg(units)
	g.people = wizard.PersonChoices(people, g.org)
	labels := make([]string, len(g.people))
	for i, c := range g.people {
		labels[i] = c.Label
	}
	sorter := i18n.NewSorter()
	slices.SortFunc(labels, sorter.Compare)
	g.nameBox.SetOptions(labels)
	g.nameOpts = labels
	if names := wizard.UnitNames(units); len(names) > 0 {
		slices.SortFunc(names, sorter.Compare)
		g.deptBox.SetOptions(names)
		g.deptOpts = names
	}
}

// pickPerson makes the plan belong to a registry person and shows their
// name, unit and position.
func (g *goalStep) pickPerson(e *app.Employee) {
	d := g.w.d
	d.SetPerson(e, g.org)
	g.nameBox.SetText(d.Plan.Person.Name)
	g.deptBox.SetText(d.Plan.Person.Department)
	if g.position != nil {
		g.position.SetText(d.Plan.Person.Position)
	}
	g.refreshName()
}
