// Package cascade links person plans to the plans of their org units: a
// KPI contributes a share of its target and actuals to a unit KPI, unit
// KPIs contribute to their parent unit's, and the unit KPIs' actuals are
// rolled up from their contributors (docs/company.md, Department cascade).
// It is pure: it works on plans already loaded.
package cascade

import (
	"fmt"

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

// Graph indexes the contributions between a set of plans.
type Graph struct {
	plans   []*app.Plan
	byUID   map[app.UID]*app.Plan
	contrib map[Node][]Contributor
}

// New indexes the contributions of plans: every KPI that names a unit KPI
// of a plan in the set. Links to plans outside the set are ignored.
func New(plans []*app.Plan) *Graph {
	g := &Graph{plans: plans, byUID: make(map[app.UID]*app.Plan, len(plans)), contrib: map[Node][]Contributor{}}
	for _, p := range plans {
		if p.UID != "" {
			g.byUID[p.UID] = p
		}
	}
	for _, p := range plans {
		for i := range p.KPIs {
			k := &p.KPIs[i]
			if !k.Contributes() || g.byUID[k.UnitPlan] == nil {
				continue
			}
			n := Node{k.UnitPlan, k.UnitKPI}
			g.contrib[n] = append(g.contrib[n], Contributor{Plan: p, KPI: k})
		}
	}
	return g
}

// Plans returns the plans the graph was built from.
func (g *Graph) Plans() []*app.Plan { return g.plans }

// Plan returns the plan with uid, or nil.
func (g *Graph) Plan(uid app.UID) *app.Plan { return g.byUID[uid] }

// Contributors returns the KPIs contributing to the KPI kpiID of plan p, in
// plan order.
func (g *Graph) Contributors(p *app.Plan, kpiID string) []Contributor {
	return g.contrib[Node{p.UID, kpiID}]
}

// HasContributors reports whether the KPI kpiID of p is rolled up from others.
func (g *Graph) HasContributors(p *app.Plan, kpiID string) bool {
	return len(g.contrib[Node{p.UID, kpiID}]) > 0
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
	done := map[Node]bool{}
	for _, p := range g.plans {
		for i := range p.KPIs {
			if err := g.follow(Node{p.UID, p.KPIs[i].ID}, done); err != nil {
				return err
			}
		}
	}
	return nil
}

// follow walks the links up from start; nodes already cleared are in done.
func (g *Graph) follow(start Node, done map[Node]bool) error {
	var path []Node
	on := map[Node]int{}
	for n := start; !done[n]; {
		if at, seen := on[n]; seen {
			return &CycleError{Path: append(path[at:], n)}
		}
		on[n] = len(path)
		path = append(path, n)
		next, ok := g.up(n)
		if !ok {
			break
		}
		n = next
	}
	for _, n := range path {
		done[n] = true
	}
	return nil
}

// up returns the unit KPI that n contributes to.
func (g *Graph) up(n Node) (Node, bool) {
	p := g.byUID[n.Plan]
	if p == nil {
		return Node{}, false
	}
	k := p.KPI(n.KPI)
	if k == nil || !k.Contributes() || g.byUID[k.UnitPlan] == nil {
		return Node{}, false
	}
	return Node{k.UnitPlan, k.UnitKPI}, true
}
