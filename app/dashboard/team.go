package dashboard

import (
	"cmp"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/trend"
)

// Team is what a department head reads: the members' totals, ratings and
// bonuses, each kind of KPI across the team, and who is heading off track.
type Team struct {
	Department string
	Summary                   // of the team's plans
	Results    []score.Result // the members' scorecards, for charts.ScoreDistribution
	Bands      []app.Band     // the rating bands most members' plans use
	Members    []Member       // highest total first; those without a total last; ties by name
	KPIs       []KPIStat      // each kind of KPI across the team (see Director), most used first, then by name
	OffTrack   []Member       // members with a KPI heading off track: most such KPIs first, then as in Members
}

// Member is one plan of a team.
type Member struct {
	PlanID   app.PlanID
	Name     string
	Position string
	Total    float64 // the official total over the member's window
	HasTotal bool
	Rating   string // the rating band's name (an English translation key); "" without a total
	Bonus    float64
	Currency string       // normalised as in Amount
	Window   score.Window // the window the total covers
	// Provisional marks a total that may change: a KPI has no data yet.
	Provisional bool
	OffTrack    []KPIAlert // the member's KPIs whose forecast is off track, in plan order
}

// KPIAlert is one KPI heading off track.
type KPIAlert struct {
	ID       string
	Name     string
	Forecast float64 // forecast achievement in percent (100 = on target), after floor and cap
}

// Team returns the department head's view of dept. A KPI is off track
// when its trend status (app/trend, over the same window) is OffTrack: its
// forecast reaches less than 85 % of the target.
func (c *Company) Team(dept string) Team {
	idx := c.scope(dept)
	t := Team{Department: strings.TrimSpace(dept), Summary: c.summarise(idx), Results: c.resultsOf(idx), Bands: c.bands(idx)}
	trends := make(map[int][]trend.KPITrend, len(idx))
	for _, i := range idx {
		trends[i] = trend.Analyse(c.plans[i], c.at(i))
		t.Members = append(t.Members, c.member(i, trends[i]))
	}
	t.KPIs = c.kinds(idx, func(i, j int) bool { return trends[i][j].Status == trend.OffTrack })
	slices.SortStableFunc(t.KPIs, func(a, b KPIStat) int {
		if a.Uses != b.Uses {
			return b.Uses - a.Uses
		}
		return strings.Compare(a.Name, b.Name)
	})
	slices.SortStableFunc(t.Members, byTotal)
	for _, m := range t.Members {
		if len(m.OffTrack) > 0 {
			t.OffTrack = append(t.OffTrack, m)
		}
	}
	slices.SortStableFunc(t.OffTrack, func(a, b Member) int { return len(b.OffTrack) - len(a.OffTrack) })
	return t
}

// member returns plan i as a team member, with its KPIs heading off track.
func (c *Company) member(i int, trends []trend.KPITrend) Member {
	p, r := c.plans[i], c.results[i]
	m := Member{PlanID: p.ID, Name: strings.TrimSpace(p.Person.Name), Position: strings.TrimSpace(p.Person.Position),
		Total: r.Official, HasTotal: r.HasTotal, Rating: r.Rating.Name, Bonus: r.Bonus, Currency: currency(p.Person.Currency),
		Window: r.Window, Provisional: r.Provisional}
	for _, k := range trends {
		if k.Status == trend.OffTrack {
			m.OffTrack = append(m.OffTrack, KPIAlert{ID: k.ID, Name: k.Name, Forecast: 100 * k.Projection.Achievement})
		}
	}
	return m
}

// byTotal orders members by total, highest first, those without a total
// last, ties by name.
func byTotal(a, b Member) int {
	switch {
	case a.HasTotal != b.HasTotal:
		if a.HasTotal {
			return -1
		}
		return 1
	case a.HasTotal && a.Total != b.Total:
		return cmp.Compare(b.Total, a.Total)
	}
	return strings.Compare(a.Name, b.Name)
}
