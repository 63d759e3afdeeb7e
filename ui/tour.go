package ui

import (
	"fmt"
	"image"
	"time"

	"fyne.io/fyne/v2"

	"kpiplanner/app"
	"kpiplanner/app/wizard"
)

// TourStep is one screen of the screenshot tour.
type TourStep struct {
	Name string // file name without extension, e.g. "01-home"
	Show func() // opens the screen; runs on the UI goroutine
}

// Tour returns the steps that show every screen over the open database: the
// plans list, a plan's actuals and KPIs, each wizard step (on a draft copy
// of the first plan, never saved), the dashboards, the library, settings,
// the people, the organisation and a plan's history.
func (u *UI) Tour() []TourStep {
	steps := []TourStep{{"01-home", u.openHome}}
	if first := u.firstPlan(); first != nil {
		steps = append(steps,
			TourStep{"02-plan-actuals", func() { u.openPlan(first.ID) }},
			// The plan loads in the background: by the next step it is the screen shown.
			TourStep{"03-plan-kpis", func() { u.tourTab(1) }},
			TourStep{"24-plan-history", func() { u.tourTab(2) }})
		var w *wizardScreen
		for i, s := range wizard.Steps {
			steps = append(steps, TourStep{fmt.Sprintf("%02d-wizard-%d-%s", 4+i, i+1, s), func() {
				if w == nil {
					w = u.tourWizard(first)
					return
				}
				w.onIndicator(s)
			}})
		}
	}
	steps = append(steps, u.dashboardTour()...)
	steps = append(steps,
		TourStep{"20-library", func() {
			u.openLibrary()
			if l, ok := u.cur.(*libraryScreen); ok && len(l.entries) > 0 {
				l.list.Select(0)
			}
		}},
		TourStep{"21-settings", u.openSettings},
		TourStep{"22-people", u.openPeople},
		TourStep{"23-organisation", u.openOrg},
		TourStep{"25-templates", u.openTemplates},
		TourStep{"26-audit", u.openAudit},
		TourStep{"27-collect-packets", u.tourCollect}) // ui/packet_tour.go
	steps = append(steps, u.bonusTour()...) // issue 14
	// the import wizard is a dialog that stays open: last
	return append(steps, TourStep{"31-import-wizard", u.openSheetWizard}) // ui/import_wizard.go
}

// firstPlan returns the first active plan of the database, or nil.
func (u *UI) firstPlan() *app.Plan {
	plans, err := u.ws.Store().Plans()
	if err != nil {
		return nil
	}
	for _, p := range plans {
		if p.Status != app.Draft && len(p.KPIs) <= 7 {
			return p
		}
	}
	if len(plans) > 0 {
		return plans[0]
	}
	return nil
}

// tourWizard opens the wizard on an unsaved draft copy of p.
func (u *UI) tourWizard(p *app.Plan) *wizardScreen {
	c := p.Clone()
	c.ID, c.UID, c.Status = 0, "", app.Draft
	w := &wizardScreen{u: u, d: wizard.Resume(c, u.lib, u.tr.Lang(), wizard.Goal.String())}
	u.selectNav(navNew)
	u.show(w)
	return w
}

// RunTour shows each tour step in turn, waits settle for it to finish
// drawing, captures the window and passes the image to save. Call it from
// a goroutine other than the UI's.
func (u *UI) RunTour(settle time.Duration, save func(name string, img image.Image) error) error {
	var steps []TourStep
	fyne.DoAndWait(func() { steps = u.Tour() })
	for _, s := range steps {
		fyne.DoAndWait(s.Show)
		time.Sleep(settle)
		var img image.Image
		fyne.DoAndWait(func() { img = u.win.Canvas().Capture() })
		if err := save(s.Name, img); err != nil {
			return fmt.Errorf("tour %s: %w", s.Name, err)
		}
	}
	return nil
}

// dashboardTour returns the tour steps of the dashboards, one per reader.
func (u *UI) dashboardTour() []TourStep {
	var d *dashboardScreen
	pick := func(reader int) func() {
		return func() {
			if d == nil {
				u.openDashboards()
				d, _ = u.cur.(*dashboardScreen)
			}
			if d != nil {
				d.reader.SetSelectedIndex(reader)
			}
		}
	}
	return []TourStep{
		{"10-dashboard-director", pick(readerDirector)},
		{"11-dashboard-department", pick(readerHead)},
		{"12-dashboard-specialist", pick(readerSpecialist)},
	}
}

// tourTab shows tab i of the plan screen on display, if one is.
func (u *UI) tourTab(i int) {
	if p, ok := u.cur.(*planScreen); ok && p.tabs != nil {
		p.tabs.SelectIndex(i)
	}
}
