package wizard

import (
	"slices"

	"kpiplanner/app"
)

// PersonChoice is a registry person the wizard offers for "who is this plan
// for", with the label the picker shows.
type PersonChoice struct {
	Label    string // "Nguyễn Thị Lan · NV0012 · Kinh doanh"
	Employee app.Employee
}

// PersonChoices returns the registry's people still employed, labelled with
// their code and unit, in the order given (the caller sorts them).
func PersonChoices(people []app.Employee, org *app.Org) []PersonChoice {
	out := make([]PersonChoice, 0, len(people))
	for _, e := range people {
		if e.Archived() {
			continue
		}
		label := e.Name + " · " + e.Code
		if n := org.Name(e.Unit); n != "" {
			label += " · " + n
		}
		out = append(out, PersonChoice{Label: label, Employee: e})
	}
	return out
}

// SetPerson makes the plan belong to registry person e: its PersonUID and
// its view of the person (name, unit name, position, base bonus, currency).
func (d *Draft) SetPerson(e *app.Employee, org *app.Org) {
	d.Plan.PersonUID = e.UID
	bonus, cur := d.Plan.Person.BaseBonus, d.Plan.Person.Currency
	d.Plan.Person = app.PersonOf(e, org)
	if e.BaseBonus == 0 {
		d.Plan.Person.BaseBonus = bonus
	}
	if e.Currency == "" {
		d.Plan.Person.Currency = cur
	}
}

// SetPersonName sets the name typed for the plan's person; a name that is
// not the linked registry person's any more unlinks it (saving the plan
// then finds or creates the person by name and unit).
func (d *Draft) SetPersonName(name string) {
	if d.Plan.PersonUID != "" && name != d.Plan.Person.Name {
		d.Plan.PersonUID = ""
	}
	d.Plan.Person.Name = name
}

// SetDepartment sets the unit the plan's person is in, by name; a different
// unit than the linked person's unlinks the person.
func (d *Draft) SetDepartment(name string) {
	if d.Plan.PersonUID != "" && name != d.Plan.Person.Department {
		d.Plan.PersonUID = ""
	}
	d.Plan.Person.Department = name
}

// UnitNames returns the names of the org units, for the department picker.
func UnitNames(units []app.OrgUnit) []string {
	out := make([]string, 0, len(units))
	for _, u := range units {
		if u.Parent != "" && !slices.Contains(out, u.Name) {
			out = append(out, u.Name)
		}
	}
	return out
}
