package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowTable is a table whose selection is a whole row: every cell of the
// selected row is drawn on the selection colour, the table's own one-cell
// marker is never shown (it stayed on a cell when the rows were re-sorted),
// and Up/Down move the selected row.
type rowTable struct {
	widget.Table
	row, col int // the selected row (-1 for none) and the column last focused
	update   func(widget.TableCellID, fyne.CanvasObject)
	onRow    func(row int) // the user selected row (may be nil)
	onEnter  func(row int) // Enter on the selected row (may be nil)
}

// newRowTable returns a row-selecting table with a header row; create and
// update make and fill a cell's content as for widget.NewTable.
func newRowTable(length func() (int, int), create func() fyne.CanvasObject,
	update func(widget.TableCellID, fyne.CanvasObject), onRow func(row int)) *rowTable {
	t := &rowTable{row: -1, update: update, onRow: onRow}
	t.Length = length
	t.CreateCell = func() fyne.CanvasObject {
		bg := canvas.NewRectangle(color.Transparent)
		return &fyne.Container{Layout: rowCellLayout{}, Objects: []fyne.CanvasObject{bg, create()}}
	}
	t.UpdateCell = t.updateCell
	t.ShowHeaderRow = true
	t.OnSelected = t.selected
	t.ExtendBaseWidget(t)
	return t
}

// updateCell draws the cell's background for its row and fills its content.
func (t *rowTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg := c.Objects[0].(*canvas.Rectangle)
	var fill color.Color = color.Transparent
	if id.Row == t.row {
		fill = t.selectionColor()
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	t.update(id, c.Objects[1])
}

func (t *rowTable) selectionColor() color.Color {
	return t.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
}

// selected makes id's row the selected one.
func (t *rowTable) selected(id widget.TableCellID) {
	t.UnselectAll() // no one-cell marker: the row's cells show the selection
	t.row, t.col = id.Row, id.Col
	t.Refresh()
	if t.onRow != nil {
		t.onRow(id.Row)
	}
}

// selectRow selects row as if the user had, scrolling it into sight; a row
// out of range clears the selection.
func (t *rowTable) selectRow(row int) {
	rows, _ := t.Length()
	if row < 0 || row >= rows {
		t.clearRow()
		return
	}
	t.Select(widget.TableCellID{Row: row, Col: t.col})
}

// clearRow leaves no row selected.
func (t *rowTable) clearRow() {
	t.UnselectAll()
	if t.row != -1 {
		t.row = -1
		t.Refresh()
	}
}

// selectedRow is the selected row, -1 for none.
func (t *rowTable) selectedRow() int { return t.row }

// TypedKey moves the selected row with Up and Down and opens it with Enter;
// other keys behave as in widget.Table.
func (t *rowTable) TypedKey(e *fyne.KeyEvent) {
	rows, cols := t.Length()
	switch e.Name {
	case fyne.KeyUp:
		if t.row > 0 {
			t.selectRow(t.row - 1)
		}
	case fyne.KeyDown:
		if t.row < rows-1 {
			t.selectRow(t.row + 1)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if t.onEnter != nil && t.row >= 0 {
			t.onEnter(t.row)
		}
	case fyne.KeyLeft:
		t.col = max(t.col-1, 0)
		t.Table.TypedKey(e)
	case fyne.KeyRight:
		t.col = min(t.col+1, max(cols-1, 0))
		t.Table.TypedKey(e)
	default:
		t.Table.TypedKey(e)
	}
}

// rowCellLayout stacks a row table cell's background under its content.
type rowCellLayout struct{}

// Layout gives the background and the content the whole cell.
func (rowCellLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the content's.
func (rowCellLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[1].MinSize() }
