package library

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// ExportFile writes the user's own entries to a library file at path,
// through a temporary file renamed into place.
func (l *Library) ExportFile(path string) (int, error) {
	entries := l.Custom()
	err := sheet.WriteFile(path, func(w io.Writer) error { return WriteFile(w, entries) })
	return len(entries), err
}

// ImportFile reads a library file and saves its entries as the user's own:
// all of them when every entry is valid, none otherwise. Entries whose id is
// a built-in's are refused by name. It returns how many were saved.
func ImportFile(store app.Store, path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, fmt.Errorf("import library %s: %w", path, err)
	}
	defer f.Close()
	entries, err := ReadFile(bufio.NewReader(f))
	if err != nil {
		return 0, fmt.Errorf("import library %s: %w", path, err)
	}
	b, err := loadBuiltin()
	if err != nil {
		return 0, err
	}
	for _, e := range entries {
		if _, ok := b.index[e.ID]; ok && !isMarker(&e) {
			return 0, fmt.Errorf("import library %s: %w", path, &EntryError{Index: -1, ID: e.ID,
				Fields: []*app.FieldError{{KPI: e.ID, Field: "id", Msg: app.M("%s is the id of a built-in KPI; choose another id", e.ID)}}})
		}
	}
	for i, e := range entries {
		if err := SaveCustom(store, e); err != nil {
			return i, fmt.Errorf("import library %s: %w", path, err)
		}
	}
	return len(entries), nil
}
