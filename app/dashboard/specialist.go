package dashboard

import (
	"cmp"
	"math"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/trend"
)

// Specialist is what a specialist reads about their own plan: each KPI's
// score to date, trend, forecast and status, and the unusual periods.
type Specialist struct {
	PlanID    app.PlanID
	PlanName  string
	Person    app.Person
	Result    score.Result     // for charts.TargetVsActual and charts.GroupContribution
	Trends    []trend.KPITrend // one per KPI in plan order, for charts.Trend and charts.TargetVsActual
	KPIs      []OwnKPI         // in plan order
	Statuses  []StatusCount    // KPIs per status, in StatusOrder, zero counts included
	Anomalies []trend.Anomaly  // every KPI's unusual periods, latest period first, then in plan order
}

// OwnKPI is one KPI of a specialist's plan.
type OwnKPI struct {
	ID          string
	Name        string
	Group       app.Group
	Unit        app.Unit
	Scored      bool    // the KPI had data in the window
	ToDate      float64 // the actual aggregated over the window (NaN without data)
	Target      float64 // the target for the window (pro-rata for sum KPIs, or from its targets per period: score.WindowTarget)
	Achievement float64 // percent, after floor and cap (0 without data)
	Score       float64
	HasForecast bool
	Forecast    float64 // the value forecast at the deadline (NaN without data)
	ForecastPct float64 // the forecast's achievement in percent against the full-cycle target, after floor and cap
	Status      trend.Status
	Anomalies   int // unusual periods in the window
}

// StatusCount is how many KPIs have a status.
type StatusCount struct {
	Status trend.Status
	Count  int
}

// StatusOrder is the order statuses are counted and shown in.
var StatusOrder = []trend.Status{trend.OnTrack, trend.AtRisk, trend.OffTrack, trend.Unknown, trend.NoData}

// Specialist returns the view of the plan with id, and false when the
// company has no such plan (drafts are not read).
func (c *Company) Specialist(id app.PlanID) (Specialist, bool) {
	for i, p := range c.plans {
		if p.ID == id {
			return specialist(p, c.results[i], c.at(i)), true
		}
	}
	return Specialist{}, false
}

// SpecialistOf returns the view of plan p over periods 0..at (< 0: the whole cycle).
func SpecialistOf(p *app.Plan, at int) Specialist {
	return specialist(p, score.Plan(p, at), at)
}

func specialist(p *app.Plan, r score.Result, at int) Specialist {
	s := Specialist{PlanID: p.ID, PlanName: p.Name, Person: p.Person, Result: r, Trends: trend.Analyse(p, at)}
	counts := map[trend.Status]int{}
	for j, t := range s.Trends {
		k := r.KPIs[j]
		o := OwnKPI{ID: t.ID, Name: t.Name, Group: t.Group, Unit: t.Unit, Scored: k.Status == score.Scored,
			ToDate: k.Actual, Target: k.Target, Score: k.Score, Status: t.Status, Anomalies: len(t.Anomalies),
			HasForecast: t.Projection.OK, Forecast: math.NaN()}
		if o.Scored {
			o.Achievement = 100 * k.Achievement
		}
		if o.HasForecast {
			o.Forecast, o.ForecastPct = t.Projection.Value, 100*t.Projection.Achievement
		}
		s.KPIs = append(s.KPIs, o)
		counts[t.Status]++
		s.Anomalies = append(s.Anomalies, t.Anomalies...)
	}
	for _, st := range StatusOrder {
		s.Statuses = append(s.Statuses, StatusCount{Status: st, Count: counts[st]})
	}
	slices.SortStableFunc(s.Anomalies, func(a, b trend.Anomaly) int { return cmp.Compare(b.Period, a.Period) })
	return s
}
