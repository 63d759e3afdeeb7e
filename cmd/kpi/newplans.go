package main

import (
	"flag"
	"fmt"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

func init() {
	commands["new-plans"] = command{"new-plans --from PLAN --unit CODE | --people CODE[,CODE…]",
		"copy a plan (goal, cycle, rules, KPIs; no actuals) into a new draft for each person of a unit and the units below it, or each person named, in one transaction", cmdNewPlans}
}

func cmdNewPlans(e *env, fs *flag.FlagSet) error {
	from := fs.String("from", "", "the plan to copy (id or name)")
	unit := fs.String("unit", "", "every employed person of this unit (by code) and the units below it")
	codes := fs.String("people", "", "employee codes, separated by commas")
	if _, err := e.parse(fs, 0, 0); err != nil {
		return err
	}
	if *from == "" || (*unit == "") == (*codes == "") {
		return fmt.Errorf("%w: give --from PLAN and either --unit CODE or --people CODE,…", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	src, err := findPlan(ws.Store(), *from)
	if err != nil {
		return err
	}
	people, err := chosenPeople(ws, *unit, *codes)
	if err != nil {
		return err
	}
	made, skipped, err := ws.PlansFor(src.ID, people)
	for _, s := range skipped {
		fmt.Fprintf(e.errOut, "kpi new-plans: skipped %s: %v\n", clean(s.Name), s.Err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "made %d draft plan(s) from %s%s\n", len(made), clean(src.Name), idRange(made))
	return nil
}

// chosenPeople returns the uids of the people of unit's subtree (employed
// ones) or of the comma-separated employee codes.
func chosenPeople(ws *workspace.Workspace, unit, codes string) ([]app.UID, error) {
	all, err := ws.People()
	if err != nil {
		return nil, err
	}
	var out []app.UID
	if unit != "" {
		u, org, err := unitByCode(ws, unit)
		if err != nil {
			return nil, err
		}
		in := org.Subtree(u)
		for _, p := range all {
			if in[p.Unit] && !p.Archived() {
				out = append(out, p.UID)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("nobody employed in unit %s or below it", unit)
		}
		return out, nil
	}
	byCode := make(map[string]app.UID, len(all))
	for _, p := range all {
		byCode[p.Code] = p.UID
	}
	for _, c := range strings.Split(codes, ",") {
		uid, ok := byCode[strings.TrimSpace(c)]
		if !ok {
			return nil, fmt.Errorf("--people: no person with employee code %q (see kpi people list)", strings.TrimSpace(c))
		}
		out = append(out, uid)
	}
	return out, nil
}
