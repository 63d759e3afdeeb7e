package template

import (
	"strconv"

	"kpiplanner/app"
)

// Merge is what bringing one plan to a new template version does.
type Merge struct {
	Plan *app.Plan // the plan as it would be saved; the stored plan is untouched
	// Changed are the paths the update changes (kpis[k1].target, rules.cap,
	// kpis[k9] for a KPI added or removed).
	Changed []string
	// Kept are the plan's overrides of fields the new version changes,
	// left as the plan has them.
	Kept []Override
	// Unlinked are template KPIs the new version drops that the plan keeps
	// as its own because they hold actuals.
	Unlinked []string
}

// Apply merges the change from template version base to next into p, a
// plan made from base (base may be nil when the plan's version is unknown:
// then every templated field is brought to next's value). A field p
// overrides (its value differs from base's) keeps the plan's value unless
// force is set. KPIs next adds are added (with a fresh id if the plan
// already uses theirs); KPIs next drops are removed, or unlinked when they
// hold actuals; the plan's own KPIs stay. p itself is not changed.
func Apply(base, next *app.Template, p *app.Plan, force bool) Merge {
	out := p.Clone()
	out.TemplateUID, out.TemplateVersion = next.UID, next.Version
	m := Merge{Plan: out}
	if base == nil {
		base, force = &app.Template{}, true
	}
	byTmpl := planKPIs(out)
	for i := range next.KPIs {
		nk := &next.KPIs[i]
		bk := findKPI(base, nk.ID)
		pk := byTmpl[nk.ID]
		switch {
		case pk == nil && (bk == nil || force):
			out.KPIs = append(out.KPIs, fromTemplate(nk, out))
			m.Changed = append(m.Changed, "kpis["+out.KPIs[len(out.KPIs)-1].ID+"]")
			byTmpl = planKPIs(out)
		case pk != nil:
			m.mergeKPI(bk, nk, pk, force)
		}
	}
	m.dropRemoved(base, next)
	m.mergeRules(&base.Rules, &next.Rules, force)
	if base.Goal != next.Goal && (out.Goal.Text == base.Goal || force) && out.Goal.Text != next.Goal {
		out.Goal.Text = next.Goal
		m.Changed = append(m.Changed, "goal.text")
	}
	return m
}

// mergeKPI brings the plan's KPI pk (made from template KPI bk; nil when
// unknown) to nk.
func (m *Merge) mergeKPI(bk, nk, pk *app.KPI, force bool) {
	for _, f := range kpiFields {
		if f.eq(nk, pk) {
			continue
		}
		switch {
		case bk != nil && f.eq(bk, nk):
			// the template did not change this field: the plan's own value stays
		case (bk == nil || !f.eq(bk, pk)) && !force:
			m.Kept = append(m.Kept, Override{KPI: pk.ID, TemplateKPI: nk.ID, Name: pk.Name, Field: f.name,
				Template: show(f.get(nk)), Plan: show(f.get(pk))})
		default:
			f.set(pk, nk)
			m.Changed = append(m.Changed, "kpis["+pk.ID+"]."+f.name)
		}
	}
}

// dropRemoved removes from the plan the KPIs base had and next drops.
func (m *Merge) dropRemoved(base, next *app.Template) {
	p := m.Plan
	kept := p.KPIs[:0]
	for _, k := range p.KPIs {
		gone := k.FromTemplate != "" && findKPI(next, k.FromTemplate) == nil && findKPI(base, k.FromTemplate) != nil
		switch {
		case !gone:
			kept = append(kept, k)
		case len(k.Actuals) > 0:
			k.FromTemplate = ""
			kept = append(kept, k)
			m.Unlinked = append(m.Unlinked, k.ID)
			m.Changed = append(m.Changed, "kpis["+k.ID+"].from_template")
		default:
			m.Changed = append(m.Changed, "kpis["+k.ID+"]")
		}
	}
	p.KPIs = kept
}

// mergeRules brings the plan's rules from base's to next's, keeping overrides.
func (m *Merge) mergeRules(base, next *app.Rules, force bool) {
	pr := &m.Plan.Rules
	for _, f := range ruleFields {
		if f.eq(base, next) || f.eq(pr, next) {
			continue
		}
		if !f.eq(base, pr) && !force {
			m.Kept = append(m.Kept, Override{Field: "rules." + f.name, Template: show(f.get(next)), Plan: show(f.get(pr))})
			continue
		}
		f.set(pr, next)
		m.Changed = append(m.Changed, "rules."+f.name)
	}
}

func findKPI(t *app.Template, id string) *app.KPI {
	for i := range t.KPIs {
		if t.KPIs[i].ID == id {
			return &t.KPIs[i]
		}
	}
	return nil
}

// fromTemplate returns a plan KPI made from template KPI tk for plan p: its
// values, linked to tk, with tk's id or, when p already has it, tk's id
// with the first free suffix (k1-2, k1-3…).
func fromTemplate(tk *app.KPI, p *app.Plan) app.KPI {
	k := *tk
	k.Baseline, k.Floor, k.Cap = copyFloat(tk.Baseline), copyFloat(tk.Floor), copyFloat(tk.Cap)
	if tk.Steps != nil {
		k.Steps = append([]app.StepBand(nil), tk.Steps...)
	}
	k.Actuals = nil
	k.FromTemplate = tk.ID
	k.ID = freeID(p, tk.ID)
	return k
}

// freeID returns id, or id-2, id-3… the first p does not use.
func freeID(p *app.Plan, id string) string {
	if p.KPI(id) == nil {
		return id
	}
	for n := 2; ; n++ {
		if c := id + "-" + strconv.Itoa(n); p.KPI(c) == nil {
			return c
		}
	}
}

func copyFloat(f *float64) *float64 {
	if f == nil {
		return nil
	}
	v := *f
	return &v
}
