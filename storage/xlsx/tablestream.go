package xlsx

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/sheet"
)

// cellFormat is what the import needs of a cell style: is it a percentage or a date.
type cellFormat struct{ percent, date bool }

// cellFormats reads the number format of each cell style (cellXfs) of the workbook.
func (b *book) cellFormats() ([]cellFormat, error) {
	var part string
	if rs, err := b.rels(b.workbookPart()); err == nil {
		for _, r := range rs {
			if strings.HasSuffix(r.Type, "/styles") {
				part = target(b.workbookPart(), r.Target)
			}
		}
	}
	if part == "" {
		part = "xl/styles.xml"
	}
	rc, err := b.open(part)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var doc struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.NewDecoder(rc).Decode(&doc); err != nil {
		return nil, fmt.Errorf("the styles: %w", err)
	}
	codes := map[int]string{}
	for _, f := range doc.NumFmts {
		codes[f.ID] = f.Code
	}
	out := make([]cellFormat, len(doc.Xfs))
	for i, x := range doc.Xfs {
		out[i] = formatOf(x.NumFmt, codes[x.NumFmt])
	}
	return out, nil
}

// formatOf classifies number format id (code for custom ones).
func formatOf(id int, code string) cellFormat {
	switch {
	case id == 9 || id == 10:
		return cellFormat{percent: true}
	case id >= 14 && id <= 22 || id >= 45 && id <= 47:
		return cellFormat{date: true}
	case code == "":
		return cellFormat{}
	}
	plain := stripQuoted(code)
	if strings.Contains(plain, "%") {
		return cellFormat{percent: true}
	}
	l := strings.ToLower(plain)
	return cellFormat{date: strings.ContainsAny(l, "dy") || strings.Contains(l, "mmm") || strings.Contains(l, "m/") || strings.Contains(l, "/m")}
}

