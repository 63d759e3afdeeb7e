package ui

import "strings"

// setRolled records which KPIs of a unit plan are rolled up from how many
// plans and rebuilds the grid so their cells are read-only.
func (s *planScreen) setRolled(rolled map[string]int) {
	if len(rolled) == 0 && len(s.rolled) == 0 {
		return
	}
	s.rolled = rolled
	s.grid.build(s.snap)
}

// rolledHint says which KPIs' cells are read-only and why: "Doanh thu:
// rolled up from 2 people; enter actuals in their plans." ("" when none).
func (g *actualsGrid) rolledHint() string {
	u := g.s.u
	var parts []string
	for i := range g.kpis {
		k := &g.kpis[i]
		if n := g.s.rolled[k.ID]; n > 0 {
			parts = append(parts, u.T("%s: rolled up from %d people", kpiName(u, k), n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "; ") + ". " + u.T("Enter their actuals in the plans they come from.")
}
