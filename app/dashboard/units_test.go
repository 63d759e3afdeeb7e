package dashboard

import (
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
)

func TestAUnitCoversItsSubtree(t *testing.T) {
	units := []app.OrgUnit{{UID: "co", Code: "CO", Name: "Company"}, {UID: "s", Code: "S", Name: "Sales", Parent: "co"},
		{UID: "n", Code: "N", Name: "North", Parent: "s"}, {UID: "h", Code: "H", Name: "HR", Parent: "co"}}
	plans := demo.Company(3, 1)
	for i, u := range []app.UID{"n", "s", "h"} {
		plans[i].ID = app.PlanID(i + 1)
		plans[i].Person.Unit, plans[i].Person.Department = u, []string{"North", "Sales", "HR"}[i]
	}
	c := New(plans, score.PickOfficial(app.NewDate(2026, 12, 31))).WithUnits(units)
	if got := c.Departments(); !slices.Equal(got, []string{"HR", "North", "Sales"}) {
		t.Fatalf("Departments = %v", got)
	}
	sales := c.People("Sales")
	if len(sales) != 2 || sales[0].PlanID == plans[2].ID || sales[1].PlanID == plans[2].ID {
		t.Fatalf("Sales = %+v, want the North and Sales plans", sales)
	}
	if north := c.People("North"); len(north) != 1 || north[0].PlanID != plans[0].ID {
		t.Fatalf("North = %+v", north)
	}
}
