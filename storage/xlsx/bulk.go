package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"path"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/sheet"
)

// bulkRows is the row count from which a sheet is written in bulk: excelize
// lays out its page setup, panes, columns and header rows, and the rest of
// its rows are serialised straight into the zip file as it is written.
// excelize's stream writer costs a few microseconds a row, and keeps the
// whole file in memory, which makes a million-row sheet take many seconds
// and hundreds of megabytes; written in bulk it takes about a second.
const bulkRows = 5_000

// bulk is a sheet written in bulk, split into parts of at most maxRows rows.
type bulk struct {
	s     *sheet.Sheet
	parts []string // the parts' sheet names
	head  []sheet.Row
	next  func() (sheet.Row, bool)
	stop  func()
}

// isBulk reports whether s is written in bulk.
func (w *writer) isBulk(s *sheet.Sheet) bool {
	return s.NumRows >= w.bulkRows && len(s.Charts) == 0 && s.Rows != nil
}

// bulkSheet creates the parts of s with their header rows and registers
// the styles of all its cells, so that only its remaining rows are left to
// write when the zip file is put together.
func (w *writer) bulkSheet(s *sheet.Sheet, first bool) (_ *bulk, err error) {
	if err := w.registerStyles(s); err != nil {
		return nil, err
	}
	b := &bulk{s: s}
	b.next, b.stop = iter.Pull(s.Rows)
	defer func() {
		if err != nil {
			b.stop()
		}
	}()
	for len(b.head) < s.HeaderRows {
		r, ok := b.next()
		if !ok {
			break
		}
		b.head = append(b.head, slices.Clone(r))
	}
	perPart := w.maxRows - len(b.head)
	if perPart <= 0 {
		return nil, fmt.Errorf("%d header rows leave no room for data", len(b.head))
	}
	rest := max(s.NumRows-len(b.head), 0)
	n := max(1, (rest+perPart-1)/perPart)
	for i := range n {
		name := s.Name
		if i > 0 {
			name = w.continuation(s.Name, i+1)
		}
		sw, err := w.start(s, name, first && i == 0, false)
		if err != nil {
			return nil, err
		}
		for r, row := range b.head {
			if err := w.row(sw, r, row); err != nil {
				return nil, err
			}
		}
		if err := sw.Flush(); err != nil {
			return nil, err
		}
		b.parts = append(b.parts, name)
	}
	for range b.head {
		if err := w.m.Row(); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// registerStyles creates every style the cells of s use, reading its rows
// once ahead of writing them.
func (w *writer) registerStyles(s *sheet.Sheet) error {
	for r := range s.Rows {
		for len(w.styles) < len(r) {
			w.styles = append(w.styles, colStyle{id: -1})
		}
		for i := range r {
			c := &r[i]
			if c.Kind == sheet.Empty && c.Formula == "" && c.Style == sheet.Plain {
				continue
			}
			if _, err := w.style(i, c); err != nil {
				return err
			}
		}
	}
	return nil
}

// compose writes the workbook excelize laid out (raw, a zip file) to out,
// with the rows of the bulk sheets added to their parts.
func (w *writer) compose(out io.Writer, raw []byte, bulks []*bulk) error {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return err
	}
	paths, err := sheetPaths(zr)
	if err != nil {
		return err
	}
	entries := map[string]*zip.File{}
	for _, f := range zr.File {
		entries[f.Name] = f
	}
	parts := map[string]bool{}
	for _, b := range bulks {
		for _, name := range b.parts {
			p, ok := paths[name]
			if !ok || entries[p] == nil {
				return fmt.Errorf("sheet %s: no worksheet part in the workbook", name)
			}
			parts[p] = true
		}
	}
	zw := fastZip(out).(*zip.Writer)
	if err := w.copyLaidOut(zw, zr, parts); err != nil {
		return err
	}
	for _, b := range bulks {
		if err := w.writeBulk(zw, b, paths, entries); err != nil {
			return fmt.Errorf("sheet %s: %w", b.s.Name, err)
		}
	}
	if w.sst != nil {
		if err := w.sst.write(zw); err != nil {
			return fmt.Errorf("shared strings: %w", err)
		}
	}
	return zw.Close()
}

// copyLaidOut copies the entries of excelize's workbook zr but the bulk
// parts; when it has no shared strings table, it declares the one the bulk
// sheets' text will fill (w.sst).
func (w *writer) copyLaidOut(zw *zip.Writer, zr *zip.Reader, parts map[string]bool) error {
	copyFn := copyEntry
	if w.sst = nil; canShare(zr) {
		w.sst, copyFn = newSharedStrings(), copyShared
	}
	for _, f := range zr.File {
		if !parts[f.Name] {
			if err := copyFn(zw, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// copyEntry copies a zip entry without recompressing it.
func copyEntry(zw *zip.Writer, f *zip.File) error {
	fh := f.FileHeader
	dst, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	src, err := f.OpenRaw()
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	return err
}

// writeBulk writes each part of b: excelize's worksheet XML with the part's
// rows inserted before </sheetData>.
func (w *writer) writeBulk(zw *zip.Writer, b *bulk, paths map[string]string, entries map[string]*zip.File) error {
	for _, name := range b.parts {
		if err := w.writePart(zw, b, entries[paths[name]]); err != nil {
			return err
		}
	}
	if _, more := b.next(); more {
		return fmt.Errorf("more rows than the %d announced", b.s.NumRows)
	}
	return nil
}

// writePart writes one part of b into zw in place of excelize's entry f.
func (w *writer) writePart(zw *zip.Writer, b *bulk, f *zip.File) (err error) {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	doc, err := io.ReadAll(rc)
	_ = rc.Close()
	if err != nil {
		return err
	}
	i := bytes.LastIndex(doc, []byte("</sheetData>"))
	if i < 0 {
		return fmt.Errorf("%s has no sheetData", f.Name)
	}
	// The entry is deflated on every core (pdeflate), so it goes in raw with
	// its checksum and sizes in the data descriptor after it.
	fh := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified, Flags: 0x8}
	dst, err := zw.CreateRaw(fh)
	if err != nil {
		return err
	}
	pd := newPdeflate(dst)
	rw := newRowWriter(w, pd)
	defer func() {
		if cerr := rw.close(); err == nil {
			err = cerr
		}
		if cerr := pd.Close(); err == nil {
			err = cerr
		}
		pd.seal(fh) // read by zw when the next entry starts or the zip is closed
	}()
	rw.buf = append(rw.buf, doc[:i]...)
	for r := len(b.head); r < w.maxRows; r++ {
		row, ok := b.next()
		if !ok {
			break
		}
		if err := rw.row(r, row); err != nil {
			return err
		}
		rw.flush()
		if err := w.m.Row(); err != nil {
			return err
		}
	}
	rw.buf = append(rw.buf, doc[i:]...)
	return nil
}

// sheetPaths maps sheet names to their worksheet parts in a workbook zip.
func sheetPaths(zr *zip.Reader) (map[string]string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := readXML(zr, "xl/workbook.xml", &wb); err != nil {
		return nil, err
	}
	if err := readXML(zr, "xl/_rels/workbook.xml.rels", &rels); err != nil {
		return nil, err
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		out[s.Name] = targets[s.RID]
	}
	return out, nil
}

func readXML(zr *zip.Reader, name string, v any) error {
	f, err := zr.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := xml.NewDecoder(f).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// writeWorkbook lays the workbook out with excelize and writes it to out,
// adding the bulk sheets' rows, encrypted when password is set.
func (w *writer) writeWorkbook(out io.Writer, bulks []*bulk, password string) error {
	w.st.sealed = true
	raw, err := w.f.WriteToBuffer()
	if err != nil {
		return err
	}
	if len(bulks) == 0 && password == "" {
		_, err := raw.WriteTo(out)
		return err
	}
	if len(bulks) == 0 {
		return encrypt(out, raw.Bytes(), password)
	}
	if password == "" {
		return w.compose(out, raw.Bytes(), bulks)
	}
	var full bytes.Buffer
	if err := w.compose(&full, raw.Bytes(), bulks); err != nil {
		return err
	}
	return encrypt(out, full.Bytes(), password)
}

// encrypt writes the workbook zip raw encrypted with password.
func encrypt(out io.Writer, raw []byte, password string) error {
	b, err := excelize.Encrypt(raw, &excelize.Options{Password: password})
	if err != nil {
		return fmt.Errorf("encrypt: %w", err)
	}
	_, err = out.Write(b)
	return err
}
