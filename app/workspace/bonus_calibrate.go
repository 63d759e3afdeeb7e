package workspace

import (
	"fmt"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

func (w *Workspace) bonusPolicy(c app.Cycle) (bonus.Policy, error) {
	bs, err := w.bonusStore()
	if err != nil {
		return bonus.DefaultPolicy(c), nil
	}
	p, ok, err := bs.BonusPolicy(c)
	if err != nil {
		return p, err
	}
	if !ok {
		return bonus.DefaultPolicy(c), nil
	}
	return p, nil
}

func (w *Workspace) saveBonusPolicy(p bonus.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	before, err := w.bonusPolicy(p.Cycle)
	if err != nil {
		return err
	}
	who, at := w.who(""), w.now()
	p.User, p.Updated = who.User, at.UTC().Format("2006-01-02T15:04:05Z")
	before.User, before.Updated = p.User, p.Updated
	edits := app.DiffRecord("bonus_policy["+bonus.Key(p.Cycle)+"]", &before, &p)
	return w.store.Update(func(tx app.Tx) error {
		bt, err := bonusTx(tx)
		if err != nil {
			return err
		}
		if err := bt.SaveBonusPolicy(p); err != nil {
			return err
		}
		return tx.AppendLog(who.Entries("", at, edits))
	})
}

func (w *Workspace) calibration(c app.Cycle, unit app.UID) (bonus.Calibration, error) {
	bs, err := w.bonusStore()
	if err != nil {
		return bonus.Calibration{Cycle: c, Unit: unit}, nil
	}
	cals, err := bs.Calibrations(c)
	if err != nil {
		return bonus.Calibration{}, err
	}
	for _, cal := range cals {
		if cal.Unit == unit {
			return cal, nil
		}
	}
	return bonus.Calibration{Cycle: c, Unit: unit}, nil
}

// calPath is the history path of a person's calibrated band in cycle c.
func calPath(c app.Cycle) string { return "calibration[" + bonus.Key(c) + "].band" }

// errSigned refuses a change to a signed-off calibration.
func errSigned(c app.Cycle) error {
	return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("the calibration of %s is signed off: reopen it with a reason first", bonus.Key(c))}
}

func (w *Workspace) override(c app.Cycle, unit, person app.UID, band, reason string) (bonus.Override, error) {
	p, err := w.bonusPolicy(c)
	if err != nil {
		return bonus.Override{}, err
	}
	in, err := w.bonusInputs(c, p, unit)
	if err != nil {
		return bonus.Override{}, err
	}
	i := slices.IndexFunc(in, func(x bonus.Input) bool { return x.Person == person })
	if i < 0 {
		return bonus.Override{}, fmt.Errorf("override: %w: nobody with uid %s has a plan in the cycle %s", app.ErrNotFound, person, bonus.Key(c))
	}
	return w.overrideInput(c, unit, in[i], band, reason)
}

func (w *Workspace) overrideInput(c app.Cycle, unit app.UID, in bonus.Input, band, reason string) (bonus.Override, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return bonus.Override{}, &app.RuleError{Kind: app.ErrReasonRequired, Msg: app.M("moving %s to %s needs a reason", in.Name, band)}
	}
	if _, ok := bonus.BandMultiplier(in.Bands, band); !ok {
		return bonus.Override{}, &app.FieldError{Field: "band", Msg: app.M("%s is not a rating band of %s's plan", band, in.Name)}
	}
	who, at := w.who(reason), w.now()
	ov := bonus.Override{Person: in.Person, Code: in.Code, From: in.Band, To: band, Computed: in.Computed,
		Reason: reason, User: who.User, At: at.UTC().Truncate(1e9)}
	err := w.editCalibration(c, unit, func(tx app.Tx, cal *bonus.Calibration) error {
		if cal.Signed() {
			return errSigned(c)
		}
		if old := cal.OverrideOf(in.Person); old != nil {
			ov.Computed = old.Computed
			*old = ov
		} else {
			cal.Overrides = append(cal.Overrides, ov)
		}
		return appendPlanOrLog(tx, who.Entries(in.Plan, at, []app.Edit{{Path: calPath(c), Old: ov.From, New: band}}))
	})
	return ov, err
}

// appendPlanOrLog writes entries to their plan's history, or to the log when they name no plan.
func appendPlanOrLog(tx app.Tx, entries []app.HistoryEntry) error {
	if len(entries) > 0 && entries[0].Plan == "" {
		return tx.AppendLog(entries)
	}
	return tx.AppendHistory(entries)
}

