package app

import "math"

// Contributes reports whether k contributes to a unit plan's KPI.
func (k *KPI) Contributes() bool { return k.UnitPlan != "" }

// IsUnitPlan reports whether p is an org unit's own plan.
func (p *Plan) IsUnitPlan() bool { return p.UnitUID != "" }

// contribution checks k's link to a unit KPI: a KPI id and a share above
// 0 and at most 1; a KPI without a link carries neither.
func (v *validator) contribution(k *KPI) {
	if !k.Contributes() {
		if k.UnitKPI != "" || k.Share != 0 {
			v.add(k.ID, "unit_plan", M("is required with a unit KPI or share"))
		}
		return
	}
	if k.UnitKPI == "" {
		v.add(k.ID, "unit_kpi", M("is required with a unit plan"))
	}
	if math.IsNaN(k.Share) || k.Share <= 0 || k.Share > 1 {
		v.add(k.ID, "share", M("must be above 0 and at most 1 (100 %%)"))
	}
}

// team checks the team component's weight: a percent from 0 to 100, only
// on a person's plan (a unit plan's total is its own).
func (v *validator) team(p *Plan) {
	w := p.Rules.TeamWeight
	if !v.finite("", "rules.team_weight", w) {
		return
	}
	if w < 0 || w > 100 {
		v.add("", "rules.team_weight", M("must be between 0 and 100"))
	}
}
