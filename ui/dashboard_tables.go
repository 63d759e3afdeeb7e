package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// cell is one formatted value of a dashboard table.
type cell struct {
	text string
	imp  widget.Importance
}

// plain is a cell in the default colour.
func plain(s string) cell { return cell{text: s} }

// column is a dashboard table's column: its title, width (0: the room
// left, for one column) and alignment.
type column struct {
	title string
	width float32
	align fyne.TextAlign
}

// shortTable is a titled table of a few rows (top KPIs, a person's KPIs),
// laid out in full so it needs no scrolling of its own.
type shortTable struct {
	cols  []column
	title *widget.Label
	rows  *fyne.Container
	empty *widget.Label
	root  fyne.CanvasObject
}

func newShortTable(title, empty string, cols []column) *shortTable {
	t := &shortTable{cols: cols, rows: container.NewVBox(), empty: widget.NewLabel(empty)}
	t.title = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.empty.Importance = widget.LowImportance
	t.empty.Hide()
	head := t.newRow()
	for i, c := range cols {
		l := head.Objects[i].(*widget.Label)
		l.SetText(c.title)
		l.Importance = widget.LowImportance
	}
	t.root = container.NewVBox(t.title, head, widget.NewSeparator(), t.rows, t.empty)
	return t
}

func (t *shortTable) view() fyne.CanvasObject { return t.root }

// newRow returns an empty row of labels in the table's columns.
func (t *shortTable) newRow() *fyne.Container {
	widths := make([]float32, len(t.cols))
	objs := make([]fyne.CanvasObject, len(t.cols))
	for i, c := range t.cols {
		widths[i] = c.width
		l := widget.NewLabel("")
		l.Alignment = c.align
		l.Truncation = fyne.TextTruncateEllipsis
		objs[i] = l
	}
	return container.New(&columnsLayout{widths: widths}, objs...)
}

// set shows rows, reusing the rows already there.
func (t *shortTable) set(rows [][]cell) {
	for len(t.rows.Objects) < len(rows) {
		t.rows.Add(t.newRow())
	}
	for len(t.rows.Objects) > len(rows) {
		t.rows.Remove(t.rows.Objects[len(t.rows.Objects)-1])
	}
	for i, r := range rows {
		row := t.rows.Objects[i].(*fyne.Container)
		for j, c := range r {
			l := row.Objects[j].(*widget.Label)
			l.Importance = c.imp
			l.SetText(c.text)
		}
	}
	if len(rows) == 0 {
		t.empty.Show()
	} else {
		t.empty.Hide()
	}
}

// longTable is a titled, scrolling table of any number of rows (a
// department's members), drawing only the rows in sight.
type longTable struct {
	cols  []column
	data  [][]cell
	title *widget.Label
	table *rowTable
	empty *widget.Label // shown instead of an empty table
	root  fyne.CanvasObject
}

// newLongTable returns a table of height with the given title ("" for none).
func newLongTable(title, empty string, cols []column, height float32) *longTable {
	t := &longTable{cols: cols, empty: widget.NewLabel(empty)}
	t.empty.Importance = widget.LowImportance
	t.empty.Hide()
	t.title = widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.table = newRowTable(
		func() (int, int) { return len(t.data), len(t.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Nguyễn Thị Minh Khai")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		t.updateCell, nil)
	t.table.ShowHeaderColumn = false
	t.table.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.table.UpdateHeader = t.updateHeader
	for i, c := range cols {
		if c.width == 0 {
			t.table.SetColumnWidth(i, 120) // until laid out
		} else {
			t.table.SetColumnWidth(i, c.width)
		}
	}
	strut := canvas.NewRectangle(color.Transparent) // holds the table's height inside a scrolling page
	strut.SetMinSize(fyne.NewSize(0, height))
	body := container.New(&flexTableLayout{t: t}, t.table, container.NewVBox(t.empty))
	if title == "" {
		t.root = container.NewBorder(nil, nil, strut, nil, body)
	} else {
		t.root = container.NewBorder(t.title, nil, strut, nil, body)
	}
	return t
}

func (t *longTable) view() fyne.CanvasObject { return t.root }

// set shows rows.
func (t *longTable) set(rows [][]cell) {
	t.data = rows
	t.table.clearRow() // a selected row would now be another member's
	t.table.Refresh()
	t.table.ScrollToTop()
	if len(rows) == 0 {
		t.table.Hide()
		t.empty.Show()
	} else {
		t.empty.Hide()
		t.table.Show()
	}
}

func (t *longTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(t.data) || id.Col < 0 || id.Col >= len(t.data[id.Row]) {
		l.SetText("")
		return
	}
	c := t.data[id.Row][id.Col]
	l.Alignment = t.cols[id.Col].align
	l.Importance = c.imp
	l.SetText(c.text)
}

func (t *longTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col < 0 || id.Col >= len(t.cols) {
		l.SetText("")
		return
	}
	l.Alignment = t.cols[id.Col].align
	l.SetText(t.cols[id.Col].title)
}

// flexTableLayout fills a long table's area and gives its flexible column
// (width 0) the room the other columns leave.
type flexTableLayout struct {
	t     *longTable
	width float32 // the width the columns were fitted to
}

// Layout fills the area and fits the flexible column to its width.
func (l *flexTableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if size.Width == l.width {
		return
	}
	l.width = size.Width
	// the columns' separators and the vertical scroll bar take some room too
	rest := size.Width - theme.ScrollBarSize() - 2*theme.Padding()
	flex := -1
	for i, c := range l.t.cols {
		rest -= c.width + theme.SeparatorThicknessSize()
		if c.width == 0 {
			flex = i
		}
	}
	if flex >= 0 {
		l.t.table.SetColumnWidth(flex, max(rest, 120))
	}
}

// MinSize is the table's minimum size.
func (l *flexTableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
