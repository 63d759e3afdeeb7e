package wizard

import (
	"cmp"
	"math"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// CapPercent returns the plan's achievement cap in percent (120 = 1.2).
func (d *Draft) CapPercent() float64 { return percent(d.Plan.Rules.Cap) }

// SetCapPercent sets the plan's achievement cap from percent.
func (d *Draft) SetCapPercent(pct float64) { d.Plan.Rules.Cap = pct / 100 }

// FloorPercent returns the plan's achievement floor in percent.
func (d *Draft) FloorPercent() float64 { return percent(d.Plan.Rules.Floor) }

// SetFloorPercent sets the plan's achievement floor from percent.
func (d *Draft) SetFloorPercent(pct float64) { d.Plan.Rules.Floor = pct / 100 }

// LinearCapPercent returns the highest total paid in linear bonus mode, in
// percent of the base bonus (150 = 1.5).
func (d *Draft) LinearCapPercent() float64 { return percent(d.Plan.Rules.LinearCap) }

// SetLinearCapPercent sets the linear bonus cap from percent.
func (d *Draft) SetLinearCapPercent(pct float64) { d.Plan.Rules.LinearCap = pct / 100 }

// percent returns a fraction in percent, rounded to 9 decimals so that
// 1.1 shows as 110, not 110.00000000000001.
func percent(x float64) float64 { return math.Round(x*100*1e9) / 1e9 }

// StepRow is one step band as the scoring step shows it: from an
// achievement in percent up, a fixed score.
type StepRow struct {
	FromPercent float64
	Score       float64
}

// DefaultSteps are the step bands offered when step scoring is switched on:
// from 70 % → 50 points, 90 % → 80, 100 % → 100, 110 % → 120.
var DefaultSteps = []StepRow{{70, 50}, {90, 80}, {100, 100}, {110, 120}}

// UsesSteps reports whether the plan's KPIs are scored by step bands.
func (d *Draft) UsesSteps() bool {
	for _, k := range d.Plan.KPIs {
		if len(k.Steps) > 0 {
			return true
		}
	}
	return false
}

// Steps returns the step bands of the plan (those of its first KPI that
// has any), lowest first.
func (d *Draft) Steps() []StepRow {
	for _, k := range d.Plan.KPIs {
		if len(k.Steps) > 0 {
			out := make([]StepRow, len(k.Steps))
			for i, s := range k.Steps {
				out[i] = StepRow{FromPercent: percent(s.From), Score: s.Score}
			}
			return out
		}
	}
	return nil
}

// SetSteps gives every KPI of the plan the step bands rows (nil: score
// 100 × achievement). Rows are kept in the order given; Next sorts them.
func (d *Draft) SetSteps(rows []StepRow) {
	var steps []app.StepBand
	for _, r := range rows {
		steps = append(steps, app.StepBand{From: r.FromPercent / 100, Score: r.Score})
	}
	for i := range d.Plan.KPIs {
		d.Plan.KPIs[i].Steps = slices.Clone(steps)
	}
}

// SetUseSteps switches step scoring on (with DefaultSteps unless the plan
// has bands already) or off.
func (d *Draft) SetUseSteps(on bool) {
	switch {
	case !on:
		d.SetSteps(nil)
	case d.UsesSteps():
		d.SetSteps(d.Steps()) // give every KPI the same bands
	default:
		d.SetSteps(DefaultSteps)
	}
}

// AddBand adds a rating band 10 points above the highest, with its
// multiplier, for the user to rename and adjust.
func (d *Draft) AddBand() {
	b := app.Band{Min: 100, Multiplier: 1}
	if bs := d.Plan.Rules.Bands; len(bs) > 0 {
		b = app.Band{Min: bs[0].Min + 10, Multiplier: bs[0].Multiplier}
	}
	d.Plan.Rules.Bands = append([]app.Band{b}, d.Plan.Rules.Bands...)
}

// RemoveBand removes rating band i, keeping at least one.
func (d *Draft) RemoveBand(i int) {
	if bs := d.Plan.Rules.Bands; len(bs) > 1 && i >= 0 && i < len(bs) {
		d.Plan.Rules.Bands = append(bs[:i], bs[i+1:]...)
	}
}

func sortBands(bs []app.Band) {
	slices.SortStableFunc(bs, func(a, b app.Band) int { return cmp.Compare(b.Min, a.Min) })
}

func sortSteps(ss []app.StepBand) {
	slices.SortStableFunc(ss, func(a, b app.StepBand) int { return cmp.Compare(a.From, b.From) })
}

// DefaultExamplePercent is the achievement the live example starts at.
const DefaultExamplePercent = 95

// Example is what a plan pays when every KPI achieves the same level.
type Example struct {
	Percent  float64  // the achievement of every KPI, in percent
	Total    float64  // the plan's total score
	HasTotal bool     // false when no KPI can be scored (none, or weights 0)
	Rating   app.Band // the rating band the total reaches
	Bonus    float64  // in the plan's currency
}

// Example scores the plan as if every KPI achieved pct percent of its
// target, through the scoring engine: each KPI is replaced by a
// higher-is-better KPI with target 100 and one actual of pct, keeping its
// group, weight, floor, cap and step bands.
func (d *Draft) Example(pct float64) Example {
	p := d.Plan.Clone()
	if p.Cycle.NumPeriods() == 0 {
		p.Cycle = app.Cycle{Start: app.NewDate(2000, 1, 1), End: app.NewDate(2000, 1, 31), Frequency: app.Monthly}
	}
	for i := range p.KPIs {
		k := &p.KPIs[i]
		k.Direction, k.Aggregation, k.Baseline, k.Target = app.Higher, app.Last, nil, 100
		k.Actuals = []app.Actual{{Period: 0, Value: pct}}
	}
	r := score.Plan(p, 0)
	return Example{Percent: pct, Total: r.Official, HasTotal: r.HasTotal, Rating: r.Rating, Bonus: r.Bonus}
}
