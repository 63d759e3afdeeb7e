package main

import (
	"fmt"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

func templateUpdate(e *env, f *templateFlags, args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("%w: template update T", errUsage)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	t, err := ws.FindTemplate(args[0])
	if err != nil {
		return err
	}
	next, err := nextVersion(t, f)
	if err != nil {
		return err
	}
	choice, err := applyChoice(ws, f.apply)
	if err != nil {
		return err
	}
	pv, err := ws.PreviewUpdate(next, f.force, f.reason)
	if err != nil {
		return err
	}
	printUpdate(e, pv, choice)
	if f.dryRun {
		fmt.Fprintln(&termWriter{w: e.out}, "nothing written (--dry-run)")
		return nil
	}
	res, err := ws.ApplyUpdate(pv, choice, f.note)
	if err != nil {
		return err
	}
	fmt.Fprintf(&termWriter{w: e.out}, "template %s is at version %d; changed %d plan(s), left %d alone\n", clean(pv.Next.Name), res.Version, res.Changed, res.Left)
	return nil
}

// applyChoice reads --apply: all, unoverridden, or plans by id or name.
func applyChoice(ws *workspace.Workspace, s string) (workspace.UpdateChoice, error) {
	switch s {
	case "all", "":
		return workspace.UpdateChoice{To: workspace.ApplyAll}, nil
	case "unoverridden":
		return workspace.UpdateChoice{To: workspace.ApplyUnoverridden}, nil
	}
	c := workspace.UpdateChoice{To: workspace.ApplySelected}
	for _, q := range strings.Split(s, ",") {
		p, err := findPlan(ws.Store(), strings.TrimSpace(q))
		if err != nil {
			return c, fmt.Errorf("--apply: %w", err)
		}
		c.Plans = append(c.Plans, p.ID)
	}
	return c, nil
}

// printUpdate writes an update's preview: the version diff, the plans
// holding the template, the override counts and what each plan would get.
func printUpdate(e *env, pv *workspace.UpdatePreview, c workspace.UpdateChoice) {
	w := &termWriter{w: e.out}
	if len(pv.Diff) == 0 {
		fmt.Fprintf(w, "%s: no change to the template; bringing plans of older versions up to v%d\n", clean(pv.Previous.Name), pv.Previous.Version)
	} else {
		fmt.Fprintf(w, "%s v%d to v%d:\n", clean(pv.Previous.Name), pv.Previous.Version, pv.Previous.Version+1)
		for _, d := range pv.Diff {
			fmt.Fprintf(w, "  %s: %s to %s\n", d.Path, quoted(d.Old), quoted(d.New))
		}
	}
	fmt.Fprintf(w, "%d plan(s) hold this template; %d have overrides\n", len(pv.Plans), pv.Overridden())
	for _, n := range pv.Counts {
		what := n.Field
		if n.Name != "" {
			what = n.Field + " of " + n.Name
		}
		fmt.Fprintf(w, "  %d have overridden the %s\n", n.Plans, clean(what))
	}
	sel := map[app.PlanID]bool{}
	for _, id := range c.Plans {
		sel[id] = true
	}
	for _, u := range pv.Plans {
		verb := "would change"
		switch {
		case !u.Changes():
			verb = "unchanged"
		case u.Blocked != nil:
			verb = "left alone (" + oneLine(u.Blocked) + ")"
		case c.To == workspace.ApplyUnoverridden && len(u.Overrides) > 0, c.To == workspace.ApplySelected && !sel[u.Plan.ID]:
			verb = "not chosen"
		}
		fmt.Fprintf(w, "  %d  %s: %s %s\n", u.Plan.ID, clean(u.Plan.Name), verb, strings.Join(u.Merge.Changed, ", "))
		for _, o := range u.Merge.Kept {
			fmt.Fprintf(w, "      keeps its %s %s (template %s)\n", o.Path(), quoted(o.Plan), quoted(o.Template))
		}
	}
}
