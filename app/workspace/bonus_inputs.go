package workspace

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/score"
)

// bonusStore returns the store's bonus records, or an error when it keeps none.
func (w *Workspace) bonusStore() (bonus.Store, error) {
	bs, ok := w.store.(bonus.Store)
	if !ok {
		return nil, fmt.Errorf("bonus: this store keeps no bonus records")
	}
	return bs, nil
}

// bonusTx returns tx's bonus records.
func bonusTx(tx app.Tx) (bonus.Tx, error) {
	bt, ok := tx.(bonus.Tx)
	if !ok {
		return nil, fmt.Errorf("bonus: this store keeps no bonus records")
	}
	return bt, nil
}

// sameCycle reports whether a plan's cycle is c (start and end).
func sameCycle(a, c app.Cycle) bool { return a.Start == c.Start && a.End == c.End }

// eachPlan calls fn for every plan, on several goroutines when the store is
// a PlanWalker (fn gets its part number), with the team component's unit
// totals filled in (teamTotals); fn must not keep p's slices.
func (w *Workspace) eachPlan(fn func(part int, p *app.Plan) error) (int, error) {
	if pw, ok := w.store.(PlanWalker); ok {
		parts := min(runtime.GOMAXPROCS(0), 4)
		teams, err := teamTotals(pw, parts)
		if err != nil {
			return parts, err
		}
		return parts, pw.EachPlanIn(parts, func(part int, p *app.Plan) error {
			p.UnitTotals = teams[p.ID]
			return fn(part, p)
		})
	}
	plans, err := w.store.Plans() // rolled up, with the team component's unit totals
	if err != nil {
		return 1, err
	}
	for _, p := range plans {
		if err := fn(0, p); err != nil {
			return 1, err
		}
	}
	return 1, nil
}

func (w *Workspace) bonusCycles() ([]app.Cycle, error) {
	type count struct {
		c app.Cycle
		n int
	}
	var parts [4]map[string]*count
	for i := range parts {
		parts[i] = map[string]*count{}
	}
	_, err := w.eachPlan(func(part int, p *app.Plan) error {
		k := bonus.Key(p.Cycle)
		if c := parts[part][k]; c != nil {
			c.n++
		} else {
			parts[part][k] = &count{app.Cycle{Start: p.Cycle.Start, End: p.Cycle.End}, 1}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bonus cycles: %w", err)
	}
	all := map[string]*count{}
	for _, m := range parts {
		for k, c := range m {
			if a := all[k]; a != nil {
				a.n += c.n
			} else {
				all[k] = c
			}
		}
	}
	var out []count
	for _, c := range all {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b count) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return cmp.Compare(bonus.Key(b.c), bonus.Key(a.c))
	})
	cycles := make([]app.Cycle, len(out))
	for i, c := range out {
		cycles[i] = c.c
	}
	return cycles, nil
}

// bandsCache shares one copy of each distinct set of bands among the inputs.
type bandsCache map[string][]app.Band

func (bc bandsCache) get(bs []app.Band) []app.Band {
	k := fmt.Sprint(bs)
	if v, ok := bc[k]; ok {
		return v
	}
	v := slices.Clone(bs)
	bc[k] = v
	return v
}

func (w *Workspace) bonusInputs(c app.Cycle, p bonus.Policy, unit app.UID) ([]bonus.Input, error) {
	people, err := w.store.People()
	if err != nil {
		return nil, fmt.Errorf("bonus inputs: %w", err)
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, fmt.Errorf("bonus inputs: %w", err)
	}
	byUID := make(map[app.UID]*app.Employee, len(people))
	for i := range people {
		byUID[people[i].UID] = &people[i]
	}
	org := app.NewOrg(units)
	var scope map[app.UID]bool
	if unit != "" {
		scope = org.Subtree(unit)
	}
	today := w.Today()
	var parts [4][]bonus.Input
	var caches [4]bandsCache
	for i := range caches {
		caches[i] = bandsCache{}
	}
	_, err = w.eachPlan(func(part int, pl *app.Plan) error {
		if !paysBonus(pl, c, scope) {
			return nil
		}
		parts[part] = append(parts[part], inputOf(pl, byUID[pl.PersonUID], score.OfficialResult(pl, today), caches[part]))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("bonus inputs: %w", err)
	}
	in := slices.Concat(parts[:]...)
	placeInPools(in, p, units, org)
	slices.SortStableFunc(in, func(a, b bonus.Input) int { return cmp.Compare(a.Code, b.Code) })
	return w.withOverrides(c, in)
}

// placeInPools gives each input its unit's code and the nearest unit above
// (or at) its unit that has a pool of its own in p.
func placeInPools(in []bonus.Input, p bonus.Policy, units []app.OrgUnit, org *app.Org) {
	pools := map[app.UID]bool{}
	for _, up := range p.Units {
		pools[up.Unit] = true
	}
	unitCodes := make(map[app.UID]string, len(units))
	for _, u := range units {
		unitCodes[u.UID] = u.Code
	}
	for i := range in {
		in[i].UnitCode = unitCodes[in[i].Unit]
		for _, u := range org.Path(in[i].Unit) {
			if pools[u] {
				in[i].PoolUnit = u
				break
			}
		}
	}
}

// inputOf is one plan's person as the solver sees them.
func inputOf(pl *app.Plan, e *app.Employee, r score.Result, bc bandsCache) bonus.Input {
	in := bonus.Input{Plan: pl.UID, Person: pl.PersonUID, Name: pl.Person.Name, Code: pl.Person.Code, Unit: pl.Person.Unit,
		Base: pl.Person.BaseBonus, Score: r.Official, HasScore: r.HasTotal, Bands: bc.get(pl.Rules.Bands)}
	if e != nil {
		in.Manager, in.Joined, in.Left, in.Base = e.Manager, e.Joined, e.Left, e.BaseBonus
	}
	if in.Code == "" {
		in.Code = fmt.Sprintf("plan-%d", pl.ID)
	}
	if in.Person == "" {
		in.Person = pl.UID
	}
	for i, g := range r.Groups {
		if i < 3 {
			in.Groups[i] = bonus.GroupScore{Score: g.Score, Scored: g.Scored}
			in.Weights[i] = g.Weight
		}
	}
	if r.HasTotal {
		in.Band, in.Computed = r.Rating.Name, r.Rating.Name
		in.Multiplier = r.Rating.Multiplier
		if pl.Rules.BonusMode == app.BonusLinear && in.Base > 0 {
			in.Multiplier = r.BonusRaw / in.Base
		}
	}
	return in
}

// withOverrides applies the cycle's calibrations (company-wide first, then per unit) to in.
func (w *Workspace) withOverrides(c app.Cycle, in []bonus.Input) ([]bonus.Input, error) {
	bs, err := w.bonusStore()
	if err != nil {
		return in, nil // a store without bonus records has no overrides
	}
	cals, err := bs.Calibrations(c)
	if err != nil {
		return nil, err
	}
	for i := range cals {
		in = cals[i].Apply(in)
	}
	return in, nil
}

// paysBonus reports whether plan pl takes part in the bonus of cycle c in
// scope (nil: every unit): a person's plan whose targets were approved
// (approved or closed). Drafts and plans still waiting for approval are
// left out, and so are unit plans (a department's own KPIs), which pay nobody.
func paysBonus(pl *app.Plan, c app.Cycle, scope map[app.UID]bool) bool {
	return sameCycle(pl.Cycle, c) && (scope == nil || scope[pl.Person.Unit]) && !pl.IsUnitPlan() &&
		(pl.Status == app.Approved || pl.Status == app.Closed)
}
