package workspace

import (
	"maps"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

func (w *Workspace) bonusSolve(c app.Cycle, unit app.UID) ([]bonus.Input, bonus.Policy, bonus.Result, error) {
	p, err := w.bonusPolicy(c)
	if err != nil {
		return nil, p, bonus.Result{}, err
	}
	all, err := w.bonusInputs(c, p, "")
	if err != nil {
		return nil, p, bonus.Result{}, err
	}
	res := bonus.Solve(all, p)
	if err := w.frozen(c, &res); err != nil {
		return nil, p, res, err
	}
	if unit == "" {
		return all, p, res, nil
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, p, res, err
	}
	in, _, out, err := scoped(all, res, app.NewOrg(units).Subtree(unit))
	return in, p, out, err
}

// scoped keeps the inputs and rows of the units in scope, and the pools they draw from.
func scoped(all []bonus.Input, res bonus.Result, scope map[app.UID]bool) ([]bonus.Input, bonus.Policy, bonus.Result, error) {
	var in []bonus.Input
	out := bonus.Result{Mode: res.Mode, Step: res.Step, Feasible: true}
	pools := map[app.UID]bool{}
	for i := range res.Rows {
		if scope[res.Rows[i].Unit] {
			in = append(in, all[i])
			out.Rows = append(out.Rows, res.Rows[i])
			out.Total += res.Rows[i].Final
			out.Raw += res.Rows[i].Raw
			pools[res.Rows[i].PoolUnit] = true
		}
	}
	for _, pr := range res.Pools {
		if pools[pr.Unit] {
			out.Pools = append(out.Pools, pr)
			out.Pool += pr.Pool
			out.Feasible = out.Feasible && pr.Feasible
		}
	}
	return in, bonus.Policy{}, out, nil
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
	bs, err := w.bonusStore()
	if err != nil {
		return err
	}
	cals, err := bs.Calibrations(c)
	if err != nil {
		return err
	}
	for _, cal := range cals {
		if cal.Signed() {
			return errSigned(c)
		}
	}
	p, err := w.bonusPolicy(c)
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
			if !sameCycle(before.Cycle, c) {
				continue
			}
			after := before.Clone()
			if sc.Bands != nil {
				after.Rules.Bands = append([]app.Band(nil), sc.Bands...)
			}
			if sc.GroupWeights != nil {
				after.Rules.GroupWeights = maps.Clone(sc.GroupWeights)
			}
			edits := app.Diff(before, after)
			if len(edits) == 0 {
				continue
			}
			if err := checkEdits(before, after, edits, reason, look); err != nil {
				return err
			}
			after.Revision++
			if err := tx.SavePlan(after); err != nil {
				return err
			}
			if err := tx.AppendHistory(who.Entries(after.UID, at, edits)); err != nil {
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
