package library

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"kpiplanner/app"
)

// Format is the format tag of library files, both the built-in data and the
// files users export to share their own KPIs between computers.
const Format = "kpiplanner/library@1"

// libraryFile is the shape of a library file.
type libraryFile struct {
	Format  string             `json:"format"`
	Entries []app.LibraryEntry `json:"entries"`
}

// rawFile is a library file with its entries still undecoded, so that each
// entry's decoding error can name the entry.
type rawFile struct {
	Format  string            `json:"format"`
	Entries []json.RawMessage `json:"entries"`
}

// decodeStrict decodes one JSON value from r into v, refusing unknown fields
// and anything after the value.
func decodeStrict(r io.Reader, v any) error {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("unexpected data after the end of the JSON document")
	}
	return nil
}

// checkFormat checks a file's format tag against want.
func checkFormat(source, got, want string) error {
	switch got {
	case want:
		return nil
	case "":
		return fmt.Errorf("%s: not a KPI Planner file: the \"format\" tag %q is missing", source, want)
	}
	return fmt.Errorf("%s: format %q is not supported (expected %q)", source, got, want)
}

// decodeEntries reads a library file's entries without validating them.
func decodeEntries(r io.Reader, source string) ([]app.LibraryEntry, error) {
	var f rawFile
	if err := decodeStrict(r, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	if err := checkFormat(source, f.Format, Format); err != nil {
		return nil, err
	}
	out := make([]app.LibraryEntry, len(f.Entries))
	for i, raw := range f.Entries {
		if err := decodeStrict(bytes.NewReader(raw), &out[i]); err != nil {
			return nil, fmt.Errorf("%s: entry %d: %w", source, i+1, err)
		}
	}
	return out, nil
}

// ReadFile reads a library file written by WriteFile (or by hand). It is
// strict: the format tag must match, unknown fields are errors, and every
// entry must pass Validate after its texts are normalised; the error names
// each bad entry's position (from 1), id and fields.
func ReadFile(r io.Reader) ([]app.LibraryEntry, error) {
	const source = "library file"
	entries, err := decodeEntries(r, source)
	if err != nil {
		return nil, err
	}
	var errs []error
	seen := map[string]int{}
	for i := range entries {
		entries[i] = Normalize(entries[i])
		e := &entries[i]
		fs := check(e, false)
		if j, dup := seen[e.ID]; dup && e.ID != "" {
			fs = append(fs, &app.FieldError{KPI: e.ID, Field: "id", Msg: app.M("is also used by entry %d", j+1)})
		}
		seen[e.ID] = i
		if len(fs) > 0 {
			errs = append(errs, &EntryError{Source: source, Index: i, ID: e.ID, Fields: fs})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return entries, nil
}

// WriteFile writes entries as an indented library file, after checking each
// with Validate; nothing is written when one is invalid.
func WriteFile(w io.Writer, entries []app.LibraryEntry) error {
	var errs []error
	for i := range entries {
		if fs := check(&entries[i], false); len(fs) > 0 {
			errs = append(errs, &EntryError{Index: i, ID: entries[i].ID, Fields: fs})
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("write library file: %w", errors.Join(errs...))
	}
	if entries == nil {
		entries = []app.LibraryEntry{}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(libraryFile{Format: Format, Entries: entries}); err != nil {
		return fmt.Errorf("write library file: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write library file: %w", err)
	}
	return nil
}
