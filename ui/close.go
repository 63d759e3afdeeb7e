package ui

import "kpiplanner/app/wizard"

// closer is a screen with work to keep when the window closes.
type closer interface{ beforeClose() }

// onClose lets the current screen keep its work, then closes the window.
func (u *UI) onClose() {
	if c, ok := u.cur.(closer); ok {
		c.beforeClose()
	}
	u.win.Close()
}

// beforeClose saves the wizard's draft at once (the window is going away,
// so this one save runs on the UI goroutine).
func (w *wizardScreen) beforeClose() {
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
