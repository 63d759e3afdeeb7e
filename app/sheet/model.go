package sheet

import (
	"iter"
	"slices"
)

// Kind is what a cell holds (or, for a formula, what its result is).
type Kind uint8

// The cell kinds.
const (
	Empty   Kind = iota // nothing, or a formula whose result is blank
	Text                // a string, always stored as text and never evaluated
	Number              // a plain number
	Percent             // a fraction shown as a percentage: 0.95 shows as 95 %
	Money               // an amount of money
	Date                // a calendar day, held as a serial day number (see Serial)
)

// Style is the semantic role of a cell; the file writers turn it into fonts,
// fills and borders.
type Style uint8

// The cell styles.
const (
	Plain    Style = iota // ordinary content
	Title                 // a sheet's title
	Label                 // the name of a field in a header block
	Header                // a table's column header
	Input                 // a value the reader may edit (targets, actuals, weights)
	Computed              // a formula's result
	Helper                // a helper column the formulas use
	Subtotal              // a group subtotal
	Total                 // a plan total, rating or bonus
	Note                  // an explanation for the reader
)

// Cell is one cell of a sheet: a value of some Kind, or a formula with the
// value it computes to (its cached result), a style and a number format.
type Cell struct {
	Kind    Kind
	Style   Style
	Str     string  // the text of Text cells (and of text formulas' results)
	Num     float64 // the value of Number, Percent, Money and Date cells
	Formula string  // an Excel formula without the leading "="; "" for a plain value
	Format  string  // an Excel number format code; "" uses the Kind's default
}

// Row is one row of cells, from column A.
type Row []Cell

// Col is a column's width (in characters) and visibility.
type Col struct {
	Width  float64
	Hidden bool
}

// Range is a rectangle of cells on a sheet, 0-based and inclusive.
type Range struct {
	Sheet      string
	Col0, Row0 int
	Col1, Row1 int
}

// Chart is a native bar chart of one series: values against categories.
type Chart struct {
	Title      string
	Series     Range // the cell holding the series' name
	Categories Range
	Values     Range
	Percent    bool // the values are fractions shown as percentages
	Row, Col   int  // the cell the chart's top-left corner sits on
	Width      int  // in pixels
	Height     int  // in pixels
}

// Sheet is one table of a workbook. Its rows are produced by Rows, so a
// large sheet can be written without holding it all in memory.
type Sheet struct {
	Name       string
	Cols       []Col // per column from A; missing columns get the default width
	FreezeRows int   // rows kept in view when scrolling; repeated on printed pages
	FreezeCols int   // columns kept in view when scrolling
	HeaderRows int   // rows repeated at the top of a continuation sheet when a sheet has too many rows
	PrintCols  int   // columns printed from A (0 = all)
	Charts     []Chart
	NumRows    int // how many rows Rows yields
	// Rows yields the sheet's rows in order; the Row it yields may be reused
	// after yield returns. It may be called more than once (the .xlsx writer
	// reads a long sheet twice) and must yield the same rows every time.
	Rows iter.Seq[Row]
}

// Workbook is an ordered set of sheets.
type Workbook struct {
	Sheets []*Sheet
}

// NumRows returns the number of rows of all sheets.
func (w *Workbook) NumRows() int {
	n := 0
	for _, s := range w.Sheets {
		n += s.NumRows
	}
	return n
}

// SetRows makes rows the sheet's content.
func (s *Sheet) SetRows(rows []Row) {
	s.NumRows = len(rows)
	s.Rows = slices.Values(rows)
}

// Collect returns a copy of every row of s, for tests and small sheets.
func Collect(s *Sheet) []Row {
	out := make([]Row, 0, s.NumRows)
	if s.Rows == nil {
		return out
	}
	for r := range s.Rows {
		out = append(out, slices.Clone(r))
	}
	return out
}

// Str returns a Text cell.
func Str(s string, st Style) Cell { return Cell{Kind: Text, Style: st, Str: s} }

// Num returns a Number cell with a number format ("" for General).
func Num(v float64, st Style, format string) Cell {
	return Cell{Kind: Number, Style: st, Num: v, Format: format}
}

// Blank returns an empty cell with a style.
func Blank(st Style) Cell { return Cell{Style: st} }

// Formula returns a formula cell whose cached result is the number v, or
// blank when ok is false.
func Formula(f string, v float64, ok bool, k Kind, st Style, format string) Cell {
	c := Cell{Kind: k, Style: st, Formula: f, Num: v, Format: format}
	if !ok {
		c.Kind, c.Num = Empty, 0
	}
	return c
}

// TextFormula returns a formula cell whose cached result is the text s.
func TextFormula(f, s string, st Style) Cell {
	c := Cell{Kind: Text, Style: st, Formula: f, Str: s}
	if s == "" {
		c.Kind = Empty
	}
	return c
}
