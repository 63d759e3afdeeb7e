package workspace

import (
	"kpiplanner/app"
	"kpiplanner/app/wizard"
)

// PlansFor copies plan from (its goal, cycle, rules and KPIs, without
// actuals) into one new draft plan per person, named "person — cycle", in
// one transaction that also writes each plan's creation into its history.
// People who already have a plan over the same cycle, and unknown or
// archived people, are skipped and listed; nothing is written when no plan
// would be made.
func (w *Workspace) PlansFor(from app.PlanID, people []app.UID) ([]*app.Plan, []Skipped, error) {
	src, err := w.Plan(from)
	if err != nil {
		return nil, nil, err
	}
	registry, err := w.store.People()
	if err != nil {
		return nil, nil, err
	}
	plans, err := w.store.Plans()
	if err != nil {
		return nil, nil, err
	}
	byUID := make(map[app.UID]*app.Employee, len(registry))
	for i := range registry {
		byUID[registry[i].UID] = &registry[i]
	}
	has := map[app.UID]bool{}
	for _, p := range plans {
		if p.Cycle == src.Cycle {
			has[p.PersonUID] = true
		}
	}
	var made []*app.Plan
	var skipped []Skipped
	for _, uid := range people {
		e := byUID[uid]
		switch {
		case e == nil:
			skipped = append(skipped, Skipped{Name: string(uid), Err: &app.RuleError{Kind: app.ErrNotFound, Msg: app.M("person %s is not in the registry", string(uid))}})
		case e.Archived():
			skipped = append(skipped, Skipped{Name: e.Name, Err: &app.RuleError{Kind: app.ErrRefused, Msg: app.M("%s (%s) has left the company", e.Name, e.Code)}})
		case has[uid]:
			skipped = append(skipped, Skipped{Name: e.Name, Err: &app.RuleError{Kind: app.ErrRefused, Msg: app.M("%s (%s) already has a plan for this cycle", e.Name, e.Code)}})
		default:
			has[uid] = true
			made = append(made, planFor(src, e))
		}
	}
	if len(made) == 0 {
		return nil, skipped, &app.RuleError{Kind: app.ErrInvalid, Msg: app.M("no plan to make: every person chosen was skipped")}
	}
	return made, skipped, w.writeNew(made)
}

// planFor is a new draft copy of src for person e.
func planFor(src *app.Plan, e *app.Employee) *app.Plan {
	p := src.Clone()
	p.ID, p.UID, p.Status, p.Revision, p.ApprovedOnce = 0, "", app.Draft, 1, false
	p.PersonUID = e.UID
	p.Person = app.Person{Name: e.Name, Position: e.Position, BaseBonus: e.BaseBonus, Currency: e.Currency}
	if c := wizard.CycleName(p.Cycle); c != "" {
		p.Name = e.Name + " — " + c
	} else {
		p.Name = e.Name
	}
	for i := range p.KPIs {
		p.KPIs[i].Actuals = nil
	}
	p.NormalizeText()
	return p
}

// writeNew saves new plans with their creation entries in one transaction.
func (w *Workspace) writeNew(plans []*app.Plan) error {
	who, at := w.who(""), w.now()
	return w.store.Update(func(tx app.Tx) error {
		for _, p := range plans {
			if err := tx.SavePlan(p); err != nil {
				return err
			}
			if err := tx.AppendHistory(who.Entries(p.UID, at, []app.Edit{{Path: "plan", New: p.Name}})); err != nil {
				return err
			}
		}
		return nil
	})
}
