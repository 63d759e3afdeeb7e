package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/planedit"
)

// newCommentButton returns the button that comments the focused cell's actual.
func (g *actualsGrid) newCommentButton() *widget.Button {
	return widget.NewButtonWithIcon(g.s.u.T("Comment…"), theme.MailComposeIcon(), g.onComment)
}

// storedActual returns the actual of KPI id for period as last saved.
func (g *actualsGrid) storedActual(id string, period int) (app.Actual, bool) {
	if k := g.s.snap.KPI(id); k != nil {
		return k.ActualAt(period)
	}
	return app.Actual{}, false
}

// onComment asks for the comment on the focused cell's actual: why a KPI is
// red, which a closed period wants before the plan is submitted or closed.
func (g *actualsGrid) onComment() {
	u := g.s.u
	c := g.focused
	if c == nil {
		u.notify(u.T("Click the cell of the value to comment, then Comment…"))
		return
	}
	a, ok := g.storedActual(c.kpi.ID, c.col)
	if !ok {
		u.notify(u.T("%s has no value for %s yet: enter it, then comment it.", kpiName(u, c.kpi), g.periods[c.col].Label))
		return
	}
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	e.SetText(a.Comment)
	e.SetPlaceHolder(u.T("e.g. the launch slipped to February"))
	items := []*widget.FormItem{widget.NewFormItem(u.T("Comment"), e)}
	title := u.T("Comment on %s, %s", kpiName(u, c.kpi), g.periods[c.col].Label)
	d := dialog.NewForm(title, u.T("Save"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			a.Comment = strings.TrimSpace(e.Text)
			g.s.saveComment(c.kpi.ID, a)
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 260))
	dialogKeys(u.win, d, d.Submit)
	d.Show()
}

// saveComment stores a's comment (its value unchanged).
func (s *planScreen) saveComment(kpiID string, a app.Actual) {
	u := s.u
	s.saveActualWhy(kpiID, planedit.Input{Actual: a}, "", func(_ *app.Plan, err error) {
		switch {
		case err == nil:
			u.notify(u.T("Comment saved"))
			if c := s.grid.focused; c != nil {
				s.grid.showHint(c)
			}
		case errors.Is(err, app.ErrReasonRequired): // asked for by saveActualWhy
		default:
			s.refused(err)
		}
	})
}

// commentHint adds the stored comment of the focused cell to its hint.
func (g *actualsGrid) commentHint(c *cellEntry, hint string) string {
	if a, ok := g.storedActual(c.kpi.ID, c.col); ok && a.Comment != "" {
		return hint + " " + g.s.u.T("Comment: %s", a.Comment)
	}
	return hint
}
