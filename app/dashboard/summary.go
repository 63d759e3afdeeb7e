package dashboard

import (
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// Summary is the big numbers of a set of plans: how many people, their mean
// and median total, how many earned each rating, and the bonus pool.
type Summary struct {
	People  int           // plans read: a plan is one person's for the cycle (names are too often shared to count people by)
	Scored  int           // plans with a total in the window
	Mean    float64       // mean total of the scored plans; 0 when none
	Median  float64       // median total of the scored plans (mean of the middle two for an even count); 0 when none
	Ratings []RatingCount // plans per rating; see ratingCounts for the order
	NoTotal int           // plans without a total (no KPI had data)
	Pool    []Amount      // Σ bonus per currency, by currency code
}

// RatingCount is how many plans earned a rating.
type RatingCount struct {
	Name  string  // the band's name, an English translation key ("Good")
	Min   float64 // the band's threshold in the bands most plans use; for other names the lowest threshold seen
	Count int
}

// Amount is a sum of money in one currency.
type Amount struct {
	Currency string // ISO code, upper case; a plan without one counts as VND, as i18n.FormatMoney reads ""
	Sum      float64
}

// summarise computes the Summary of the plans at idx.
func (c *Company) summarise(idx []int) Summary {
	s := Summary{People: len(idx)}
	pool := map[string]float64{}
	var totals []float64
	for _, i := range idx {
		p, r := c.plans[i], c.results[i]
		if !r.HasTotal {
			s.NoTotal++
			continue
		}
		totals = append(totals, r.Official)
		pool[currency(p.Person.Currency)] += r.Bonus
	}
	s.Scored = len(totals)
	s.Mean, s.Median = meanMedian(totals)
	s.Ratings = c.ratingCounts(idx)
	for cur, sum := range pool {
		s.Pool = append(s.Pool, Amount{Currency: cur, Sum: sum})
	}
	slices.SortFunc(s.Pool, func(a, b Amount) int { return strings.Compare(a.Currency, b.Currency) })
	return s
}

// ratingCounts counts the scored plans at idx per rating name: first every
// band of the bands most plans use, highest threshold first (zero counts
// included, so the cards keep their places), then any other names plans
// earned under their own bands, highest threshold first, then by name.
func (c *Company) ratingCounts(idx []int) []RatingCount {
	var out []RatingCount
	at := map[string]int{}
	add := func(name string, lo float64) int {
		j, ok := at[name]
		if !ok {
			j = len(out)
			at[name] = j
			out = append(out, RatingCount{Name: name, Min: lo})
		}
		return j
	}
	common := c.bands(idx)
	for _, b := range common {
		add(b.Name, b.Min)
	}
	for _, i := range idx {
		r := c.results[i]
		if !r.HasTotal {
			continue
		}
		j := add(r.Rating.Name, r.Rating.Min)
		out[j].Count++
		if j >= len(common) {
			out[j].Min = min(out[j].Min, r.Rating.Min)
		}
	}
	rest := out[len(common):]
	slices.SortFunc(rest, func(a, b RatingCount) int {
		if a.Min != b.Min {
			if a.Min > b.Min {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// bands returns the rating bands most of the plans at idx use (ties: the
// set met first), for the score distribution's shading; nil without plans.
func (c *Company) bands(idx []int) []app.Band {
	var best []app.Band
	bestN := 0
	var sets [][]app.Band
	var counts []int
	for _, i := range idx {
		bs := c.plans[i].Rules.Bands
		j := slices.IndexFunc(sets, func(s []app.Band) bool { return slices.Equal(s, bs) })
		if j < 0 {
			j = len(sets)
			sets = append(sets, bs)
			counts = append(counts, 0)
		}
		counts[j]++
		if counts[j] > bestN {
			best, bestN = bs, counts[j]
		}
	}
	return slices.Clone(best)
}

// results returns the scorecards of the plans at idx.
func (c *Company) resultsOf(idx []int) []score.Result {
	out := make([]score.Result, len(idx))
	for j, i := range idx {
		out[j] = c.results[i]
	}
	return out
}

// currency normalises a plan's currency code: trimmed, upper case, "" → VND.
func currency(cur string) string {
	c := strings.ToUpper(strings.TrimSpace(cur))
	if c == "" {
		return "VND"
	}
	return c
}

// meanMedian returns the mean and median of xs (0, 0 when empty); xs is sorted in place.
func meanMedian(xs []float64) (mean, median float64) {
	n := len(xs)
	if n == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(n)
	slices.Sort(xs)
	if n%2 == 1 {
		return mean, xs[n/2]
	}
	return mean, (xs[n/2-1] + xs[n/2]) / 2
}
