package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/audit"
	"kpiplanner/app/i18n"
	"kpiplanner/storage/xlsx"
)

func init() {
	commands["audit"] = command{"audit [--unit CODE] [--problem P] [--sort problem|plan|person|kpi] [--json|--out FILE.xlsx] [--lang vi|en]",
		"the company's KPI-quality audit: SMART fails, vanity metrics, too many KPIs, weights, sandbagging, late drafts, red KPIs without comment…, with a count per problem", cmdAudit}
}

// auditRow is one finding of `kpi audit --json`.
type auditRow struct {
	Problem audit.Problem `json:"problem"`
	Label   string        `json:"label"`
	Plan    app.PlanID    `json:"plan"`
	Name    string        `json:"name"`
	Person  string        `json:"person"`
	Unit    string        `json:"unit,omitempty"`
	KPI     string        `json:"kpi,omitempty"`
	KPIName string        `json:"kpi_name,omitempty"`
	Detail  string        `json:"detail"`
}

var auditColumns = map[string]audit.Column{"problem": audit.ByProblem, "plan": audit.ByPlan, "person": audit.ByPerson, "kpi": audit.ByKPI}

func cmdAudit(e *env, fs *flag.FlagSet) error {
	unit := fs.String("unit", "", "only the plans of this unit (by code) and the units below it")
	problem := fs.String("problem", "", "only this problem (e.g. sandbagging; see the counts)")
	sortBy := fs.String("sort", "problem", "sort the findings by problem, plan, person or kpi")
	asJSON := fs.Bool("json", false, "print the counts and findings as JSON")
	out := fs.String("out", "", "write the counts and findings to this .xlsx (or .csv) file")
	lang := fs.String("lang", "en", "the language of the text (vi or en)")
	if _, err := e.parse(fs, 0, 0); err != nil {
		return err
	}
	col, ok := auditColumns[*sortBy]
	if !ok {
		return fmt.Errorf("%w: --sort must be problem, plan, person or kpi", errUsage)
	}
	if *problem != "" && !slices.Contains(audit.Problems, audit.Problem(*problem)) {
		return fmt.Errorf("%w: --problem %q: not one of %v", errUsage, *problem, audit.Problems)
	}
	tr, err := i18n.New(*lang)
	if err != nil {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	s, err := e.openRead()
	if err != nil {
		return err
	}
	keep, err := unitKeep(s, *unit)
	if err != nil {
		return err
	}
	plans, err := s.Plans()
	if err != nil {
		return err
	}
	units, err := s.Units()
	if err != nil {
		return err
	}
	org := app.NewOrg(units)
	r := audit.Run(plans, audit.Options{Catalog: catalog(), Today: e.today(), Keep: keep})
	r.Findings = audit.Only(r.Findings, audit.Problem(*problem))
	audit.Sort(r.Findings, col, false)
	switch {
	case *out != "":
		files, err := xlsx.WriteWorkbook(context.Background(), *out, audit.Workbook(r, tr.T, org.Name), xlsx.Options{T: tr.T})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.out, "%d findings written to %v\n", len(r.Findings), files)
		return nil
	case *asJSON:
		return writeAuditJSON(e, r, tr, org)
	}
	return writeAuditText(e, r, tr)
}

func writeAuditJSON(e *env, r audit.Report, tr *i18n.Translator, org *app.Org) error {
	rows := make([]auditRow, len(r.Findings))
	for i, f := range r.Findings {
		rows[i] = auditRow{Problem: f.Problem, Label: tr.T(f.Problem.Label()), Plan: f.Plan, Name: f.Name, Person: f.Person,
			Unit: org.Name(f.Unit), KPI: f.KPI, KPIName: f.KPIName, Detail: tr.Msg(f.Detail)}
	}
	counts := map[audit.Problem]int{}
	for _, c := range r.Counts {
		counts[c.Problem] = c.N
	}
	enc := json.NewEncoder(e.out)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Counts   map[audit.Problem]int `json:"counts"`
		Findings []auditRow            `json:"findings"`
	}{counts, rows})
}

func writeAuditText(e *env, r audit.Report, tr *i18n.Translator) error {
	for _, c := range r.Counts {
		if c.N > 0 {
			fmt.Fprintf(e.out, "%6d  %s\n", c.N, tr.T(c.Problem.Label()))
		}
	}
	rows := [][]string{{"PROBLEM", "PLAN", "PERSON", "KPI", "DETAIL"}}
	for _, f := range r.Findings {
		rows = append(rows, []string{tr.T(f.Problem.Label()), fmt.Sprintf("%d %s", f.Plan, clean(f.Name)), clean(f.Person),
			clean(f.KPIName), clean(tr.Msg(f.Detail))})
	}
	if len(r.Findings) == 0 {
		fmt.Fprintln(e.out, "no problems found")
		return nil
	}
	fmt.Fprintln(e.out)
	return writeTable(e.out, rows)
}
