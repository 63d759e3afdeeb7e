package ui

import (
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// markNotes marks on the scorecard each KPI that is red in a closed period
// without a comment: the plan cannot be submitted or closed until it has one.
func (c *scorecard) markNotes(p *app.Plan, r score.Result) {
	u := c.u
	periods := map[string][]string{}
	for _, n := range score.MissingNotes(p) {
		periods[n.KPI] = append(periods[n.KPI], p.Cycle.Label(n.Period))
	}
	for i, k := range r.KPIs {
		if i >= len(c.kpis) {
			break
		}
		need := c.kpis[i].need
		if ps := periods[k.ID]; len(ps) > 0 {
			need.SetText(u.T("Needs a comment on %s: it scored below %s there", strings.Join(ps, ", "), u.tr.FormatNumber(p.Rules.NoteBelow, -1)))
			need.Show()
		} else {
			need.SetText("")
			need.Hide()
		}
	}
}
