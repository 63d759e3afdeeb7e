package demo

import (
	"math"

	"kpiplanner/app"
)

// kpi draws one KPI from template t.
func (g *gen) kpi(t *tmpl, id string) app.KPI {
	r := g.r
	k := app.KPI{
		ID:          id,
		LibraryID:   t.library,
		Name:        t.name,
		Description: t.about,
		Rationale:   g.why,
		Unit:        t.unit,
		Direction:   t.dir,
		Target:      g.draw(t.lo, t.hi, t.q),
		Weight:      float64(1 + r.IntN(4)),
		Effort:      t.effort,
		Impact:      t.impact,
		Group:       app.SuggestGroup(t.effort, t.impact),
		Aggregation: t.agg,
		DataSource:  t.src,
		Owner:       g.owner,
		Deadline:    cycle.End,
	}
	if t.hasBaseline() {
		k.Baseline = app.Float(g.draw(t.bl, t.bh, t.q))
	}
	if t.dir == app.Range {
		k.RangeLow = roundTo(k.Target-t.width/2, t.q)
		k.RangeHigh = roundTo(k.Target+t.width/2, t.q)
		k.Tolerance = t.tol
	}
	if t.dir == app.Milestone {
		k.Deadline = periods[2+r.IntN(len(periods)-3)].End // March to November
	}
	if r.Float64() < stepRate {
		k.Steps = append([]app.StepBand(nil), stepSets[r.IntN(len(stepSets))]...)
	}
	if r.Float64() < ownCapRate {
		k.Floor, k.Cap = app.Float(0.5), app.Float(1.5)
	}
	if r.IntN(10) == 0 {
		k.Note = notes[r.IntN(len(notes))]
	}
	k.Actuals = g.actuals(t, &k)
	return k
}

// draw returns a value from [a, b] rounded to three significant digits and
// to the quantum q.
func (g *gen) draw(a, b, q float64) float64 {
	x := a + (b-a)*g.r.Float64()
	if x != 0 {
		x = roundTo(x, math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-2))
	}
	return math.Min(b, math.Max(a, roundTo(x, q)))
}

// roundTo rounds x to a multiple of q, exactly when q is a power of ten.
func roundTo(x, q float64) float64 {
	if q >= 1 {
		return math.Round(x/q) * q
	}
	k := math.Round(1 / q)
	return math.Round(x*k) / k
}

// groupLevels are the effort and impact levels that put a KPI in each group.
var groupLevels = map[app.Group][2]app.Level{
	app.GroupA: {H, H},
	app.GroupB: {L, H},
	app.GroupC: {L, L},
}

// balanceGroups makes sure every group has a KPI by re-rating KPIs of the
// largest group, so the plan's group weights all apply.
func balanceGroups(ks []app.KPI) {
	for _, missing := range app.Groups {
		count := map[app.Group]int{}
		for _, k := range ks {
			count[k.Group]++
		}
		if count[missing] > 0 {
			continue
		}
		big := app.GroupA
		for _, gr := range app.Groups {
			if count[gr] > count[big] {
				big = gr
			}
		}
		for i := len(ks) - 1; i >= 0; i-- {
			if ks[i].Group == big {
				lv := groupLevels[missing]
				ks[i].Effort, ks[i].Impact = lv[0], lv[1]
				ks[i].Group = app.SuggestGroup(lv[0], lv[1])
				break
			}
		}
	}
}
