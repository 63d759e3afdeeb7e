package workspace

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
)

// The settings keys of saved import mappings: one per mapping, and the list of their names.
const (
	mappingKeyPrefix = "import.mapping."
	mappingIndexKey  = "import.mappings"
)

// SaveMapping saves m under its name (in the workspace settings), replacing
// a mapping of that name, so the next import can reuse it.
func (w *Workspace) SaveMapping(m *importmap.Mapping) error {
	name := strings.TrimSpace(m.Name)
	if name == "" {
		return &app.FieldError{Field: "name", Msg: app.M("is required")}
	}
	if err := m.Check(); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := importmap.WriteMapping(&b, m); err != nil {
		return err
	}
	names, err := w.MappingNames()
	if err != nil {
		return err
	}
	if !slices.Contains(names, name) {
		names = append(names, name)
		slices.Sort(names)
	}
	index, err := json.Marshal(names)
	if err != nil {
		return fmt.Errorf("save mapping %s: %w", name, err)
	}
	return w.store.Update(func(tx app.Tx) error {
		if err := tx.SetSetting(mappingKeyPrefix+name, b.String()); err != nil {
			return err
		}
		return tx.SetSetting(mappingIndexKey, string(index))
	})
}

// MappingNames lists the names of the saved mappings, sorted.
func (w *Workspace) MappingNames() ([]string, error) {
	s, err := w.store.Setting(mappingIndexKey)
	if err != nil || s == "" {
		return nil, err
	}
	var names []string
	if err := json.Unmarshal([]byte(s), &names); err != nil {
		return nil, fmt.Errorf("the list of saved mappings: %w", err)
	}
	return names, nil
}

// Mapping returns the saved mapping named name, or an error wrapping app.ErrNotFound.
func (w *Workspace) Mapping(name string) (*importmap.Mapping, error) {
	s, err := w.store.Setting(mappingKeyPrefix + strings.TrimSpace(name))
	if err != nil {
		return nil, err
	}
	if s == "" {
		return nil, fmt.Errorf("mapping %q: %w", name, app.ErrNotFound)
	}
	return importmap.ReadMapping(strings.NewReader(s))
}
