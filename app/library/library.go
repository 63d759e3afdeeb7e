// Package library is KPI Planner's KPI library: the built-in entries and
// goal types embedded from assets/library, the user's own entries and hidden
// markers merged over them, accent-insensitive search in both languages, and
// the JSON files users export and import to share their entries.
package library

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"

	"kpiplanner/app"
	"kpiplanner/assets"
)

// item is a library entry with its precomputed search key.
type item struct {
	entry app.LibraryEntry
	key   searchKey
}

// Library is the KPI library a workspace sees: the built-in entries with the
// user's entries merged over them. It is safe for concurrent use.
type Library struct {
	base  *builtin
	mu    sync.RWMutex
	items []item         // built-ins in department order, then the user's entries by id
	index map[string]int // id → position in items
}

// loadBuiltin reads the embedded data once per process.
var loadBuiltin = sync.OnceValues(func() (*builtin, error) { return readBuiltin(assets.Library) })

// Load returns the built-in library, validated as it is read; the error
// names the file, the entry and the field at fault.
func Load() (*Library, error) {
	b, err := loadBuiltin()
	if err != nil {
		return nil, err
	}
	return &Library{base: b, items: slices.Clone(b.items), index: maps.Clone(b.index)}, nil
}

// Merge replaces the user's part of the library with user, as read from
// app.Store.LibraryEntries: custom entries are added and markers (Hidden,
// not Custom, with a built-in id) hide built-ins. Entries that are invalid or
// whose id a built-in now uses are skipped and reported in the error; the
// rest are merged all the same.
func (l *Library) Merge(user []app.LibraryEntry) error {
	items := slices.Clone(l.base.items)
	index := maps.Clone(l.base.index)
	custom := map[string]item{}
	var errs []error
	for _, u := range user {
		if i, ok := l.base.index[u.ID]; ok {
			if u.Hidden && !u.Custom {
				items[i].entry.Hidden = true
			} else {
				errs = append(errs, fmt.Errorf("library entry %s: a built-in KPI has this id; the custom entry is skipped", u.ID))
			}
			continue
		}
		if isMarker(&u) {
			continue // it hid a built-in this version no longer has
		}
		u = Normalize(u)
		u.Custom = true
		if err := Validate(u); err != nil {
			errs = append(errs, err)
			continue
		}
		custom[u.ID] = item{entry: u, key: keyOf(&u)}
	}
	for _, id := range slices.Sorted(maps.Keys(custom)) {
		index[id] = len(items)
		items = append(items, custom[id])
	}
	l.mu.Lock()
	l.items, l.index = items, index
	l.mu.Unlock()
	return errors.Join(errs...)
}

// Entries returns the entries that are not hidden, built-ins first.
func (l *Library) Entries() []app.LibraryEntry { return l.Filter(Filter{}) }

// Get returns the entry with the given id, hidden or not.
func (l *Library) Get(id string) (app.LibraryEntry, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	i, ok := l.index[id]
	if !ok {
		return app.LibraryEntry{}, false
	}
	return l.items[i].entry, true
}

// IsBuiltin reports whether id is a built-in entry's id (which can be hidden
// but not deleted).
func (l *Library) IsBuiltin(id string) bool {
	_, ok := l.base.index[id]
	return ok
}

// Custom returns the user's own entries, hidden ones included, by id: what
// an export of the user's library writes.
func (l *Library) Custom() []app.LibraryEntry {
	l.mu.RLock()
	defer l.mu.RUnlock()
	var out []app.LibraryEntry
	for _, it := range l.items[len(l.base.items):] {
		out = append(out, it.entry)
	}
	return out
}

// Vanity reports whether id is an entry flagged as a vanity metric.
func (l *Library) Vanity(id string) bool {
	e, ok := l.Get(id)
	return ok && e.Vanity
}

// NewID returns an id made from name ("Số cuộc gọi" → "so-cuoc-goi") that no
// entry of the library uses yet, for a new custom entry.
func (l *Library) NewID(name string) string {
	base := strings.Join(words(name), "-")
	if len(base) > maxIDLen-4 {
		base = strings.Trim(base[:maxIDLen-4], "-")
	}
	if base == "" {
		base = "kpi"
	}
	l.mu.RLock()
	defer l.mu.RUnlock()
	id := base
	for n := 2; ; n++ {
		if _, used := l.index[id]; !used && idPattern.MatchString(id) {
			return id
		}
		id = base + "-" + strconv.Itoa(n)
	}
}
