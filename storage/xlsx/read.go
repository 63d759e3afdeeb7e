package xlsx

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// ReadOptions choose what ReadGridWith reads.
type ReadOptions struct {
	Sheet    string // the sheet to read; "" = the first one (ignored for .csv)
	Password string // for a password-protected .xlsx
}

// ReadGrid reads the first sheet of an .xlsx file, or a .csv file, as a
// grid for the import parsers of package app/sheet.
func ReadGrid(path string) (sheet.Grid, error) {
	return ReadGridContext(context.Background(), path, ReadOptions{})
}

// ReadGridWith reads one sheet of an .xlsx file, or a .csv file, as a grid.
func ReadGridWith(path string, o ReadOptions) (sheet.Grid, error) {
	return ReadGridContext(context.Background(), path, o)
}

// ReadGridContext reads one sheet of an .xlsx file, or a .csv file, as a
// grid, stopping when ctx is cancelled. Cells an .xlsx file stores as numbers
// (dates included) keep their value; formulas stored without their result
// (as openpyxl and pandas write them) are computed, or refused naming the
// cells. The file is streamed and bounded (see sheet.MaxRows and the other
// limits); nothing is written to the disk.
func ReadGridContext(ctx context.Context, path string, o ReadOptions) (sheet.Grid, error) {
	if IsCSV(path) {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", path, err)
		}
		defer f.Close()
		g, err := sheet.ReadCSV(f)
		if err != nil {
			return nil, fmt.Errorf("import %s: %w", path, err)
		}
		return g, nil
	}
	g, err := readXLSX(ctx, path, o)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return g, nil
}

func readXLSX(ctx context.Context, path string, o ReadOptions) (sheet.Grid, error) {
	b, done, err := openBook(path, o.Password)
	if err != nil {
		return nil, err
	}
	defer done()
	part, name, sstPart, err := b.sheetPart(o.Sheet)
	if err != nil {
		return nil, err
	}
	sst, err := b.sharedStrings(sstPart)
	if err != nil {
		return nil, err
	}
	rc, err := b.open(part)
	if err != nil {
		return nil, fmt.Errorf("the sheet %s: %w", name, err)
	}
	defer rc.Close()
	g, formulas, err := stream(ctx, rc, sst)
	if err != nil {
		return nil, err
	}
	if len(formulas) > 0 {
		if err := b.compute(name, g, formulas); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// compute fills in the formulas stored without their result with excelize's
// calculation engine, or refuses naming the cells it cannot compute.
func (b *book) compute(name string, g sheet.Grid, formulas []pendingFormula) error {
	refs := func(fs []pendingFormula) string {
		var out []string
		for i, f := range fs {
			if i == 10 {
				out = append(out, "…")
				break
			}
			out = append(out, sheet.Ref(f.col, f.row))
		}
		return strings.Join(out, ", ")
	}
	if len(formulas) > maxFormulas {
		return &msgErr{app.M("%d cells (%s) hold formulas saved without their results; open the file in Excel or LibreOffice, save it and import it again", len(formulas), refs(formulas))}
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
	var failed []pendingFormula
	for _, p := range formulas {
		v, err := f.CalcCellValue(name, sheet.Ref(p.col, p.row), excelize.Options{RawCellValue: true})
		if err != nil || strings.HasPrefix(v, "#") {
			failed = append(failed, p)
			continue
		}
		g[p.row][p.col] = sheet.GridCell{Text: v}
		if n, err := strconv.ParseFloat(v, 64); err == nil {
			g[p.row][p.col] = sheet.NumCell(n)
		}
	}
	if len(failed) > 0 {
		return &msgErr{app.M("%d cells (%s) hold formulas saved without their results that KPI Planner cannot compute; open the file in Excel or LibreOffice, save it and import it again", len(failed), refs(failed))}
	}
	return nil
}
