package workspace

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/template"
	"kpiplanner/app/wizard"
)

// Templates returns the latest version of every position template, sorted
// by name.
func (w *Workspace) Templates() ([]*app.Template, error) {
	all, err := w.store.Templates()
	if err != nil {
		return nil, err
	}
	latest := latestVersions(all)
	out := make([]*app.Template, 0, len(latest))
	for _, t := range latest {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b *app.Template) int {
		return strings.Compare(i18n.Fold(a.Name)+a.Label(), i18n.Fold(b.Name)+b.Label())
	})
	return out, nil
}

// latestVersions returns the highest version of each template, by uid.
func latestVersions(all []*app.Template) map[app.UID]*app.Template {
	m := map[app.UID]*app.Template{}
	for _, t := range all {
		if cur := m[t.UID]; cur == nil || t.Version > cur.Version {
			m[t.UID] = t
		}
	}
	return m
}

// TemplateVersions returns every version of template uid, oldest first, or
// an error wrapping app.ErrNotFound.
func (w *Workspace) TemplateVersions(uid app.UID) ([]*app.Template, error) {
	all, err := w.store.Templates()
	if err != nil {
		return nil, err
	}
	var out []*app.Template
	for _, t := range all {
		if t.UID == uid {
			out = append(out, t)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("template %s: %w", uid, app.ErrNotFound)
	}
	return out, nil
}

// FindTemplate returns the latest version of the template whose uid, uid
// prefix (at least 6 digits) or name (ignoring case and accents) is ref.
func (w *Workspace) FindTemplate(ref string) (*app.Template, error) {
	ts, err := w.Templates()
	if err != nil {
		return nil, err
	}
	var found []*app.Template
	for _, t := range ts {
		if string(t.UID) == ref || len(ref) >= 6 && strings.HasPrefix(string(t.UID), ref) || i18n.Fold(t.Name) == i18n.Fold(ref) {
			found = append(found, t)
		}
	}
	switch len(found) {
	case 0:
		return nil, &app.RuleError{Kind: app.ErrNotFound, Msg: app.M("no template %s", ref)}
	case 1:
		return found[0], nil
	}
	return nil, &app.RuleError{Kind: app.ErrInvalid, Msg: app.M("%d templates are called %s: name one by its uid", len(found), ref)}
}

// SaveTemplate validates t and saves it as its template's next version (a
// new template as version 1), recording who saved it, when and why (note),
// and a line in the workspace log, in one transaction.
func (w *Workspace) SaveTemplate(t *app.Template, note string) error {
	t.NormalizeText()
	if err := t.Validate(); err != nil {
		return err
	}
	who, at := w.who(""), w.now()
	return w.store.Update(func(tx app.Tx) error { return saveTemplate(tx, who, at, t, note) })
}

// saveTemplate writes t as a new version inside tx, with its log line.
func saveTemplate(tx app.Tx, who app.Who, at time.Time, t *app.Template, note string) error {
	old := t.Version
	t.At, t.User, t.Device, t.Note = at.UTC().Truncate(time.Second), who.User, who.Device, strings.TrimSpace(note)
	if err := tx.SaveTemplate(t); err != nil {
		return err
	}
	e := app.Edit{Path: "templates[" + string(t.UID) + "].version", New: fmt.Sprint(t.Version)}
	if old > 0 {
		e.Old = fmt.Sprint(old)
	}
	return tx.AppendLog(who.Entries("", at, []app.Edit{e}))
}

// PreviewAssign works out what assigning t over cycle to the people sel
// chooses does, mode saying what happens to people who already have a plan
// over that cycle. Nothing is written: Assign writes the preview.
func (w *Workspace) PreviewAssign(t *app.Template, sel template.Selection, cycle app.Cycle, mode template.Existing) (*template.Assignment, error) {
	if t.UID == "" || t.Version == 0 {
		return nil, &app.RuleError{Kind: app.ErrInvalid, Msg: app.M("save the template before assigning it")}
	}
	people, err := w.store.People()
	if err != nil {
		return nil, err
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, err
	}
	chosen := sel.Pick(people, app.NewOrg(units))
	if len(chosen) == 0 {
		return nil, &app.RuleError{Kind: app.ErrInvalid, Msg: app.M("no one matches the people chosen")}
	}
	existing, err := w.plansOver(cycle, chosen)
	if err != nil {
		return nil, err
	}
	return template.Plan(t, cycle, wizard.CycleName(cycle), chosen, existing, mode), nil
}

// Assign writes an assignment in one transaction: each new plan with its
// creation in its history, each replaced or extended plan with its changes
// (checked against the lifecycle as an edit on screen). It returns how many
// plans it created and changed.
func (w *Workspace) Assign(a *template.Assignment) (created, changed int, err error) {
	if len(a.New)+len(a.Changed) == 0 {
		return 0, 0, &app.RuleError{Kind: app.ErrInvalid, Msg: app.M("no plan to make: every person chosen was skipped")}
	}
	who, at := w.who(""), w.now()
	label := a.Template.Label()
	look, err := w.loadCloses()
	if err != nil {
		return 0, 0, err
	}
	sortedUIDs(a.New)
	err = w.store.Update(func(tx app.Tx) error {
		for _, p := range a.New {
			if err := tx.SavePlan(p); err != nil {
				return err
			}
			if err := tx.AppendHistory(who.Entries(p.UID, at, []app.Edit{{Path: "plan", New: p.Name}, {Path: "template", New: label}})); err != nil {
				return err
			}
		}
		for _, c := range a.Changed {
			if err := writeChange(tx, who, at, c.Before, c.After, look); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for _, p := range a.New {
			p.ID, p.UID = 0, ""
		}
		return 0, 0, err
	}
	return len(a.New), len(a.Changed), nil
}

// writeChange saves after over before inside tx with its history entries,
// after checking the edits against the lifecycle and closed periods.
func writeChange(tx app.Tx, who app.Who, at time.Time, before, after *app.Plan, look closeLookup) error {
	edits := app.Diff(before, after)
	if len(edits) == 0 {
		return nil
	}
	if err := checkEdits(before, after, edits, who.Reason, look); err != nil {
		return err
	}
	after.Revision = before.Revision + 1
	if err := tx.SavePlan(after); err != nil {
		return err
	}
	return tx.AppendHistory(who.Entries(after.UID, at, edits))
}

// Overrides returns how plan p differs from the template version it holds
// (none for a plan made by hand).
func (w *Workspace) Overrides(p *app.Plan) ([]template.Override, error) {
	if p.TemplateUID == "" {
		return nil, nil
	}
	vs, err := w.TemplateVersions(p.TemplateUID)
	if err != nil {
		return nil, err
	}
	return template.Overrides(p, versionOf(vs, p.TemplateVersion)), nil
}

// versionOf returns version v among vs, or nil.
func versionOf(vs []*app.Template, v int) *app.Template {
	for _, t := range vs {
		if t.Version == v {
			return t
		}
	}
	return nil
}

// ImportTemplates saves templates read from a file in one transaction: a
// template of a uid not stored yet, or one that differs from the stored
// latest version, becomes a new version (noted "imported from FILE"); an
// unchanged one is left. It returns how many versions it saved.
func (w *Workspace) ImportTemplates(ts []*app.Template, from string) (int, error) {
	all, err := w.store.Templates()
	if err != nil {
		return 0, err
	}
	latest := latestVersions(all)
	who, at := w.who(""), w.now()
	var todo []*app.Template
	for _, t := range ts {
		t.NormalizeText()
		if err := t.Validate(); err != nil {
			return 0, err
		}
		if cur := latest[t.UID]; cur != nil && t.UID != "" && len(app.DiffTemplates(cur, t)) == 0 {
			continue
		}
		todo = append(todo, t)
	}
	err = w.store.Update(func(tx app.Tx) error {
		for _, t := range todo {
			if err := saveTemplate(tx, who, at, t, "imported from "+from); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(todo), nil
}

// plansOver returns the first plan over cycle of each of people, by person
// uid. With a PlanWalker store only those plans are kept (copied).
func (w *Workspace) plansOver(cycle app.Cycle, people []*app.Employee) (map[app.UID]*app.Plan, error) {
	want := make(map[app.UID]bool, len(people))
	for _, e := range people {
		want[e.UID] = true
	}
	existing := map[app.UID]*app.Plan{}
	var mu sync.Mutex
	keep := func(p *app.Plan, clone bool) {
		if p.Cycle != cycle || !want[p.PersonUID] {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		if cur := existing[p.PersonUID]; cur == nil || p.ID < cur.ID {
			if clone {
				p = p.Clone()
			}
			existing[p.PersonUID] = p
		}
	}
	if walker, ok := w.store.(PlanWalker); ok {
		err := walker.EachPlanIn(4, func(_ int, p *app.Plan) error { keep(p, true); return nil })
		return existing, err
	}
	plans, err := w.store.Plans()
	for _, p := range plans {
		keep(p, false)
	}
	return existing, err
}

// sortedUIDs gives new plans fresh uids in ascending order, so that the
// store's uid index and history, keyed by uid, take them in key order: a
// bbolt page then grows at its end instead of moving its keys for each
// insert (writing 10 000 plans in one transaction took twice as long).
func sortedUIDs(ps []*app.Plan) {
	uids := make([]app.UID, len(ps))
	for i := range uids {
		uids[i] = app.NewUID()
	}
	slices.Sort(uids)
	for i, p := range ps {
		if p.UID == "" {
			p.UID = uids[i]
		}
	}
}