// stripQuoted drops the quoted text, escaped characters and bracketed parts of a format code.
func stripQuoted(code string) string {
	var b strings.Builder
	quoted, bracket, esc := false, false, false
	for _, r := range code {
		switch {
		case esc:
			esc = false
		case r == '\\':
			esc = true
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '[':
			bracket = true
		case r == ']':
			bracket = false
		case !bracket:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// tableStream reads a sheet's XML into an importmap.Table.
type tableStream struct {
	ctx     context.Context
	sc      *sheetScanner
	width   int // the widest row so far
	sst     []string
	formats []cellFormat
	t       *importmap.Table
	pending []pendingFormula
	row     []importmap.Cell
	r, c    int
	cells   int
	inRow   bool
}

// tableCell is a cell of a worksheet as stored, with its style.
type tableCell struct {
	xmlCell
	S string `xml:"s,attr"`
}

// run reads the whole sheet with a sheetScanner.
func (s *tableStream) run(part io.Reader) error {
	b, err := readAllPart(part)
	if err != nil {
		return fmt.Errorf("the sheet: %w", err)
	}
	s.sc = &sheetScanner{b: b}
	for {
		ev, name, selfClose, err := s.sc.next()
		if err != nil {
			return fmt.Errorf("the sheet: %w", err)
		}
		switch ev {
		case scanEOF:
			return nil
		case scanStart:
			if err := s.start(name, selfClose); err != nil {
				return err
			}
		case scanEnd:
			s.end(name)
		}
	}
}

// start takes a start tag.
func (s *tableStream) start(name []byte, selfClose bool) error {
	switch string(name) {
	case "row":
		s.r, s.c, s.inRow = nextRow(s.sc.startElement(name), s.r), 0, !selfClose
		s.row = make([]importmap.Cell, 0, s.width) // rows are mostly as wide as the one before
		if s.r > sheet.MaxRows {
			return &msgErr{app.M("the file has more than %d rows; split it into smaller files", sheet.MaxRows)}
		}
		if s.r%1024 == 0 && s.ctx.Err() != nil {
			return s.ctx.Err()
		}
		if selfClose {
			s.endRow()
		}
	case "c":
		return s.cell(selfClose)
	case "mergeCell":
		s.merge(s.sc.startElement(name))
	}
	return nil
}

// end takes an end tag.
func (s *tableStream) end(name []byte) {
	if string(name) == "row" && s.inRow {
		s.inRow = false
		s.endRow()
	}
}

// endRow stores the row read.
func (s *tableStream) endRow() {
	s.width = max(s.width, len(s.row))
	for len(s.t.Rows) < s.r-1 {
		s.t.Rows = append(s.t.Rows, nil)
	}
	s.t.Rows = append(s.t.Rows, s.row)
}

// readCell reads the current cell element (its attributes, value, formula
// and inline text) up to its end.
func (s *tableStream) readCell(selfClose bool) (tableCell, error) {
	x := tableCell{S: s.sc.attr("s")}
	x.R, x.T = s.sc.attr("r"), s.sc.attr("t")
	if selfClose {
		return x, nil
	}
	var cr cellReader
	for {
		ev, name, self, err := s.sc.next()
		if err != nil {
			return x, fmt.Errorf("the sheet, row %d: %w", s.r, err)
		}
		if ev == scanEOF {
			return x, fmt.Errorf("the sheet, row %d: a cell is not closed", s.r)
		}
		if cr.take(&x, ev, name, self) {
			return x, nil
		}
	}
}

// cellReader collects the children of a cell element.
type cellReader struct {
	in    string // the child element whose text is being read
	v, is []byte
	hasV  bool
}

// take takes one event inside a cell, filling x; it reports the cell's end.
func (cr *cellReader) take(x *tableCell, ev scanEvent, name []byte, self bool) bool {
	switch ev {
	case scanStart:
		cr.start(x, string(name), self)
	case scanText:
		switch {
		case cr.in == "v":
			cr.v = append(cr.v, name...)
		case cr.in == "t" && x.IS != nil:
			cr.is = append(cr.is, name...)
		}
	case scanEnd:
		if string(name) != "c" {
			cr.in = ""
			return false
		}
		if cr.hasV {
			val := unescape(cr.v)
			x.V = &val
		}
		if x.IS != nil {
			x.IS.T = unescape(cr.is)
		}
		return true
	}
	return false
}

// start takes a child element's start tag.
func (cr *cellReader) start(x *tableCell, name string, self bool) {
	cr.in = name
	switch name {
	case "f":
		x.F = &struct{}{}
	case "v":
		cr.hasV = true
	case "is":
		x.IS = &richText{}
	}
	if self {
		cr.in = ""
	}
}

// cell reads one cell into the current row.
func (s *tableStream) cell(selfClose bool) error {
	x, err := s.readCell(selfClose)
	if err != nil {
		return err
	}
	c, err := cellColumn(x.R, s.c, s.r)
	if err != nil {
		return err
	}
	s.c = c
	gc, pending := cellValue(&x.xmlCell, s.sst)
	if gc.Text == "" && !pending {
		return nil
	}
	if s.cells++; s.cells > sheet.MaxCells {
		return &msgErr{app.M("the file has more than %d cells; split it into smaller files", sheet.MaxCells)}
	}
	cell := importmap.Cell{Text: gc.Text, Num: gc.Num, IsNum: gc.IsNum, Formula: x.F != nil}
	if i, err := strconv.Atoi(x.S); err == nil && i >= 0 && i < len(s.formats) {
		cell.Percent, cell.Date = s.formats[i].percent, s.formats[i].date
	}
	if pending {
		s.pending = append(s.pending, pendingFormula{s.r - 1, c - 1})
	}
	for len(s.row) < c-1 {
		s.row = append(s.row, importmap.Cell{})
	}
	s.row = append(s.row, cell)
	return nil
}

// merge records a merged range.
func (s *tableStream) merge(se xml.StartElement) {
	for _, a := range se.Attr {
		if a.Name.Local != "ref" {
			continue
		}
		from, to, ok := strings.Cut(a.Value, ":")
		if !ok {
			return
		}
		c0, r0, err0 := excelize.CellNameToCoordinates(from)
		c1, r1, err1 := excelize.CellNameToCoordinates(to)
		if err0 == nil && err1 == nil {
			s.t.Merged = append(s.t.Merged, importmap.Merge{Row0: r0 - 1, Col0: c0 - 1, Row1: r1 - 1, Col1: c1 - 1})
		}
	}
}
