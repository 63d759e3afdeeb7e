package xlsx

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// richText is a shared or inline string: plain, or runs of text.
type richText struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

// String returns the text without its formatting.
func (s *richText) String() string {
	if len(s.Runs) == 0 {
		return s.T
	}
	var b strings.Builder
	b.WriteString(s.T)
	for _, r := range s.Runs {
		b.WriteString(r.T)
	}
	return b.String()
}

// xmlCell is a cell of a worksheet as stored.
type xmlCell struct {
	R  string    `xml:"r,attr"`
	T  string    `xml:"t,attr"`
	F  *struct{} `xml:"f"`
	V  *string   `xml:"v"`
	IS *richText `xml:"is"`
}

// pendingFormula is a formula cell stored without its result.
type pendingFormula struct{ row, col int }

// stream reads the sheet XML of part into a grid, one row at a time,
// refusing what is beyond the bounds of package sheet as soon as it is seen.
func stream(ctx context.Context, rc io.Reader, sst []string) (sheet.Grid, []pendingFormula, error) {
	s := &sheetStream{ctx: ctx, d: xml.NewDecoder(rc), sst: sst}
	for {
		tok, err := s.d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("the sheet: %w", err)
		}
		if err := s.token(tok); err != nil {
			return nil, nil, err
		}
	}
	return s.gb.Grid(), s.formulas, nil
}

// sheetStream is the state of stream between two XML tokens.
type sheetStream struct {
	ctx      context.Context
	d        *xml.Decoder
	sst      []string
	gb       sheet.GridBuilder
	row      []sheet.GridCell // the cells of the row being read
	formulas []pendingFormula
	r, c     int // the 1-based row and column of the last cell read
	rows     int // rows started, for checking ctx now and then
	inRow    bool
}

// token takes one token of the sheet XML.
func (s *sheetStream) token(tok xml.Token) error {
	switch se := tok.(type) {
	case xml.StartElement:
		switch se.Name.Local {
		case "row":
			return s.startRow(se)
		case "c":
			return s.cell(&se)
		}
	case xml.EndElement:
		if se.Name.Local == "row" && s.inRow {
			s.inRow = false
			return s.gb.Add(s.r, s.row)
		}
	}
	return nil
}

// startRow begins the row element se, refusing rows beyond sheet.MaxRows.
func (s *sheetStream) startRow(se xml.StartElement) error {
	s.r, s.c, s.row, s.inRow = nextRow(se, s.r), 0, nil, true
	if s.r > sheet.MaxRows {
		return &msgErr{app.M("the file has more than %d rows; split it into smaller files", sheet.MaxRows)}
	}
	if s.rows++; s.rows%1024 == 0 && s.ctx.Err() != nil {
		return s.ctx.Err()
	}
	return nil
}

// cell reads the cell element se into the current row.
func (s *sheetStream) cell(se *xml.StartElement) error {
	var x xmlCell
	if err := s.d.DecodeElement(&x, se); err != nil {
		return fmt.Errorf("the sheet, row %d: %w", s.r, err)
	}
	c, err := cellColumn(x.R, s.c, s.r)
	if err != nil {
		return err
	}
	s.c = c
	gc, pending := cellValue(&x, s.sst)
	if pending {
		s.formulas = append(s.formulas, pendingFormula{s.r - 1, c - 1})
	}
	if gc.Text != "" || pending {
		for len(s.row) < c-1 {
			s.row = append(s.row, sheet.GridCell{})
		}
		s.row = append(s.row, gc)
	}
	return nil
}

// nextRow returns the 1-based number of the row element se, after row prev.
func nextRow(se xml.StartElement, prev int) int {
	for _, a := range se.Attr {
		if a.Name.Local == "r" {
			if n, err := strconv.Atoi(a.Value); err == nil && n > prev {
				return n
			}
		}
	}
	return prev + 1
}

// cellColumn returns the 1-based column of a cell referenced ref (the one
// after prev when ref is empty), refusing columns beyond sheet.MaxCols.
func cellColumn(ref string, prev, row int) (int, error) {
	c := prev + 1
	if ref != "" {
		col, _, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return 0, &msgErr{app.M("row %d: %q is not a cell reference", row, ref)}
		}
		c = col
	}
	if c > sheet.MaxCols {
		return 0, &msgErr{app.M("row %d has a cell in column %s, beyond column %s: the file is too wide to import", row, sheet.ColName(c-1), sheet.ColName(sheet.MaxCols-1))}
	}
	return c, nil
}

// cellValue returns a cell's value, and whether it is a formula stored
// without its result.
func cellValue(x *xmlCell, sst []string) (sheet.GridCell, bool) {
	v := ""
	if x.V != nil {
		v = *x.V
	}
	if x.F != nil && (x.V == nil || v == "" && x.T != "str") {
		return sheet.GridCell{}, true // openpyxl and pandas write formulas without results
	}
	switch x.T {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(sst) {
			return sheet.GridCell{}, false
		}
		return sheet.GridCell{Text: sst[i]}, false
	case "inlineStr":
		if x.IS != nil {
			return sheet.GridCell{Text: x.IS.String()}, false
		}
		return sheet.GridCell{}, false
	case "", "n":
		if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return sheet.NumCell(f), false
		}
	}
	return sheet.GridCell{Text: v}, false
}