// editCalibration runs edit on the stored calibration of (c, unit) and saves it, in one transaction.
func (w *Workspace) editCalibration(c app.Cycle, unit app.UID, edit func(tx app.Tx, cal *bonus.Calibration) error) error {
	return w.store.Update(func(tx app.Tx) error {
		bt, err := bonusTx(tx)
		if err != nil {
			return err
		}
		cal, err := bt.Calibration(c, unit)
		if err != nil {
			return err
		}
		cal.Cycle, cal.Unit = app.Cycle{Start: c.Start, End: c.End}, unit
		if err := edit(tx, &cal); err != nil {
			return err
		}
		return bt.SaveCalibration(cal)
	})
}

func (w *Workspace) undoOverride(c app.Cycle, unit, person app.UID) error {
	plan, err := w.planOf(c, person)
	if err != nil {
		return err
	}
	who, at := w.who("undo of a calibration override"), w.now()
	return w.editCalibration(c, unit, func(tx app.Tx, cal *bonus.Calibration) error {
		if cal.Signed() {
			return errSigned(c)
		}
		i := slices.IndexFunc(cal.Overrides, func(o bonus.Override) bool { return o.Person == person })
		if i < 0 {
			return fmt.Errorf("undo override: %w: no override of %s in this calibration", app.ErrNotFound, person)
		}
		o := cal.Overrides[i]
		cal.Overrides = slices.Delete(cal.Overrides, i, i+1)
		return appendPlanOrLog(tx, who.Entries(plan, at, []app.Edit{{Path: calPath(c), Old: o.To, New: o.Computed}}))
	})
}

// planOf returns the uid of person's plan in cycle c ("" when none).
func (w *Workspace) planOf(c app.Cycle, person app.UID) (app.UID, error) {
	var parts [4]app.UID
	_, err := w.eachPlan(func(part int, p *app.Plan) error {
		if sameCycle(p.Cycle, c) && (p.PersonUID == person || p.UID == person) {
			parts[part] = p.UID
		}
		return nil
	})
	for _, u := range parts {
		if u != "" {
			return u, err
		}
	}
	return "", err
}

func (w *Workspace) saveTarget(c app.Cycle, unit app.UID, t bonus.Target) error {
	for b, pct := range t.Percents {
		if pct < 0 || pct > 100 {
			return &app.FieldError{Field: "target", Msg: app.M("%s: %g%% is not a percent between 0 and 100", b, pct)}
		}
	}
	return w.editCalibration(c, unit, func(tx app.Tx, cal *bonus.Calibration) error {
		if cal.Signed() {
			return errSigned(c)
		}
		cal.Target = t
		return nil
	})
}

func (w *Workspace) signOff(c app.Cycle, unit app.UID) (bonus.SignOff, error) {
	_, p, res, err := w.bonusSolve(c, unit)
	if err != nil {
		return bonus.SignOff{}, err
	}
	who, at := w.who(""), w.now()
	so := bonus.SignOff{At: at.UTC().Truncate(1e9), User: who.User, Rows: res.Rows, Total: res.Total, Pool: res.Pool, Policy: p}
	err = w.editCalibration(c, unit, func(tx app.Tx, cal *bonus.Calibration) error {
		if cal.Signed() {
			return errSigned(c)
		}
		cal.SignedOff = &so
		return tx.AppendLog(who.Entries("", at, []app.Edit{{Path: "calibration[" + bonus.Key(c) + "|" + string(unit) + "].sign_off", Old: "open", New: "signed off"}}))
	})
	return so, err
}

func (w *Workspace) reopenCalibration(c app.Cycle, unit app.UID, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return &app.RuleError{Kind: app.ErrReasonRequired, Msg: app.M("reopening a signed-off calibration needs a reason")}
	}
	who, at := w.who(reason), w.now()
	return w.editCalibration(c, unit, func(tx app.Tx, cal *bonus.Calibration) error {
		if !cal.Signed() {
			return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("the calibration of %s is not signed off", bonus.Key(c))}
		}
		cal.SignedOff = nil
		cal.Reopened = append(cal.Reopened, bonus.Reopening{At: at.UTC().Truncate(1e9), User: who.User, Reason: reason})
		return tx.AppendLog(who.Entries("", at, []app.Edit{{Path: "calibration[" + bonus.Key(c) + "|" + string(unit) + "].sign_off", Old: "signed off", New: "open"}}))
	})
}
