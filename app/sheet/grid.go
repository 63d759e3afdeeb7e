package sheet

import "strconv"

// Grid is a table read from a spreadsheet file for the import parsers:
// rows of cells, from column A.
type Grid [][]GridCell

// GridCell is one cell read from a file: its text, and for cells a
// workbook stored as numbers (dates included), the number itself, which
// the parsers take as is rather than reading the text the user's way.
type GridCell struct {
	Text  string
	Num   float64
	IsNum bool
}

// TextGrid returns a grid of text cells.
func TextGrid(rows [][]string) Grid {
	g := make(Grid, len(rows))
	for i, r := range rows {
		g[i] = make([]GridCell, len(r))
		for j, s := range r {
			g[i][j] = GridCell{Text: s}
		}
	}
	return g
}

// NumCell returns a numeric grid cell.
func NumCell(v float64) GridCell {
	return GridCell{Text: strconv.FormatFloat(v, 'f', -1, 64), Num: v, IsNum: true}
}

// cell returns the cell at row r, column c, or an empty cell.
func (g Grid) cell(r, c int) GridCell {
	if r < len(g) && c >= 0 && c < len(g[r]) {
		return g[r][c]
	}
	return GridCell{}
}
