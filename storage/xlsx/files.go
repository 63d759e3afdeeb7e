package xlsx

import (
	"context"
	"io"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/importmap"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/storage/fileio"
)

// Files implements files.Spreadsheets with this package's functions.
type Files struct{}

var _ files.Spreadsheets = Files{}

// WriteScorecards calls WriteScorecards.
func (Files) WriteScorecards(ctx context.Context, path string, plans []*app.Plan, pick score.Pick, o Options) ([]string, error) {
	return WriteScorecards(ctx, path, plans, pick, o)
}

// WriteCompany calls WriteCompany.
func (Files) WriteCompany(ctx context.Context, path string, plans []*app.Plan, pick score.Pick, o Options) ([]string, error) {
	return WriteCompany(ctx, path, plans, pick, o)
}

// WriteActualsTemplate calls WriteActualsTemplate.
func (Files) WriteActualsTemplate(ctx context.Context, path string, p *app.Plan, filled bool, o Options) ([]string, error) {
	return WriteActualsTemplate(ctx, path, p, filled, o)
}

// WriteKPISheet calls WriteKPISheet.
func (Files) WriteKPISheet(ctx context.Context, path string, p *app.Plan, o Options) ([]string, error) {
	return WriteKPISheet(ctx, path, p, o)
}

// ReadGrid reads the first sheet of path with ReadGridContext, opening a
// protected workbook with password.
func (Files) ReadGrid(ctx context.Context, path, password string) (sheet.Grid, error) {
	return ReadGridContext(ctx, path, ReadOptions{Password: password})
}

// WriteTable writes table with WriteWorkbook, as a workbook of one sheet.
func (Files) WriteTable(ctx context.Context, path string, table *sheet.Sheet, o Options) ([]string, error) {
	return WriteWorkbook(ctx, path, &sheet.Workbook{Sheets: []*sheet.Sheet{table}}, o)
}

// WriteDocument writes a plain document atomically (storage/fileio).
func (Files) WriteDocument(path string, write func(w io.Writer) error) error {
	return fileio.WriteFile(path, write)
}

// ReadDocument opens a plain document and passes it to read.
func (Files) ReadDocument(path string, read func(r io.Reader) error) error {
	return fileio.Files{}.ReadFile(path, read)
}

// WriteWorkbook calls WriteWorkbook (issue 14: the bonus workbooks of the GUI).
func (Files) WriteWorkbook(ctx context.Context, path string, wb *sheet.Workbook, o Options) ([]string, error) {
	return WriteWorkbook(ctx, path, wb, o)
}

// Sheets lists the workbook's sheets with Importer.
func (Files) Sheets(ctx context.Context, path, password string) ([]importmap.SheetInfo, error) {
	return Importer{}.Sheets(ctx, path, password)
}

// ReadTable reads one sheet with an Importer of the CSV encoding and separator given.
func (Files) ReadTable(ctx context.Context, path, sheet, password, enc string, sep rune) (*importmap.Table, error) {
	return Importer{Encoding: enc, Separator: sep}.ReadTable(ctx, path, sheet, password)
}
