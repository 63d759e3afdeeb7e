package bonus

import (
	"math"
	"sort"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// simulator keeps the people as they are and their bonuses today.
type simulator struct {
	in     []Input
	policy Policy
	top    int
	before []float64 // final per person today
	total  float64
}

func newSimulator(in []Input, p Policy, top int) *Simulator {
	if top <= 0 {
		top = 10
	}
	s := &Simulator{s: simulator{in: in, policy: p, top: top, before: make([]float64, len(in))}}
	res := Solve(in, p)
	for i := range res.Rows {
		s.s.before[i] = res.Rows[i].Final
	}
	s.s.total = res.Total
	return s
}

func (s *simulator) run(sc Scenario) Outcome {
	in := rescore(s.in, sc)
	p := s.policy
	if sc.Pool != nil {
		p.Pool = *sc.Pool
	}
	if sc.Mode != "" {
		p.Mode = sc.Mode
	}
	res := Solve(in, p)
	bands := sc.Bands
	if bands == nil && len(in) > 0 {
		bands = in[0].Bands
	}
	out := Outcome{Cost: res.Total, Before: s.total, Pool: res.Pool, Feasible: res.Feasible,
		Ratings: distribute(in, bands, Target{}), Totals: histogram(in)}
	out.Winners, out.Losers = s.extremes(res.Rows)
	return out
}

// extremes picks the top gains and losses.
func (s *simulator) extremes(rows []Row) (win, lose []Change) {
	var ups, downs []int
	for i := range rows {
		switch d := rows[i].Final - s.before[i]; {
		case d > 0:
			ups = append(ups, i)
		case d < 0:
			downs = append(downs, i)
		}
	}
	pick := func(idx []int, sign float64) []Change {
		sort.Slice(idx, func(a, b int) bool {
			da, db := sign*(rows[idx[a]].Final-s.before[idx[a]]), sign*(rows[idx[b]].Final-s.before[idx[b]])
			if da != db {
				return da > db
			}
			return rows[idx[a]].Code < rows[idx[b]].Code
		})
		idx = idx[:min(len(idx), s.top)]
		out := make([]Change, len(idx))
		for j, i := range idx {
			r := &rows[i]
			out[j] = Change{Person: r.Person, Code: r.Code, Name: r.Name, Before: s.before[i], After: r.Final,
				Delta: r.Final - s.before[i], BandBefore: s.in[i].Band, BandAfter: r.Band}
		}
		return out
	}
	return pick(ups, 1), pick(downs, -1)
}

// histogram counts totals in buckets 10 points wide from 0 up to the highest.
func histogram(in []Input) []Bucket {
	var out []Bucket
	for i := range in {
		if !in[i].HasScore {
			continue
		}
		b := int(math.Max(0, math.Floor(in[i].Score/10)))
		for len(out) <= b {
			out = append(out, Bucket{From: float64(len(out) * 10), To: float64(len(out)*10 + 10)})
		}
		out[b].Count++
	}
	return out
}

// rescore returns a copy of in under sc's group weights and bands: totals
// recomputed from the group scores, bands rated again (an overridden
// person keeps the band's name, with the new bands' multiplier).
func rescore(in []Input, sc Scenario) []Input {
	out := append([]Input(nil), in...)
	if sc.GroupWeights == nil && sc.Bands == nil {
		return out
	}
	var w [3]float64
	for i, g := range app.Groups {
		w[i] = sc.GroupWeights[g]
	}
	for i := range out {
		r := &out[i]
		if sc.GroupWeights != nil && r.HasScore {
			r.Score, r.Weights = regroup(r.Groups, w), w
		}
		if sc.Bands != nil {
			r.Bands = sc.Bands
		}
		b := rate(r.Bands, r.Score)
		r.Computed = b.Name
		if !r.Overridden {
			r.Band, r.Multiplier = b.Name, b.Multiplier
		} else if m, ok := BandMultiplier(r.Bands, r.Band); ok {
			r.Multiplier = m
		}
	}
	return out
}

// regroup is the plan total under weights w: Σ w × group score ÷ Σ w over the scored groups, to 2 decimals.
func regroup(gs [3]GroupScore, w [3]float64) float64 {
	var sw, sws float64
	for i, g := range gs {
		if g.Scored {
			sw += w[i]
			sws += w[i] * g.Score
		}
	}
	if sw <= 0 {
		return 0
	}
	return money.RoundTo(sws/sw, 0.01)
}

// rate returns the first band whose Min the total reaches, as score.Rate does.
func rate(bands []app.Band, total float64) app.Band {
	for _, b := range bands {
		if total >= b.Min {
			return b
		}
	}
	return app.Band{}
}
