package planrand

import (
	"fmt"
	"math/rand/v2"

	"kpiplanner/app"
)

// Edit makes n random edits to p, of the kinds a packet carries: a KPI's
// target, weight, group, name, note, baseline or cap; an actual's value,
// denominator or comment set, or the actual cleared; a KPI added or
// removed; the plan's name, goal, status, a group weight or a band. The
// plan may no longer be valid afterwards. tag makes added KPI ids differ
// between sides ("o", "t").
func Edit(r *rand.Rand, p *app.Plan, n int, tag string) {
	for range n {
		editOne(r, p, tag)
	}
}

func editOne(r *rand.Rand, p *app.Plan, tag string) {
	if len(p.KPIs) == 0 {
		addKPI(r, p, tag)
		return
	}
	k := &p.KPIs[r.IntN(len(p.KPIs))]
	switch r.IntN(15) {
	case 0:
		k.Target = Nice(r) + 1
	case 1:
		k.Weight = float64(1 + r.IntN(9))
	case 2:
		k.Group = app.Groups[r.IntN(len(app.Groups))]
	case 3:
		k.Name = Text(r)
	case 4:
		k.Note = Text(r)
	case 5:
		k.Baseline = app.Float(Nice(r))
	case 6:
		k.Cap = nil
	case 7, 8:
		setActual(r, p, k)
	case 9:
		if len(k.Actuals) > 0 {
			k.ClearActual(k.Actuals[r.IntN(len(k.Actuals))].Period)
		}
	default:
		editPlan(r, p, tag)
	}
}

// editPlan makes one random edit of the plan as a whole.
func editPlan(r *rand.Rand, p *app.Plan, tag string) {
	switch r.IntN(6) {
	case 0:
		addKPI(r, p, tag)
	case 1:
		i := r.IntN(len(p.KPIs))
		p.KPIs = append(p.KPIs[:i:i], p.KPIs[i+1:]...)
	case 2:
		p.Name = Text(r)
	case 3:
		p.Goal.Text = Text(r)
	case 4:
		p.Status = app.Statuses[r.IntN(len(app.Statuses))]
	default:
		p.Rules.GroupWeights[app.Groups[r.IntN(3)]] = float64(r.IntN(100))
	}
}

// setActual sets one field of one period's actual of k, adding the actual
// when the period has none.
func setActual(r *rand.Rand, p *app.Plan, k *app.KPI) {
	n := p.Cycle.NumPeriods()
	if n == 0 {
		return
	}
	per := r.IntN(n)
	a, ok := k.ActualAt(per)
	if !ok {
		a = app.Actual{Period: per}
	}
	switch r.IntN(3) {
	case 0:
		a.Value = Nice(r) + 1
	case 1:
		a.Den = Nice(r) + 1
	default:
		a.Comment = Text(r)
	}
	k.SetActual(a)
}

func addKPI(r *rand.Rand, p *app.Plan, tag string) {
	k := app.CustomKPI(fmt.Sprintf("%s%d", tag, r.IntN(1_000_000)), Text(r))
	if p.KPI(k.ID) != nil {
		return
	}
	k.Target, k.Group = Nice(r)+1, app.Groups[r.IntN(3)]
	if n := p.Cycle.NumPeriods(); n > 0 {
		k.SetActual(app.Actual{Period: r.IntN(n), Value: Nice(r) + 1})
	}
	p.KPIs = append(p.KPIs, k)
}
