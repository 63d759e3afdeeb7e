package workspace

import (
	"fmt"
	"slices"
	"sync"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
)

// ErrRolledUp is the message for an actual typed into a unit KPI whose
// actuals come from the KPIs contributing to it.
var ErrRolledUp = app.M("its actuals are rolled up from the KPIs that contribute to it: enter them in those plans")

// withPlan returns plans with p in place of the stored plan of the same id
// (appended when new), each plan cloned so rolling up leaves the store's alone.
func withPlan(plans []*app.Plan, p *app.Plan) []*app.Plan {
	out := make([]*app.Plan, 0, len(plans)+1)
	found := false
	for _, q := range plans {
		if p != nil && q.ID == p.ID && p.ID != 0 {
			q, found = p, true
		}
		out = append(out, q)
	}
	if p != nil && !found {
		out = append(out, p)
	}
	return out
}

// rollUp fills in the rolled-up actuals of p when it is a unit plan, and
// its unit totals when it has a team weight (the team component).
func (w *Workspace) rollUp(p *app.Plan) error {
	if !p.IsUnitPlan() && p.Rules.TeamWeight <= 0 {
		return nil
	}
	plans, err := w.store.Plans()
	if err != nil {
		return fmt.Errorf("roll up plan %d: %w", p.ID, err)
	}
	cascade.RollUpAll(withPlan(plans, p))
	return nil
}

// Cascade loads every plan, rolls the unit plans' actuals up and returns
// the contributions graph and the plans' cycle history.
func (w *Workspace) Cascade() (*cascade.Graph, *cascade.History, error) {
	plans, err := w.store.Plans()
	if err != nil {
		return nil, nil, fmt.Errorf("load plans for the cascade: %w", err)
	}
	return cascade.RollUpAll(plans), cascade.NewHistory(plans), nil
}

// linksChanged reports whether after's contributions differ from before's.
func linksChanged(before, after *app.Plan) bool {
	link := func(p *app.Plan) []string {
		if p == nil {
			return nil
		}
		var out []string
		for _, k := range p.KPIs {
			if k.Contributes() {
				out = append(out, k.ID+"\x00"+string(k.UnitPlan)+"\x00"+k.UnitKPI)
			}
		}
		return out
	}
	return !slices.Equal(link(before), link(after))
}

// cascadeCheck refuses a change to after that would make contributions go
// round in a circle or link a KPI to a KPI that is not there, and an
// actual typed into a rolled-up unit KPI. For a unit plan it returns
// before and after with their actuals rolled up, so the change is compared
// on what the screens show.
func (w *Workspace) cascadeCheck(before, after *app.Plan) (*app.Plan, error) {
	if !after.IsUnitPlan() && !linksChanged(before, after) {
		return before, nil
	}
	plans, err := w.store.Plans()
	if err != nil {
		return nil, fmt.Errorf("check the cascade of plan %s: %w", after.Name, err)
	}
	draft := after.Clone()
	g := cascade.New(withPlan(plans, draft))
	if err := checkLinks(g, draft); err != nil {
		return nil, err
	}
	if err := g.RollUp(); err != nil {
		return nil, err
	}
	if !after.IsUnitPlan() {
		return before, nil
	}
	for i := range after.KPIs {
		k := &after.KPIs[i]
		if !g.HasContributors(draft, k.ID) {
			continue
		}
		rolled := draft.KPIs[i].Actuals
		if !sameValues(k.Actuals, rolled) && (before == nil || !sameValues(k.Actuals, actualsOf(before, k.ID))) {
			return nil, &app.FieldError{KPI: k.ID, Field: "actuals", Msg: ErrRolledUp}
		}
		k.Actuals = rolled
	}
	if before == nil {
		return nil, nil
	}
	b := before.Clone()
	cascade.RollUpAll(withPlan(plans, b))
	return b, nil
}

// checkLinks refuses a KPI of p linked to a plan or KPI that does not exist.
func checkLinks(g *cascade.Graph, p *app.Plan) error {
	for _, k := range p.KPIs {
		if !k.Contributes() {
			continue
		}
		unit := g.Plan(k.UnitPlan)
		switch {
		case unit == nil:
			return &app.FieldError{KPI: k.ID, Field: "unit_plan", Msg: app.M("no plan with uid %s", k.UnitPlan)}
		case !unit.IsUnitPlan():
			return &app.FieldError{KPI: k.ID, Field: "unit_plan", Msg: app.M("%s is not the plan of an org unit", unit.Name)}
		case unit.KPI(k.UnitKPI) == nil:
			return &app.FieldError{KPI: k.ID, Field: "unit_kpi", Msg: app.M("plan %s has no KPI %s", unit.Name, k.UnitKPI)}
		case unit.UID == p.UID && k.UnitKPI == k.ID:
			return &app.FieldError{KPI: k.ID, Field: "unit_kpi", Msg: app.M("a KPI cannot contribute to itself")}
		}
	}
	return nil
}

