package template

import "kpiplanner/app"

// Override is one field in which a plan made from a template differs from
// the template version it holds: a per-person adjustment.
type Override struct {
	KPI         string // the plan's KPI id; "" for the plan's rules and goal
	TemplateKPI string // the template KPI it was made from; "" for rules and goal
	Name        string // the KPI's name, for display
	// Field is the path word (target, weight, rules.cap, goal.text), or
	// FieldRemoved for a template KPI the plan has dropped.
	Field          string
	Template, Plan string // the template's and the plan's values, as shown
}

// FieldRemoved is the Field of an override that removed a template KPI.
const FieldRemoved = "removed"

// Path returns the override's history path: kpis[k1].target, rules.cap, goal.text.
func (o Override) Path() string {
	if o.TemplateKPI == "" {
		return o.Field
	}
	if o.Field == FieldRemoved {
		return "kpis[" + o.TemplateKPI + "]"
	}
	return "kpis[" + o.KPI + "]." + o.Field
}

// Overrides lists the fields in which p differs from t, the template
// version p holds (p.TemplateVersion): every templated field of each KPI
// made from t, t's KPIs p no longer has, the rules and the goal text. KPIs
// the plan added of its own are not overrides. It returns nil when p does
// not hold t.
func Overrides(p *app.Plan, t *app.Template) []Override {
	if t == nil || p.TemplateUID != t.UID {
		return nil
	}
	var out []Override
	byTmpl := planKPIs(p)
	for i := range t.KPIs {
		tk := &t.KPIs[i]
		pk := byTmpl[tk.ID]
		if pk == nil {
			out = append(out, Override{TemplateKPI: tk.ID, Name: tk.Name, Field: FieldRemoved, Template: tk.Name})
			continue
		}
		for _, f := range kpiFields {
			if !f.eq(tk, pk) {
				out = append(out, Override{KPI: pk.ID, TemplateKPI: tk.ID, Name: pk.Name, Field: f.name,
					Template: show(f.get(tk)), Plan: show(f.get(pk))})
			}
		}
	}
	for _, f := range ruleFields {
		if !f.eq(&t.Rules, &p.Rules) {
			out = append(out, Override{Field: "rules." + f.name, Template: show(f.get(&t.Rules)), Plan: show(f.get(&p.Rules))})
		}
	}
	if t.Goal != p.Goal.Text {
		out = append(out, Override{Field: "goal.text", Template: t.Goal, Plan: p.Goal.Text})
	}
	return out
}

// planKPIs maps template KPI ids to the plan's KPIs made from them.
func planKPIs(p *app.Plan) map[string]*app.KPI {
	m := make(map[string]*app.KPI, len(p.KPIs))
	for i := range p.KPIs {
		if id := p.KPIs[i].FromTemplate; id != "" {
			m[id] = &p.KPIs[i]
		}
	}
	return m
}

// Count is how many plans override one field of one template KPI.
type Count struct {
	TemplateKPI, Name, Field string
	Plans                    int
}

// CountOverrides counts, over many plans' overrides, how many plans
// override each field of each template KPI ("5 plans override the target of
// Doanh thu"), in the template's KPI order then field order.
func CountOverrides(t *app.Template, each [][]Override) []Count {
	type key struct{ kpi, field string }
	n := map[key]int{}
	for _, os := range each {
		seen := map[key]bool{}
		for _, o := range os {
			k := key{o.TemplateKPI, o.Field}
			if !seen[k] {
				seen[k] = true
				n[k]++
			}
		}
	}
	var out []Count
	add := func(kpi, name, f string) {
		if c := n[key{kpi, f}]; c > 0 {
			out = append(out, Count{TemplateKPI: kpi, Name: name, Field: f, Plans: c})
		}
	}
	for _, k := range t.KPIs {
		add(k.ID, k.Name, FieldRemoved)
		for _, f := range kpiFields {
			add(k.ID, k.Name, f.name)
		}
	}
	for _, f := range ruleFields {
		add("", "", "rules."+f.name)
	}
	add("", "", "goal.text")
	return out
}
