// Package workspace is what a user does with the plans of one database:
// list, filter and sort them with their scores, open, save, duplicate,
// delete with undo, and record actuals. The GUI calls it; so can tests.
package workspace

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// Workspace performs user actions on a Store. It is safe for use from
// several goroutines; each action is one Store transaction.
type Workspace struct {
	store app.Store
	mu    sync.Mutex
	undo  []undoStep
	// Clock returns today's date, which decides each plan's official window;
	// New sets it to the system clock.
	Clock func() app.Date
	// Now returns the time history entries are stamped with; nil is time.Now.
	Now func() time.Time
	// Source says where changes come from in history: "screen", "cli", …
	Source string
}

// undoStep restores what one action changed.
type undoStep struct {
	what app.Msg    // what is undone, e.g. "Delete plan %s"
	plan *app.Plan  // the plan as it was before the action
	gone app.PlanID // a plan the action created, to remove on undo
}

// maxUndo bounds the undo history.
const maxUndo = 50

// New returns a Workspace over store.
func New(store app.Store) *Workspace {
	return &Workspace{store: store, Clock: func() app.Date { return app.DateOf(time.Now()) }, Source: "screen"}
}

// Today returns the workspace clock's date.
func (w *Workspace) Today() app.Date { return w.Clock() }

// Official scores p over its official window today: the total, rating and
// bonus every screen shows.
func (w *Workspace) Official(p *app.Plan) score.Result { return score.OfficialResult(p, w.Today()) }

// Store returns the workspace's store.
func (w *Workspace) Store() app.Store { return w.store }

// Plan returns one plan, or an error wrapping app.ErrNotFound.
func (w *Workspace) Plan(id app.PlanID) (*app.Plan, error) {
	p, err := w.store.Plan(id)
	if err != nil {
		return nil, fmt.Errorf("open plan %d: %w", id, err)
	}
	if err := w.rollUp(p); err != nil { // cascade: a unit plan's actuals come from its contributors
		return nil, err
	}
	return p, nil
}

// Save is Change without a reason: the edit a screen makes. The previous
// version is kept for undo; a new plan gets its id and uid.
func (w *Workspace) Save(p *app.Plan) error { return w.Change(p, "") }

// SaveDraft stores a draft as it is, without validation and without undo:
// the wizard calls it after every step. Its history records the creation of
// a new plan and then each change.
func (w *Workspace) SaveDraft(p *app.Plan) error {
	before, err := w.stored(p.ID)
	if err != nil {
		return err
	}
	if before != nil && before.Status != app.Draft {
		return w.commit(before, p, "")
	}
	p.NormalizeText()
	edits := []app.Edit{{Path: "plan", New: p.Name}}
	if before != nil {
		edits = app.Diff(before, p)
		p.Revision = before.Revision + 1
	} else {
		p.Revision = 1
	}
	return w.write(p, edits, "")
}

// Duplicate copies plan id (KPIs and rules, without actuals) into a new
// draft plan and returns it.
func (w *Workspace) Duplicate(id app.PlanID, copyName string) (*app.Plan, error) {
	p, err := w.Plan(id)
	if err != nil {
		return nil, err
	}
	c := p.Clone()
	c.ID, c.UID, c.Status, c.Name = 0, "", app.Draft, copyName // a copy is a new plan: new id, new uid
	c.Revision, c.ApprovedOnce = 0, false
	for i := range c.KPIs {
		c.KPIs[i].Actuals = nil
	}
	if err := w.commit(nil, c, ""); err != nil {
		return nil, err
	}
	w.push(undoStep{what: app.M("Duplicate plan %s", p.Name), gone: c.ID})
	return c, nil
}

// Delete removes a plan (a closed one is refused) and records it in the
// workspace log; its history stays. Undo brings it back.
func (w *Workspace) Delete(id app.PlanID) error {
	p, err := w.Plan(id)
	if err != nil {
		return err
	}
	if p.Status == app.Closed {
		return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("plan %s is closed: reopen it before deleting it", p.Name)}
	}
	if err := w.deletePlan(p); err != nil {
		return err
	}
	w.push(undoStep{what: app.M("Delete plan %s", p.Name), plan: p})
	return nil
}

