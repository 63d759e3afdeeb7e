package wizard

import (
	"errors"
	"slices"
	"strings"

	"kpiplanner/app"
)

// Problems returns what keeps step s from being complete, each naming the
// field (and KPI) at fault. Review's problems are every step's.
func (d *Draft) Problems(s Step) []*app.FieldError {
	var out []*app.FieldError
	for _, st := range Steps[:Review] {
		if s == Review || s == st {
			out = append(out, d.ownProblems(st)...)
		}
	}
	for _, fe := range d.validation() {
		if s == Review || StepOf(fe) == s {
			out = append(out, fe)
		}
	}
	return out
}

// FieldKPIs names the plan's list of KPIs in step problems.
const FieldKPIs = "kpis"

// ownProblems are the wizard's own checks of a step, beyond app validation.
func (d *Draft) ownProblems(s Step) []*app.FieldError {
	switch s {
	case Goal:
		return d.goalProblems()
	case KPIs:
		if len(d.Plan.KPIs) == 0 {
			return []*app.FieldError{{Field: FieldKPIs, Msg: app.M("Choose at least one KPI from the library or add your own.")}}
		}
	case Groups:
		return d.groupProblems()
	}
	return nil
}

// KPIProblems returns the problems of one KPI that step s shows.
func (d *Draft) KPIProblems(s Step, kpiID string) []*app.FieldError {
	var out []*app.FieldError
	for _, fe := range d.Problems(s) {
		if fe.KPI == kpiID {
			out = append(out, fe)
		}
	}
	return out
}

// FieldProblem returns the first problem of step s for the given KPI ("" for
// the plan) and field, or nil.
func (d *Draft) FieldProblem(s Step, kpiID, field string) *app.FieldError {
	for _, fe := range d.Problems(s) {
		if fe.KPI == kpiID && fe.Field == field {
			return fe
		}
	}
	return nil
}

// validation returns the plan's app validation problems.
func (d *Draft) validation() []*app.FieldError {
	var ve *app.ValidationError
	if err := d.Plan.Validate(); !errors.As(err, &ve) {
		return nil
	}
	var out []*app.FieldError
	for _, fe := range ve.Fields {
		if k := d.Plan.KPI(fe.KPI); fe.Field == "group" && k != nil && k.Group == "" {
			continue // groupProblems says it better
		}
		out = append(out, fe)
	}
	return out
}

// stepFields say which step's form edits which fields; the first entry
// that matches a field wins.
var stepFields = []struct {
	prefixes  []string // fields that start with one of these
	fields    []string // these fields
	kpiFields []string // these fields of a KPI
	step      Step
}{
	{prefixes: []string{"cycle.", "goal."}, fields: []string{"person.name", "person.department", "person.position"}, step: Goal},
	{fields: []string{"id", FieldKPIs}, step: KPIs},
	{prefixes: []string{"rules.group_weights"}, kpiFields: []string{"group", "weight", "effort", "impact"}, step: Groups},
	{prefixes: []string{"rules.", "person."}, fields: []string{"steps"}, kpiFields: []string{"cap", "floor"}, step: Scoring},
}

// StepOf returns the step whose form edits the field of fe.
func StepOf(fe *app.FieldError) Step {
	f := fe.Field
	for _, e := range stepFields {
		if slices.Contains(e.fields, f) || fe.KPI != "" && slices.Contains(e.kpiFields, f) ||
			slices.ContainsFunc(e.prefixes, func(p string) bool { return strings.HasPrefix(f, p) }) {
			return e.step
		}
	}
	if fe.KPI != "" && f != "actuals" {
		return SMART
	}
	return Review
}

// goalProblems are the goal step's required fields.
func (d *Draft) goalProblems() []*app.FieldError {
	p := d.Plan
	var out []*app.FieldError
	required := func(field, v string) {
		if strings.TrimSpace(v) == "" {
			out = append(out, &app.FieldError{Field: field, Msg: app.M("is required")})
		}
	}
	required("person.name", p.Person.Name)
	required("person.department", p.Person.Department)
	required("goal.type", p.Goal.Type)
	required("goal.text", p.Goal.Text)
	return out
}
