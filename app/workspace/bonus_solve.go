package workspace

import (
	"maps"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

func (w *Workspace) bonusSolve(c app.Cycle, unit app.UID) ([]bonus.Input, bonus.Policy, bonus.Result, error) {
	p, err := w.bonusPolicy(c)
	if err != nil {
		return nil, p, bonus.Result{}, err
	}
	in, res, err := w.bonusWith(c, p, unit)
	return in, p, res, err
}

func (w *Workspace) bonusWith(c app.Cycle, p bonus.Policy, unit app.UID) ([]bonus.Input, bonus.Result, error) {
	all, err := w.bonusInputs(c, p, "")
	if err != nil {
		return nil, bonus.Result{}, err
	}
	res := bonus.Solve(all, p)
	if err := w.frozen(c, &res); err != nil {
		return nil, res, err
	}
	if unit == "" {
		return all, res, nil
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, res, err
	}
	in, _, out, err := scoped(all, res, app.NewOrg(units).Subtree(unit))
	return in, out, err
}

// scoped keeps the inputs and rows of the units in scope, and the pools they draw from.
func scoped(all []bonus.Input, res bonus.Result, scope map[app.UID]bool) ([]bonus.Input, bonus.Policy, bonus.Result, error) {
	var in []bonus.Input
	for i := range all {
		if scope[all[i].Unit] {
			in = append(in, all[i])
		}
	}
	return in, bonus.Policy{}, res.Scope(scope), nil
}

// frozen replaces the rows of every signed-off calibration's scope with its snapshot.
func (w *Workspace) frozen(c app.Cycle, res *bonus.Result) error {
	bs, err := w.bonusStore()
	if err != nil {
		return nil
	}
	cals, err := bs.Calibrations(c)
	if err != nil {
		return err
	}
	snap := map[app.UID]bonus.Row{}
	for _, cal := range cals {
		if cal.SignedOff == nil {
			continue
		}
		for _, r := range cal.SignedOff.Rows {
			snap[r.Person] = r
		}
	}
	if len(snap) == 0 {
		return nil
	}
	res.Total = 0
	for i := range res.Rows {
		if r, ok := snap[res.Rows[i].Person]; ok {
			res.Rows[i] = r
		}
		res.Total += res.Rows[i].Final
	}
	return nil
}

func (w *Workspace) applyScenario(c app.Cycle, sc bonus.Scenario, reason string) error {
	p, err := w.openPolicy(c)
	if err != nil {
		return err
	}
	if sc.Pool != nil {
		p.Pool = *sc.Pool
	}
	if sc.Mode != "" {
		p.Mode = sc.Mode
	}
	plans, err := w.store.Plans()
	if err != nil {
		return err
	}
	look, err := w.loadCloses()
	if err != nil {
		return err
	}
	who, at := w.who(reason), w.now()
	return w.store.Update(func(tx app.Tx) error {
		for _, before := range plans {
			if !sameCycle(before.Cycle, c) || before.IsUnitPlan() { // a unit's own plan pays no bonus
				continue
			}
			if err := applyRules(tx, before, sc, reason, look, who, at); err != nil {
				return err
			}
		}
		bt, err := bonusTx(tx)
		if err != nil {
			return err
		}
		return bt.SaveBonusPolicy(p)
	})
}

// openPolicy returns the cycle's policy, refusing when a calibration of the cycle is signed off.
func (w *Workspace) openPolicy(c app.Cycle) (bonus.Policy, error) {
	bs, err := w.bonusStore()
	if err != nil {
		return bonus.Policy{}, err
	}
	cals, err := bs.Calibrations(c)
	if err != nil {
		return bonus.Policy{}, err
	}
	for _, cal := range cals {
		if cal.Signed() {
			return bonus.Policy{}, errSigned(c)
		}
	}
	return w.bonusPolicy(c)
}

// applyRules writes sc's bands and group weights into one plan, checked by
// the lifecycle and recorded in its history.
func applyRules(tx app.Tx, before *app.Plan, sc bonus.Scenario, reason string, look closeLookup, who app.Who, at time.Time) error {
	after := before.Clone()
	if sc.Bands != nil {
		after.Rules.Bands = append([]app.Band(nil), sc.Bands...)
	}
	if sc.GroupWeights != nil {
		after.Rules.GroupWeights = maps.Clone(sc.GroupWeights)
	}
	edits := app.Diff(before, after)
	if len(edits) == 0 {
		return nil
	}
	if err := checkEdits(before, after, edits, reason, look); err != nil {
		return err
	}
	after.Revision++
	if err := tx.SavePlan(after); err != nil {
		return err
	}
	return tx.AppendHistory(who.Entries(after.UID, at, edits))
}
