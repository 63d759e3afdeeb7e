package cascade

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// TeamResult is a person's total with the team component (docs/scoring.md):
// (100 − w) % of their own plan's total plus w % of their unit plan's.
type TeamResult struct {
	Own      score.Result // the person's plan, scored on its own
	Unit     score.Result // the unit plan, with its rolled-up actuals, over the same span
	UnitPlan *app.Plan
	Weight   float64 // w, the plan's Rules.TeamWeight
	Total    float64 // rounded to 2 decimals, as official totals are
}

// UnitPlanOf returns the own plan of p's unit for p's cycle: a unit plan
// of the person's org unit whose cycle is p's, else one whose cycle
// contains p's start; nil when there is none.
func (g *Graph) UnitPlanOf(p *app.Plan) *app.Plan {
	var found *app.Plan
	for _, q := range g.units[p.Person.Unit] {
		if q == p || p.Person.Unit == "" {
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

// FillTeams fills in the derived UnitTotals of every person's plan of the
// graph that has a team weight (call it after RollUp): per period of the
// plan, the unit plan's total through that period's end (NaN when the unit
// plan has none then). Plans without a team weight or unit plan get nil.
func (g *Graph) FillTeams() {
	for _, p := range g.plans {
		p.UnitTotals = nil
		if p.Rules.TeamWeight <= 0 || p.IsUnitPlan() {
			continue
		}
		if u := g.UnitPlanOf(p); u != nil {
			p.UnitTotals = UnitTotals(p, u)
		}
	}
}

// UnitTotals returns, per period of p, unit's total through that period's end.
func UnitTotals(p, unit *app.Plan) []float64 {
	ps := p.Cycle.Periods()
	out := make([]float64, len(ps))
	for i, q := range ps {
		out[i] = math.NaN()
		if r := score.In(unit, score.Through(unit, q.End)); r.HasTotal {
			out[i] = r.Official
		}
	}
	return out
}

// Team scores p at its official window on date today with the team
// component: ok is false when p has no team weight, no unit plan, or
// either total is missing (the own total stands then). It fills p's
// UnitTotals as loading does, so the result is the official one.
func (g *Graph) Team(p *app.Plan, today app.Date) (TeamResult, bool) {
	r := TeamResult{Weight: p.Rules.TeamWeight}
	if r.Weight > 0 && !p.IsUnitPlan() {
		r.UnitPlan = g.UnitPlanOf(p)
	}
	p.UnitTotals = nil
	if r.UnitPlan != nil {
		p.UnitTotals = UnitTotals(p, r.UnitPlan)
	}
	res := score.OfficialResult(p, today)
	r.Own, r.Total = res, res.Official
	r.Own.Official = res.Own
	if r.UnitPlan == nil {
		return r, false
	}
	if !res.Window.Empty() {
		r.Unit = score.In(r.UnitPlan, score.Through(r.UnitPlan, p.Cycle.Periods()[res.Window.Last].End))
	}
	return r, res.Team
}

// TeamTotal is (100 − w) % of own plus w % of unit, rounded to 2 decimals.
func TeamTotal(own, unit, w float64) float64 { return score.TeamTotal(own, unit, w) }
