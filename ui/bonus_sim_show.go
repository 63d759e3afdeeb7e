package ui

import (
	"fmt"
	"strings"

	"kpiplanner/app/bonus"
)

// show shows the outcome of scenario sc.
func (t *simTab) show(sc bonus.Scenario, out bonus.Outcome) {
	u, cur := t.s.u, t.policy.Currency
	t.sc, t.out = sc, out
	text := u.T("Total cost %s (now %s), pool %s", t.s.money(out.Cost, cur), t.s.money(out.Before, cur), t.s.money(out.Pool, cur))
	if d := out.Cost - out.Before; d > 0 {
		text += "; " + u.T("%s more", t.s.money(d, cur))
	} else if d < 0 {
		text += "; " + u.T("%s less", t.s.money(-d, cur))
	}
	if !out.Feasible {
		text += "; " + u.T("the pool cannot be met within the floors and caps")
	}
	t.cost.SetText(text)
	var ratings []distBand
	for i := len(out.Ratings.Bands) - 1; i >= 0; i-- {
		b := out.Ratings.Bands[i]
		ratings = append(ratings, distBand{Name: u.T(b.Band), Current: b.Percent, Text: u.T("%d, %s", b.Count, u.tr.FormatPercent(b.Percent, 0))})
	}
	before := t.ratings.MinSize().Add(t.totals.MinSize())
	t.ratings.set(ratings)
	people := 0
	for _, b := range out.Totals {
		people += b.Count
	}
	var totals []distBand
	first, last := len(out.Totals), -1 // the buckets from the first to the last that hold anyone
	for i, b := range out.Totals {
		if b.Count > 0 {
			first, last = min(first, i), i
		}
	}
	for i := first; i <= last; i++ {
		b := out.Totals[i]
		pct := 100 * float64(b.Count) / float64(max(people, 1))
		totals = append(totals, distBand{Name: fmt.Sprintf("%s–%s", u.tr.FormatNumber(b.From, 0), u.tr.FormatNumber(b.To, 0)),
			Current: pct, Text: u.tr.FormatNumber(float64(b.Count), 0)})
	}
	t.totals.set(totals)
	if t.ratings.MinSize().Add(t.totals.MinSize()) != before {
		t.root.Refresh() // the charts grew or shrank: lay out again
	}
	t.winners.SetText(t.changesText(out.Winners))
	t.losers.SetText(t.changesText(out.Losers))
	enable(t.apply, sc.Bands != nil || sc.GroupWeights != nil || sc.Pool != nil)
}

// changesText lists people's changes, one a line: "NV0001 Hồ Thị An: +1 500 000 ₫ (Good, Excellent)".
func (t *simTab) changesText(cs []bonus.Change) string {
	u, cur := t.s.u, t.policy.Currency
	if len(cs) == 0 {
		return u.T("nobody")
	}
	lines := make([]string, len(cs))
	for i, c := range cs {
		delta := t.s.money(c.Delta, cur)
		if c.Delta > 0 {
			delta = "+" + delta
		}
		line := u.T("%s %s: %s", c.Code, c.Name, delta)
		if c.BandBefore != c.BandAfter {
			line += " " + u.T("(%s, now %s)", u.T(c.BandBefore), u.T(c.BandAfter))
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}

// onReset puts the rules as they are back in the form.
func (t *simTab) onReset() {
	t.fill()
	t.changed()
}

// onApply writes the scenario into the rules after a confirmation with a reason.
func (t *simTab) onApply() {
	c, _, ok := t.s.scope()
	if !ok {
		return
	}
	u := t.s.u
	sc := t.sc
	u.askReason(u.T("Apply the simulated rules"), u.T("Write the simulated bands, group weights and pool into every plan of the cycle and its bonus rule? Each change is recorded in history with this reason."),
		func(reason string) {
			u.async(func() error { return u.ws.ApplyScenario(c, sc, reason) }, func(err error) {
				if err != nil {
					u.showError(err)
					return
				}
				u.notify(u.T("Simulated rules applied"))
				t.s.pool.stale, t.s.calib.stale = true, true
				t.load()
			})
		})
}
