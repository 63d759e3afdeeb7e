package cascade

import (
	"kpiplanner/app"
)

// RollUp replaces the actuals of every unit KPI that has contributors with
// the ones computed from them, deepest level first: per period of the unit
// plan, the sum of share × value of the contributors' actuals whose period
// ends in it; for a ratio KPI, the sums of share × numerator and share ×
// denominator. A comment already recorded on a unit actual is kept. It
// refuses a graph with a loop (nothing changes then).
func (g *Graph) RollUp() error {
	if err := g.Check(); err != nil {
		return err
	}
	r := &roller{g: g, done: map[Node]bool{}, periods: map[app.Cycle][]app.Period{}}
	for _, p := range g.plans {
		for i := range p.KPIs {
			r.roll(p, &p.KPIs[i])
		}
	}
	return nil
}

// RollUpAll indexes plans and rolls their unit KPIs up; a loop leaves them as they are.
func RollUpAll(plans []*app.Plan) *Graph {
	g := New(plans)
	_ = g.RollUp() // a loop is refused when saved; plans written before stay readable
	return g
}

type roller struct {
	g       *Graph
	done    map[Node]bool
	periods map[app.Cycle][]app.Period
}

// roll computes k's actuals from its contributors, after theirs.
func (r *roller) roll(p *app.Plan, k *app.KPI) {
	n := Node{p.UID, k.ID}
	if r.done[n] {
		return
	}
	r.done[n] = true
	cs := r.g.contrib[n]
	if len(cs) == 0 {
		return
	}
	values := make([]float64, p.Cycle.NumPeriods())
	dens := make([]float64, len(values))
	seen := make([]bool, len(values))
	for _, c := range cs {
		r.roll(c.Plan, c.KPI)
		r.add(p, c, values, dens, seen)
	}
	comments := map[int]string{}
	for _, a := range k.Actuals {
		if a.Comment != "" {
			comments[a.Period] = a.Comment
		}
	}
	out := make([]app.Actual, 0, len(values))
	for i := range values {
		if !seen[i] {
			continue
		}
		a := app.Actual{Period: i, Value: values[i], Comment: comments[i]}
		if k.Aggregation == app.Ratio {
			a.Den = dens[i]
		}
		out = append(out, a)
	}
	k.Actuals = out
}

// add adds contributor c's actuals into the unit plan p's periods.
func (r *roller) add(p *app.Plan, c Contributor, values, dens []float64, seen []bool) {
	same := c.Plan.Cycle == p.Cycle
	var from, to []app.Period
	if !same {
		from, to = r.periodsOf(c.Plan.Cycle), r.periodsOf(p.Cycle)
	}
	share := c.KPI.Share
	for _, a := range c.KPI.Actuals {
		j := a.Period
		if !same {
			if j < 0 || j >= len(from) {
				continue
			}
			j = indexOf(to, from[j].End)
		}
		if j < 0 || j >= len(values) {
			continue
		}
		values[j] += share * a.Value
		dens[j] += share * a.Den
		seen[j] = true
	}
}

func (r *roller) periodsOf(c app.Cycle) []app.Period {
	ps, ok := r.periods[c]
	if !ok {
		ps = c.Periods()
		r.periods[c] = ps
	}
	return ps
}

// indexOf returns the index of the period of ps containing d, or -1.
func indexOf(ps []app.Period, d app.Date) int {
	for _, p := range ps {
		if !d.Before(p.Start) && !d.After(p.End) {
			return p.Index
		}
	}
	return -1
}
