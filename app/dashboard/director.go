package dashboard

import (
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// Director is what a director reads: the totals of the whole company or of
// one department, the score distribution, how departments compare, and the
// best and worst kinds of KPI.
//
// Top and Bottom rank kinds of KPI — KPIs sharing a library entry, or
// without one a name (case and spacing ignored) — by the mean score of
// those scored in the window. Only kinds scored in at least RankMin plans
// are ranked (a KPI one person invented says little about the company),
// unless no kind is. Top holds the TopN best, best first; Bottom the TopN
// worst, worst first, never repeating one of Top.
type Director struct {
	Department  string         // "" = the whole company
	Summary                    // of the plans in scope
	Results     []score.Result // the scope's scorecards, for charts.ScoreDistribution
	Bands       []app.Band     // the rating bands most plans in scope use, for charts.ScoreDistribution
	Company     []score.Result // every plan's scorecard, for charts.DepartmentComparison
	Departments []DeptMean     // mean total per department of the whole company, highest first
	Top         []KPIStat
	Bottom      []KPIStat
}

// DeptMean is one department's mean plan total.
type DeptMean struct {
	Department string
	Mean       float64 // mean total of the department's scored plans
	Scored     int     // plans with a total
	People     int     // plans in the department, as Summary.People
}

// Director returns the director's view of dept ("" = the whole company).
// The department comparison always covers the whole company, so a
// department is seen against the others.
func (c *Company) Director(dept string) Director {
	idx := c.scope(dept)
	d := Director{Department: strings.TrimSpace(dept), Summary: c.summarise(idx), Results: c.resultsOf(idx),
		Bands: c.bands(idx), Company: c.results, Departments: c.departmentMeans()}
	d.Top, d.Bottom = topBottom(rank(c.kinds(idx, nil)))
	return d
}

// departmentMeans returns the mean total per department over the plans
// with a total (score.DepartmentMeans, which the chart draws), highest mean
// first, ties by name, with each department's number of plans.
func (c *Company) departmentMeans() []DeptMean {
	people := map[string]int{}
	for _, p := range c.plans {
		people[department(p)]++
	}
	means := score.DepartmentMeans(c.results)
	out := make([]DeptMean, len(means))
	for i, m := range means {
		out[i] = DeptMean{Department: m.Department, Mean: m.Mean, Scored: m.Plans, People: people[m.Department]}
	}
	return out
}
