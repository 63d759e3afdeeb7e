package importmap

import (
	"context"

	"kpiplanner/app"
)

// SheetInfo is one sheet of a workbook as the import lists it.
type SheetInfo struct {
	Name   string
	Hidden bool // hidden or very hidden in the workbook
}

// Cell is one cell of a sheet, read neutrally from any file format.
type Cell struct {
	Text    string  // the text shown (for numbers, their plain digits)
	Num     float64 // the number, when IsNum
	IsNum   bool    // the file stores a number (dates included, as serials)
	Percent bool    // the cell is formatted as a percentage: Num 0.7075 shows as 70.75 %
	Date    bool    // the cell is formatted as a date: Num is a serial day number
	Formula bool    // the cell holds a formula; Text/Num are its cached or computed result
}

// Merge is a merged range of cells, 0-based and inclusive.
type Merge struct {
	Row0, Col0, Row1, Col1 int
}

// Contains reports whether the cell at row r, column c lies in m.
func (m Merge) Contains(r, c int) bool {
	return r >= m.Row0 && r <= m.Row1 && c >= m.Col0 && c <= m.Col1
}

// Table is one sheet's content: rows of cells from column A, and its merged ranges.
type Table struct {
	Sheet  string
	Rows   [][]Cell
	Merged []Merge
}

// At returns the cell at row r, column c, or an empty cell; a cell covered
// by a merged range (other than its top-left) reads as that range's top-left.
func (t *Table) At(r, c int) Cell {
	if r >= 0 && r < len(t.Rows) && c >= 0 && c < len(t.Rows[r]) && t.Rows[r][c].Text != "" {
		return t.Rows[r][c]
	}
	for _, m := range t.Merged {
		if m.Contains(r, c) && (m.Row0 != r || m.Col0 != c) {
			return t.raw(m.Row0, m.Col0)
		}
	}
	return t.raw(r, c)
}

// raw returns the cell at row r, column c as stored, or an empty cell.
func (t *Table) raw(r, c int) Cell {
	if r >= 0 && r < len(t.Rows) && c >= 0 && c < len(t.Rows[r]) {
		return t.Rows[r][c]
	}
	return Cell{}
}

// Width returns the number of columns of the widest row.
func (t *Table) Width() int {
	w := 0
	for _, r := range t.Rows {
		w = max(w, len(r))
	}
	return w
}

// Reader reads workbooks for the import: storage/xlsx implements it for
// .xlsx, .xlsm and .csv files.
type Reader interface {
	// Sheets lists the sheets of the workbook at path, in workbook order.
	Sheets(ctx context.Context, path, password string) ([]SheetInfo, error)
	// ReadTable reads one sheet ("" = the first visible one) of the
	// workbook at path.
	ReadTable(ctx context.Context, path, sheet, password string) (*Table, error)
}

// ErrLegacyXLS is the error of an Excel 97–2003 (.xls) or other binary
// workbook, which is not read; it says how to save it as .xlsx.
var ErrLegacyXLS error = &Error{Msg: app.M("this is an Excel 97–2003 (.xls) or other binary workbook, which KPI Planner does not read: open it in Excel or LibreOffice Calc, choose File, Save As, Excel Workbook (.xlsx), and import the .xlsx file")}

// Error is an import error with a translatable message; it matches app.ErrInvalid.
type Error struct{ Msg app.Msg }

// Errorf returns an Error of the message key and its arguments.
func Errorf(key string, args ...any) *Error { return &Error{Msg: app.M(key, args...)} }

func (e *Error) Error() string { return e.Msg.String() }

// Message returns the error as a translatable message.
func (e *Error) Message() app.Msg { return e.Msg }

// Is makes the error match app.ErrInvalid.
func (e *Error) Is(target error) bool { return target == app.ErrInvalid }
