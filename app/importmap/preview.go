package importmap

import (
	"fmt"
	"strings"

	"kpiplanner/app"
)

// State is what the workspace holds that an import is compared with.
type State struct {
	People []app.Employee
	Units  []app.OrgUnit
	Plans  []*app.Plan // every plan, with actuals
}

// PlanStatus is what an import does to one plan.
type PlanStatus string

// The plan statuses of a preview.
const (
	PlanNew       PlanStatus = "new"
	PlanChanged   PlanStatus = "changed"
	PlanUnchanged PlanStatus = "unchanged"
	PlanRefused   PlanStatus = "refused"
)

// PlanPreview is what an import does to one person's plan.
type PlanPreview struct {
	Person    PersonKey
	Employee  *app.Employee // the registry person (new ones too); nil for plans without one
	NewPerson bool          // Employee is created by the import
	Status    PlanStatus
	Old       *app.Plan // nil for a new plan
	New       *app.Plan
	Edits     []app.Edit // what changes in a changed plan, old and new (app.Diff)
	Refused   []Refusal  // why a refused plan is refused
}

// Preview is what an import would do, before anything is saved.
type Preview struct {
	Sheet     string
	Plans     []*PlanPreview
	NewPeople []*app.Employee
	Refused   []Refusal
	Notices   []app.Msg
	Unread    []string
}

// Count returns how many plans have status s.
func (p *Preview) Count(s PlanStatus) int {
	n := 0
	for _, pp := range p.Plans {
		if pp.Status == s {
			n++
		}
	}
	return n
}

// Check returns an error when the import would change nothing, saying why:
// the rows refused and the columns that were not understood.
func (p *Preview) Check() error {
	if p.Count(PlanNew)+p.Count(PlanChanged) > 0 {
		return nil
	}
	why := []string{}
	if n := len(p.Refused); n > 0 {
		why = append(why, fmt.Sprintf("%d value(s) refused, the first: %s", n, p.Refused[0].Text()))
	}
	if len(p.Unread) > 0 {
		why = append(why, "columns not understood (not mapped): "+strings.Join(p.Unread, ", "))
	}
	if p.Count(PlanUnchanged) > 0 {
		why = append(why, fmt.Sprintf("%d plan(s) already hold what the sheet says", p.Count(PlanUnchanged)))
	}
	if len(p.Plans) == 0 && len(p.Refused) == 0 {
		why = append(why, "no row of the sheet names a KPI in the mapped columns")
	}
	return Errorf("the import would change nothing: %s", strings.Join(why, "; "))
}

// Text returns the refusal as one line: "row 12, column D (\"abc\"): why".
func (r Refusal) Text() string {
	var at string
	switch {
	case r.Row < 0:
		at = "plan"
	case r.Col < 0:
		at = fmt.Sprintf("row %d", r.Row+1)
	default:
		at = fmt.Sprintf("row %d, column %s", r.Row+1, ColName(r.Col))
	}
	if r.Value != "" {
		at += fmt.Sprintf(" (%q)", r.Value)
	}
	if r.Sheet != "" {
		at = r.Sheet + ", " + at
	}
	return at + ": " + r.Why.String()
}

// Lines returns the preview as text lines, the way `kpi import --dry-run`
// prints it: each plan with its status and changes, refusals and notices.
func (p *Preview) Lines() []string {
	var out []string
	for _, pp := range p.Plans {
		who := pp.Person.String()
		if pp.NewPerson {
			who += " (new person)"
		}
		name := pp.New.Name
		switch pp.Status {
		case PlanNew:
			out = append(out, fmt.Sprintf("new plan %q for %s: %d KPI(s)", name, who, len(pp.New.KPIs)))
		case PlanChanged:
			out = append(out, fmt.Sprintf("changed plan %d %q of %s: %d change(s)", pp.Old.ID, name, who, len(pp.Edits)))
			for _, e := range pp.Edits {
				out = append(out, fmt.Sprintf("  %s: %s -> %s", e.Path, orNone(e.Old), orNone(e.New)))
			}
		case PlanUnchanged:
			out = append(out, fmt.Sprintf("unchanged plan %d %q of %s", pp.Old.ID, name, who))
		case PlanRefused:
			out = append(out, fmt.Sprintf("refused plan %q of %s:", name, who))
			for _, r := range pp.Refused {
				out = append(out, "  "+r.Why.String())
			}
		}
	}
	for _, r := range p.Refused {
		out = append(out, "refused "+r.Text())
	}
	for _, n := range p.Notices {
		out = append(out, "note: "+n.String())
	}
	if len(p.Unread) > 0 {
		out = append(out, "not read: "+strings.Join(p.Unread, ", "))
	}
	out = append(out, fmt.Sprintf("%d new plan(s), %d changed, %d unchanged, %d refused; %d new person(s); %d value(s) refused",
		p.Count(PlanNew), p.Count(PlanChanged), p.Count(PlanUnchanged), p.Count(PlanRefused), len(p.NewPeople), len(p.Refused)))
	return out
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}
