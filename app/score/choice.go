package score

import (
	"fmt"

	"kpiplanner/app"
)

// ChoiceKind says what a window choice means.
type ChoiceKind int

// The kinds of window a user can choose.
const (
	ChooseOfficial ChoiceKind = iota // each plan's official window
	ChooseWhole                      // each plan's whole cycle
	ChoosePeriod                     // through period At of the one plan's cycle
	ChooseThrough                    // each plan through date End, in its own cycle
)

// Choice is one scoring window offered in a selector; the GUI names the
// official and whole-cycle choices, Label names the others.
type Choice struct {
	Kind  ChoiceKind
	Label string   // "2026-03" for period and date choices
	At    int      // ChoosePeriod: the period index
	End   app.Date // ChooseThrough: the last day counted
}

// Pick returns the window rule of c; today decides official windows.
func (c Choice) Pick(today app.Date) Pick {
	switch c.Kind {
	case ChooseWhole:
		return PickAt(-1)
	case ChoosePeriod:
		return PickAt(c.At)
	case ChooseThrough:
		return PickThrough(c.End)
	}
	return PickOfficial(today)
}

// PlanChoices returns the windows offered for one plan: official, whole
// cycle, then through each of its periods.
func PlanChoices(p *app.Plan) []Choice {
	out := []Choice{{Kind: ChooseOfficial}, {Kind: ChooseWhole}}
	for _, q := range p.Cycle.Periods() {
		out = append(out, Choice{Kind: ChoosePeriod, Label: q.Label, At: q.Index})
	}
	return out
}

// maxMonthChoices bounds the months offered for a company (50 years).
const maxMonthChoices = 600

// CompanyChoices returns the windows offered for many plans, whose cycles
// may differ: official, whole cycle, then through the end of each month
// from the earliest start to the latest end — each plan scored through that
// date in its own cycle.
func CompanyChoices(plans []*app.Plan) []Choice {
	out := []Choice{{Kind: ChooseOfficial}, {Kind: ChooseWhole}}
	var first, last app.Date
	for _, p := range plans {
		if p.Cycle.Start.IsZero() || p.Cycle.End.IsZero() {
			continue
		}
		if first.IsZero() || p.Cycle.Start.Before(first) {
			first = p.Cycle.Start
		}
		if last.IsZero() || p.Cycle.End.After(last) {
			last = p.Cycle.End
		}
	}
	if first.IsZero() {
		return out
	}
	t := first.Time()
	for m := app.NewDate(t.Year(), t.Month(), 1); !m.After(last) && len(out) < maxMonthChoices; {
		mt := m.Time()
		next := app.NewDate(mt.Year(), mt.Month()+1, 1)
		out = append(out, Choice{Kind: ChooseThrough, Label: fmt.Sprintf("%d-%02d", mt.Year(), int(mt.Month())), End: next.AddDays(-1)})
		m = next
	}
	return out
}
