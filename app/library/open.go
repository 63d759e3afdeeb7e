package library

import (
	"fmt"

	"kpiplanner/app"
)

// Open returns the built-in library merged with the user's own entries and
// hidden markers from store. Entries of the user's that cannot be merged are
// reported in the error, which is a warning: the library is still usable.
func Open(store app.Store) (*Library, error) {
	l, err := Load()
	if err != nil {
		return nil, err
	}
	user, err := store.LibraryEntries()
	if err != nil {
		return nil, fmt.Errorf("library: read the user's entries: %w", err)
	}
	if err := l.Merge(user); err != nil {
		return l, fmt.Errorf("library: %w", err)
	}
	return l, nil
}

// InGoalSet reports whether entry id is in the goal type's curated set.
func (l *Library) InGoalSet(goalType, id string) bool {
	g, ok := l.base.goal(goalType)
	if !ok {
		return false
	}
	for _, k := range g.KPIs {
		if k.ID == id {
			return true
		}
	}
	return false
}
