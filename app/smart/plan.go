package smart

import (
	"math"

	"kpiplanner/app"
)

// MaxKPIs is the most KPIs one person should carry; 5–7 is the sweet spot.
const MaxKPIs = 7

// Warning is a plan-level problem; KPI names the KPI concerned, if any.
type Warning struct {
	KPI string
	Msg app.Msg
}

// Plan returns the plan-level warnings for p: more than MaxKPIs KPIs, group
// weights that do not sum to 100, a weighted group with no KPI, and vanity
// metrics from the library.
func Plan(p *app.Plan, cat Catalog) []Warning {
	var out []Warning
	if n := len(p.KPIs); n > MaxKPIs {
		out = append(out, Warning{Msg: app.M("%d KPIs for one person: more than %d dilutes focus; keep the 5–7 that matter most.", n, MaxKPIs)})
	}
	sum := 0.0
	for _, w := range p.Rules.GroupWeights {
		sum += w
	}
	if math.Abs(sum-100) > 1e-9 {
		out = append(out, Warning{Msg: app.M("Group weights sum to %g, not 100.", sum)})
	}
	for _, g := range app.Groups {
		if p.Rules.GroupWeights[g] > 0 && !hasGroup(p, g) {
			out = append(out, Warning{Msg: app.M("Group %s has weight %g but no KPI.", g, p.Rules.GroupWeights[g])})
		}
	}
	if cat != nil {
		for _, k := range p.KPIs {
			if k.LibraryID != "" && cat.Vanity(k.LibraryID) {
				out = append(out, Warning{KPI: k.ID, Msg: app.M("“%s” is a vanity metric: it looks good but may not move the goal.", k.Name)})
			}
		}
	}
	return out
}

func hasGroup(p *app.Plan, g app.Group) bool {
	for _, k := range p.KPIs {
		if k.Group == g {
			return true
		}
	}
	return false
}
