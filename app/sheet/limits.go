package sheet

import "kpiplanner/app"

// The bounds of what an import reads; a file beyond them is refused before
// it can fill the memory or the disk.
const (
	// MaxRows is the most rows an import file may have.
	MaxRows = 200_000
	// MaxCols is the most columns an import file may have (column ALL).
	MaxCols = 1_000
	// MaxCells is the most cells, empty ones included, an import file may
	// have from column A to the last cell of each row.
	MaxCells = 4_000_000
	// MaxFileBytes is the most bytes a CSV file, or the uncompressed parts
	// of an .xlsx file that an import reads, may have.
	MaxFileBytes = 512 << 20
	// MaxCellChars is the most characters a spreadsheet cell holds (Excel's limit).
	MaxCellChars = 32_767
)

// tooManyRows is the error of a file with more than MaxRows rows.
func tooManyRows() error {
	return &CellError{Msg: app.M("the file has more than %d rows; split it into smaller files", MaxRows)}
}

// tooManyCols is the error of a row with a cell beyond column MaxCols.
func tooManyCols(row int, col string) error {
	return &CellError{Msg: app.M("row %d has a cell in column %s, beyond column %s: the file is too wide to import", row, col, ColName(MaxCols-1))}
}

// tooManyCells is the error of a file with more than MaxCells cells.
func tooManyCells() error {
	return &CellError{Msg: app.M("the file has more than %d cells; split it into smaller files", MaxCells)}
}

// tooLarge is the error of a file with more than MaxFileBytes bytes.
func tooLarge() error {
	return &CellError{Msg: app.M("the file is larger than %d MB once uncompressed; split it into smaller files", MaxFileBytes>>20)}
}

// GridBuilder collects the rows of an import file into a Grid, refusing
// more than MaxRows rows, cells beyond column MaxCols and more than MaxCells cells.
type GridBuilder struct {
	g     Grid
	cells int
}

// Add sets row (1-based) to cells, after any rows added before it; rows
// skipped in between are empty.
func (b *GridBuilder) Add(row int, cells []GridCell) error {
	if row > MaxRows {
		return tooManyRows()
	}
	if len(cells) > MaxCols {
		return tooManyCols(row, ColName(len(cells)-1))
	}
	b.cells += len(cells)
	if b.cells > MaxCells {
		return tooManyCells()
	}
	for len(b.g) < row-1 {
		b.g = append(b.g, nil)
	}
	b.g = append(b.g, cells)
	return nil
}

// Len returns how many rows have been added.
func (b *GridBuilder) Len() int { return len(b.g) }

// Grid returns the rows added.
func (b *GridBuilder) Grid() Grid { return b.g }
