package dashboard

import (
	"math"

	"kpiplanner/app"
)

// march is the window of the fixture's views: periods 0..2 (January to March).
const march = 2

// flat returns v recorded in each of periods 0..n-1; v < 0 records nothing.
func flat(v float64, n int) []app.Actual {
	if v < 0 {
		return nil
	}
	out := make([]app.Actual, n)
	for i := range out {
		out[i] = app.Actual{Period: i, Value: v}
	}
	return out
}

// kpi is a higher-is-better "last" KPI with target 100, so a flat series
// of v scores v (capped at 120) and is forecast at v.
func kpi(id, lib, name string, g app.Group, v float64) app.KPI {
	return app.KPI{ID: id, LibraryID: lib, Name: name, Unit: app.Number, Direction: app.Higher,
		Aggregation: app.Last, Target: 100, Weight: 1, Group: g, Actuals: flat(v, 3)}
}

// plan is an active January–June 2026 monthly plan with the default rules
// (groups A 50, B 30; Excellent ≥ 110 ×1.5, Good ≥ 90 ×1, Fair ≥ 70 ×0.5).
func plan(id app.PlanID, name, dept, cur string, base float64, kpis ...app.KPI) *app.Plan {
	p := app.NewPlan()
	p.ID, p.Name, p.Status = id, name+" H1", app.Approved
	p.Person = app.Person{Name: name, Department: dept, Position: "Staff", BaseBonus: base, Currency: cur}
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 6, 30), Frequency: app.Monthly}
	p.KPIs = kpis
	return p
}

// fixture is a small company; the totals over January–March are
//
//	An   (Sales)      A rev 120, B Calls 100 → (50·120 + 30·100) / 80 = 112.5 Excellent, 10 000 000 × 1.5
//	Binh (Sales)      A rev 80,  B calls 60  → (50·80 + 30·60) / 80   = 72.5  Fair,      10 000 000 × 0.5
//	Chi  (Sales)      A rev 90,  B Calls –   → A only                  = 90    Good,       8 000 000 × 1 ("" = VND)
//	Dung (Marketing)  A leads 100, B rev 100 → 100                     Good,       1 000 USD × 1
//	Em   (Marketing)  A leads –, B Calls –   → no total
//	Giang (Sales)     draft: not read
func fixture() []*app.Plan {
	draft := plan(6, "Giang", "Sales", "VND", 1e7, kpi("k1", "rev", "Revenue", app.GroupA, 10))
	draft.Status = app.Draft
	return []*app.Plan{
		plan(1, "An", "Sales", "VND", 1e7, kpi("k1", "rev", "Revenue", app.GroupA, 120), kpi("k2", "", "Calls", app.GroupB, 100)),
		plan(2, "Binh", "Sales", "vnd", 1e7, kpi("k1", "rev", "Revenue", app.GroupA, 80), kpi("k2", "", " calls ", app.GroupB, 60)),
		plan(3, "Chi", " Sales ", "", 8e6, kpi("k1", "rev", "Revenue", app.GroupA, 90), kpi("k2", "", "Calls", app.GroupB, -1)),
		plan(4, "Dung", "Marketing", "USD", 1000, kpi("k1", "leads", "Leads", app.GroupA, 100), kpi("k2", "rev", "Revenue", app.GroupB, 100)),
		plan(5, "Em", "Marketing", "USD", 1000, kpi("k1", "leads", "Leads", app.GroupA, -1), kpi("k2", "", "Calls", app.GroupB, -1)),
		draft,
	}
}

func near(a, b float64) bool {
	return a == b || math.Abs(a-b) < 1e-9 || (math.IsNaN(a) && math.IsNaN(b))
}
