package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
	"kpiplanner/app/workspace"
)

// docImport is what importing a plan document did, or would do.
type docImport struct {
	created []*app.Plan
	updated []planUpdate
}

// planUpdate is an existing plan a document updates.
type planUpdate struct {
	old, new *app.Plan
}

// importDoc imports the plan document at path. Plans are matched by uid,
// never by the document's numeric id (ids are local to a workspace): a plan
// with a new uid, or none, becomes a new plan with a new id; one with a known
// uid updates that plan, which is only done with update (and then listed).
// dryRun lists what would happen and changes nothing. The plans are decoded
// and saved one by one in a single transaction, so a large file never sits in
// memory whole and a bad one saves nothing.
func importDoc(e *env, path string, dryRun, update bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if dryRun {
		return dryRunDoc(e, f, path)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	var res docImport
	var decodeErr error // what is wrong with the file, as opposed to the database
	err = ws.ImportPlans(path, func(put workspace.PutPlan) error {
		var putErr error
		err := plandoc.Stream(f, func(p *app.Plan) error {
			putErr = importOne(put, p, update, &res)
			return putErr
		})
		if err != nil && putErr == nil {
			decodeErr = err
		}
		if err == nil && len(res.updated) > 0 && !update {
			return errUpdates(path, res.updated)
		}
		if err == nil && len(res.created)+len(res.updated) == 0 {
			return fmt.Errorf("%s holds no plans: nothing was imported", path)
		}
		return err
	})
	switch {
	case decodeErr != nil:
		return fmt.Errorf("%s: %w", path, decodeErr)
	case err != nil:
		return err
	}
	for _, u := range res.updated {
		fmt.Fprintf(e.out, "updated %s\n", describeUpdate(u))
	}
	fmt.Fprintf(e.out, "imported %d plan(s): %d created%s, %d updated\n",
		len(res.created)+len(res.updated), len(res.created), idRange(res.created), len(res.updated))
	return nil
}

// importOne puts one plan of a document through the workspace, with its
// history: a new plan unless its uid is known. Without update, a plan with
// a known uid is only recorded, not written.
func importOne(put workspace.PutPlan, p *app.Plan, update bool, res *docImport) error {
	old, err := put(p, update)
	if err != nil {
		return err
	}
	if old == nil {
		res.created = append(res.created, p)
		return nil
	}
	res.updated = append(res.updated, planUpdate{old: old, new: p})
	return nil
}

// errUpdates refuses an import that would update existing plans without --update.
func errUpdates(path string, ups []planUpdate) error {
	lines := make([]string, len(ups))
	for i, u := range ups {
		lines[i] = describeUpdate(u)
	}
	return fmt.Errorf("%s would update %d existing plan(s), so nothing was imported; check with --dry-run, then repeat with --update to apply:\n%s",
		path, len(ups), strings.Join(lines, "\n"))
}

// dryRunDoc lists what importing the document would create and change.
func dryRunDoc(e *env, r io.Reader, path string) error {
	s, err := e.openRead()
	if errors.Is(err, os.ErrNotExist) {
		s, err = nil, nil // no database yet: every plan would be new
	}
	if err != nil {
		return err
	}
	var res docImport
	err = plandoc.Stream(r, func(p *app.Plan) error {
		if s != nil && p.UID != "" {
			old, err := s.PlanByUID(p.UID)
			switch {
			case err == nil:
				res.updated = append(res.updated, planUpdate{old: old, new: p})
				return nil
			case !errors.Is(err, app.ErrNotFound):
				return err
			}
		}
		res.created = append(res.created, p)
		return nil
	})
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, p := range res.created {
		fmt.Fprintf(e.out, "would create %q (%s, %d KPI(s))\n", clean(p.Name), clean(p.Person.Name), len(p.KPIs))
	}
	for _, u := range res.updated {
		fmt.Fprintf(e.out, "would update %s\n", describeUpdate(u))
	}
	fmt.Fprintf(e.out, "dry run: %d plan(s) would be created, %d updated; nothing was changed\n", len(res.created), len(res.updated))
	return nil
}

// describeUpdate says which plan an update changes, and briefly what.
func describeUpdate(u planUpdate) string {
	what := planChanges(u.old, u.new)
	if len(what) == 0 {
		what = []string{"no changes"}
	}
	return fmt.Sprintf("plan %d %q (uid %s): %s", u.old.ID, clean(u.old.Name), u.old.UID, strings.Join(what, "; "))
}

// planChanges lists briefly what differs between an existing plan and its
// new version: plan fields, KPIs added, removed or changed, actuals changed.
func planChanges(old, new *app.Plan) []string {
	var out []string
	var fields []string
	for _, f := range []struct {
		name string
		a, b any
	}{
		{"name", old.Name, new.Name}, {"status", old.Status, new.Status}, {"person", old.Person, new.Person},
		{"cycle", old.Cycle, new.Cycle}, {"goal", old.Goal, new.Goal}, {"rules", old.Rules, new.Rules},
	} {
		if !reflect.DeepEqual(f.a, f.b) {
			fields = append(fields, f.name)
		}
	}
	if len(fields) > 0 {
		out = append(out, "changes "+strings.Join(fields, ", "))
	}
	var added, removed, changed []string
	actuals := 0
	for i := range new.KPIs {
		k := &new.KPIs[i]
		o := old.KPI(k.ID)
		if o == nil {
			added = append(added, k.ID)
			continue
		}
		ko, kn := *o, *k
		ko.Actuals, kn.Actuals = nil, nil
		if !reflect.DeepEqual(ko, kn) {
			changed = append(changed, k.ID)
		}
		actuals += actualsChanged(o.Actuals, k.Actuals)
	}
	for i := range old.KPIs {
		if new.KPI(old.KPIs[i].ID) == nil {
			removed = append(removed, old.KPIs[i].ID)
			actuals += len(old.KPIs[i].Actuals)
		}
	}
	for _, l := range []struct {
		what string
		ids  []string
	}{{"adds KPI", added}, {"removes KPI", removed}, {"changes KPI", changed}} {
		if len(l.ids) > 0 {
			out = append(out, l.what+" "+clean(strings.Join(l.ids, ", ")))
		}
	}
	if actuals > 0 {
		out = append(out, fmt.Sprintf("%d actual(s) added, changed or removed", actuals))
	}
	return out
}

// actualsChanged counts the periods whose actual differs between a and b.
func actualsChanged(a, b []app.Actual) int {
	at := make(map[int]app.Actual, len(a))
	for _, x := range a {
		at[x.Period] = x
	}
	n := 0
	for _, y := range b {
		x, ok := at[y.Period]
		if !ok || x != y {
			n++
		}
		delete(at, y.Period)
	}
	return n + len(at)
}
