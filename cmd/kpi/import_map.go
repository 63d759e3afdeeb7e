package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/workspace"
	"kpiplanner/storage/xlsx"
)

// mappedImport is what `kpi import FILE --mapping MAP` and
// `kpi import FILE --suggest-mapping` need.
type mappedImport struct {
	path, mapping, sheet, save, reason, password string
	plan                                         string // --plan: the plan a sheet naming no person fills
	suggest, dryRun                              bool
	ctx                                          context.Context
}

// add declares the mapping flags of `kpi import`.
func (o *mappedImport) add(fs *flag.FlagSet) {
	fs.StringVar(&o.mapping, "mapping", "", "for a workbook of your own: the mapping (a JSON file, docs/import-format.md, or the name of a saved mapping) that says how its columns become plans")
	fs.StringVar(&o.sheet, "sheet", "", "with --mapping or --suggest-mapping: the sheet to read (default the mapping's, else the first visible one)")
	fs.StringVar(&o.save, "save-mapping", "", "with --mapping: save the mapping in the workspace under this name, for the next import")
	fs.BoolVar(&o.suggest, "suggest-mapping", false, "print the mapping the workbook's header suggests, as JSON, and change nothing")
}

// importMapped imports a workbook KPI Planner did not write with a
// mapping (a JSON file, or the name of a mapping saved in the workspace),
// exactly as the import wizard does: read the sheet, build the preview
// (printed), and unless dryRun save it in one transaction. With suggest, it
// prints the suggested mapping and changes nothing.
func importMapped(e *env, o *mappedImport) error {
	ctx, stop := interruptible()
	defer stop()
	o.ctx = ctx
	if o.suggest {
		return suggestMapping(e, o)
	}
	ws, err := e.workspace()
	if err != nil {
		return err
	}
	m, err := loadMapping(ws, o.mapping)
	if err != nil {
		return err
	}
	if o.sheet != "" {
		m.Sheet = o.sheet
	}
	if o.plan != "" {
		m.Person = importmap.PersonSpec{Plan: o.plan}
	}
	rd, err := readMapped(o, m)
	if err != nil {
		return err
	}
	st, err := ws.SheetImportState()
	if err != nil {
		return err
	}
	pv := importmap.BuildPreview(rd, m, st)
	for _, l := range pv.Lines() {
		fmt.Fprintln(e.out, l)
	}
	if err := pv.Check(); err != nil {
		return fmt.Errorf("%s: %w", o.path, err)
	}
	if o.dryRun {
		fmt.Fprintln(e.out, "dry run: nothing was changed")
		return nil
	}
	ws.Source = filepath.Base(o.path)
	res, err := ws.ApplySheetImport(o.path, o.reason, pv)
	if err != nil {
		return fmt.Errorf("%s: nothing imported: %w", o.path, err)
	}
	if o.save != "" {
		m.Name = o.save
		if err := ws.SaveMapping(m); err != nil {
			return fmt.Errorf("save the mapping %q: %w", o.save, err)
		}
	}
	fmt.Fprintf(e.out, "imported %s: %d plan(s) created, %d changed, %d person(s) created\n", filepath.Base(o.path), res.Created, res.Changed, res.People)
	return nil
}

// suggestMapping prints the mapping the sheet's header suggests, as JSON.
func suggestMapping(e *env, o *mappedImport) error {
	rdr := xlsx.Importer{}
	t, err := rdr.ReadTable(o.ctx, o.path, o.sheet, o.password)
	if err != nil {
		return err
	}
	m, _, err := importmap.Suggest(t, e.today())
	if err != nil {
		return fmt.Errorf("%s: %w", o.path, err)
	}
	return importmap.WriteMapping(e.out, m)
}

// readMapped reads the mapping's sheet (every visible one with
// all_sheets) into records.
func readMapped(o *mappedImport, m *importmap.Mapping) (*importmap.Reading, error) {
	rdr := xlsx.Importer{Encoding: m.Encoding}
	if m.Separator != "" {
		rdr.Separator = []rune(m.Separator)[0]
	}
	sheets := []string{m.Sheet}
	if m.AllSheets {
		infos, err := rdr.Sheets(o.ctx, o.path, o.password)
		if err != nil {
			return nil, err
		}
		sheets = sheets[:0]
		for _, s := range infos {
			if !s.Hidden {
				sheets = append(sheets, s.Name)
			}
		}
	}
	var rs []*importmap.Reading
	for _, name := range sheets {
		t, err := rdr.ReadTable(o.ctx, o.path, name, o.password)
		if err != nil {
			return nil, err
		}
		rd, err := importmap.Read(t, m)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", o.path, err)
		}
		rs = append(rs, rd)
	}
	return importmap.MergeReadings(rs), nil
}

// loadMapping reads the mapping file at name, or the mapping saved in the
// workspace under that name.
func loadMapping(ws *workspace.Workspace, name string) (*importmap.Mapping, error) {
	f, err := os.Open(name)
	if err == nil {
		defer f.Close()
		m, err := importmap.ReadMapping(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		return m, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	m, merr := ws.Mapping(name)
	if errors.Is(merr, app.ErrNotFound) {
		return nil, fmt.Errorf("--mapping %s: no such file, nor a saved mapping of that name", name)
	}
	return m, merr
}

// sniffSpreadsheet returns the error of a file given as a plan document
// that is a workbook: an .xlsx (zip) needs --plan or --mapping; an .xls or
// other binary file is refused saying how to save it as .xlsx.
func sniffSpreadsheet(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // the plan document reader reports it
	}
	defer f.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return fmt.Errorf("%s: %w", path, importmap.ErrLegacyXLS)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return fmt.Errorf("%s is a workbook, not a plan document: import it with --mapping MAP.json (see --suggest-mapping) or with --plan PLAN", path)
	}
	return nil
}
