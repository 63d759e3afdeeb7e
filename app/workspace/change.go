package workspace

import (
	"errors"
	"fmt"
	"strings"

	"kpiplanner/app"
)

// Change validates p (unless it is a draft), checks what changed since the
// stored version against the review lifecycle and closed periods, and stores
// p with its history entries in one transaction, recording the previous
// version for undo. reason is required for changes to an approved-once plan's
// terms and for actuals of reopened periods.
func (w *Workspace) Change(p *app.Plan, reason string) error {
	before, err := w.stored(p.ID)
	if err != nil {
		return err
	}
	if err := w.commit(before, p, reason); err != nil {
		return err
	}
	if before != nil {
		w.push(undoStep{what: app.M("Edit plan %s", p.Name), plan: before})
	}
	return nil
}

// stored returns the saved version of plan id, nil for a new plan (id 0).
func (w *Workspace) stored(id app.PlanID) (*app.Plan, error) {
	if id == 0 {
		return nil, nil
	}
	old, err := w.store.Plan(id)
	if errors.Is(err, app.ErrNotFound) {
		return nil, nil
	}
	return old, err
}

// commit checks and writes the change from before (nil: a new plan) to
// after, with its history, in one transaction. On failure after is as it was.
func (w *Workspace) commit(before, after *app.Plan, reason string) error {
	after.NormalizeText()
	if after.Status != app.Draft {
		if err := after.Validate(); err != nil {
			return err
		}
	}
	before, err := w.cascadeCheck(before, after) // cascade: loops, links, rolled-up actuals
	if err != nil {
		return err
	}
	edits := app.Diff(before, after)
	if before != nil {
		if len(edits) == 0 {
			return nil
		}
		if err := w.check(before, after, edits, reason); err != nil {
			return err
		}
		after.ApprovedOnce = before.ApprovedOnce || after.Status == app.Approved
		after.Revision = before.Revision + 1
	} else {
		edits = []app.Edit{{Path: "plan", New: after.Name}}
		after.Revision = 1
	}
	return w.write(after, edits, reason)
}

// write saves p and its history entries for edits in one transaction; a
// plan that is no longer a draft and has no registry person gets one first.
func (w *Workspace) write(p *app.Plan, edits []app.Edit, reason string) error {
	who, at := w.who(reason), w.now()
	person := p.PersonUID
	reg, err := w.loadRegistry(p)
	if err != nil {
		return err
	}
	err = w.store.Update(func(tx app.Tx) error {
		made, err := linkPerson(tx, reg, p)
		if err != nil {
			return err
		}
		if len(made) > 0 {
			if err := tx.AppendLog(who.Entries("", at, made)); err != nil {
				return err
			}
		}
		if err := tx.SavePlan(p); err != nil {
			return err
		}
		return tx.AppendHistory(who.Entries(p.UID, at, edits))
	})
	if err != nil {
		p.PersonUID = person
		return err
	}
	w.refreshDerived(p)
	return nil
}

// refreshDerived re-reads what loading fills in (the person's view from the
// registry, the closed periods, the team component's unit totals) into p
// after a save.
func (w *Workspace) refreshDerived(p *app.Plan) {
	if fresh, err := w.store.Plan(p.ID); err == nil {
		p.Person, p.ClosedPeriods = fresh.Person, fresh.ClosedPeriods
		p.UnitTotals = nil
		if p.Rules.TeamWeight > 0 && w.rollUp(fresh) == nil { // cascade: team component
			p.UnitTotals = fresh.UnitTotals
		}
	}
}

// check refuses edits the lifecycle or a closed period does not allow.
func (w *Workspace) check(before, after *app.Plan, edits []app.Edit, reason string) error {
	return checkEdits(before, after, edits, reason, w.closeState)
}

// closeLookup returns the period closes and a plan's unit path up to the root.
type closeLookup func(p *app.Plan) (app.Closes, []app.UID, error)

