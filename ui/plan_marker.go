package ui

import (
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// changeMark sits beside a KPI's target that changed after approval: the
// pointer over it shows the change in the status line, a tap shows it in full.
type changeMark struct {
	widget.Button
	u    *UI
	text string
}

func newChangeMark(u *UI) *changeMark {
	m := &changeMark{u: u}
	m.Icon = theme.HistoryIcon()
	m.Importance = widget.WarningImportance
	m.OnTapped = func() { showMessage(u.win, u.T("Changed after approval"), m.text) }
	m.ExtendBaseWidget(m)
	m.Hide()
	return m
}

// MouseIn shows the change in the status line, as a tooltip would.
func (m *changeMark) MouseIn(e *desktop.MouseEvent) {
	m.Button.MouseIn(e)
	m.u.notify(m.text)
}

// set shows text, or hides the mark when text is "".
func (m *changeMark) set(text string) {
	m.text = text
	if text == "" {
		m.Hide()
	} else {
		m.Show()
	}
}

// setMarkers marks the targets that changed after approval, by KPI id.
func (t *kpiTable) setMarkers(markers map[string]string) {
	t.markers = markers
	for _, r := range t.rows {
		r.mark.set(markers[r.id])
	}
}
