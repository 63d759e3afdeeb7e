package score

import (
	"fmt"
	"math"

	"kpiplanner/app"
)

// Rule names the achievement formula that scored a KPI (docs/scoring.md §3).
type Rule string

// The achievement formulas.
const (
	RuleRatio        Rule = "x/T"         // higher, no baseline
	RuleFromBaseline Rule = "(x-b)/(T-b)" // higher with a baseline
	RuleInverse      Rule = "T/x"         // lower, no baseline
	RuleInverseZero  Rule = "x<=0"        // lower, no baseline, x ≤ 0: the cap
	RuleToBaseline   Rule = "(b-x)/(b-T)" // lower with a baseline
	RuleInRange      Rule = "in range"    // range, inside [lo, hi]
	RuleBelowRange   Rule = "below range" // range, x < lo: 1 − (lo − x)/tol
	RuleAboveRange   Rule = "above range" // range, x > hi: 1 − (x − hi)/tol
	RuleMilestone    Rule = "milestone"   // done (x ≥ 1) or not
)

// Formula is the achievement rule that scored a KPI with the numbers it used
// (targets, baselines and ranges already scaled to the window).
type Formula struct {
	Rule  Rule
	X     float64 // the window's aggregated actual
	T     float64 // target
	B     float64 // baseline (rules with a baseline)
	Lo    float64 // range bounds and tolerance (range rules)
	Hi    float64
	Tol   float64
	Value float64 // the raw achievement the rule gives (1.0 = on target)
}

// formulaOf applies k's achievement rule to the aggregated actual x; t is
// the window's target and f scales sum KPIs' baseline, range and tolerance
// to the window; capV is what a lower-is-better KPI without baseline earns
// when x ≤ 0.
func formulaOf(k *app.KPI, x, t, f, capV float64) Formula {
	fm := Formula{X: x, T: t}
	switch k.Direction {
	case app.Higher:
		if k.Baseline == nil {
			fm.Rule, fm.Value = RuleRatio, x/fm.T
			return fm
		}
		fm.B = *k.Baseline * f
		fm.Rule, fm.Value = RuleFromBaseline, (x-fm.B)/(fm.T-fm.B)
	case app.Lower:
		switch {
		case k.Baseline != nil:
			fm.B = *k.Baseline * f
			fm.Rule, fm.Value = RuleToBaseline, (fm.B-x)/(fm.B-fm.T)
		case x <= 0:
			fm.Rule, fm.Value = RuleInverseZero, capV
		default:
			fm.Rule, fm.Value = RuleInverse, fm.T/x
		}
	case app.Range:
		fm.Lo, fm.Hi, fm.Tol = k.RangeLow*f, k.RangeHigh*f, k.Tolerance*f
		switch {
		case x < fm.Lo:
			fm.Rule, fm.Value = RuleBelowRange, math.Max(0, 1-(fm.Lo-x)/fm.Tol)
		case x > fm.Hi:
			fm.Rule, fm.Value = RuleAboveRange, math.Max(0, 1-(x-fm.Hi)/fm.Tol)
		default:
			fm.Rule, fm.Value = RuleInRange, 1
		}
	case app.Milestone:
		fm.Rule, fm.Value = RuleMilestone, 0
		if x >= 1 {
			fm.Value = 1
		}
	default:
		fm.Value = math.NaN()
	}
	return fm
}

// Text writes the formula with its numbers rounded to 2 decimals and each
// formatted by num, e.g. "(620 − 500) ÷ (600 − 500) = 120 %" or
// "620 ÷ 600 = 103.33 %"; the result is the raw achievement before floor and cap.
func (f Formula) Text(format func(float64) string) string {
	num := func(x float64) string { return format(Round2(x)) }
	pct := num(100*f.Value) + " %"
	switch f.Rule {
	case RuleRatio:
		return fmt.Sprintf("%s ÷ %s = %s", num(f.X), num(f.T), pct)
	case RuleFromBaseline:
		return fmt.Sprintf("(%s − %s) ÷ (%s − %s) = %s", num(f.X), num(f.B), num(f.T), num(f.B), pct)
	case RuleInverse:
		return fmt.Sprintf("%s ÷ %s = %s", num(f.T), num(f.X), pct)
	case RuleInverseZero:
		return fmt.Sprintf("%s ≤ 0 → %s", num(f.X), pct)
	case RuleToBaseline:
		return fmt.Sprintf("(%s − %s) ÷ (%s − %s) = %s", num(f.B), num(f.X), num(f.B), num(f.T), pct)
	case RuleInRange:
		return fmt.Sprintf("%s ≤ %s ≤ %s → %s", num(f.Lo), num(f.X), num(f.Hi), pct)
	case RuleBelowRange:
		return fmt.Sprintf("1 − (%s − %s) ÷ %s = %s", num(f.Lo), num(f.X), num(f.Tol), pct)
	case RuleAboveRange:
		return fmt.Sprintf("1 − (%s − %s) ÷ %s = %s", num(f.X), num(f.Hi), num(f.Tol), pct)
	case RuleMilestone:
		if f.Value >= 1 {
			return fmt.Sprintf("%s ≥ 1 → %s", num(f.X), pct)
		}
		return fmt.Sprintf("%s < 1 → %s", num(f.X), pct)
	}
	return ""
}
