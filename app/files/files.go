// Package files declares how the GUI reads and writes spreadsheet files:
// the Spreadsheets interface, its options and its errors. Package
// storage/xlsx implements it, as package storage implements app.Store.
package files

import (
	"context"
	"io"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/progress"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
)

// Spreadsheets writes the GUI's exports and reads the files it imports, each
// an .xlsx workbook or, when the path ends in .csv, CSV files.
type Spreadsheets interface {
	// WriteScorecards writes one scorecard sheet per plan, scored over the
	// window pick chooses for it, and returns the files written.
	WriteScorecards(ctx context.Context, path string, plans []*app.Plan, pick score.Pick, o Options) ([]string, error)
	// WriteCompany writes the company bonus workbook of plans and returns the files written.
	WriteCompany(ctx context.Context, path string, plans []*app.Plan, pick score.Pick, o Options) ([]string, error)
	// WriteActualsTemplate writes the actuals import template of p (with
	// filled, holding the actuals recorded so far) and returns the files written.
	WriteActualsTemplate(ctx context.Context, path string, p *app.Plan, filled bool, o Options) ([]string, error)
	// WriteKPISheet writes p's KPI definitions in the layout the KPI import
	// reads and returns the files written.
	WriteKPISheet(ctx context.Context, path string, p *app.Plan, o Options) ([]string, error)
	// ReadGrid reads the first sheet of the file at path as a grid for the
	// import parsers of package app/sheet, opening a protected workbook with
	// password; it fails with ErrPasswordProtected or ErrWrongPassword
	// (wrapped) when the password is missing or wrong.
	ReadGrid(ctx context.Context, path, password string) (sheet.Grid, error)
	// WriteTable writes one table laid out in app/ (the people or units
	// export of package app/registry) as an .xlsx workbook of one sheet, or a
	// .csv file, and returns the files written.
	WriteTable(ctx context.Context, path string, table *sheet.Sheet, o Options) ([]string, error)
	// WriteDocument writes a plain document (a KPI library file) through
	// write, atomically: a temporary file renamed into place.
	WriteDocument(path string, write func(w io.Writer) error) error
	// ReadDocument opens a plain document and passes it to read.
	ReadDocument(path string, read func(r io.Reader) error) error
	// WriteWorkbook writes a workbook laid out in app/ (the bonus pool
	// workbook, the bonus regulation) as .xlsx, or one .csv file per sheet,
	// and returns the files written. (issue 14)
	WriteWorkbook(ctx context.Context, path string, wb *sheet.Workbook, o Options) ([]string, error)
	// Sheets lists the sheets of the workbook at path for the import
	// wizard (a CSV file has one), hidden ones marked.
	Sheets(ctx context.Context, path, password string) ([]importmap.SheetInfo, error)
	// ReadTable reads one sheet ("" = the first visible) of the workbook at
	// path for the import wizard; enc and sep are a CSV file's encoding and
	// separator ("" and 0 detect them).
	ReadTable(ctx context.Context, path, sheet, password, enc string, sep rune) (*importmap.Table, error)
}

// Options tune an export.
type Options struct {
	Password string          // encrypts the .xlsx when set; .csv files are never encrypted
	Progress progress.Func   // told how many rows have been written; may be nil
	T        sheet.Translate // the language of headers and labels; nil = English
	// History holds plans' change histories by plan uid, oldest first: an
	// .xlsx scorecard export adds a History sheet listing them (from
	// workspace.History). Plans without entries get none.
	History map[app.UID][]app.HistoryEntry
}

// The errors of a password-protected workbook; both match app.ErrInvalid.
var (
	// ErrPasswordProtected is the error of a password-protected workbook read without a password.
	ErrPasswordProtected error = &msgErr{app.M("this file is password-protected: give its password")}
	// ErrWrongPassword is the error of a password-protected workbook read with a wrong password.
	ErrWrongPassword error = &msgErr{app.M("wrong password: the file cannot be opened with it")}
)

// msgErr is an error with a translatable message.
type msgErr struct{ msg app.Msg }

func (e *msgErr) Error() string { return e.msg.String() }

// Message returns the error as a translatable message.
func (e *msgErr) Message() app.Msg { return e.msg }

// Is makes the errors match app.ErrInvalid.
func (e *msgErr) Is(target error) bool { return target == app.ErrInvalid }

// ErrUnavailable is the error of None: this build reads and writes no spreadsheet file.
var ErrUnavailable error = &msgErr{app.M("this build of KPI Planner cannot read or write spreadsheet files")}

// None is the Spreadsheets of a GUI given none: every call fails with ErrUnavailable.
type None struct{}

var _ Spreadsheets = None{}

// WriteScorecards fails with ErrUnavailable.
func (None) WriteScorecards(context.Context, string, []*app.Plan, score.Pick, Options) ([]string, error) {
	return nil, ErrUnavailable
}

// WriteCompany fails with ErrUnavailable.
func (None) WriteCompany(context.Context, string, []*app.Plan, score.Pick, Options) ([]string, error) {
	return nil, ErrUnavailable
}

// WriteActualsTemplate fails with ErrUnavailable.
func (None) WriteActualsTemplate(context.Context, string, *app.Plan, bool, Options) ([]string, error) {
	return nil, ErrUnavailable
}

// WriteKPISheet fails with ErrUnavailable.
func (None) WriteKPISheet(context.Context, string, *app.Plan, Options) ([]string, error) {
	return nil, ErrUnavailable
}

// WriteTable fails with ErrUnavailable.
func (None) WriteTable(context.Context, string, *sheet.Sheet, Options) ([]string, error) {
	return nil, ErrUnavailable
}

// ReadGrid fails with ErrUnavailable.
func (None) ReadGrid(context.Context, string, string) (sheet.Grid, error) {
	return nil, ErrUnavailable
}

// WriteDocument fails with ErrUnavailable.
func (None) WriteDocument(string, func(io.Writer) error) error { return ErrUnavailable }

// ReadDocument fails with ErrUnavailable.
func (None) ReadDocument(string, func(io.Reader) error) error { return ErrUnavailable }

// WriteWorkbook fails with ErrUnavailable.
func (None) WriteWorkbook(context.Context, string, *sheet.Workbook, Options) ([]string, error) {
	return nil, ErrUnavailable
}

// Sheets fails with ErrUnavailable.
func (None) Sheets(context.Context, string, string) ([]importmap.SheetInfo, error) {
	return nil, ErrUnavailable
}

// ReadTable fails with ErrUnavailable.
func (None) ReadTable(context.Context, string, string, string, string, rune) (*importmap.Table, error) {
	return nil, ErrUnavailable
}

// Documents writes and reads the app's own whole-file documents (packets,
// library files): writes are atomic, a temporary file renamed into place.
// Every Spreadsheets is one; storage/fileio.Files is one for the command line.
type Documents interface {
	// WriteDocument writes path through write, atomically.
	WriteDocument(path string, write func(w io.Writer) error) error
	// ReadDocument opens path and passes it to read.
	ReadDocument(path string, read func(r io.Reader) error) error
}