// checkEdits is check with the period closes read through look.
func checkEdits(before, after *app.Plan, edits []app.Edit, reason string, look closeLookup) error {
	kinds := map[app.Change]bool{}
	for _, e := range edits {
		switch {
		case e.Path == "status":
			if err := transitionTo(before, after, reason); err != nil {
				return err
			}
		case isActual(e.Path) && !isComment(e.Path):
			if err := checkActual(before, e.Path, reason, look); err != nil {
				return err
			}
			kinds[app.ChangeActuals] = true
		default:
			kinds[kindOf(e.Path)] = true
		}
	}
	for _, c := range []app.Change{app.ChangeTerms, app.ChangeText, app.ChangeActuals} {
		if kinds[c] {
			if err := app.CheckChange(before, c, reason); err != nil {
				return err
			}
		}
	}
	return nil
}

// transitionTo checks that moving p to after's status is a lifecycle step
// that after, as it will be saved, may take.
func transitionTo(p, after *app.Plan, reason string) error {
	to := after.Status
	for _, a := range app.ActionsFrom(p.Status) {
		if next, _ := p.Status.Next(a); next == to {
			return stepCheck(after, a, to, reason) // the same checks as the step's own button
		}
	}
	_, err := p.Status.Next(actionTo(to))
	return err
}

func actionTo(s app.Status) app.Action {
	switch s {
	case app.Submitted:
		return app.Submit
	case app.Approved:
		return app.Approve
	case app.Closed:
		return app.Close
	}
	return app.Reopen
}

// textFields are the KPI and plan fields whose edits are wording, not terms.
// An actual's comment is one: a red KPI of a closed period needs it.
var textFields = map[string]bool{"name": true, "description": true, "rationale": true, "note": true,
	"data_source": true, "owner": true, "goal.text": true, "plan": true, "comment": true}

// kindOf says whether the edit at path changes what was approved or only text.
func kindOf(path string) app.Change {
	last := path
	if i := strings.LastIndex(path, "."); i >= 0 && strings.HasPrefix(path, "kpis[") {
		last = path[i+1:]
	}
	if textFields[last] {
		return app.ChangeText
	}
	return app.ChangeTerms
}

func isActual(path string) bool { return strings.Contains(path, "].actuals[") }

// isComment reports whether path is an actual's comment, which closed
// periods accept (it explains a value, it does not change it).
func isComment(path string) bool { return isActual(path) && strings.HasSuffix(path, ".comment") }

// checkActual refuses an actual of a closed period and wants a reason for
// one of a reopened period.
func checkActual(p *app.Plan, path, reason string, look closeLookup) error {
	label := path[strings.Index(path, "].actuals[")+len("].actuals["):]
	label, _, _ = strings.Cut(label, "]")
	i, err := p.Cycle.FindPeriod(label)
	if err != nil {
		return fmt.Errorf("history path %s: %w", path, err)
	}
	closes, units, err := look(p)
	if err != nil {
		return err
	}
	month := p.Cycle.PeriodMonth(i)
	if i < p.ClosedPeriods || closes.MonthClosed(month, units) {
		return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("period %s is closed: HR must reopen it before its actuals change", label)}
	}
	if closes.MonthReopened(month, units) && strings.TrimSpace(reason) == "" {
		return &app.RuleError{Kind: app.ErrReasonRequired, Msg: app.M("period %s was reopened: changing its actuals needs a reason", label)}
	}
	return nil
}

// closeState returns the period closes and p's unit path up to the root.
func (w *Workspace) closeState(p *app.Plan) (app.Closes, []app.UID, error) {
	look, err := w.loadCloses()
	if err != nil {
		return app.Closes{}, nil, err
	}
	return look(p)
}

// loadCloses reads the period closes and the org tree once, for checks made
// inside a write transaction (where the store must not be read again).
func (w *Workspace) loadCloses() (closeLookup, error) {
	records, err := w.store.PeriodCloses()
	if err != nil || len(records) == 0 {
		return func(*app.Plan) (app.Closes, []app.UID, error) { return app.Closes{}, nil, nil }, err
	}
	units, err := w.store.Units()
	if err != nil {
		return nil, err
	}
	closes, org := app.NewCloses(records), app.NewOrg(units)
	return func(p *app.Plan) (app.Closes, []app.UID, error) { return closes, org.Path(p.Person.Unit), nil }, nil
}
