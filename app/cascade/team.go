package cascade

import (
	"kpiplanner/app"
	"kpiplanner/app/score"
)

// TeamResult is a person's total with the team component (docs/scoring.md):
// (100 − w) % of their own plan's total plus w % of their unit plan's.
type TeamResult struct {
	Own      score.Result // the person's plan, scored on its own
	Unit     score.Result // the unit plan, with its rolled-up actuals
	UnitPlan *app.Plan
	Weight   float64 // w, the plan's Rules.TeamWeight
	Total    float64 // rounded to 2 decimals, as official totals are
}

// UnitPlanOf returns the own plan of p's unit for p's cycle: a unit plan
// of the person's org unit whose cycle is p's, else one whose cycle
// contains p's start; nil when there is none.
func (g *Graph) UnitPlanOf(p *app.Plan) *app.Plan {
	var found *app.Plan
	for _, q := range g.plans {
		if q == p || !q.IsUnitPlan() || q.UnitUID != p.Person.Unit || p.Person.Unit == "" {
			continue
		}
		if q.Cycle == p.Cycle {
			return q
		}
		if found == nil && q.Cycle.Contains(p.Cycle.Start) {
			found = q
		}
	}
	return found
}

// Team scores p at its official window on date today with the team
// component: ok is false when p has no team weight, no unit plan, or
// either total is missing (the own total stands then).
func (g *Graph) Team(p *app.Plan, today app.Date) (TeamResult, bool) {
	r := TeamResult{Own: score.OfficialResult(p, today), Weight: p.Rules.TeamWeight}
	r.Total = r.Own.Official
	if r.Weight <= 0 || p.IsUnitPlan() {
		return r, false
	}
	if r.UnitPlan = g.UnitPlanOf(p); r.UnitPlan == nil {
		return r, false
	}
	r.Unit = score.OfficialResult(r.UnitPlan, today)
	if !r.Own.HasTotal || !r.Unit.HasTotal {
		return r, false
	}
	r.Total = TeamTotal(r.Own.Official, r.Unit.Official, r.Weight)
	return r, true
}

// TeamTotal is (100 − w) % of own plus w % of unit, rounded to 2 decimals.
func TeamTotal(own, unit, w float64) float64 {
	return score.Round2(own*(100-w)/100 + unit*w/100)
}
