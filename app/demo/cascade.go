package demo

import (
	"math"

	"kpiplanner/app"
)

// extras is what Save adds to the demo company beside its people's plans,
// so the coverage, audit and templates screens have something to show: a
// Sales department plan whose revenue its salespeople contribute to (with
// a coverage gap: the unit target is 8 % above their sum), a second unit
// KPI without a data source (an audit finding), a team weight of 20 % on
// the first salesperson below the head, and a position template made from
// that person's plan (its revenue target rounded, so the plan shows one
// field adjusted), held by that plan.
type extras struct {
	unit  *app.Plan
	tmpl  *app.Template
	links []*app.KPI // the salespeople's revenue KPIs, linked once the unit plan has its uid
	held  *app.Plan  // the plan made from the template
}

// salesExtras builds the extras for plans with their registry (Registry's output).
func salesExtras(plans []*app.Plan, units []app.OrgUnit, people []app.Employee, lang string) *extras {
	var sales *app.OrgUnit
	for i := range units {
		if units[i].Code == app.UnitCode("Sales") {
			sales = &units[i]
		}
	}
	if sales == nil || sales.UID == "" {
		return nil // no Sales unit, or the workspace has one already: leave it alone
	}
	unitOf := make(map[app.UID]app.UID, len(people))
	for _, e := range people {
		unitOf[e.UID] = e.Unit
	}
	x := &extras{}
	var sum float64
	for _, p := range plans {
		if unitOf[p.PersonUID] != sales.UID {
			continue
		}
		k := revenueKPI(p)
		if k == nil {
			continue
		}
		x.links = append(x.links, k)
		sum += k.Target
		if x.held == nil && p.PersonUID != sales.Head {
			x.held = p
		}
	}
	if len(x.links) == 0 {
		return nil
	}
	x.unit = unitPlan(sales, math.Round(sum*1.08/1e6)*1e6, lang)
	if x.held != nil {
		x.held.Rules.TeamWeight = 20
		x.tmpl = templateOf(x.held, lang)
	}
	return x
}

// revenueKPI is p's first sum KPI counted in money, or nil.
func revenueKPI(p *app.Plan) *app.KPI {
	for i := range p.KPIs {
		if k := &p.KPIs[i]; k.Aggregation == app.Sum && k.Unit == app.Currency && k.Direction == app.Higher {
			return k
		}
	}
	return nil
}

// unitPlan is the Sales department's own plan: revenue (rolled up from its
// people) and customer visits without a data source.
func unitPlan(sales *app.OrgUnit, revenue float64, lang string) *app.Plan {
	p := app.NewPlan()
	p.Name, p.Status, p.Cycle, p.UnitUID = sales.Name+" 2026", app.Approved, cycle, sales.UID
	p.Person = app.Person{Name: sales.Name, Department: sales.Name, Currency: "VND"}
	p.Goal = app.Goal{Text: "Increase revenue from new customers by 20% in 2026", Type: "sales-growth"}
	rev, visits := "Department revenue", "Customer visits"
	if lang == "vi" {
		p.Goal.Text = lookup(viGoals, p.Goal.Text)
		rev, visits = "Doanh thu phòng", "Số lượt thăm khách hàng"
	}
	p.Rules.GroupWeights = map[app.Group]float64{app.GroupA: 70, app.GroupB: 30, app.GroupC: 0}
	p.KPIs = []app.KPI{
		{ID: "k1", Name: rev, Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum, Target: revenue,
			Weight: 1, Group: app.GroupA, DataSource: "CRM", Owner: sales.Name},
		{ID: "k2", Name: visits, Unit: app.Count, Direction: app.Higher, Aggregation: app.Sum, Target: 1200,
			Weight: 1, Group: app.GroupB, Owner: sales.Name}, // no data source: the audit finds it
	}
	return p
}

// templateOf is a position template made from p: its KPIs without actuals
// or links, the first sum KPI's target rounded to the billion.
func templateOf(p *app.Plan, lang string) *app.Template {
	name := p.Person.Position + " — 2026"
	if lang == "vi" {
		name = p.Person.Position + " — năm 2026"
	}
	t := app.NewTemplate(name, p.Person.Position, level(p.Person.Position))
	t.Goal, t.GoalType, t.Rules = p.Goal.Text, p.Goal.Type, p.Rules
	t.Rules.GroupWeights = cloneWeights(p.Rules.GroupWeights)
	t.Rules.TeamWeight = 0
	t.KPIs = p.Clone().KPIs
	for i := range t.KPIs {
		k := &t.KPIs[i]
		k.Actuals, k.Note, k.Exempt = nil, "", ""
		k.UnitPlan, k.UnitKPI, k.Share, k.FromTemplate = "", "", 0, ""
		p.KPIs[i].FromTemplate = k.ID
	}
	if k := revenueKPI(p); k != nil {
		for i := range t.KPIs {
			if t.KPIs[i].ID == k.ID {
				t.KPIs[i].Target = math.Max(1e9, math.Round(k.Target/1e9)*1e9)
			}
		}
	}
	return t
}

func cloneWeights(m map[app.Group]float64) map[app.Group]float64 {
	out := make(map[app.Group]float64, len(m))
	for g, w := range m {
		out[g] = w
	}
	return out
}

// saveTemplate writes the template inside tx (the plan made from it then
// names its uid and version) and links the salespeople's revenue to the
// unit plan, whose uid is chosen here; call it before the people's plans
// are saved, and saveUnit after them (the people's plan ids stay 1…n).
func (x *extras) saveTemplate(tx app.Tx) error {
	if x.tmpl != nil {
		if err := tx.SaveTemplate(x.tmpl); err != nil {
			return err
		}
		x.held.TemplateUID, x.held.TemplateVersion = x.tmpl.UID, x.tmpl.Version
	}
	x.unit.UID = app.NewUID()
	for _, k := range x.links {
		k.UnitPlan, k.UnitKPI, k.Share = x.unit.UID, "k1", 1
	}
	return nil
}

// saveUnit writes the Sales department's plan inside tx.
func (x *extras) saveUnit(tx app.Tx) error { return tx.SavePlan(x.unit) }