func actualsOf(p *app.Plan, kpiID string) []app.Actual {
	if k := p.KPI(kpiID); k != nil {
		return k.Actuals
	}
	return nil
}

// sameValues reports whether a and b hold the same periods, values and
// denominators (comments aside).
func sameValues(a, b []app.Actual) bool {
	return slices.EqualFunc(a, b, func(x, y app.Actual) bool {
		return x.Period == y.Period && x.Value == y.Value && x.Den == y.Den
	})
}

// rollUpSummaries re-summarises the unit plans among rows from their
// rolled-up actuals, and the plans with a team weight with their unit's
// totals: kept holds the unit and team plans and, of every other plan, its
// contributing KPIs only.
func rollUpSummaries(rows []Summary, kept []*app.Plan, today app.Date) {
	g := cascade.New(kept)
	if g.RollUp() != nil {
		return
	}
	g.FillTeams()
	at := make(map[app.PlanID]int, len(rows))
	for i, r := range rows {
		at[r.ID] = i
	}
	for _, p := range kept {
		if i, ok := at[p.ID]; ok && (p.IsUnitPlan() || p.UnitTotals != nil) {
			rows[i] = summarise(p, today)
		}
	}
}

// keeper collects, while plans are walked, what rolling up needs.
type keeper struct {
	mu   sync.Mutex
	kept []*app.Plan
}

// keep copies p if it is a unit plan or has a team weight, or its
// contributing KPIs if it has any.
func (k *keeper) keep(p *app.Plan) {
	var c *app.Plan
	switch {
	case p.IsUnitPlan() || p.Rules.TeamWeight > 0:
		c = p.Clone()
	default:
		for i := range p.KPIs {
			if p.KPIs[i].Contributes() {
				if c == nil {
					c = &app.Plan{ID: p.ID, UID: p.UID, Cycle: p.Cycle}
				}
				kp := p.KPIs[i]
				kp.Actuals = slices.Clone(kp.Actuals)
				kp.Steps, kp.Baseline, kp.Floor, kp.Cap = nil, nil, nil, nil
				c.KPIs = append(c.KPIs, kp)
			}
		}
	}
	if c == nil {
		return
	}
	k.mu.Lock()
	k.kept = append(k.kept, c)
	k.mu.Unlock()
}

// teamTotals walks pw's plans once and returns the derived unit totals of
// every plan with a team weight, by plan id (see cascade.FillTeams).
func teamTotals(pw PlanWalker, parts int) (map[app.PlanID][]float64, error) {
	var k keeper
	if err := pw.EachPlanIn(parts, func(_ int, p *app.Plan) error { k.keep(p); return nil }); err != nil {
		return nil, fmt.Errorf("team component: %w", err)
	}
	g := cascade.New(k.kept)
	if g.RollUp() != nil {
		return nil, nil
	}
	g.FillTeams()
	out := map[app.PlanID][]float64{}
	for _, p := range k.kept {
		if p.UnitTotals != nil {
			out[p.ID] = p.UnitTotals
		}
	}
	return out, nil
}

// RolledUp returns, for a unit plan p, how many plans contribute to each of
// its KPIs whose actuals are rolled up (by KPI id); nil for a person's plan.
// The actuals grid shows those KPIs read-only.
func (w *Workspace) RolledUp(p *app.Plan) (map[string]int, error) {
	if !p.IsUnitPlan() {
		return nil, nil
	}
	plans, err := w.store.Plans()
	if err != nil {
		return nil, fmt.Errorf("rolled-up KPIs of plan %s: %w", p.Name, err)
	}
	g := cascade.New(withPlan(plans, p.Clone()))
	q := g.Plan(p.UID)
	if q == nil {
		return nil, nil
	}
	out := map[string]int{}
	for _, k := range q.KPIs {
		seen := map[*app.Plan]bool{}
		for _, c := range g.Contributors(q, k.ID) {
			seen[c.Plan] = true
		}
		if len(seen) > 0 {
			out[k.ID] = len(seen)
		}
	}
	return out, nil
}
