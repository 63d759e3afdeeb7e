// Package score computes KPI achievements, scores, group subtotals, plan
// totals, ratings and bonuses exactly as docs/scoring.md states them.
package score

import "kpiplanner/app"

// Status says whether a KPI could be scored in a window.
type Status string

// The KPI statuses.
const (
	Scored Status = "scored"
	NoData Status = "no data"
)

// KPIResult is one KPI's outcome over a scoring window.
type KPIResult struct {
	ID          string
	Name        string
	Group       app.Group
	Weight      float64
	Status      Status
	Actual      float64 // the aggregated actual (NaN when no data)
	Target      float64 // the target for the window (pro-rata for sum KPIs)
	Achievement float64 // after floor, cap and clamp; 1.0 = on target
	Score       float64 // 100 × achievement, or the step band's score
	Periods     int     // periods with an actual in the window
}

// GroupResult is one A/B/C group's subtotal.
type GroupResult struct {
	Group  app.Group
	Weight float64 // the group's weight in the plan (percent)
	Score  float64 // weighted mean of its scored KPIs
	Scored bool    // at least one KPI of the group was scored
}

// Result is a plan's scorecard over a window.
type Result struct {
	PlanID   app.PlanID
	Name     string
	Person   app.Person
	At       int    // index of the window's last period
	AtLabel  string // label of that period
	Total    float64
	HasTotal bool     // false when no KPI had data
	Rating   app.Band // the band the total reaches (zero Band when !HasTotal)
	Bonus    float64
	Groups   []GroupResult // A, B, C in order
	KPIs     []KPIResult   // in plan order
}
