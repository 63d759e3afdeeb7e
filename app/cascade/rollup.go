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
	r := &roller{g: g, done: map[*app.KPI]bool{}, maps: map[[2]app.Cycle][]int{}}
	for _, p := range g.plans {
		for i := range p.KPIs {
			r.roll(p, &p.KPIs[i])
		}
	}
	return nil
}

// RollUpAll indexes plans, rolls their unit KPIs up (a loop leaves them as
// they are) and fills in the team component's unit totals (FillTeams).
func RollUpAll(plans []*app.Plan) *Graph {
	g := New(plans)
	_ = g.RollUp() // a loop is refused when saved; plans written before stay readable
	g.FillTeams()
	return g
}

type roller struct {
	g    *Graph
	done map[*app.KPI]bool
	maps map[[2]app.Cycle][]int // contributor period index to unit period index, by (from, to) cycles
}

// roll computes k's actuals from its contributors, after theirs.
func (r *roller) roll(p *app.Plan, k *app.KPI) {
	cs := r.g.contrib[k]
	if len(cs) == 0 || r.done[k] {
		return
	}
	r.done[k] = true
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
	var to []int
	same := c.Plan.Cycle == p.Cycle
	if !same {
		to = r.mapping(c.Plan.Cycle, p.Cycle)
	}
	share := c.KPI.Share
	for _, a := range c.KPI.Actuals {
		j := a.Period
		if !same {
			if j < 0 || j >= len(to) {
				continue
			}
			j = to[j]
		}
		if j < 0 || j >= len(values) {
			continue
		}
		values[j] += share * a.Value
		dens[j] += share * a.Den
		seen[j] = true
	}
}

// mapping returns, for each period of cycle from, the index of the period
// of cycle to containing its last day (-1: none).
func (r *roller) mapping(from, to app.Cycle) []int {
	key := [2]app.Cycle{from, to}
	if m, ok := r.maps[key]; ok {
		return m
	}
	fs, ts := from.Periods(), to.Periods()
	m := make([]int, len(fs))
	for i, f := range fs {
		m[i] = indexOf(ts, f.End)
	}
	r.maps[key] = m
	return m
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
