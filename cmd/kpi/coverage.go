package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
	"kpiplanner/app/i18n"
	"kpiplanner/app/workspace"
)

func init() {
	commands["coverage"] = command{"coverage [--unit CODE] [--json] | split PLAN KPI --by equal|last-cycle|by-hand [--weights W,W…] [--step N] [--dry-run] | set-unit PLAN CODE|- | link PLAN KPI UNIT-PLAN UNIT-KPI [--share S]|- | team PLAN",
		"department cascade: each unit KPI's target beside Σ of its contributors' targets, with the gap; split a unit target over its contributors; make a plan a unit's plan; link a KPI to a unit KPI; a person's total with the team component (rules.team_weight)", cmdCoverage}
}

// coverageFlags are the flags of `kpi coverage`.
type coverageFlags struct {
	unit, lang, by, weights, reason string
	step, share                     float64
	json, dryRun                    bool
}

func cmdCoverage(e *env, fs *flag.FlagSet) error {
	var f coverageFlags
	fs.StringVar(&f.unit, "unit", "", "only the plans of this unit (by code) and the units below it")
	fs.BoolVar(&f.json, "json", false, "print a JSON array")
	fs.StringVar(&f.lang, "lang", "en", "the language of the text (vi or en)")
	fs.StringVar(&f.by, "by", "", "split: equal, last-cycle (each one's actual of the previous cycle) or by-hand (--weights)")
	fs.StringVar(&f.weights, "weights", "", "split --by by-hand: one weight per contributor, in the order of `kpi coverage`, comma-separated")
	fs.Float64Var(&f.step, "step", 1, "split: every part is a multiple of this step")
	fs.BoolVar(&f.dryRun, "dry-run", false, "split: show the parts and change nothing")
	fs.StringVar(&f.reason, "reason", "", "why, recorded in each plan's history (needed for plans approved once)")
	fs.Float64Var(&f.share, "share", 1, "link: the share (0 to 1) of the KPI that counts toward the unit KPI")
	pos, err := e.parse(fs, 0, 5)
	if err != nil {
		return err
	}
	tr, err := i18n.New(f.lang)
	if err != nil {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	if len(pos) == 0 {
		return listCoverage(e, &f, tr)
	}
	switch {
	case pos[0] == "split" && len(pos) == 3:
		return splitCoverage(e, &f, tr, pos[1], pos[2])
	case pos[0] == "set-unit" && len(pos) == 3:
		return setUnit(e, pos[1], pos[2], f.reason)
	case pos[0] == "link" && (len(pos) == 5 || len(pos) == 4 && pos[3] == "-"):
		return linkKPI(e, &f, pos[1:])
	case pos[0] == "team" && len(pos) == 2:
		return teamTotal(e, pos[1])
	}
	return fmt.Errorf("%w: want no argument, split PLAN KPI, set-unit PLAN CODE, link PLAN KPI UNIT-PLAN UNIT-KPI or team PLAN", errUsage)
}

// unitKeep returns a filter of plans by the unit subtree of code (nil for "").
func unitKeep(s app.Store, code string) (func(*app.Plan) bool, error) {
	if code == "" {
		return nil, nil
	}
	units, err := s.Units()
	if err != nil {
		return nil, err
	}
	org := app.NewOrg(units)
	u := org.ByCode(code)
	if u == nil {
		return nil, fmt.Errorf("no unit with code %q (see kpi units list)", code)
	}
	in := org.Subtree(u.UID)
	return func(p *app.Plan) bool { return in[p.UnitUID] || in[p.Person.Unit] }, nil
}

// coverageRow is one line of `kpi coverage --json`.
type coverageRow struct {
	Plan         app.PlanID `json:"plan"`
	PlanUID      app.UID    `json:"plan_uid"`
	Unit         string     `json:"unit"`
	KPI          string     `json:"kpi"`
	Name         string     `json:"name"`
	Target       float64    `json:"target"`
	Covered      float64    `json:"covered"`
	Gap          float64    `json:"gap"`
	Rate         bool       `json:"rate,omitempty"`
	Contributors int        `json:"contributors"`
	Text         string     `json:"text"`
}

func listCoverage(e *env, f *coverageFlags, tr *i18n.Translator) error {
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	keep, err := unitKeep(ws.Store(), f.unit)
	if err != nil {
		return err
	}
	g, _, err := ws.Cascade()
	if err != nil {
		return err
	}
	names, err := unitNames(ws)
	if err != nil {
		return err
	}
	lines := g.Coverage(keep)
	rows := make([]coverageRow, len(lines))
	for i, l := range lines {
		unit := names(l.Plan)
		rows[i] = coverageRow{Plan: l.Plan.ID, PlanUID: l.Plan.UID, Unit: unit, KPI: l.KPI.ID, Name: l.KPI.Name,
			Target: l.KPI.Target, Covered: l.Covered, Gap: l.Gap, Rate: l.Rate, Contributors: l.Contributors,
			Text: l.Text(tr, unit)}
	}
	if f.json {
		enc := json.NewEncoder(e.out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	if len(rows) == 0 {
		fmt.Fprintln(e.out, "no unit plans (make one with kpi coverage set-unit PLAN CODE)")
		return nil
	}
	for _, r := range rows {
		fmt.Fprintln(e.out, clean(r.Text))
		for _, c := range g.Contributors(g.Plan(r.PlanUID), r.KPI) {
			fmt.Fprintf(e.out, "  %s: %s × %s\n", clean(c.Plan.Name), clean(cascade.AmountAs(tr, c.KPI.Target, r.Target)), plain(c.KPI.Share))
		}
	}
	return nil
}

// unitNames returns the name shown for a unit plan: its unit's name, else the plan's.
func unitNames(ws *workspace.Workspace) (func(*app.Plan) string, error) {
	units, err := ws.Units()
	if err != nil {
		return nil, err
	}
	org := app.NewOrg(units)
	return func(p *app.Plan) string {
		if n := org.Name(p.UnitUID); n != "" {
			return n
		}
		return p.Name
	}, nil
}

func splitCoverage(e *env, f *coverageFlags, tr *i18n.Translator, planArg, kpiID string) error {
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), planArg)
	if err != nil {
		return err
	}
	hand, err := weightList(f.weights)
	if err != nil {
		return err
	}
	parts, err := ws.SplitPlan(p.ID, kpiID, cascade.Method(f.by), hand, f.step)
	if err != nil {
		return err
	}
	k := p.KPI(kpiID)
	for _, part := range parts {
		fmt.Fprintf(e.out, "%s: %s (target %s, share %s)\n", clean(part.Plan.Name), cascade.AmountAs(tr, part.Part, k.Target),
			cascade.AmountAs(tr, part.Target, k.Target), plain(part.KPI.Share))
	}
	if f.dryRun {
		fmt.Fprintln(e.out, "dry run: nothing changed")
		return nil
	}
	if err := ws.ApplySplit(parts, f.reason); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "split %s over %d KPIs\n", plain(k.Target), len(parts))
	return nil
}

