// Package dashboard computes what each reader of the dashboards sees: a
// director's company or department totals, a department head's team, and a
// specialist's own KPIs. It only computes; the GUI formats and draws.
//
// Every view reads the plans that are not drafts (a draft is not in its
// cycle yet), each scored over the window a score.Pick chooses for it in its
// own cycle: by default its official window (score.Official).
package dashboard

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/score"
)

// Company is a set of plans, each scored over its window, from which every
// reader's view is drawn. It is not changed after New, so views may be drawn
// from several goroutines at once.
type Company struct {
	plans   []*app.Plan    // the plans that are not drafts, in the order given
	results []score.Result // results[i] is plans[i] scored over its window
	// units maps an org unit's name to its subtree, once WithUnits is called:
	// choosing a unit then covers every unit below it.
	units map[string]map[app.UID]bool
}

// WithUnits makes the departments readers choose from the org units (every
// unit but the root with a plan in its subtree), each covering its whole
// subtree. It returns c.
func (c *Company) WithUnits(units []app.OrgUnit) *Company {
	if len(units) == 0 {
		return c
	}
	o := app.NewOrg(units)
	c.units = map[string]map[app.UID]bool{}
	for _, u := range units {
		if u.Parent == "" {
			continue
		}
		sub := c.units[u.Name]
		if sub == nil {
			sub = map[app.UID]bool{}
			c.units[u.Name] = sub
		}
		for k := range o.Subtree(u.UID) {
			sub[k] = true
		}
	}
	return c
}

// New scores every plan that is not a draft over the window pick chooses for
// it. The plans must not change while the Company is in use.
func New(plans []*app.Plan, pick score.Pick) *Company {
	c := &Company{plans: nonDrafts(plans)}
	c.results = score.By(c.plans, pick)
	return c
}

// at returns the last period of plan i's window as trend.Analyse takes it.
func (c *Company) at(i int) int { return c.results[i].Window.At() }

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
	for name, sub := range c.units {
		for _, p := range c.plans {
			if sub[p.Person.Unit] {
				seen[name] = true
				out = append(out, name)
				break
			}
		}
	}
	for _, p := range c.plans {
		d := department(p)
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	slices.SortFunc(out, i18n.NewSorter().Compare)
	return out
}

// People returns the owners of the plans in department ("" = the whole
// company), sorted by name (the Vietnamese way), then plan name, then id.
func (c *Company) People(dept string) []Person {
	var out []Person
	for _, p := range c.plans {
		if c.inScope(p, dept) {
			out = append(out, Person{PlanID: p.ID, Name: p.Person.Name, Department: department(p),
				Position: p.Person.Position, PlanName: p.Name})
		}
	}
	vi := i18n.NewSorter()
	keys := make(map[app.PlanID][]byte, len(out))
	for _, p := range out {
		keys[p.PlanID] = append(vi.Key(p.Name), append([]byte{0}, vi.Key(p.PlanName)...)...)
	}
	slices.SortFunc(out, func(a, b Person) int {
		return cmp.Or(bytes.Compare(keys[a.PlanID], keys[b.PlanID]), cmp.Compare(a.PlanID, b.PlanID))
	})
	return out
}

// Choices returns the scoring windows the dashboards offer for plans: the
// official window (the default), the whole cycle, and each month end.
func Choices(plans []*app.Plan) []score.Choice {
	return score.CompanyChoices(nonDrafts(plans))
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
		if c.inScope(p, dept) {
			out = append(out, i)
		}
	}
	return out
}

// inScope reports whether p belongs to dept ("" = the whole company).
func (c *Company) inScope(p *app.Plan, dept string) bool {
	d := strings.TrimSpace(dept)
	if sub, ok := c.units[d]; ok {
		return sub[p.Person.Unit]
	}
	return d == "" || department(p) == d
}

func department(p *app.Plan) string { return strings.TrimSpace(p.Person.Department) }
