package xlsx

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/importmap"
	"kpiplanner/app/sheet"
)

// Importer reads workbooks for the import wizard and `kpi import --mapping`
// as the neutral tables of package app/importmap: .xlsx and .xlsm files
// (hidden sheets, percent and date formats, formulas, merged cells) and
// .csv files in any common encoding and separator.
type Importer struct {
	Encoding  string // a CSV file's encoding; "" detects it
	Separator rune   // a CSV file's separator; 0 detects it
}

var _ importmap.Reader = Importer{}

// Sheets lists the sheets of the workbook at path; a CSV file has one.
func (im Importer) Sheets(_ context.Context, path, password string) ([]importmap.SheetInfo, error) {
	if IsCSV(path) {
		return []importmap.SheetInfo{{Name: "CSV"}}, nil
	}
	b, done, err := openImport(path, password)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	defer done()
	infos, _, err := b.sheetList()
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return infos, nil
}

// ReadTable reads one sheet of the workbook at path ("" = the first visible one).
func (im Importer) ReadTable(ctx context.Context, path, name, password string) (*importmap.Table, error) {
	if IsCSV(path) {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", path, err)
		}
		defer f.Close()
		t, err := importmap.ReadCSV(f, im.Encoding, im.Separator)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", path, err)
		}
		return t, nil
	}
	t, err := readTable(ctx, path, name, password)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return t, nil
}

// openImport opens an .xlsx package, telling a legacy .xls (or other
// binary) workbook from a password-protected .xlsx.
func openImport(path, password string) (*book, func(), error) {
	head := make([]byte, 1<<12)
	if f, err := os.Open(path); err == nil {
		n, _ := io.ReadFull(f, head)
		head = head[:n]
		_ = f.Close()
	}
	if bytes.HasPrefix(head, oleMagic) && !isEncryptedOOXML(path) {
		return nil, nil, importmap.ErrLegacyXLS
	}
	if len(head) >= 2 && !bytes.HasPrefix(head, oleMagic) && !bytes.HasPrefix(head, []byte("PK")) {
		return nil, nil, importmap.Errorf("this file is neither an .xlsx workbook nor a .csv file: save it from Excel or LibreOffice Calc as an Excel Workbook (.xlsx) or as CSV")
	}
	return openBook(path, password)
}

// isEncryptedOOXML reports whether an OLE compound file holds an encrypted
// .xlsx package (its EncryptionInfo stream), rather than an .xls workbook.
func isEncryptedOOXML(path string) bool {
	raw, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	name := []byte{}
	for _, r := range "EncryptionInfo" {
		name = append(name, byte(r), 0)
	}
	return bytes.Contains(raw, name)
}

// sheetList lists the workbook's sheets with their parts.
func (b *book) sheetList() ([]importmap.SheetInfo, []string, error) {
	wb := b.workbookPart()
	rs, err := b.rels(wb)
	if err != nil {
		return nil, nil, fmt.Errorf("the workbook's relationships: %w", err)
	}
	byID := map[string]string{}
	for _, r := range rs {
		byID[r.ID] = target(wb, r.Target)
	}
	rc, err := b.open(wb)
	if err != nil {
		return nil, nil, fmt.Errorf("the workbook: %w", err)
	}
	defer rc.Close()
	var infos []importmap.SheetInfo
	var parts []string
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return infos, parts, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("the workbook: %w", err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "sheet" {
			continue
		}
		n, id := sheetAttrs(se)
		hidden := false
		for _, a := range se.Attr {
			hidden = hidden || a.Name.Local == "state" && a.Value != "visible"
		}
		if p, ok := byID[id]; ok {
			infos = append(infos, importmap.SheetInfo{Name: n, Hidden: hidden})
			parts = append(parts, p)
		}
	}
}

// readTable reads the sheet name ("" = the first visible) of an .xlsx file.
func readTable(ctx context.Context, path, name, password string) (*importmap.Table, error) {
	b, done, err := openImport(path, password)
	if err != nil {
		return nil, err
	}
	defer done()
	infos, parts, err := b.sheetList()
	if err != nil {
		return nil, err
	}
	at, err := pickSheet(infos, name)
	if err != nil {
		return nil, err
	}
	st, err := b.cellFormats()
	if err != nil {
		return nil, err
	}
	_, _, sstPart, err := b.sheetPart(infos[at].Name)
	if err != nil {
		return nil, err
	}
	sst, err := b.sharedStrings(sstPart)
	if err != nil {
		return nil, err
	}
	rc, err := b.open(parts[at])
	if err != nil {
		return nil, fmt.Errorf("the sheet %s: %w", infos[at].Name, err)
	}
	defer rc.Close()
	ts := &tableStream{ctx: ctx, sst: sst, formats: st, t: &importmap.Table{Sheet: infos[at].Name}}
	if err := ts.run(rc); err != nil {
		return nil, err
	}
	if len(ts.pending) > 0 {
		if err := b.computeTable(ts.t, ts.pending); err != nil {
			return nil, err
		}
	}
	return ts.t, nil
}

// pickSheet returns the index of the sheet named name, or of the first visible one.
func pickSheet(infos []importmap.SheetInfo, name string) (int, error) {
	for i, s := range infos {
		if name == "" && !s.Hidden || name != "" && s.Name == name {
			return i, nil
		}
	}
	if name == "" {
		return 0, importmap.Errorf("the workbook has no visible sheet")
	}
	names := make([]string, len(infos))
	for i, s := range infos {
		names[i] = strconv.Quote(s.Name)
	}
	return 0, importmap.Errorf("the workbook has no sheet %q; its sheets are %s", name, strings.Join(names, ", "))
}

// computeTable computes the formulas stored without their results.
func (b *book) computeTable(t *importmap.Table, pending []pendingFormula) error {
	if len(pending) > maxFormulas {
		return importmap.Errorf("%d cells hold formulas saved without their results; open the file in Excel or LibreOffice, save it and import it again", len(pending))
	}
	opts := excelize.Options{Password: b.pass, UnzipSizeLimit: sheet.MaxFileBytes, UnzipXMLSizeLimit: 16 << 20}
	var f *excelize.File
	var err error
	if b.enc != nil {
		f, err = excelize.OpenReader(bytes.NewReader(b.enc), excelize.Options{UnzipSizeLimit: opts.UnzipSizeLimit, UnzipXMLSizeLimit: opts.UnzipXMLSizeLimit})
	} else {
		f, err = excelize.OpenFile(b.path, opts)
	}
	if f != nil {
		defer func() { _ = f.Close() }()
	}
	if err != nil {
		return err
	}
	var failed []string
	for _, p := range pending {
		ref := sheet.Ref(p.col, p.row)
		v, err := f.CalcCellValue(t.Sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil || strings.HasPrefix(v, "#") {
			failed = append(failed, ref)
			continue
		}
		c := &t.Rows[p.row][p.col]
		c.Text = v
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			c.Num, c.IsNum = n, true
		}
	}
	if len(failed) > 0 {
		if len(failed) > 10 {
			failed = append(failed[:10], "…")
		}
		return importmap.Errorf("cells %s hold formulas saved without their results that KPI Planner cannot compute; open the file in Excel or LibreOffice, save it and import it again", strings.Join(failed, ", "))
	}
	return nil
}
