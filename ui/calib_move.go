package ui

import (
	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// input returns the person's input as the session has them now, or nil.
func (t *calibTab) input(person app.UID) *bonus.Input {
	for i := range t.in {
		if t.in[i].Person == person {
			return &t.in[i]
		}
	}
	return nil
}

// onMove asks why person should go from column from to column to, then moves them.
func (t *calibTab) onMove(key string, from, to int) {
	u := t.s.u
	if t.cal.Signed() {
		showMessage(u.win, u.T("Calibration signed off"), u.T("The calibration is signed off: reopen it with a reason before moving anyone."))
		return
	}
	x := t.input(app.UID(key))
	if x == nil || t.busy || to < 0 || to >= len(t.bands) {
		return
	}
	band := t.bands[to].Name
	u.askReason(u.T("Move to another band"), u.T("Move %s from %s to %s? The score stays %s; the multiplier becomes %s.",
		x.Name, u.T(t.bands[from].Name), u.T(band), u.tr.FormatNumber(x.Score, 2), u.tr.FormatNumber(t.bands[to].Multiplier, -1)),
		func(reason string) { t.move(x.Person, band, reason) })
}

// move saves person's override to band with reason and updates the totals.
func (t *calibTab) move(person app.UID, band, reason string) {
	x := t.input(person)
	if x == nil {
		return
	}
	before := calibUndo{person: person, band: x.Band, overridden: x.Overridden, reason: t.reason[person]}
	in := *x // the card's input: the workspace need not read every plan to find it
	t.run(func() (bonus.Totals, error) {
		if _, err := t.s.u.ws.OverrideInput(t.cycle, t.unit, in, band, reason); err != nil {
			return bonus.Totals{}, err
		}
		return t.sess.Move(person, band, reason)
	}, func() {
		t.undos = append(t.undos, before)
		t.reason[person] = reason
		t.s.u.notify(t.s.u.T("%s moved to %s", x.Name, t.s.u.T(band)))
	})
}

// onUndo takes back the last move (the button and Ctrl+Z), reporting whether there was one.
func (t *calibTab) onUndo() bool {
	u := t.s.u
	if len(t.undos) == 0 || t.busy {
		return false
	}
	if t.cal.Signed() {
		showMessage(u.win, u.T("Calibration signed off"), u.T("The calibration is signed off: reopen it with a reason before moving anyone."))
		return true
	}
	last := t.undos[len(t.undos)-1]
	x := t.input(last.person)
	if x == nil {
		return false
	}
	in := *x
	t.run(func() (bonus.Totals, error) {
		ws := u.ws
		var err error
		if last.overridden {
			_, err = ws.OverrideInput(t.cycle, t.unit, in, last.band, last.reason)
		} else {
			err = ws.UndoOverride(t.cycle, t.unit, last.person)
		}
		if err != nil {
			return bonus.Totals{}, err
		}
		tot, _ := t.sess.Undo()
		return tot, nil
	}, func() {
		t.undos = t.undos[:len(t.undos)-1]
		t.reason[last.person] = last.reason
		u.notify(u.T("Move undone"))
	})
	return true
}

// run does a saving step off the UI goroutine, one at a time, then shows
// the new totals and calls done; an error is shown and changes nothing.
func (t *calibTab) run(work func() (bonus.Totals, error), done func()) {
	u := t.s.u
	t.busy = true
	t.updateActions()
	var tot bonus.Totals
	var final map[app.UID]float64
	var in []bonus.Input
	u.async(func() (err error) {
		if tot, err = work(); err != nil {
			return err
		}
		in, final = t.sess.Inputs(), finals(t.sess.Result())
		return nil
	}, func(err error) {
		t.busy = false
		if err != nil {
			t.updateActions()
			u.showError(err)
			return
		}
		t.in = in
		done()
		t.s.pool.stale, t.s.sim.stale = true, true
		t.refresh(tot, final)
	})
}

// onSignOff freezes the calibration after a confirmation.
func (t *calibTab) onSignOff() {
	u := t.s.u
	u.confirm(u.T("Sign off"), u.T("Sign off the calibration of %s? Its bonuses are frozen until it is reopened with a reason.", t.s.unitName(t.unit)), func() {
		var so bonus.SignOff
		u.async(func() (err error) {
			so, err = u.ws.SignOff(t.cycle, t.unit)
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			t.cal.SignedOff = &so
			t.undos = nil
			t.s.pool.stale = true
			t.updateActions()
			u.notify(u.T("Calibration signed off"))
		})
	})
}

// onReopen unfreezes a signed-off calibration with a reason.
func (t *calibTab) onReopen() {
	u := t.s.u
	u.askReason(u.T("Reopen the calibration"), u.T("Why reopen the signed-off calibration of %s?", t.s.unitName(t.unit)), func(reason string) {
		u.async(func() error { return u.ws.ReopenCalibration(t.cycle, t.unit, reason) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(u.T("Calibration reopened"))
			t.s.pool.stale = true
			t.load()
		})
	})
}
