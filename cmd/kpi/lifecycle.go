package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/workspace"
)

func init() {
	commands["submit"] = command{"submit PLAN… [--reason TEXT]", "hand plans in for approval (draft to submitted), in one transaction", lifecycle(app.Submit)}
	commands["approve"] = command{"approve PLAN…|--unit CODE [--reason TEXT]",
		"approve submitted plans, or every submitted plan of a unit and the units below it, in one transaction", lifecycle(app.Approve)}
	commands["close"] = command{"close PLAN… [--reason TEXT]", "close approved plans: the result is final", lifecycle(app.Close)}
	commands["reopen"] = command{"reopen PLAN --reason TEXT", "move a plan one step back (closed to approved, approved to submitted, submitted to draft)", cmdReopen}
	commands["period"] = command{"period close MONTH [--unit CODE] | reopen MONTH [--unit CODE] --reason TEXT",
		"close a month (yyyy-mm) for the company or a unit, so its actuals refuse edits, or reopen it with a reason", cmdPeriod}
	commands["set-target"] = command{"set-target PLAN KPI VALUE [--reason TEXT]",
		"change one KPI's target (an approved plan refuses it; after a reopen it needs --reason)", cmdSetTarget}
}

// lifecycle returns the command that applies action a to the plans named.
func lifecycle(a app.Action) func(e *env, fs *flag.FlagSet) error {
	return func(e *env, fs *flag.FlagSet) error {
		reason := fs.String("reason", "", "why, recorded in each plan's history")
		unit := ""
		if a == app.Approve {
			fs.StringVar(&unit, "unit", "", "approve every submitted plan whose person is in this unit (by code) or a unit below it")
		}
		pos, err := e.parse(fs, 0, 1<<20)
		if err != nil {
			return err
		}
		if (unit == "") == (len(pos) == 0) {
			if a == app.Approve {
				return fmt.Errorf("%w: give PLAN… or --unit CODE", errUsage)
			}
			return fmt.Errorf("%w: give one or more plans", errUsage)
		}
		ws, err := e.workspace()
		if err != nil {
			return err
		}
		ids, err := planIDs(ws, pos, unit)
		if err != nil {
			return err
		}
		done, skipped, err := ws.TransitionMany(ids, a, *reason)
		if err != nil {
			return err
		}
		return reportMany(e, a, ids, done, skipped)
	}
}

// planIDs resolves PLAN arguments, or with unit every submitted plan of the unit's subtree.
func planIDs(ws *workspace.Workspace, pos []string, unit string) ([]app.PlanID, error) {
	if unit != "" {
		return unitPlans(ws, unit)
	}
	ids := make([]app.PlanID, 0, len(pos))
	seen := map[app.PlanID]bool{}
	for _, q := range pos {
		p, err := findPlan(ws.Store(), q)
		if err != nil {
			return nil, err
		}
		if !seen[p.ID] {
			seen[p.ID] = true
			ids = append(ids, p.ID)
		}
	}
	return ids, nil
}

// unitPlans returns the submitted plans whose person is in unit's subtree.
func unitPlans(ws *workspace.Workspace, code string) ([]app.PlanID, error) {
	u, _, err := unitByCode(ws, code)
	if err != nil {
		return nil, err
	}
	ids, err := ws.PlansIn(u, app.Submitted)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("no submitted plan of a person in unit %s or below it", code)
	}
	return ids, nil
}

// unitByCode returns the uid of the unit with code and the org tree.
func unitByCode(ws *workspace.Workspace, code string) (app.UID, *app.Org, error) {
	units, err := ws.Units()
	if err != nil {
		return "", nil, err
	}
	org := app.NewOrg(units)
	u := org.ByCode(code)
	if u == nil {
		return "", nil, fmt.Errorf("no unit with code %q (see kpi units list)", code)
	}
	return u.UID, org, nil
}

