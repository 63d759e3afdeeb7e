package workspace

import (
	"fmt"
	"path/filepath"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
)

// SheetImportResult counts what ApplySheetImport saved.
type SheetImportResult struct {
	People  int // people created
	Created int // plans created
	Changed int // plans changed
}

// ApplySheetImport saves what the preview of a sheet import creates and
// changes, in one transaction: the new people (with their log entries), the
// new plans (as drafts) and the changed plans, each checked against its
// lifecycle and closed periods like an edit on screen (reason is recorded
// and needed where an edit needs one) and recorded in its history. from is
// the imported file, the entries' source. A preview that changes nothing,
// or has a refused plan, saves nothing and says why.
func (w *Workspace) ApplySheetImport(from, reason string, pv *importmap.Preview) (SheetImportResult, error) {
	var res SheetImportResult
	if err := pv.Check(); err != nil {
		return res, err
	}
	for _, pp := range pv.Plans {
		if pp.Status == importmap.PlanRefused {
			return res, fmt.Errorf("%s: nothing imported: the plan of %s is refused: %s", filepath.Base(from), pp.Person.String(), pp.Refused[0].Text())
		}
	}
	who, at := w.who(reason), w.now()
	if from != "" {
		who.Source = filepath.Base(from)
	}
	look, err := w.loadCloses()
	if err != nil {
		return res, err
	}
	err = w.store.Update(func(tx app.Tx) error {
		res = SheetImportResult{}
		if err := savePeople(tx, who, at, pv.NewPeople, &res); err != nil {
			return err
		}
		return savePlans(tx, who, at, pv.Plans, look, &res)
	})
	if err != nil {
		forget(pv)
		return SheetImportResult{}, err
	}
	return res, nil
}

// savePeople saves the people an import creates, with their log entries.
func savePeople(tx app.Tx, who app.Who, at time.Time, people []*app.Employee, res *SheetImportResult) error {
	for _, e := range people {
		normalizePerson(e)
		if err := e.Validate(); err != nil {
			return fmt.Errorf("person %s: %w", e.Code, err)
		}
		if err := tx.SavePerson(e); err != nil {
			return err
		}
		edits := []app.Edit{{Path: "people[" + e.Code + "]", New: e.Name}}
		if err := tx.AppendLog(who.Entries("", at, edits)); err != nil {
			return err
		}
		res.People++
	}
	return nil
}

// savePlans saves the new and changed plans of an import, each with its history.
func savePlans(tx app.Tx, who app.Who, at time.Time, plans []*importmap.PlanPreview, look closeLookup, res *SheetImportResult) error {
	for _, pp := range plans {
		if pp.Status != importmap.PlanNew && pp.Status != importmap.PlanChanged {
			continue
		}
		p := pp.New
		if pp.Employee != nil && pp.Old == nil {
			p.PersonUID, p.Person.Unit = pp.Employee.UID, pp.Employee.Unit
		}
		if _, err := importPlan(tx, who, at, p, true, look); err != nil {
			return fmt.Errorf("plan %q of %s: %w", p.Name, pp.Person.String(), err)
		}
		if pp.Status == importmap.PlanNew {
			res.Created++
		} else {
			res.Changed++
		}
	}
	return nil
}

// forget clears the uids and ids a failed transaction gave the preview's new people and plans.
func forget(pv *importmap.Preview) {
	for _, e := range pv.NewPeople {
		e.UID = ""
	}
	for _, pp := range pv.Plans {
		if pp.Status == importmap.PlanNew {
			pp.New.ID, pp.New.UID = 0, ""
		}
	}
}

// SheetImportState loads what a sheet import is compared with: the people,
// the units and every plan.
func (w *Workspace) SheetImportState() (importmap.State, error) {
	people, err := w.store.People()
	if err != nil {
		return importmap.State{}, err
	}
	units, err := w.store.Units()
	if err != nil {
		return importmap.State{}, err
	}
	plans, err := w.store.Plans()
	if err != nil {
		return importmap.State{}, err
	}
	return importmap.State{People: people, Units: units, Plans: plans}, nil
}
