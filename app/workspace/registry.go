package workspace

import (
	"kpiplanner/app"
)

// registryCheck holds the registry while a change to it is checked.
type registryCheck struct {
	byUID  map[app.UID]*app.Employee
	byCode map[string]app.UID
	org    *app.Org
	units  map[string]app.UID // by code
}

func newRegistryCheck(people []app.Employee, units []app.OrgUnit) *registryCheck {
	r := &registryCheck{byUID: make(map[app.UID]*app.Employee, len(people)), byCode: make(map[string]app.UID, len(people)),
		org: app.NewOrg(units), units: make(map[string]app.UID, len(units))}
	for i := range people {
		r.byUID[people[i].UID] = &people[i]
		r.byCode[people[i].Code] = people[i].UID
	}
	for _, u := range units {
		r.units[u.Code] = u.UID
	}
	return r
}

func (r *registryCheck) put(e *app.Employee) {
	if old, ok := r.byUID[e.UID]; ok && old.Code != e.Code {
		delete(r.byCode, old.Code)
	}
	if e.UID != "" {
		r.byUID[e.UID] = e
	}
	r.byCode[e.Code] = e.UID
}

// checkPerson validates e and its links: a unique code, a known unit, a known
// manager who does not report (directly or not) to e.
func (r *registryCheck) checkPerson(e *app.Employee) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if other, ok := r.byCode[e.Code]; ok && (other != e.UID || e.UID == "") {
		return &app.FieldError{Field: "code", Msg: app.M("employee code %s is already used by %s", e.Code, r.nameOf(other))}
	}
	if e.Unit != "" && r.org.Units[e.Unit] == nil {
		return &app.FieldError{Field: "unit", Msg: app.M("%s: unknown org unit", e.Code)}
	}
	if e.Manager == "" {
		return nil
	}
	if r.byUID[e.Manager] == nil {
		return &app.FieldError{Field: "manager", Msg: app.M("%s: unknown manager", e.Code)}
	}
	for m, seen := e.Manager, map[app.UID]bool{}; m != "" && !seen[m]; m = r.managerOf(m) {
		seen[m] = true
		if m == e.UID && e.UID != "" {
			return &app.FieldError{Field: "manager", Msg: app.M("%s: a person cannot report to someone who reports to them", e.Code)}
		}
	}
	return nil
}

func (r *registryCheck) managerOf(uid app.UID) app.UID {
	if e, ok := r.byUID[uid]; ok {
		return e.Manager
	}
	return ""
}

func (r *registryCheck) nameOf(uid app.UID) string {
	if e, ok := r.byUID[uid]; ok {
		return e.Name
	}
	return "another person"
}
