package template

import (
	"fmt"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// Selection says whom a template is assigned to. Its filters combine: a
// person is chosen when they are in the unit's subtree (if Unit is set), hold
// the position (if set, compared without case and accents), have the level
// (if not 0) and are in People (if not empty). People who have left are
// never chosen.
type Selection struct {
	Unit     app.UID
	Position string
	Level    int
	People   []app.UID
}

// Pick returns the people of the registry the selection chooses, in the
// registry's order.
func (s Selection) Pick(people []app.Employee, org *app.Org) []*app.Employee {
	var in map[app.UID]bool
	if s.Unit != "" {
		in = org.Subtree(s.Unit)
	}
	var hand map[app.UID]bool
	if len(s.People) > 0 {
		hand = make(map[app.UID]bool, len(s.People))
		for _, u := range s.People {
			hand[u] = true
		}
	}
	pos := i18n.Fold(s.Position)
	var out []*app.Employee
	for i := range people {
		e := &people[i]
		switch {
		case e.Archived(),
			in != nil && !in[e.Unit],
			hand != nil && !hand[e.UID],
			pos != "" && i18n.Fold(e.Position) != pos,
			s.Level != 0 && e.Level != s.Level:
			continue
		}
		out = append(out, e)
	}
	return out
}

// Existing says what an assignment does for a person who already has a plan
// over the cycle.
type Existing string

// The choices for people who already have a plan.
const (
	Skip    Existing = "skip"    // leave the plan alone, make none
	Replace Existing = "replace" // the plan's KPIs, rules and goal become the template's
	Add     Existing = "add"     // the template's KPIs are added to the plan
)

// ParseExisting reads an Existing choice.
func ParseExisting(s string) (Existing, error) {
	switch e := Existing(s); e {
	case Skip, Replace, Add:
		return e, nil
	}
	return "", fmt.Errorf("%q: want skip, replace or add", s)
}

// Change is an existing plan an assignment replaces or extends.
type Change struct {
	Before, After *app.Plan
}

// Left is an existing plan an assignment leaves alone, with why.
type Left struct {
	Plan *app.Plan
	Why  app.Msg
}

// Assignment is the preview of assigning a template: what applying it
// writes, in one transaction.
type Assignment struct {
	Template *app.Template
	Cycle    app.Cycle
	Mode     Existing
	Chosen   int         // people chosen
	New      []*app.Plan // plans to create, one per person without a plan
	Changed  []Change    // existing plans replaced or extended
	Skipped  []*app.Plan // existing plans skipped (Mode skip)
	Left     []Left      // existing plans the lifecycle or their actuals protect
}

// Existing returns how many chosen people already have a plan over the cycle.
func (a *Assignment) Existing() int { return len(a.Changed) + len(a.Skipped) + len(a.Left) }

// Summary returns the preview's sentence: "creates 412 plans; 9 people
// already have a plan for this cycle: replace".
func (a *Assignment) Summary() app.Msg {
	if a.Existing() == 0 {
		return app.M("creates %d plans", len(a.New))
	}
	return app.M("creates %d plans; %d people already have a plan for this cycle: %s", len(a.New), a.Existing(), app.Msg{Key: string(a.Mode)})
}

// Plan previews assigning t over cycle to people (chosen by a Selection),
// given each person's existing plan over that cycle (by person uid; a
// person may be absent). cycleName names the new plans ("Lan — 2026").
func Plan(t *app.Template, cycle app.Cycle, cycleName string, people []*app.Employee, existing map[app.UID]*app.Plan, mode Existing) *Assignment {
	a := &Assignment{Template: t, Cycle: cycle, Mode: mode, Chosen: len(people)}
	a.New = make([]*app.Plan, 0, len(people))
	for _, e := range people {
		old := existing[e.UID]
		switch {
		case old == nil:
			a.New = append(a.New, NewPlan(t, e, cycle, cycleName))
		case mode == Skip:
			a.Skipped = append(a.Skipped, old)
		default:
			a.change(old, mode)
		}
	}
	return a
}

// change previews replacing or extending old.
func (a *Assignment) change(old *app.Plan, mode Existing) {
	if err := app.CheckChange(old, app.ChangeTerms, "x"); err != nil || old.ApprovedOnce {
		a.Left = append(a.Left, Left{Plan: old, Why: app.M("plan %s is %s: reopen it to change its %s", old.Name, old.Status.Word(), app.M("terms"))})
		return
	}
	var after *app.Plan
	if mode == Replace {
		after = replaced(a.Template, old)
		if lost := lostActuals(old, after); lost != "" {
			a.Left = append(a.Left, Left{Plan: old, Why: app.M("plan %s has actuals for %s, which the template does not have", old.Name, lost)})
			return
		}
	} else {
		after = extended(a.Template, old)
	}
	a.Changed = append(a.Changed, Change{Before: old, After: after})
}

// NewPlan returns the draft plan t makes for person e over cycle.
func NewPlan(t *app.Template, e *app.Employee, cycle app.Cycle, cycleName string) *app.Plan {
	p := &app.Plan{Status: app.Draft, Revision: 1, PersonUID: e.UID, Cycle: cycle,
		Person: app.Person{Name: e.Name, Position: e.Position, BaseBonus: e.BaseBonus, Currency: e.Currency, Code: e.Code, Unit: e.Unit},
		Goal:   app.Goal{Text: t.Goal, Type: t.GoalType}, TemplateUID: t.UID, TemplateVersion: t.Version}
	p.Name = e.Name
	if cycleName != "" {
		p.Name = e.Name + " — " + cycleName
	}
	p.Rules = t.AsPlan().Clone().Rules
	p.KPIs = make([]app.KPI, 0, len(t.KPIs))
	for i := range t.KPIs {
		p.KPIs = append(p.KPIs, fromTemplate(&t.KPIs[i], p))
	}
	return p
}

// replaced is old with the template's KPIs, rules and goal; actuals of KPIs
// of the same id stay.
func replaced(t *app.Template, old *app.Plan) *app.Plan {
	p := old.Clone()
	fresh := NewPlan(t, &app.Employee{UID: old.PersonUID}, old.Cycle, "")
	p.Rules, p.Goal, p.KPIs = fresh.Rules, fresh.Goal, fresh.KPIs
	p.TemplateUID, p.TemplateVersion = t.UID, t.Version
	for i := range p.KPIs {
		if k := old.KPI(p.KPIs[i].ID); k != nil {
			p.KPIs[i].Actuals = slices.Clone(k.Actuals)
		}
	}
	return p
}

// extended is old with the template's KPIs it does not have yet added.
func extended(t *app.Template, old *app.Plan) *app.Plan {
	p := old.Clone()
	linked := p.TemplateUID == "" || p.TemplateUID == t.UID // a plan holds one template
	have := planKPIs(p)
	for i := range t.KPIs {
		if linked && have[t.KPIs[i].ID] != nil {
			continue
		}
		k := fromTemplate(&t.KPIs[i], p)
		if !linked {
			k.FromTemplate = ""
		}
		p.KPIs = append(p.KPIs, k)
	}
	if p.TemplateUID == "" {
		p.TemplateUID, p.TemplateVersion = t.UID, t.Version
	}
	return p
}

// lostActuals returns the name of a KPI of before with actuals that after
// lacks, or "".
func lostActuals(before, after *app.Plan) string {
	for _, k := range before.KPIs {
		if len(k.Actuals) > 0 && after.KPI(k.ID) == nil {
			return k.Name
		}
	}
	return ""
}
