package ui

import (
	"strings"

	"kpiplanner/app/wizard"
)

// closer is a screen with work to keep when the window closes: it keeps
// what it can and calls close, or asks first.
type closer interface{ beforeClose(close func()) }

// onClose lets the current screen keep its work, then closes the window.
func (u *UI) onClose() {
	if c, ok := u.cur.(closer); ok {
		c.beforeClose(u.win.Close)
		return
	}
	u.win.Close()
}

// beforeClose saves the wizard's draft at once (the window is going away,
// so this one save runs on the UI goroutine).
func (w *wizardScreen) beforeClose(close func()) {
	defer close()
	if w.d == nil || w.saving {
		return
	}
	w.d.PrepareSave()
	c := w.d.Plan.Clone()
	if err := w.u.ws.SaveDraft(c); err != nil {
		w.u.showError(err)
		return
	}
	if err := w.u.ws.Store().SetSetting(wizard.StepSetting(c.ID), w.d.Step().String()); err != nil {
		w.u.showError(err)
	}
}

// beforeClose stores the value typed in the focused cell (at once: the
// window is going away) and asks before losing what cannot be stored: a cell
// whose text is not a valid actual, or unsaved KPI changes.
func (s *planScreen) beforeClose(close func()) {
	u := s.u
	sync := u.opts.Sync
	u.opts.Sync = true
	s.commitTyping()
	u.opts.Sync = sync
	var lost []string
	if c := s.grid.pending(); c != nil {
		lost = append(lost, u.T("The value “%s” typed for %s, %s is not saved: %s",
			c.Text, kpiName(u, c.kpi), s.grid.periods[c.col].Label, c.problem))
	}
	if s.dirty {
		lost = append(lost, u.T("The changes to the KPIs are not saved."))
	}
	if len(lost) == 0 {
		close()
		return
	}
	lost = append(lost, u.T("Close anyway and lose them?"))
	u.confirm(u.T("Close without saving?"), strings.Join(lost, "\n"), close)
}

// pending is a cell holding text that is not stored (typed and not yet
// confirmed, or not a valid actual), nil when there is none.
func (g *actualsGrid) pending() *cellEntry {
	for _, row := range g.cells {
		for _, c := range row {
			if c != nil && c.Text != c.saved {
				return c
			}
		}
	}
	return nil
}

// updateSave enables Save while the KPI table has changes or a cell holds
// typing not yet stored (Save then stores it).
func (s *planScreen) updateSave() {
	if s.saveBtn == nil || s.unsaved == nil {
		return
	}
	if s.dirty || s.grid.pending() != nil {
		s.unsaved.Show()
		s.saveBtn.Enable()
	} else {
		s.unsaved.Hide()
		s.saveBtn.Disable()
	}
}
