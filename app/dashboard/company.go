// Package dashboard computes what each reader of the dashboards sees: a
// director's company or department totals, a department head's team, and a
// specialist's own KPIs. It only computes; the GUI formats and draws.
//
// Every view reads the plans that are not drafts (a draft is not in its
// cycle yet), each scored over the same window: periods 0..At of its own
// cycle, or the whole cycle when At < 0 (score.Plan's rule).
package dashboard

import (
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/planedit"
	"kpiplanner/app/score"
)

// Company is a set of plans scored over one window, from which every
// reader's view is drawn. It is not changed after New, so views may be drawn
// from several goroutines at once.
type Company struct {
	At      int            // the window's last period; < 0 = the whole cycle
	plans   []*app.Plan    // the plans that are not drafts, in the order given
	results []score.Result // results[i] is plans[i] scored over the window
}

// New scores every plan that is not a draft over periods 0..at (at < 0: the
// whole cycle). The plans must not change while the Company is in use.
func New(plans []*app.Plan, at int) *Company {
	c := &Company{At: at, plans: nonDrafts(plans)}
	c.results = score.All(c.plans, at)
	return c
}

// Len returns how many plans the company's views read.
func (c *Company) Len() int { return len(c.plans) }

// Person is one plan's owner, for choosing whose KPIs a specialist view shows.
type Person struct {
	PlanID     app.PlanID
	Name       string
	Department string
	Position   string
	PlanName   string
}

// Departments returns the company's departments (trimmed, without the empty
// one), sorted.
func (c *Company) Departments() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range c.plans {
		d := department(p)
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	slices.Sort(out)
	return out
}

// People returns the owners of the plans in department ("" = the whole
// company), sorted by name, then plan name, then id.
func (c *Company) People(dept string) []Person {
	var out []Person
	for _, p := range c.plans {
		if inScope(p, dept) {
			out = append(out, Person{PlanID: p.ID, Name: p.Person.Name, Department: department(p),
				Position: p.Person.Position, PlanName: p.Name})
		}
	}
	slices.SortFunc(out, func(a, b Person) int {
		if n := strings.Compare(a.Name, b.Name); n != 0 {
			return n
		}
		if n := strings.Compare(a.PlanName, b.PlanName); n != 0 {
			return n
		}
		return int(a.PlanID) - int(b.PlanID)
	})
	return out
}

// Periods returns the periods of the cycle most plans share (ties: the one
// met first), to choose the window from; nil without plans. A window index
// applies to every plan's own cycle.
func (c *Company) Periods() []app.Period {
	var best app.Cycle
	bestN := 0
	counts := map[string]int{}
	for _, p := range c.plans {
		k := p.Cycle.Start.String() + " " + p.Cycle.End.String() + " " + string(p.Cycle.Frequency)
		counts[k]++
		if counts[k] > bestN {
			best, bestN = p.Cycle, counts[k]
		}
	}
	return best.Periods()
}

// DefaultPeriod returns the window the dashboards open on: the latest
// period with an actual in any plan that is not a draft (as a plan's
// scorecard opens, planedit.DefaultPeriod), so a cycle under way is scored
// to date and forecast to its end; or -1, the whole cycle, when no plan has
// an actual or the latest is the last period of the cycle most plans share.
func DefaultPeriod(plans []*app.Plan) int {
	ps := nonDrafts(plans)
	last := -1
	for _, p := range ps {
		last = max(last, planedit.DefaultPeriod(p))
	}
	if n := len(Periods(ps)); last >= n-1 {
		return -1
	}
	return last
}

// Periods is Company.Periods for plans not scored yet.
func Periods(plans []*app.Plan) []app.Period {
	return (&Company{plans: nonDrafts(plans)}).Periods()
}

func nonDrafts(plans []*app.Plan) []*app.Plan {
	var out []*app.Plan
	for _, p := range plans {
		if p != nil && p.Status != app.Draft {
			out = append(out, p)
		}
	}
	return out
}

// scope returns the indexes of the plans in dept ("" = every plan).
func (c *Company) scope(dept string) []int {
	var out []int
	for i, p := range c.plans {
		if inScope(p, dept) {
			out = append(out, i)
		}
	}
	return out
}

// inScope reports whether p belongs to dept ("" = the whole company).
func inScope(p *app.Plan, dept string) bool {
	d := strings.TrimSpace(dept)
	return d == "" || department(p) == d
}

func department(p *app.Plan) string { return strings.TrimSpace(p.Person.Department) }