// reportMany prints what a bulk lifecycle action did; any plan skipped is an error.
func reportMany(e *env, a app.Action, ids, done []app.PlanID, skipped []workspace.Skipped) error {
	w := &termWriter{w: e.out}
	verb := pastTense(a)
	for _, id := range done {
		fmt.Fprintf(w, "%s plan %d\n", verb, id)
	}
	if len(skipped) == 0 {
		return nil
	}
	lines := make([]string, len(skipped))
	for i, s := range skipped {
		lines[i] = fmt.Sprintf("plan %d (%s): %v", s.ID, clean(s.Name), s.Err)
	}
	if len(ids) == 1 {
		return fmt.Errorf("%s", lines[0])
	}
	return fmt.Errorf("%d of %d plan(s) %s; skipped %s", len(done), len(ids), verb, strings.Join(lines, "; "))
}

func pastTense(a app.Action) string {
	switch a {
	case app.Submit:
		return "submitted"
	case app.Approve:
		return "approved"
	case app.Close:
		return "closed"
	}
	return "reopened"
}

func cmdReopen(e *env, fs *flag.FlagSet) error {
	reason := fs.String("reason", "", "why the plan is reopened (required), recorded in its history")
	pos, err := e.parse(fs, 1, 1)
	if err != nil {
		return err
	}
	if strings.TrimSpace(*reason) == "" {
		return fmt.Errorf("%w: reopening needs --reason TEXT", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), pos[0])
	if err != nil {
		return err
	}
	from := p.Status
	p, err = ws.Transition(p.ID, app.Reopen, *reason)
	if err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "reopened plan %d (%s): %s to %s\n", p.ID, clean(p.Name), from, p.Status)
	return nil
}

func cmdPeriod(e *env, fs *flag.FlagSet) error {
	unit := fs.String("unit", "", "the unit (by code) whose month it is, with the units below it; default the whole company")
	reason := fs.String("reason", "", "why the month is reopened (required to reopen)")
	pos, err := e.parse(fs, 2, 2)
	if err != nil {
		return err
	}
	if pos[0] != "close" && pos[0] != "reopen" {
		return fmt.Errorf("%w: want period close MONTH or period reopen MONTH", errUsage)
	}
	if pos[0] == "reopen" && strings.TrimSpace(*reason) == "" {
		return fmt.Errorf("%w: reopening a period needs --reason TEXT", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	var uid app.UID
	where := "the whole company"
	if *unit != "" {
		if uid, _, err = unitByCode(ws, *unit); err != nil {
			return err
		}
		where = "unit " + *unit + " and the units below it"
	}
	if pos[0] == "close" {
		err = ws.ClosePeriod(uid, pos[1])
	} else {
		err = ws.ReopenPeriod(uid, pos[1], *reason)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "%s %s for %s\n", map[string]string{"close": "closed", "reopen": "reopened"}[pos[0]], pos[1], where)
	return nil
}

func cmdSetTarget(e *env, fs *flag.FlagSet) error {
	reason := fs.String("reason", "", "why, recorded in the plan's history (required once the plan has been approved)")
	lang := fs.String("lang", "en", "the language VALUE is written in (vi or en)")
	pos, err := e.parse(fs, 3, 3)
	if err != nil {
		return err
	}
	tr, err := i18n.New(*lang)
	if err != nil {
		return fmt.Errorf("%w: --lang must be vi or en", errUsage)
	}
	v, err := tr.ParseNumber(pos[2])
	if err != nil {
		return fmt.Errorf("%w: VALUE: %v", errUsage, err)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	p, err := findPlan(ws.Store(), pos[0])
	if err != nil {
		return err
	}
	k := p.KPI(pos[1])
	if k == nil {
		return fmt.Errorf("plan %d (%s) has no KPI %q (see kpi show %d)", p.ID, p.Name, pos[1], p.ID)
	}
	old := k.Target
	k.Target = v
	if err := ws.Change(p, *reason); err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "plan %d (%s): target of %s changed from %s to %s\n", p.ID, clean(p.Name), clean(k.ID), strconv.FormatFloat(old, 'f', -1, 64), strconv.FormatFloat(v, 'f', -1, 64))
	return nil
}
