package template

import (
	"strconv"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

// FromGoalType returns a new, unsaved template for position and level that
// starts from the library's KPI set for goal type id, in lang: each KPI of
// the set with its proposed group, weight 1 and no target yet, the goal
// type's example as its goal and the default rules. It returns an error
// naming the goal type when the library has none of that id.
func FromGoalType(lib *library.Library, id, lang, name, position string, level int) (*app.Template, error) {
	g, ok := lib.GoalType(id)
	if !ok {
		return nil, &app.RuleError{Kind: app.ErrNotFound, Msg: app.M("no goal type %s in the KPI library", id)}
	}
	t := app.NewTemplate(name, position, level)
	t.GoalType, t.Goal = g.ID, g.Example.In(lang)
	for i, s := range lib.Suggest(id) {
		k := s.Entry.NewKPI(kpiID(i), lang)
		k.Group = s.Group
		t.KPIs = append(t.KPIs, k)
	}
	return t, nil
}

// FromPlan returns a new, unsaved template for position and level with
// plan p's goal, rules and KPIs (their targets as the defaults; no actuals,
// owners, deadlines, notes or exemptions).
func FromPlan(p *app.Plan, name, position string, level int) *app.Template {
	c := p.Clone()
	t := app.NewTemplate(name, position, level)
	t.GoalType, t.Goal, t.Rules = c.Goal.Type, c.Goal.Text, c.Rules
	for _, k := range c.KPIs {
		k.Actuals, k.Owner, k.Deadline, k.Note, k.Exempt, k.FromTemplate = nil, "", app.Date{}, "", "", ""
		t.KPIs = append(t.KPIs, k)
	}
	return t
}

func kpiID(i int) string { return "k" + strconv.Itoa(i+1) }
