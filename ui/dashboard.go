package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// dashboardScreen shows charts for a director, a department head or a specialist.
type dashboardScreen struct{ u *UI }

func (d *dashboardScreen) view() fyne.CanvasObject { return widget.NewLabel(d.u.T("Dashboards")) }

func (u *UI) openDashboards() {
	u.selectNav(navDashboards)
	u.show(&dashboardScreen{u: u})
}
