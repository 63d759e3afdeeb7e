package workspace

import (
	"path/filepath"
	"reflect"

	"kpiplanner/app"
	"kpiplanner/app/registry"
)

// ApplyRegistryImport writes what an import preview (registry.Parse) adds
// and updates: its units, parents first, then its people, managers first,
// with their entries in the workspace log, in one transaction. It refuses a
// preview with problems, one that changes nothing, and one made against a
// registry that has changed since (preview again). from is the imported
// file's path, recorded as the entries' source; "" records the workspace's.
func (w *Workspace) ApplyRegistryImport(pv *registry.Preview, from string) error {
	if err := pv.Err(); err != nil {
		return err
	}
	people, err := w.store.People()
	if err != nil {
		return err
	}
	units, err := w.store.Units()
	if err != nil {
		return err
	}
	if base := pv.Base(); !sameRecords(base.People, people) || !sameRecords(base.Units, units) {
		return &app.RuleError{Kind: app.ErrRefused, Msg: app.M("the people or units changed since this import was previewed: preview it again")}
	}
	who, at := w.who(""), w.now()
	if from != "" {
		who.Source = filepath.Base(from)
	}
	us, es := pv.Units(), pv.People()
	return w.store.Update(func(tx app.Tx) error {
		for i := range us {
			if err := tx.SaveUnit(&us[i]); err != nil {
				return err
			}
		}
		for i := range es {
			if err := tx.SavePerson(&es[i]); err != nil {
				return err
			}
		}
		return tx.AppendLog(who.Entries("", at, pv.Edits()))
	})
}

// sameRecords reports whether two record lists hold the same records.
func sameRecords[T any](a, b []T) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}
