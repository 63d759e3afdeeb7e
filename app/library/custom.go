package library

import (
	"errors"
	"fmt"

	"kpiplanner/app"
)

// ErrBuiltin is returned when asked to delete a built-in entry.
var ErrBuiltin = errors.New("built-in KPIs cannot be deleted, only hidden")

// SaveCustom validates a user's entry and saves it to store as a custom
// entry (adding or replacing it). Its id must not be a built-in's, unless e
// is a hide marker (only the id, Hidden set), which is saved as such.
func SaveCustom(store app.Store, e app.LibraryEntry) error {
	b, err := loadBuiltin()
	if err != nil {
		return err
	}
	e = Normalize(e)
	_, isBuiltin := b.index[e.ID]
	switch {
	case isBuiltin && isMarker(&e):
		e = app.LibraryEntry{ID: e.ID, Hidden: true}
	case isBuiltin:
		return &EntryError{Index: -1, ID: e.ID, Fields: []*app.FieldError{{KPI: e.ID, Field: "id",
			Msg: app.M("%s is the id of a built-in KPI; choose another id", e.ID)}}}
	case isMarker(&e):
		return &EntryError{Index: -1, ID: e.ID, Fields: []*app.FieldError{{KPI: e.ID, Field: "id",
			Msg: app.M("there is no built-in KPI %s to hide", e.ID)}}}
	default:
		e.Custom = true
		if err := Validate(e); err != nil {
			return err
		}
	}
	if err := store.SaveLibraryEntry(e); err != nil {
		return fmt.Errorf("save library entry %s: %w", e.ID, err)
	}
	return nil
}

// userEntry returns the user's stored custom entry with the given id.
func userEntry(store app.Store, id string) (app.LibraryEntry, error) {
	all, err := store.LibraryEntries()
	if err != nil {
		return app.LibraryEntry{}, fmt.Errorf("library entry %s: %w", id, err)
	}
	for _, e := range all {
		if e.ID == id && e.Custom {
			return e, nil
		}
	}
	return app.LibraryEntry{}, fmt.Errorf("library entry %s: %w", id, app.ErrNotFound)
}

// Hide hides an entry from lists: a built-in through a hide marker, a custom
// entry by setting its Hidden flag. It returns app.ErrNotFound for an
// unknown id.
func Hide(store app.Store, id string) error { return setHidden(store, id, true) }

// Unhide shows a hidden entry again; unhiding a visible entry does nothing.
func Unhide(store app.Store, id string) error { return setHidden(store, id, false) }

func setHidden(store app.Store, id string, hidden bool) error {
	b, err := loadBuiltin()
	if err != nil {
		return err
	}
	if _, ok := b.index[id]; ok {
		if hidden {
			return SaveCustom(store, app.LibraryEntry{ID: id, Hidden: true})
		}
		if err := store.DeleteLibraryEntry(id); err != nil && !errors.Is(err, app.ErrNotFound) {
			return fmt.Errorf("unhide library entry %s: %w", id, err)
		}
		return nil
	}
	e, err := userEntry(store, id)
	if err != nil {
		return err
	}
	if e.Hidden == hidden {
		return nil
	}
	e.Hidden = hidden
	if err := store.SaveLibraryEntry(e); err != nil {
		return fmt.Errorf("save library entry %s: %w", id, err)
	}
	return nil
}

// Delete removes a custom entry from store. Built-in entries are refused
// with ErrBuiltin; an unknown id gives app.ErrNotFound.
func Delete(store app.Store, id string) error {
	b, err := loadBuiltin()
	if err != nil {
		return err
	}
	if _, ok := b.index[id]; ok {
		return fmt.Errorf("delete library entry %s: %w", id, ErrBuiltin)
	}
	if err := store.DeleteLibraryEntry(id); err != nil {
		return fmt.Errorf("delete library entry %s: %w", id, err)
	}
	return nil
}
