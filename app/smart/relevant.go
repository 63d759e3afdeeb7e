package smart

import (
	"strings"
	"unicode"

	"kpiplanner/app"
)

func relevant(p *app.Plan, k *app.KPI, cat Catalog) Check {
	c := Check{Letter: Relevant, Verdict: Pass, Reason: app.M("Tied to the goal and placed in group %s.", k.Group)}
	inSet := cat != nil && k.LibraryID != "" && cat.InGoalSet(p.Goal.Type, k.LibraryID)
	switch {
	case strings.TrimSpace(p.Goal.Text) == "":
		c.Verdict, c.Reason = Fail, app.M("The plan has no business goal to tie this KPI to.")
	case k.Group == "":
		c.Verdict, c.Reason = Fail, app.M("Not placed in a group (A, B or C).")
	case cat != nil && cat.Vanity(k.LibraryID) && !inSet && k.Rationale == "":
		c.Verdict, c.Reason = Warn, app.M("A vanity metric: keep it only if you can say how it moves the goal.")
	case !inSet && k.Rationale == "" && !sharesWord(p.Goal.Text, k.Name+" "+k.Description):
		c.Verdict, c.Reason = Warn, app.M("Not visibly tied to the goal: say how it serves “%s”.", p.Goal.Text)
	}
	return c
}

// sharesWord reports whether a and b share a word of four letters or more.
func sharesWord(a, b string) bool {
	words := map[string]bool{}
	for _, w := range significantWords(a) {
		words[w] = true
	}
	for _, w := range significantWords(b) {
		if words[w] {
			return true
		}
	}
	return false
}

func significantWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 && !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

// stopWords are common words that do not tie a KPI to a goal.
var stopWords = map[string]bool{"with": true, "from": true, "into": true, "than": true, "that": true,
	"this": true, "over": true, "each": true, "months": true, "month": true, "year": true, "quarter": true,
	"increase": true, "reduce": true, "improve": true, "trong": true, "tháng": true, "những": true, "được": true}

func timeBound(p *app.Plan, k *app.KPI) Check {
	c := Check{Letter: TimeBound, Verdict: Pass, Reason: app.M("Due %s and reviewed %s.", k.Deadline, app.M(string(p.Cycle.Frequency)))}
	switch {
	case k.Deadline.IsZero():
		c.Verdict, c.Reason = Fail, app.M("No deadline.")
	case !p.Cycle.Contains(k.Deadline):
		c.Verdict, c.Reason = Fail, app.M("The deadline %s is outside the plan's cycle (%s – %s).", k.Deadline, p.Cycle.Start, p.Cycle.End)
	case p.Cycle.Frequency == "":
		c.Verdict, c.Reason = Fail, app.M("No review frequency.")
	}
	return c
}