func (w *Workspace) deletePlan(p *app.Plan) error {
	entries := w.who("").Entries(p.UID, w.now(), []app.Edit{{Path: "plan", Old: p.Name}})
	return w.store.Update(func(tx app.Tx) error {
		if err := tx.DeletePlan(p.ID); err != nil {
			return err
		}
		return tx.AppendLog(entries)
	})
}

// SetActual records one KPI's actual for one period and saves the plan with
// its history in one transaction.
func (w *Workspace) SetActual(p *app.Plan, kpiID string, a app.Actual) error {
	return w.SetActualWhy(p, kpiID, a, "")
}

// SetActualWhy is SetActual with a reason, which a reopened period needs.
func (w *Workspace) SetActualWhy(p *app.Plan, kpiID string, a app.Actual, reason string) error {
	return w.changeActual(p, kpiID, a.Period, reason, func(k *app.KPI) { k.SetActual(a) })
}

// ClearActual removes one KPI's actual for one period and saves it.
func (w *Workspace) ClearActual(p *app.Plan, kpiID string, period int) error {
	return w.changeActual(p, kpiID, period, "", func(k *app.KPI) { k.ClearActual(period) })
}

func (w *Workspace) changeActual(p *app.Plan, kpiID string, period int, reason string, edit func(*app.KPI)) error {
	k := p.KPI(kpiID)
	if k == nil {
		return fmt.Errorf("KPI %s: %w", kpiID, app.ErrNotFound)
	}
	if n := p.Cycle.NumPeriods(); period < 0 || period >= n {
		return &app.FieldError{KPI: kpiID, Field: "actuals", Msg: app.M("period %d is outside the plan's cycle (%d periods)", period+1, n)}
	}
	before := p.Clone()
	edit(k)
	if err := w.commit(before, p, reason); err != nil {
		*p = *before
		return err
	}
	w.push(undoStep{what: app.M("Edit actual of %s", k.Name), plan: before})
	return nil
}

func (w *Workspace) push(s undoStep) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.undo = append(w.undo, s)
	if len(w.undo) > maxUndo {
		w.undo = w.undo[len(w.undo)-maxUndo:]
	}
}

// CanUndo reports whether there is an action to undo, and what it is.
func (w *Workspace) CanUndo() (app.Msg, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.undo) == 0 {
		return app.Msg{}, false
	}
	return w.undo[len(w.undo)-1].what, true
}

// Undo reverts the last action and returns what was undone and the id of
// the plan it touched.
func (w *Workspace) Undo() (app.Msg, app.PlanID, error) {
	w.mu.Lock()
	if len(w.undo) == 0 {
		w.mu.Unlock()
		return app.Msg{}, 0, errors.New("nothing to undo")
	}
	s := w.undo[len(w.undo)-1]
	w.undo = w.undo[:len(w.undo)-1]
	w.mu.Unlock()
	if s.gone != 0 {
		if err := w.undoCreate(s.gone); err != nil {
			return s.what, 0, err
		}
		return s.what, s.gone, nil
	}
	if err := w.restore(s.plan); err != nil {
		return s.what, 0, err
	}
	return s.what, s.plan.ID, nil
}

// undoCreate deletes a plan an undone action created, logging it.
func (w *Workspace) undoCreate(id app.PlanID) error {
	p, err := w.store.Plan(id)
	if errors.Is(err, app.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	return w.deletePlan(p)
}

// restore writes back an earlier version of a plan: the undo of an edit or
// a delete, itself recorded in the plan's history with the reason "undo".
func (w *Workspace) restore(old *app.Plan) error {
	cur, err := w.stored(old.ID)
	if err != nil {
		return err
	}
	p := old.Clone()
	edits := app.Diff(cur, p)
	if cur == nil {
		edits = []app.Edit{{Path: "plan", New: p.Name}}
	} else {
		p.Revision, p.ApprovedOnce = cur.Revision+1, cur.ApprovedOnce
		if cur.Status == app.Closed {
			return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("plan %s is closed: reopen it to change it", p.Name)}
		}
	}
	if len(edits) == 0 {
		return nil
	}
	return w.write(p, edits, "undo")
}