// weightList reads --weights: comma-separated numbers.
func weightList(s string) ([]float64, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	var out []float64
	for _, w := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(w), 64)
		if err != nil {
			return nil, fmt.Errorf("%w: --weights: %q is not a number", errUsage, w)
		}
		out = append(out, v)
	}
	return out, nil
}

// setUnit makes plan the own plan of the unit with code ("-" clears it).
func setUnit(e *env, planArg, code, reason string) error {
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), planArg)
	if err != nil {
		return err
	}
	p.UnitUID = ""
	if code != "-" {
		units, err := ws.Units()
		if err != nil {
			return err
		}
		u := app.NewOrg(units).ByCode(code)
		if u == nil {
			return fmt.Errorf("no unit with code %q (see kpi units list)", code)
		}
		p.UnitUID = u.UID
	}
	if err := ws.Change(p, reason); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "plan %d: unit %s\n", p.ID, code)
	return nil
}

// linkKPI links KPI args[1] of plan args[0] to KPI args[3] of unit plan args[2] ("-": unlinks it).
func linkKPI(e *env, f *coverageFlags, args []string) error {
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), args[0])
	if err != nil {
		return err
	}
	k := p.KPI(args[1])
	if k == nil {
		return fmt.Errorf("plan %s has no KPI %s", p.Name, args[1])
	}
	k.UnitPlan, k.UnitKPI, k.Share = "", "", 0
	if args[2] != "-" {
		unit, err := findPlan(ws.Store(), args[2])
		if err != nil {
			return err
		}
		k.UnitPlan, k.UnitKPI, k.Share = unit.UID, args[3], f.share
	}
	if err := ws.Change(p, f.reason); err != nil {
		return err
	}
	fmt.Fprintf(e.out, "plan %d KPI %s: linked to %s\n", p.ID, k.ID, strings.Join(args[2:], " "))
	return nil
}

// teamTotal prints a plan's total with the team component.
func teamTotal(e *env, planArg string) error {
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), planArg)
	if err != nil {
		return err
	}
	g, _, err := ws.Cascade()
	if err != nil {
		return err
	}
	for _, q := range g.Plans() {
		if q.ID == p.ID {
			p = q
		}
	}
	r, ok := g.Team(p, e.today())
	fmt.Fprintf(e.out, "own total: %s\n", two(r.Own.Official))
	if !ok {
		fmt.Fprintf(e.out, "total: %s (no team component: team weight %s, unit plan found: %v)\n", two(r.Total), plain(r.Weight), r.UnitPlan != nil)
		return nil
	}
	fmt.Fprintf(e.out, "unit plan %d %s: %s\nteam weight: %s %%\ntotal: %s\n", r.UnitPlan.ID, clean(r.UnitPlan.Name),
		two(r.Unit.Official), plain(r.Weight), two(r.Total))
	return nil
}
