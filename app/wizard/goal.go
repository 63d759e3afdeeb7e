package wizard

import (
	"regexp"
	"strings"
	"unicode"

	"kpiplanner/app"
)

// SetCycle sets the cycle's dates; KPI deadlines left at the old cycle end
// (or unset) move to the new end.
func (d *Draft) SetCycle(start, end app.Date) {
	old := d.Plan.Cycle.End
	d.Plan.Cycle.Start, d.Plan.Cycle.End = start, end
	for i := range d.Plan.KPIs {
		k := &d.Plan.KPIs[i]
		if k.Deadline.IsZero() || k.Deadline == old {
			k.Deadline = end
		}
	}
}

// SetGoalType sets the goal type and pre-selects its suggested KPIs with
// their proposed groups. KPIs the previous goal type suggested are dropped
// unless their SMART form was started; KPIs of other origins stay.
func (d *Draft) SetGoalType(id string) {
	old := d.Plan.Goal.Type
	if id == old {
		return
	}
	oldSet := map[string]bool{}
	for _, s := range d.lib.Suggest(old) {
		oldSet[s.Entry.ID] = true
	}
	keep := d.Plan.KPIs[:0]
	for _, k := range d.Plan.KPIs {
		if !(oldSet[k.LibraryID] && pristine(&k)) {
			keep = append(keep, k)
		}
	}
	d.Plan.KPIs = keep
	d.Plan.Goal.Type = id
	for _, s := range d.lib.Suggest(id) {
		if !d.Selected(s.Entry.ID) {
			d.add(s.Entry, s.Group)
		}
	}
}

// pristine reports whether k's SMART values are still as the library gave them.
func pristine(k *app.KPI) bool {
	return k.Target == 0 && k.Baseline == nil && k.RangeLow == 0 && k.RangeHigh == 0 &&
		k.Owner == "" && k.Rationale == ""
}

// GoalExample returns the example goal of the chosen goal type in the
// draft's language, or "" when no goal type is chosen.
func (d *Draft) GoalExample() string {
	g, ok := d.lib.GoalType(d.Plan.Goal.Type)
	if !ok {
		return ""
	}
	return g.Example.In(d.lang)
}

// Hints for a goal statement.
var (
	HintNumber = app.M("Add a number: how much should it change? For example “by 20%%” or “from 200 to 300 leads”.")
	HintPeriod = app.M("Add a date or period: by when? For example “in 6 months”, “by Q4 2026” or “by the end of June”.")
)

// GoalHints returns live hints for a goal statement that lacks a number
// (how much) or a date or period (by when), in English or Vietnamese
// wording; an empty statement gets none.
func GoalHints(text string) []app.Msg {
	t := strings.ToLower(strings.TrimSpace(text))
	if t == "" {
		return nil
	}
	rest, period := t, false
	for _, re := range periodREs {
		if re.MatchString(rest) {
			period = true
			rest = re.ReplaceAllString(rest, " ")
		}
	}
	var out []app.Msg
	if !strings.ContainsFunc(rest, unicode.IsDigit) && !amountRE.MatchString(rest) {
		out = append(out, HintNumber)
	}
	if !period {
		out = append(out, HintPeriod)
	}
	return out
}

// Word boundaries that work for Vietnamese letters too.
const (
	pre  = `(?:^|[^\p{L}\p{N}])`
	post = `(?:$|[^\p{L}\p{N}])`
)

// periodREs find dates and periods in a lower-case goal statement.
var periodREs = []*regexp.Regexp{
	// durations: 6 months, 6 tháng, 2 quý, 90 days, 1 year
	regexp.MustCompile(`\d+\s*(?:months?|weeks?|days?|years?|quarters?|tháng|tuần|ngày|năm|quý)` + post),
	// dates: 2026-06-30, 30/6/2026, 30.6.2026, 30/06 (not decimals such as 12.5)
	regexp.MustCompile(`\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}/\d{1,2}`),
	// numbered periods: tháng 6, quý 1, năm 2026, tuần 12, q1, h2, fy2026
	regexp.MustCompile(pre + `(?:tháng|quý|năm|tuần|week|month|quarter)\s*(?:\d+|i{1,3}|iv|một|hai|ba|bốn)` + post),
	regexp.MustCompile(pre + `(?:q[1-4]|h[12]|fy\s?\d{2,4})` + post),
	// years
	regexp.MustCompile(pre + `(?:19|20)\d{2}` + post),
	// month names
	regexp.MustCompile(pre + `(?:january|february|march|april|june|july|august|september|october|november|december|` +
		`jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)` + post),
	// relative periods
	regexp.MustCompile(pre + `(?:this|next|each|every|per|a|by the end of the|end of the|end of)\s+(?:year|quarter|month|week)` + post),
	regexp.MustCompile(pre + `(?:year-end|quarter-end|month-end|annually|yearly|quarterly|monthly|weekly|ytd)` + post),
	regexp.MustCompile(pre + `(?:năm|quý|tháng|tuần)\s+(?:nay|này|tới|sau|sau này)` + post),
	regexp.MustCompile(pre + `(?:cuối|đầu|giữa|nửa đầu|nửa cuối|hết|mỗi|hằng|hàng)\s+(?:năm|quý|tháng|tuần)` + post),
}

// amountRE finds amounts written in words.
var amountRE = regexp.MustCompile(pre + `(?:double|triple|half|twice|gấp đôi|gấp ba|một nửa|gấp)` + post)
