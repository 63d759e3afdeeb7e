package workspace

import (
	"fmt"
	"strings"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// ApplyTo says which of the plans holding a template an update changes.
type ApplyTo string

// The choices of a template update.
const (
	ApplyAll          ApplyTo = "all"          // every plan (overridden fields still stay unless forced)
	ApplyUnoverridden ApplyTo = "unoverridden" // only plans without any override
	ApplySelected     ApplyTo = "selected"     // only the plans chosen by id
)

// UpdateChoice is what the user chose in an update's preview.
type UpdateChoice struct {
	To    ApplyTo
	Plans []app.PlanID // for ApplySelected
}

// PlanUpdate is what a template update does to one plan holding the template.
type PlanUpdate struct {
	Plan      *app.Plan           // the plan as stored
	Overrides []template.Override // its overrides of the version it holds
	Merge     template.Merge      // the plan as the update would make it
	// Blocked is why the plan is left alone (approved, closed, a reason
	// missing); nil when the update may change it.
	Blocked error
}

// Changes reports whether the update changes the plan.
func (u *PlanUpdate) Changes() bool { return len(u.Merge.Changed) > 0 }

// UpdatePreview is the preview of a template update: the new version's diff
// against the previous one and what it does to each plan holding the
// template.
type UpdatePreview struct {
	Next     *app.Template // the new version (Version 0 until saved)
	Previous *app.Template // the latest stored version
	Diff     []app.Edit    // Previous to Next
	Plans    []PlanUpdate  // the plans holding the template, by id
	Counts   []template.Count
	Force    bool   // overridden fields take the template's value too
	Reason   string // the reason recorded, needed for plans approved before
}

// Blocked returns the plans the update leaves alone.
func (pv *UpdatePreview) Blocked() []PlanUpdate {
	var out []PlanUpdate
	for _, u := range pv.Plans {
		if u.Blocked != nil {
			out = append(out, u)
		}
	}
	return out
}

// Overridden returns how many plans have at least one override.
func (pv *UpdatePreview) Overridden() int {
	n := 0
	for _, u := range pv.Plans {
		if len(u.Overrides) > 0 {
			n++
		}
	}
	return n
}

// PreviewUpdate works out what saving next as a new version of its template
// does to the plans holding the template (any version): for each, the
// merged plan, the overrides kept (unless force), and whether the lifecycle
// leaves it alone. next may be the latest stored version itself, to bring
// plans of older versions up to it. Nothing is written.
func (w *Workspace) PreviewUpdate(next *app.Template, force bool, reason string) (*UpdatePreview, error) {
	vs, err := w.TemplateVersions(next.UID)
	if err != nil {
		return nil, err
	}
	plans, err := w.store.PlansOfTemplate(next.UID)
	if err != nil {
		return nil, err
	}
	prev := vs[len(vs)-1]
	pv := &UpdatePreview{Next: next, Previous: prev, Force: force, Reason: strings.TrimSpace(reason)}
	if next != prev {
		pv.Diff = app.DiffTemplates(prev, next)
	}
	target := next
	if target.Version == 0 {
		c := *next
		c.Version = prev.Version + 1
		target = &c
	}
	var each [][]template.Override
	for _, p := range plans {
		if p.TemplateUID != next.UID {
			continue
		}
		base := versionOf(vs, p.TemplateVersion)
		u := PlanUpdate{Plan: p, Overrides: template.Overrides(p, base), Merge: template.Apply(base, target, p, force)}
		u.Blocked = blocked(p, u.Merge.Changed, pv.Reason)
		each = append(each, u.Overrides)
		pv.Plans = append(pv.Plans, u)
	}
	pv.Counts = template.CountOverrides(prev, each)
	return pv, nil
}

// blocked returns why the lifecycle refuses changing p at paths, or nil.
func blocked(p *app.Plan, paths []string, reason string) error {
	kinds := map[app.Change]bool{}
	for _, path := range paths {
		kinds[kindOf(path)] = true
	}
	if len(paths) > 0 {
		kinds[app.ChangeTerms] = true // the template version a plan holds is one of its terms
	}
	for _, c := range []app.Change{app.ChangeTerms, app.ChangeText} {
		if kinds[c] {
			if err := app.CheckChange(p, c, reason); err != nil {
				return err
			}
		}
	}
	return nil
}

// chosen reports whether the choice includes the plan u.
func (c UpdateChoice) chosen(u *PlanUpdate, ids map[app.PlanID]bool) bool {
	switch c.To {
	case ApplyUnoverridden:
		return len(u.Overrides) == 0
	case ApplySelected:
		return ids[u.Plan.ID]
	}
	return true
}

// UpdateResult says what ApplyUpdate did.
type UpdateResult struct {
	Version int // the template version the plans now hold
	Changed int // plans changed
	Left    int // plans chosen but left alone (blocked)
}

// ApplyUpdate writes an update preview in one transaction: next as the
// template's new version when it is not saved yet (with note), and each
// chosen plan the lifecycle allows, with its history entries (reason: the
// preview's reason, else "template NAME vN"). Plans not chosen, blocked or
// unchanged stay as they are.
func (w *Workspace) ApplyUpdate(pv *UpdatePreview, c UpdateChoice, note string) (UpdateResult, error) {
	ids := map[app.PlanID]bool{}
	for _, id := range c.Plans {
		ids[id] = true
	}
	if c.To != ApplyAll && c.To != ApplyUnoverridden && c.To != ApplySelected {
		return UpdateResult{}, fmt.Errorf("apply to %q: want all, unoverridden or selected", c.To)
	}
	if pv.Next.Version == 0 {
		pv.Next.NormalizeText()
		if err := pv.Next.Validate(); err != nil {
			return UpdateResult{}, err
		}
	}
	who, at := w.who(pv.Reason), w.now()
	look, err := w.loadCloses()
	if err != nil {
		return UpdateResult{}, err
	}
	var res UpdateResult
	err = w.store.Update(func(tx app.Tx) error {
		res = UpdateResult{}
		if pv.Next.Version == 0 {
			if err := saveTemplate(tx, who, at, pv.Next, note); err != nil {
				return err
			}
		}
		res.Version = pv.Next.Version
		if who.Reason == "" {
			who.Reason = "template " + pv.Next.Label()
		}
		res.Changed, res.Left, err = applyPlans(tx, who, at, pv, c, ids, look)
		return err
	})
	return res, err
}

// applyPlans writes the chosen, allowed plan updates of pv inside tx and
// counts the plans changed and those left alone.
func applyPlans(tx app.Tx, who app.Who, at time.Time, pv *UpdatePreview, c UpdateChoice, ids map[app.PlanID]bool, look closeLookup) (changed, left int, err error) {
	for i := range pv.Plans {
		u := &pv.Plans[i]
		if !c.chosen(u, ids) || !u.Changes() {
			continue
		}
		if u.Blocked != nil {
			left++
			continue
		}
		after := u.Merge.Plan
		after.TemplateVersion = pv.Next.Version
		if err := writeChange(tx, who, at, u.Plan, after, look); err != nil {
			return changed, left, fmt.Errorf("plan %s: %w", u.Plan.Name, err)
		}
		changed++
	}
	return changed, left, nil
}
