package dashboard

import (
	"cmp"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// KPIStat is one kind of KPI across several plans: the KPIs that share a
// library entry, or (without one) a name.
type KPIStat struct {
	Key             string // "lib:" + the library id, or "name:" + the name folded to lower case with single spaces
	LibraryID       string // the shared library entry, "" when matched by name
	Name            string // the name most of these KPIs carry (ties: the one met first)
	Uses            int    // KPIs of this kind in the plans read
	Scored          int    // of which had data in the window
	MeanScore       float64
	MeanAchievement float64 // mean achievement in percent (100 = on target) of the scored ones
	OffTrack        int     // KPIs of this kind heading off track (team view only; 0 elsewhere)
}

// RankMin is how many plans must score a kind of KPI for it to be ranked
// among the top and bottom KPIs, unless no kind is scored that often.
const RankMin = 3

// TopN is how many kinds of KPI the top and the bottom lists hold.
const TopN = 5

// kindKey returns the key KPIs of the same kind share: the library id when
// the KPI came from the library, else its name folded to lower case with
// runs of spaces made one.
func kindKey(k *app.KPI) string {
	if id := strings.TrimSpace(k.LibraryID); id != "" {
		return "lib:" + id
	}
	return "name:" + strings.ToLower(strings.Join(strings.Fields(k.Name), " "))
}

// kindAcc gathers one kind of KPI.
type kindAcc struct {
	stat  KPIStat
	names map[string]int // uses per name
	order []string       // names in the order met
	sumA  float64
	sumS  float64
	first int // order the kind was met in
}

// kinds groups the KPIs of the plans at idx by kind. offTrack, when not
// nil, reports whether KPI j of plan i is heading off track.
func (c *Company) kinds(idx []int, offTrack func(i, j int) bool) []KPIStat {
	acc := map[string]*kindAcc{}
	for _, i := range idx {
		p, r := c.plans[i], c.results[i]
		for j := range p.KPIs {
			k := &p.KPIs[j]
			key := kindKey(k)
			a := acc[key]
			if a == nil {
				a = &kindAcc{stat: KPIStat{Key: key, LibraryID: strings.TrimSpace(k.LibraryID)}, names: map[string]int{}, first: len(acc)}
				acc[key] = a
			}
			a.add(k, r.KPIs[j])
			if offTrack != nil && offTrack(i, j) {
				a.stat.OffTrack++
			}
		}
	}
	out := make([]*kindAcc, 0, len(acc))
	for _, a := range acc {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *kindAcc) int { return a.first - b.first })
	stats := make([]KPIStat, len(out))
	for n, a := range out {
		stats[n] = a.result()
	}
	return stats
}

func (a *kindAcc) add(k *app.KPI, r score.KPIResult) {
	a.stat.Uses++
	name := strings.TrimSpace(k.Name)
	if _, ok := a.names[name]; !ok {
		a.order = append(a.order, name)
	}
	a.names[name]++
	if r.Status == score.Scored {
		a.stat.Scored++
		a.sumS += r.Score
		a.sumA += 100 * r.Achievement
	}
}

func (a *kindAcc) result() KPIStat {
	s := a.stat
	best := 0
	for _, n := range a.order {
		if a.names[n] > best {
			s.Name, best = n, a.names[n]
		}
	}
	if s.Scored > 0 {
		s.MeanScore = a.sumS / float64(s.Scored)
		s.MeanAchievement = a.sumA / float64(s.Scored)
	}
	return s
}

// rank returns the kinds to rank, best mean score first: those scored in
// at least RankMin plans, or every scored kind when none is. Ties go to the
// kind scored more often, then to the name.
func rank(stats []KPIStat) []KPIStat {
	var out []KPIStat
	for _, s := range stats {
		if s.Scored >= RankMin {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		for _, s := range stats {
			if s.Scored > 0 {
				out = append(out, s)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b KPIStat) int {
		if a.MeanScore != b.MeanScore {
			return cmp.Compare(b.MeanScore, a.MeanScore)
		}
		if a.Scored != b.Scored {
			return b.Scored - a.Scored
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// topBottom splits ranked kinds into the TopN best and the TopN worst
// (worst first); with fewer than 2 × TopN kinds the bottom list holds only
// those not already in the top one.
func topBottom(ranked []KPIStat) (top, bottom []KPIStat) {
	top = slices.Clone(ranked[:min(TopN, len(ranked))])
	rest := ranked[len(top):]
	bottom = slices.Clone(rest[max(0, len(rest)-TopN):])
	slices.Reverse(bottom)
	return top, bottom
}
