package importmap

import (
	"fmt"
	"strings"

	"kpiplanner/app"
)

// builder is the state of BuildPreview.
type builder struct {
	m      *Mapping
	st     State
	pv     *Preview
	byCode map[string]*app.Employee // folded code → person
	byName map[string][]*app.Employee
	units  map[string]app.UID // folded code and name → unit
	plans  map[string]*PlanPreview
	next   []app.Employee // people, new ones included, for NextCode
	pcts   map[string]int // KPI name → percent cells read as percent
	folds  folds
}

// BuildPreview compares what the sheet says (rd) with the workspace (st):
// which people and plans it creates, which plans it changes and how, which
// it leaves unchanged, and what it refuses. Nothing is saved.
func BuildPreview(rd *Reading, m *Mapping, st State) *Preview {
	b := &builder{m: m, st: st, pv: &Preview{Sheet: rd.Sheet, Refused: rd.Refused, Notices: rd.Notices, Unread: rd.Unread},
		byCode: map[string]*app.Employee{}, byName: map[string][]*app.Employee{}, units: map[string]app.UID{},
		plans: map[string]*PlanPreview{}, next: append([]app.Employee(nil), st.People...), pcts: map[string]int{}, folds: folds{}}
	for i := range st.People {
		e := &st.People[i]
		b.byCode[Fold(e.Code)] = e
		b.byName[Fold(e.Name)] = append(b.byName[Fold(e.Name)], e)
	}
	for _, u := range st.Units {
		b.units[Fold(u.Code)], b.units[Fold(u.Name)] = u.UID, u.UID
	}
	for _, rec := range rd.Records {
		pp := b.planOf(rec)
		if pp == nil {
			continue
		}
		if err := b.apply(pp.New, rec); err != nil {
			pp.Refused = append(pp.Refused, Refusal{Row: rec.Row, Col: -1, Why: err.Msg})
		}
	}
	b.finish()
	return b.pv
}

// planOf returns the preview of the plan rec's person has for the
// mapping's cycle, made (with the person, when new) on first sight.
func (b *builder) planOf(rec *Record) *PlanPreview {
	if k := rec.Person; k.Code == "" && k.Name == "" {
		return b.namedPlan(rec)
	}
	e, isNew, ok := b.person(rec)
	if !ok {
		return nil
	}
	key := string(e.UID)
	if isNew || e.UID == "" {
		key = "new:" + e.Code
	}
	if pp, ok := b.plans[key]; ok {
		return pp
	}
	pp := &PlanPreview{Person: PersonKey{Code: e.Code, Name: e.Name, Unit: rec.Person.Unit}, Employee: e, NewPerson: isNew}
	if !isNew {
		pp.Old = b.findPlan(e)
	}
	switch {
	case pp.Old != nil:
		pp.New = clonePlan(pp.Old)
	case b.m.NoCreate:
		b.pv.Refused = append(b.pv.Refused, Refusal{Row: rec.Row, Col: -1, Value: e.Name,
			Why: app.M("%s has no plan for the cycle %s to %s, and the mapping creates none (no_create)", e.Name, b.m.Cycle.Start, b.m.Cycle.End)})
		return nil
	default:
		pp.New = b.newPlan(e)
	}
	b.plans[key] = pp
	b.pv.Plans = append(b.pv.Plans, pp)
	return pp
}

// namedPlan returns the preview of the existing plan rec's sheet names (by
// a title holding its name, or the mapping's plan): the longest plan name
// the text holds, accents and case aside.
func (b *builder) namedPlan(rec *Record) *PlanPreview {
	text := Fold(rec.Person.Plan)
	var found *app.Plan
	for _, p := range b.st.Plans {
		n := Fold(p.Name)
		if n != "" && (text == n || strings.HasSuffix(text, " "+n) || strings.Contains(text, n)) && (found == nil || len(n) > len(Fold(found.Name))) {
			found = p
		}
	}
	if found == nil {
		b.pv.Refused = append(b.pv.Refused, Refusal{Row: rec.Row, Col: -1, Value: rec.Person.Plan,
			Why: app.M("no plan is named %q: name the person (a code or name column, or labels above the rows) or the plan", rec.Person.Plan)})
		return nil
	}
	key := "plan:" + string(found.UID)
	if pp, ok := b.plans[key]; ok {
		return pp
	}
	pp := &PlanPreview{Person: PersonKey{Name: found.Person.Name, Code: found.Person.Code, Plan: found.Name}, Old: found, New: clonePlan(found)}
	for i := range b.st.People {
		if e := &b.st.People[i]; e.UID == found.PersonUID && e.UID != "" {
			pp.Employee, pp.Person.Code, pp.Person.Name = e, e.Code, e.Name
		}
	}
	b.plans[key] = pp
	b.pv.Plans = append(b.pv.Plans, pp)
	return pp
}

