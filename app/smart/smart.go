// Package smart checks each KPI against the five SMART letters and a plan
// against the method's plan-level rules, saying why each check fails.
package smart

import (
	"strings"
	"unicode"

	"kpiplanner/app"
)

// Verdict is the outcome of one check.
type Verdict string

// The verdicts, from best to worst.
const (
	Pass Verdict = "pass"
	Warn Verdict = "warn"
	Fail Verdict = "fail"
)

// Letter is one letter of SMART.
type Letter string

// The SMART letters.
const (
	Specific   Letter = "S"
	Measurable Letter = "M"
	Achievable Letter = "A"
	Relevant   Letter = "R"
	TimeBound  Letter = "T"
)

// Check is the verdict on one letter for one KPI, with the reason.
type Check struct {
	Letter  Letter
	Verdict Verdict
	Reason  app.Msg
}

// Catalog answers what the KPI library knows about a library entry; a nil
// Catalog means nothing is known.
type Catalog interface {
	// Vanity reports whether the library flags the entry as a vanity metric.
	Vanity(libraryID string) bool
	// InGoalSet reports whether the entry is in the goal type's suggested set.
	InGoalSet(goalType, libraryID string) bool
}

// KPI checks k (a KPI of p) against each SMART letter, in S-M-A-R-T order.
func KPI(p *app.Plan, k *app.KPI, cat Catalog) []Check {
	return []Check{specific(k), measurable(k), achievable(p, k), relevant(p, k, cat), timeBound(p, k)}
}

// Worst returns the worst verdict among checks (Pass when there are none).
func Worst(checks []Check) Verdict {
	w := Pass
	for _, c := range checks {
		if c.Verdict == Fail {
			return Fail
		}
		if c.Verdict == Warn {
			w = Warn
		}
	}
	return w
}

// vagueWords are verbs that say a direction but not how much.
var vagueWords = []string{"improve", "better", "increase", "enhance", "boost", "optimize", "optimise",
	"cải thiện", "nâng cao", "tốt hơn", "tăng cường", "đẩy mạnh"}

func specific(k *app.KPI) Check {
	c := Check{Letter: Specific, Verdict: Pass, Reason: app.M("Says what is measured.")}
	text := strings.ToLower(k.Name + " " + k.Description)
	switch {
	case len(strings.Fields(k.Name)) < 3 && strings.TrimSpace(k.Description) == "":
		c.Verdict, c.Reason = Fail, app.M("The name is too short to say what is measured and for whom: use at least 3 words or add a description.")
	case !strings.ContainsFunc(text, unicode.IsDigit):
		for _, w := range vagueWords {
			if containsWord(text, w) {
				c.Verdict, c.Reason = Warn, app.M("“%s” is vague without a number: say how much, of what and for whom.", w)
				break
			}
		}
	}
	return c
}

// containsWord reports whether phrase occurs in text on word boundaries.
func containsWord(text, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], phrase)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(phrase)
		if boundary(text, s-1) && boundary(text, e) {
			return true
		}
		i = s + 1
	}
}

func boundary(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return true
	}
	r := rune(text[i])
	return r < 0x80 && !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func measurable(k *app.KPI) Check {
	c := Check{Letter: Measurable, Verdict: Pass, Reason: app.M("Has a unit, a numeric target and a data source.")}
	switch {
	case k.Unit == "":
		c.Verdict, c.Reason = Fail, app.M("No unit: say what the number counts (percent, currency, count…).")
	case !hasTarget(k):
		c.Verdict, c.Reason = Fail, app.M("No numeric target.")
	case strings.TrimSpace(k.DataSource) == "":
		c.Verdict, c.Reason = Fail, app.M("No data source: say where the actual comes from (CRM, web analytics, accounting…).")
	}
	return c
}

func hasTarget(k *app.KPI) bool {
	switch k.Direction {
	case app.Milestone:
		return true
	case app.Range:
		return k.RangeLow != 0 || k.RangeHigh != 0
	case app.Lower:
		return k.Target != 0 || k.Baseline != nil
	}
	return k.Target != 0
}

// Monthly change thresholds for Achievable, as fractions of the baseline.
const (
	warnPerMonth = 0.5 // +50 % a month
	failPerMonth = 2.0 // +200 % a month
)

func achievable(p *app.Plan, k *app.KPI) Check {
	c := fromBaseline(p, k)
	if r, ok := againstReference(k); ok && (r.Verdict == Warn && c.Verdict == Pass || k.Baseline == nil && c.Verdict == Warn) {
		return r // a reference value judges what the baseline cannot or raises a warning of its own
	}
	return c
}

// fromBaseline judges the change a KPI's target asks for from its baseline.
func fromBaseline(p *app.Plan, k *app.KPI) Check {
	c := Check{Letter: Achievable, Verdict: Pass}
	switch {
	case k.Direction == app.Range || k.Direction == app.Milestone:
		c.Reason = app.M("Range and milestone KPIs are judged by their bounds, not by a rate of change.")
		return c
	case k.Direction == app.Higher && k.Target <= 0:
		c.Verdict, c.Reason = Warn, app.M("No target yet: it cannot be judged whether it is achievable.")
		return c
	case k.Baseline == nil:
		c.Verdict, c.Reason = Warn, app.M("No baseline: it cannot be judged whether the target is achievable.")
		return c
	case *k.Baseline == 0:
		c.Verdict, c.Reason = Warn, app.M("The baseline is 0: the change cannot be judged as a percentage.")
		return c
	}
	months := monthsToDeadline(p, k)
	b := *k.Baseline
	perMonth := abs(k.Target-b) / abs(b) / months
	pct := perMonth * 100
	switch {
	case perMonth > failPerMonth:
		c.Verdict, c.Reason = Fail, app.M("Needs %.0f%% change a month (from %g to %g in %.1f months): far beyond what is usually achievable.", pct, b, k.Target, months)
	case perMonth > warnPerMonth:
		c.Verdict, c.Reason = Warn, app.M("Needs %.0f%% change a month (from %g to %g in %.1f months): ambitious, check it is realistic.", pct, b, k.Target, months)
	default:
		c.Reason = app.M("Needs %.0f%% change a month from the baseline: plausible.", pct)
	}
	return c
}

// monthsToDeadline is the time from the cycle start to the KPI's deadline
// (or the cycle end), at least one week.
func monthsToDeadline(p *app.Plan, k *app.KPI) float64 {
	end := p.Cycle.End
	if !k.Deadline.IsZero() {
		end = k.Deadline
	}
	m := app.Months(p.Cycle.Start, end)
	if m < 0.25 {
		m = 0.25
	}
	return m
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
