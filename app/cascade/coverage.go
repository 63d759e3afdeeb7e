package cascade

import (
	"kpiplanner/app"
)

// Line is the coverage of one unit KPI: its target beside what its
// contributors' targets add up to.
type Line struct {
	Plan *app.Plan // the unit plan
	KPI  *app.KPI  // the unit KPI
	// Covered is Σ share × target of the contributors; for a ratio KPI,
	// the share-weighted mean of their target rates.
	Covered float64
	// Gap is the unit target minus Covered: above 0 the staff targets fall
	// short of the unit's, below 0 they exceed it.
	Gap          float64
	Rate         bool // the KPI is a ratio: targets are rates, not amounts
	Contributors int
}

// Short reports whether the contributors' targets fall short of the unit's.
func (l Line) Short() bool { return l.Gap > epsilon(l.KPI.Target) }

// Over reports whether the contributors' targets exceed the unit's.
func (l Line) Over() bool { return l.Gap < -epsilon(l.KPI.Target) }

// epsilon is the gap below which a coverage counts as exact.
func epsilon(target float64) float64 {
	if target < 0 {
		target = -target
	}
	return 1e-9 * (1 + target)
}

// Coverage returns one line per KPI of every unit plan among the graph's
// plans for which keep is true (nil keeps all), in plan and KPI order.
func (g *Graph) Coverage(keep func(*app.Plan) bool) []Line {
	var out []Line
	for _, p := range g.plans {
		if !p.IsUnitPlan() || (keep != nil && !keep(p)) {
			continue
		}
		for i := range p.KPIs {
			out = append(out, g.Line(p, &p.KPIs[i]))
		}
	}
	return out
}

// Line returns the coverage of KPI k of unit plan p.
func (g *Graph) Line(p *app.Plan, k *app.KPI) Line {
	cs := g.contrib[k]
	l := Line{Plan: p, KPI: k, Rate: k.Aggregation == app.Ratio, Contributors: len(cs)}
	var sum, shares float64
	for _, c := range cs {
		sum += c.KPI.Share * c.KPI.Target
		shares += c.KPI.Share
	}
	l.Covered = sum
	if l.Rate && shares > 0 {
		l.Covered = sum / shares
	}
	l.Gap = k.Target - l.Covered
	return l
}
