package score

import (
	"cmp"
	"slices"
	"strings"
)

// DepartmentMean is one department's mean plan total.
type DepartmentMean struct {
	Department string
	Mean       float64
	Plans      int // plans with a total
}

// DepartmentMeans returns the mean total per department of the results that
// have a total, highest mean first (ties by name); department names are
// trimmed of spaces.
func DepartmentMeans(rs []Result) []DepartmentMean {
	idx := map[string]int{}
	var out []DepartmentMean
	for _, r := range rs {
		if !r.HasTotal {
			continue
		}
		d := strings.TrimSpace(r.Person.Department)
		i, ok := idx[d]
		if !ok {
			i = len(out)
			idx[d] = i
			out = append(out, DepartmentMean{Department: d})
		}
		out[i].Mean += r.Official
		out[i].Plans++
	}
	for i := range out {
		out[i].Mean /= float64(out[i].Plans)
	}
	slices.SortFunc(out, func(a, b DepartmentMean) int {
		return cmp.Or(cmp.Compare(b.Mean, a.Mean), strings.Compare(a.Department, b.Department))
	})
	return out
}
