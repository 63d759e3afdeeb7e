package cascade

import (
	"errors"
	"fmt"

	"kpiplanner/app"
	"kpiplanner/app/apportion"
	"kpiplanner/app/score"
)

// Method is how a unit target is split over its contributors.
type Method string

// The split methods.
const (
	Equal     Method = "equal"      // the same part for everyone
	LastCycle Method = "last-cycle" // in proportion to each one's actual of the last cycle
	ByHand    Method = "by-hand"    // in proportion to weights given by hand
)

// Methods lists every valid Method.
var Methods = []Method{Equal, LastCycle, ByHand}

// Part is one contributor's part of a split unit target.
type Part struct {
	Contributor
	Part   float64 // its part of the unit target; the parts sum to it exactly
	Target float64 // the KPI target that gives it: Part ÷ share
}

// ErrNothingToSplit is returned for a unit KPI without contributors.
var ErrNothingToSplit = errors.New("the unit KPI has no contributing KPIs to split its target over")

// ErrRate is returned for splitting a ratio KPI, whose target is a rate.
var ErrRate = errors.New("the target of a rate KPI is a rate, not an amount: it cannot be split")

// Split divides the target of unit KPI kpiID of plan p over its
// contributors by method, each part a multiple of step (0: 1), the parts
// summing exactly to the target (largest remainder, app/apportion). hand
// holds one weight per contributor for ByHand; prev returns a contributor's
// last-cycle actual for LastCycle (see Previous).
func (g *Graph) Split(p *app.Plan, kpiID string, method Method, hand []float64, prev func(Contributor) float64, step float64) ([]Part, error) {
	k := p.KPI(kpiID)
	if k == nil {
		return nil, fmt.Errorf("split: KPI %s: %w", kpiID, app.ErrNotFound)
	}
	if k.Aggregation == app.Ratio {
		return nil, fmt.Errorf("split KPI %s: %w", kpiID, ErrRate)
	}
	cs := g.contrib[k]
	if len(cs) == 0 {
		return nil, fmt.Errorf("split KPI %s: %w", kpiID, ErrNothingToSplit)
	}
	if step <= 0 {
		step = 1
	}
	weights, err := weightsFor(cs, method, hand, prev)
	if err != nil {
		return nil, fmt.Errorf("split KPI %s: %w", kpiID, err)
	}
	parts, err := apportion.Split(k.Target, weights, step)
	if err != nil {
		return nil, fmt.Errorf("split KPI %s: %w", kpiID, err)
	}
	out := make([]Part, len(cs))
	for i, c := range cs {
		out[i] = Part{Contributor: c, Part: parts[i], Target: parts[i] / c.KPI.Share}
	}
	return out, nil
}

// weightsFor returns the weights the method splits by.
func weightsFor(cs []Contributor, method Method, hand []float64, prev func(Contributor) float64) ([]float64, error) {
	w := make([]float64, len(cs))
	switch method {
	case Equal:
		for i := range w {
			w[i] = 1
		}
	case ByHand:
		if len(hand) != len(cs) {
			return nil, fmt.Errorf("%d weights given by hand for %d contributors", len(hand), len(cs))
		}
		copy(w, hand)
	case LastCycle:
		if prev == nil {
			return nil, errors.New("no last cycle to split by")
		}
		for i, c := range cs {
			if v := prev(c); v > 0 {
				w[i] = v
			}
		}
	default:
		return nil, fmt.Errorf("unknown split method %q (equal, last-cycle, by-hand)", method)
	}
	return w, nil
}

// History finds each plan's previous cycle: the latest plan of the same
// person (or unit) whose cycle ends before the plan's starts.
type History struct {
	by map[string][]*app.Plan
}

// NewHistory indexes plans by owner.
func NewHistory(plans []*app.Plan) *History {
	h := &History{by: map[string][]*app.Plan{}}
	for _, p := range plans {
		if o := owner(p); o != "" {
			h.by[o] = append(h.by[o], p)
		}
	}
	return h
}

// owner is the key of whom a plan belongs to.
func owner(p *app.Plan) string {
	switch {
	case p.UnitUID != "":
		return "u:" + string(p.UnitUID)
	case p.PersonUID != "":
		return "p:" + string(p.PersonUID)
	case p.Person.Name != "":
		return "n:" + p.Person.Name + "\x00" + p.Person.Department
	}
	return ""
}

// Previous returns the plan of p's owner for the cycle before p's, or nil.
func (h *History) Previous(p *app.Plan) *app.Plan {
	var best *app.Plan
	for _, q := range h.by[owner(p)] {
		if q == p || !q.Cycle.End.Before(p.Cycle.Start) {
			continue
		}
		if best == nil || q.Cycle.End.After(best.Cycle.End) {
			best = q
		}
	}
	return best
}

// PreviousKPI returns the KPI of p's previous plan that matches k (same
// id, else same library entry, else same name), or nil.
func (h *History) PreviousKPI(p *app.Plan, k *app.KPI) (*app.Plan, *app.KPI) {
	q := h.Previous(p)
	if q == nil {
		return nil, nil
	}
	if m := q.KPI(k.ID); m != nil && (m.LibraryID == k.LibraryID || m.Name == k.Name) {
		return q, m
	}
	for i := range q.KPIs {
		m := &q.KPIs[i]
		if (k.LibraryID != "" && m.LibraryID == k.LibraryID) || m.Name == k.Name {
			return q, m
		}
	}
	return nil, nil
}

// LastActual returns the aggregated actual over the whole previous cycle
// of the KPI matching k, and whether there was one.
func (h *History) LastActual(p *app.Plan, k *app.KPI) (float64, bool) {
	q, m := h.PreviousKPI(p, k)
	if m == nil {
		return 0, false
	}
	v, n := score.Aggregate(m, q.Cycle.NumPeriods()-1)
	return v, n > 0
}

// LastCycleOf returns the prev function of Split for LastCycle: each
// contributor's last-cycle actual, 0 when it has none.
func (h *History) LastCycleOf() func(Contributor) float64 {
	return func(c Contributor) float64 {
		v, _ := h.LastActual(c.Plan, c.KPI)
		return v
	}
}
