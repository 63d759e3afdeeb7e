package app

// Registry is what stored plans are resolved against when they are loaded:
// the people registry, the org tree and the period closes.
type Registry struct {
	People map[UID]*Employee
	Org    *Org
	Closes Closes
}

// NewRegistry indexes people, units and close records (in the order written).
func NewRegistry(people []Employee, units []OrgUnit, closes []PeriodClose) *Registry {
	r := &Registry{People: make(map[UID]*Employee, len(people)), Org: NewOrg(units), Closes: NewCloses(closes)}
	for i := range people {
		r.People[people[i].UID] = &people[i]
	}
	return r
}

// Resolve fills p's derived fields: its person's view from the registry
// (name, unit name as department, position, base bonus, currency, code,
// unit) when p refers to a known person, and how many periods are closed for
// that person's unit (or for the company when p has no person).
func (r *Registry) Resolve(p *Plan) {
	if e, ok := r.People[p.PersonUID]; ok && p.PersonUID != "" {
		p.Person = PersonOf(e, r.Org)
	}
	p.ClosedPeriods = r.Closes.ClosedPeriods(p.Cycle, r.Org.Path(p.Person.Unit))
}

// PersonOf returns the view a plan holds of employee e.
func PersonOf(e *Employee, o *Org) Person {
	return Person{Name: e.Name, Department: o.Name(e.Unit), Position: e.Position, BaseBonus: e.BaseBonus,
		Currency: e.Currency, Code: e.Code, Unit: e.Unit}
}
