package score

import (
	"math"

	"kpiplanner/app"
)

// team folds the team component into r's official total when p has a team
// weight and its unit plan has a total over window w (p.UnitTotals, filled
// on load): (100 − w) % of the own total plus w % of the unit's, rounded to
// 2 decimals (docs/scoring.md §5a).
func team(p *app.Plan, w Window, r *Result) {
	tw := p.Rules.TeamWeight
	if tw <= 0 || p.IsUnitPlan() || w.Last < 0 || w.Last >= len(p.UnitTotals) {
		return
	}
	u := p.UnitTotals[w.Last]
	if math.IsNaN(u) {
		return
	}
	r.Team, r.Unit, r.TeamWeight = true, u, tw
	r.Official = TeamTotal(r.Own, u, tw)
}

// TeamTotal is (100 − w) % of own plus w % of unit, rounded to 2 decimals.
func TeamTotal(own, unit, w float64) float64 {
	return Round2(own*(100-w)/100 + unit*w/100)
}
