package workspace

import (
	"errors"
	"path/filepath"
	"time"

	"kpiplanner/app"
)

// PutPlan writes one plan of an import inside ImportPlans' transaction. A
// plan whose uid is empty or unknown is created (its id is given anew: ids
// belong to a workspace) and old is nil. A plan whose uid is known gets
// that plan's id and old is the stored version; it is written only when
// update is true.
type PutPlan func(p *app.Plan, update bool) (old *app.Plan, err error)

// ImportPlans runs produce in one transaction: every plan it puts lands
// with its history (a created plan's entry, an updated plan's changes), or,
// when produce or a write fails, none does. from is the imported file, the
// entries' source. An error produce returns is passed back as it is.
func (w *Workspace) ImportPlans(from string, produce func(put PutPlan) error) error {
	who, at := w.who(""), w.now()
	if from != "" {
		who.Source = filepath.Base(from)
	}
	look, err := w.loadCloses()
	if err != nil {
		return err
	}
	return w.store.Update(func(tx app.Tx) error {
		return produce(func(p *app.Plan, update bool) (*app.Plan, error) {
			return importPlan(tx, who, at, p, update, look)
		})
	})
}

// importPlan writes one imported plan; an update is checked against the
// stored plan's lifecycle and closed periods like an edit on screen.
func importPlan(tx app.Tx, who app.Who, at time.Time, p *app.Plan, update bool, look closeLookup) (*app.Plan, error) {
	var old *app.Plan
	if p.UID != "" {
		o, err := tx.PlanByUID(p.UID)
		switch {
		case err == nil:
			old = o
		case !errors.Is(err, app.ErrNotFound):
			return nil, err
		}
	}
	p.NormalizeText()
	edits := []app.Edit{{Path: "plan", New: p.Name}}
	if old == nil {
		p.ID = 0 // ids belong to a workspace; revision and approved_once travel with the plan
	} else {
		p.ID = old.ID
		if !update {
			return old, nil
		}
		edits = app.Diff(old, p)
		if len(edits) == 0 {
			return old, nil
		}
		if err := checkEdits(old, p, edits, who.Reason, look); err != nil {
			return old, err
		}
		p.Revision = old.Revision + 1
		p.ApprovedOnce = p.ApprovedOnce || old.ApprovedOnce || p.Status == app.Approved || p.Status == app.Closed
	}
	if err := tx.SavePlan(p); err != nil {
		return old, err
	}
	return old, tx.AppendHistory(who.Entries(p.UID, at, edits))
}
