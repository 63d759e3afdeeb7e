package xlsx

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

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
	return ReadGridWith(path, ReadOptions{})
}

// ReadGridWith reads one sheet of an .xlsx file, or a .csv file, as a grid.
// Cells an .xlsx file stores as numbers (dates included) keep their value.
func ReadGridWith(path string, o ReadOptions) (sheet.Grid, error) {
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
	g, err := readXLSX(path, o)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", path, err)
	}
	return g, nil
}

func readXLSX(path string, o ReadOptions) (sheet.Grid, error) {
	f, err := excelize.OpenFile(path, excelize.Options{Password: o.Password})
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	name := o.Sheet
	if name == "" {
		list := f.GetSheetList()
		if len(list) == 0 {
			return nil, fmt.Errorf("the workbook has no sheet")
		}
		name = list[0]
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	g := make(sheet.Grid, len(rows))
	for r, row := range rows {
		g[r] = make([]sheet.GridCell, len(row))
		for c, text := range row {
			g[r][c] = sheet.GridCell{Text: text}
			if strings.TrimSpace(text) == "" {
				continue
			}
			if v, ok := numeric(f, name, c, r, text); ok {
				g[r][c] = sheet.NumCell(v)
			}
		}
	}
	return g, nil
}

// numeric returns the value of a cell the workbook stores as a number (a
// plain or date cell, or a formula with a numeric result).
func numeric(f *excelize.File, name string, c, r int, text string) (float64, bool) {
	ref, err := excelize.CoordinatesToCellName(c+1, r+1)
	if err != nil {
		return 0, false
	}
	t, err := f.GetCellType(name, ref)
	if err != nil || t != excelize.CellTypeUnset && t != excelize.CellTypeNumber {
		return 0, false
	}
	v, err := strconv.ParseFloat(text, 64)
	return v, err == nil
}