// person finds rec's person in the registry by code, else by a name only
// one person has; else makes a new one (listed in the preview).
func (b *builder) person(rec *Record) (*app.Employee, bool, bool) {
	k := rec.Person
	if k.Code != "" {
		if e, ok := b.byCode[b.folds.of(k.Code)]; ok {
			return e, false, true
		}
	} else if es := b.byName[b.folds.of(k.Name)]; len(es) == 1 {
		return es[0], false, true
	} else if len(es) > 1 {
		b.pv.Refused = append(b.pv.Refused, Refusal{Row: rec.Row, Col: -1, Value: k.Name,
			Why: app.M("%d people are named %s: map the employee code column", len(es), k.Name)})
		return nil, false, false
	}
	if b.m.NoCreate {
		b.pv.Refused = append(b.pv.Refused, Refusal{Row: rec.Row, Col: -1, Value: k.String(),
			Why: app.M("%s is not in the people registry, and the mapping creates no one (no_create)", k.String())})
		return nil, false, false
	}
	e := &app.Employee{Code: k.Code, Name: k.Name, Unit: b.units[Fold(k.Unit)]}
	if e.Code == "" {
		e.Code = app.NextCode(b.next)
	}
	if e.Name == "" {
		e.Name = e.Code
	}
	if k.Unit != "" && e.Unit == "" {
		b.pv.Notices = append(b.pv.Notices, app.M("unit %q of %s is not in the registry: the person is created without a unit", k.Unit, e.Name))
	}
	b.next = append(b.next, *e)
	b.byCode[Fold(e.Code)] = e
	b.byName[Fold(e.Name)] = append(b.byName[Fold(e.Name)], e)
	b.pv.NewPeople = append(b.pv.NewPeople, e)
	return e, true, true
}

// findPlan returns e's plan for the mapping's cycle: the one starting on
// the cycle's start with its frequency, else one whose cycle holds that day.
func (b *builder) findPlan(e *app.Employee) *app.Plan {
	c := b.m.Cycle.Cycle()
	var holds *app.Plan
	for _, p := range b.st.Plans {
		if p.PersonUID != e.UID || e.UID == "" {
			continue
		}
		if p.Cycle.Start == c.Start && p.Cycle.Frequency == c.Frequency {
			return p
		}
		if holds == nil && p.Cycle.Contains(c.Start) {
			holds = p
		}
	}
	return holds
}

// newPlan returns the draft plan an import makes for e.
func (b *builder) newPlan(e *app.Employee) *app.Plan {
	p := app.NewPlan()
	c := b.m.Cycle.Cycle()
	p.Cycle = c
	p.PersonUID = e.UID
	p.Person = app.Person{Name: e.Name, Code: e.Code, Unit: e.Unit}
	span := fmt.Sprintf("%s – %s", c.Start, c.End)
	if c.Start.Time().YearDay() == 1 && c.End.Time().Month() == 12 && c.End.Time().Day() == 31 && c.Start.Time().Year() == c.End.Time().Year() {
		span = fmt.Sprint(c.Start.Time().Year())
	}
	p.Name = e.Name + " — " + span
	return p
}

// finish validates each changed plan, diffs it with the stored one and sets its status.
func (b *builder) finish() {
	for _, pp := range b.pv.Plans {
		if len(pp.Refused) == 0 {
			if err := pp.New.Validate(); err != nil {
				pp.Refused = append(pp.Refused, Refusal{Row: -1, Col: -1, Why: app.M("the plan would not be valid: %s", err.Error())})
			}
		}
		switch {
		case len(pp.Refused) > 0:
			pp.Status = PlanRefused
		case pp.Old == nil:
			pp.Status = PlanNew // its history records the creation; no field-by-field diff
		default:
			pp.Edits = app.Diff(pp.Old, pp.New)
			pp.Status = PlanChanged
			if len(pp.Edits) == 0 {
				pp.Status = PlanUnchanged
			}
		}
	}
	for name, n := range b.pcts {
		b.pv.Notices = append(b.pv.Notices, app.M("%s: %d percent-formatted cell(s) read as percent (0.7075 shown as 70.75 %% is 70.75)", name, n))
	}
}

// clonePlan returns a deep copy of p, its per-period targets and reference included.
func clonePlan(p *app.Plan) *app.Plan {
	c := p.Clone()
	for i := range c.KPIs {
		c.KPIs[i].PeriodTargets = append([]app.PeriodTarget(nil), p.KPIs[i].PeriodTargets...)
		if r := p.KPIs[i].Reference; r != nil {
			c.KPIs[i].Reference = app.Float(*r)
		}
	}
	return c
}

// kpiID returns an id for a new KPI of p: k1, k2, … the first unused.
func kpiID(p *app.Plan) string {
	for n := len(p.KPIs) + 1; ; n++ {
		id := fmt.Sprintf("k%d", n)
		if p.KPI(id) == nil {
			return id
		}
	}
}

// findKPI returns p's KPI with code as its id, or named name (accents and case aside).
func findKPI(p *app.Plan, code, name string, f folds) *app.KPI {
	if code != "" {
		if k := p.KPI(code); k != nil {
			return k
		}
	}
	fn := f.of(name)
	for i := range p.KPIs {
		if fn != "" && f.of(p.KPIs[i].Name) == fn {
			return &p.KPIs[i]
		}
	}
	return nil
}

// trimmed reports whether s is non-empty after trimming.
func trimmed(s string) bool { return strings.TrimSpace(s) != "" }
