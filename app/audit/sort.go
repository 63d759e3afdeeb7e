package audit

import (
	"cmp"
	"slices"

	"kpiplanner/app/i18n"
)

// Column is what findings can be sorted by.
type Column int

// The sort columns.
const (
	ByProblem Column = iota // listing order of the problems, then plan
	ByPlan                  // plan name
	ByPerson                // person's name, Vietnamese order
	ByKPI                   // KPI name
)

var problemRank = func() map[Problem]int {
	m := map[Problem]int{}
	for i, p := range Problems {
		m[p] = i
	}
	return m
}()

// Sort sorts fs in place by col (descending when desc); ties keep plan order.
func Sort(fs []Finding, col Column, desc bool) {
	vi := i18n.NewSorter()
	key := func(f Finding) []byte {
		switch col {
		case ByPlan:
			return vi.Key(f.Name)
		case ByPerson:
			return vi.Key(f.Person)
		case ByKPI:
			return vi.Key(f.KPIName)
		}
		return []byte{byte(problemRank[f.Problem])}
	}
	keys := make(map[int][]byte, len(fs))
	idx := make([]int, len(fs))
	for i := range fs {
		idx[i], keys[i] = i, key(fs[i])
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		c := slices.Compare(keys[a], keys[b])
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(fs[a].Plan, fs[b].Plan))
	})
	out := make([]Finding, len(fs))
	for i, j := range idx {
		out[i] = fs[j]
	}
	copy(fs, out)
}

// Only returns the findings of problem p (all of them for "").
func Only(fs []Finding, p Problem) []Finding {
	if p == "" {
		return fs
	}
	var out []Finding
	for _, f := range fs {
		if f.Problem == p {
			out = append(out, f)
		}
	}
	return out
}
