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
	Target      float64 // the target for the window (pro-rata for sum KPIs, or from its targets per period: score.WindowTarget)
	Raw         float64 // achievement before floor and cap
	Achievement float64 // after floor, cap and clamp; 1.0 = on target
	Score       float64 // 100 × achievement, or the step band's score
	Periods     int     // periods with an actual in the window
	Formula     Formula // the rule that gave Raw, with its numbers
	Exempt      bool    // the KPI is exempted from the missing-data rule
	Zero        bool    // without data, the KPI counts as a score of 0 (rule "zero")
	// Reference is the KPI's reference value (last year's actual), shown
	// beside the target; nil when none.
	Reference *float64
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
	At       int    // index of the window's last period (-1: empty window)
	AtLabel  string // label of that period
	Window   Window // the window scored
	Total    float64
	HasTotal bool    // false when no KPI had data
	Official float64 // Total rounded to 2 decimals, half away from zero (with the team component when Team): what is shown and rated
	// Team is true when the official total includes the team component
	// (docs/scoring.md §5a): Official = (100 − TeamWeight) % of Own plus
	// TeamWeight % of Unit, rounded to 2 decimals.
	Team       bool
	Own        float64 // the plan's own total, rounded to 2 decimals
	Unit       float64 // the unit plan's official total over the same span (Team only)
	TeamWeight float64 // percent of the total taken from Unit (Team only)
	Rating     app.Band
	BonusRaw   float64 // base × multiplier before rounding to money
	Bonus      float64 // BonusRaw rounded to the currency's unit and the rules' step
	// Provisional is true under the "provisional" missing-data rule while a
	// KPI without an exemption has no data in the window.
	Provisional bool
	Missing     []string      // ids of KPIs without data and without exemption
	Groups      []GroupResult // A, B, C in order
	KPIs        []KPIResult   // in plan order
}
