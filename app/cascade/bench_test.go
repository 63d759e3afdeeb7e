package cascade

import (
	"fmt"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
)

// cascadeCompany returns the demo company of n people with a plan per
// department and one for the company: every person's KPI contributes all
// of itself to the department KPI of the same name, every department KPI
// to the company KPI of the same name (three levels).
func cascadeCompany(n int) []*app.Plan {
	plans := demo.Company(n, 1)
	co := plan("company", "U-COMPANY")
	byDept := map[string]*app.Plan{}
	var units []*app.Plan
	for i, p := range plans {
		p.ID, p.UID = app.PlanID(i+1), app.UID(fmt.Sprintf("p%d", i+1))
		d := byDept[p.Person.Department]
		if d == nil {
			d = plan("dept-"+p.Person.Department, "U-"+p.Person.Department)
			byDept[p.Person.Department] = d
			units = append(units, d)
		}
		for j := range p.KPIs {
			k := &p.KPIs[j]
			if d.KPI(k.Name) == nil {
				d.KPIs = append(d.KPIs, kpi(k.Name, k.Aggregation, 0, "company", k.Name, 1))
				if co.KPI(k.Name) == nil {
					co.KPIs = append(co.KPIs, kpi(k.Name, k.Aggregation, 0, "", "", 0))
				}
			}
			k.UnitPlan, k.UnitKPI, k.Share = d.UID, k.Name, 1
			d.KPI(k.Name).Target += k.Target
		}
	}
	return append(append(plans, units...), co)
}

// BenchmarkCoverage10k indexes the contributions of the 10 000-person
// company, rolls every unit KPI's actuals up over the three levels and
// computes the coverage of every unit KPI.
func BenchmarkCoverage10k(b *testing.B) {
	plans := cascadeCompany(10_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		g := New(plans)
		if err := g.RollUp(); err != nil {
			b.Fatal(err)
		}
		if lines := g.Coverage(nil); len(lines) == 0 {
			b.Fatal("no coverage lines")
		}
	}
}

func TestCascadeCompanyCovers(t *testing.T) {
	plans := cascadeCompany(300)
	g := New(plans)
	if err := g.RollUp(); err != nil {
		t.Fatal(err)
	}
	for _, l := range g.Coverage(nil) {
		if l.Plan.UID != "company" && (l.Contributors == 0 || l.Short() || l.Over()) && !l.Rate {
			t.Fatalf("%s %s: %+v: a department's targets are its people's sums", l.Plan.Name, l.KPI.ID, l)
		}
	}
}
