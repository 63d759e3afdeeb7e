package library

import (
	"fmt"
	"io"

	"kpiplanner/app"
)

// Export writes the user's own entries as a library file to w and returns
// how many were written.
func (l *Library) Export(w io.Writer) (int, error) {
	entries := l.Custom()
	return len(entries), WriteFile(w, entries)
}

// Import reads a library file from r (name is its file name, for errors)
// and saves its entries as the user's own: all of them when every entry is
// valid, none otherwise. Entries whose id is a built-in's are refused by
// name. It returns how many were saved.
func Import(store app.Store, name string, r io.Reader) (int, error) {
	entries, err := ReadFile(r)
	if err != nil {
		return 0, fmt.Errorf("import library %s: %w", name, err)
	}
	b, err := loadBuiltin()
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if _, ok := b.index[e.ID]; ok && !isMarker(&e) {
			return 0, fmt.Errorf("import library %s: %w", name, &EntryError{Index: -1, ID: e.ID,
				Fields: []*app.FieldError{{KPI: e.ID, Field: "id", Msg: app.M("%s is the id of a built-in KPI; choose another id", e.ID)}}})
		}
	}
	for i, e := range entries {
		if err := SaveCustom(store, e); err != nil {
			return i, fmt.Errorf("import library %s: %w", name, err)
		}
	}
	return len(entries), nil
}
