// Package cascade links person plans to the plans of their org units: a
// KPI contributes a share of its target and actuals to a unit KPI, unit
// KPIs contribute to their parent unit's, and the unit KPIs' actuals are
// rolled up from their contributors (docs/company.md, Department cascade).
// It is pure: it works on plans already loaded.
package cascade

import (
	"fmt"
	"slices"

	"kpiplanner/app"
)

// Node names one KPI of one plan.
type Node struct {
	Plan app.UID
	KPI  string
}

// Contributor is a KPI that contributes to a unit KPI, with its plan.
type Contributor struct {
	Plan *app.Plan
	KPI  *app.KPI
}

// Share returns the contributor's share of the unit KPI (0 to 1).
func (c Contributor) Share() float64 { return c.KPI.Share }

// Graph indexes the contributions between a set of plans. It refers to
// the plans' KPIs: add or remove none while the graph is in use.
type Graph struct {
	plans   []*app.Plan
	byUID   map[app.UID]*app.Plan
	contrib map[*app.KPI][]Contributor // by the unit KPI
	parent  map[*app.KPI]link          // by the contributing KPI
	units   map[app.UID][]*app.Plan    // unit plans by their org unit, in plan order
}

// link is the unit KPI a KPI contributes to, with its plan.
type link struct {
	plan *app.Plan
	kpi  *app.KPI
}

// New indexes the contributions of plans: every KPI that names a unit KPI
// of a plan in the set. Links to plans or KPIs outside the set are ignored.
func New(plans []*app.Plan) *Graph {
	g := &Graph{plans: plans, byUID: make(map[app.UID]*app.Plan, len(plans)),
		contrib: map[*app.KPI][]Contributor{}, parent: map[*app.KPI]link{}, units: map[app.UID][]*app.Plan{}}
	for _, p := range plans {
		if p.UID != "" {
			g.byUID[p.UID] = p
		}
		if p.IsUnitPlan() {
			g.units[p.UnitUID] = append(g.units[p.UnitUID], p)
		}
	}
	ids := map[*app.Plan]map[string]*app.KPI{}
	for _, p := range plans {
		for i := range p.KPIs {
			k := &p.KPIs[i]
			if !k.Contributes() {
				continue
			}
			up := g.byUID[k.UnitPlan]
			if up == nil {
				continue
			}
			if ids[up] == nil {
				ids[up] = make(map[string]*app.KPI, len(up.KPIs))
				for j := range up.KPIs {
					ids[up][up.KPIs[j].ID] = &up.KPIs[j]
				}
			}
			if uk := ids[up][k.UnitKPI]; uk != nil {
				g.contrib[uk] = append(g.contrib[uk], Contributor{Plan: p, KPI: k})
				g.parent[k] = link{up, uk}
			}
		}
	}
	return g
}

// Plans returns the plans the graph was built from.
func (g *Graph) Plans() []*app.Plan { return g.plans }

// Plan returns the plan with uid, or nil.
func (g *Graph) Plan(uid app.UID) *app.Plan { return g.byUID[uid] }

// Contributors returns the KPIs contributing to the KPI kpiID of p, in
// plan order.
func (g *Graph) Contributors(p *app.Plan, kpiID string) []Contributor {
	if p == nil {
		return nil
	}
	if k := p.KPI(kpiID); k != nil {
		return g.contrib[k]
	}
	return nil
}

// HasContributors reports whether the KPI kpiID of p is rolled up from others.
func (g *Graph) HasContributors(p *app.Plan, kpiID string) bool {
	return len(g.Contributors(p, kpiID)) > 0
}

// CycleError is a chain of contributions that leads back to where it started.
type CycleError struct {
	Path []Node // the KPIs of the loop, the first repeated at the end
}

// Error names the KPIs of the loop.
func (e *CycleError) Error() string {
	s := "contributions go round in a circle:"
	for _, n := range e.Path {
		s += fmt.Sprintf(" %s/%s", n.Plan, n.KPI)
	}
	return s
}

// Is makes a CycleError match app.ErrInvalid.
func (e *CycleError) Is(target error) bool { return target == app.ErrInvalid }

// Check returns a *CycleError when some KPI's contributions lead back to
// it, or nil. Each KPI contributes to at most one other, so following the
// links from every KPI finds every loop.
func (g *Graph) Check() error {
	state := make(map[*app.KPI]uint8, len(g.parent)) // 1: on the walk under way; 2: cleared
	var path []link
	for _, p := range g.plans {
		for i := range p.KPIs {
			if _, ok := g.parent[&p.KPIs[i]]; !ok {
				continue // a KPI without a link ends every walk that reaches it
			}
			var err error
			if path, err = g.follow(link{p, &p.KPIs[i]}, state, path[:0]); err != nil {
				return err
			}
		}
	}
	return nil
}

// follow walks the links up from start, marking what it passes in state;
// path is scratch space, returned for reuse.
func (g *Graph) follow(start link, state map[*app.KPI]uint8, path []link) ([]link, error) {
	for n := start; state[n.kpi] != 2; {
		if state[n.kpi] == 1 {
			e := &CycleError{}
			at := slices.IndexFunc(path, func(l link) bool { return l.kpi == n.kpi })
			for _, l := range append(path[at:], n) {
				e.Path = append(e.Path, Node{l.plan.UID, l.kpi.ID})
			}
			return path, e
		}
		state[n.kpi] = 1
		path = append(path, n)
		next, ok := g.parent[n.kpi]
		if !ok {
			break
		}
		n = next
	}
	for _, n := range path {
		state[n.kpi] = 2
	}
	return path, nil
}
