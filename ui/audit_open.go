package ui

import (
	"fyne.io/fyne/v2"

	"kpiplanner/app"
)

// openPlanAt opens a saved plan at its KPI kpiID: the KPIs tab, the
// KPI's name field focused and in sight ("" opens the plan as openPlan
// does; a draft reopens in the wizard).
func (u *UI) openPlanAt(id app.PlanID, kpiID string) {
	var p *app.Plan
	u.async(func() error {
		var err error
		p, err = u.ws.Plan(id)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if p.Status == app.Draft {
			u.resumeDraft(id)
			return
		}
		u.selectNav(navPlans)
		s := newPlanScreen(u, p)
		u.show(s)
		s.focusKPI(kpiID)
	})
}

// focusKPI shows the KPIs tab with the KPI kpiID's first field focused.
func (s *planScreen) focusKPI(kpiID string) {
	if kpiID == "" || s.tabs == nil {
		return
	}
	s.tabs.SelectIndex(1)
	for _, r := range s.kpis.rows {
		if r.id != kpiID || len(r.box.Objects) == 0 {
			continue
		}
		var f fyne.Focusable = r.entries["name"] // the name field (wrapped with the template marker)
		if r.entries["name"] == nil {
			f, _ = r.box.Objects[0].(fyne.Focusable)
		}
		if f != nil {
			if c := canvasOf(r.box); c != nil {
				c.Focus(f)
			}
		}
		reveal(r.box)
		return
	}
}
