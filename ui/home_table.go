package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/workspace"
)

func (h *homeScreen) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(h.rows), len(homeColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Nguyễn Thị Minh Khai")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		h.updateCell)
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("Department", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	t.UpdateHeader = h.updateHeader
	for i, w := range []float32{180, 165, 145, 175, 125, 190, 200} {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(h.rows) {
			h.selected = h.rows[id.Row].ID
			h.updateActions()
		}
	}
	return t
}

func (h *homeScreen) columnTitle(c workspace.Column) string {
	u := h.u
	return [...]string{u.T("Person"), u.T("Department"), u.T("Cycle"), u.T("Status"), u.T("Total"), u.T("Rating"), u.T("Plan")}[c]
}

func (h *homeScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		b.SetIcon(nil)
		b.SetText("")
		return
	}
	col := homeColumns[id.Col]
	// The sort order is an icon: the bundled font has no ▲ ▼ (they showed as �).
	var icon fyne.Resource
	if col == h.sortCol {
		icon = map[bool]fyne.Resource{false: theme.MenuDropUpIcon(), true: theme.MenuDropDownIcon()}[h.sortDesc]
	}
	b.SetIcon(icon)
	b.SetText(h.columnTitle(col))
	b.OnTapped = func() { h.onSort(col) }
}

// onSort sorts by col, or flips the order when col is already the sort.
func (h *homeScreen) onSort(col workspace.Column) {
	if h.sortCol == col {
		h.sortDesc = !h.sortDesc
	} else {
		h.sortCol, h.sortDesc = col, col == workspace.ByTotal || col == workspace.ByRating
	}
	h.applyFilter()
}

func (h *homeScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(h.rows) {
		l.SetText("")
		return
	}
	r := h.rows[id.Row]
	u := h.u
	switch homeColumns[id.Col] {
	case workspace.ByPerson:
		l.SetText(r.Person)
	case workspace.ByName:
		l.SetText(r.Name)
	case workspace.ByDepartment:
		l.SetText(r.Department)
	case workspace.ByCycle:
		l.SetText(u.cycleText(r.Cycle))
	case workspace.ByStatus:
		l.SetText(u.tr.Name(r.Status))
	case workspace.ByTotal:
		if r.HasTotal {
			l.SetText(u.totalText(r.Total, r.Window))
		} else {
			l.SetText(u.T("No data"))
		}
	case workspace.ByRating:
		l.SetText(u.ratingText(r.Rating, r.Provisional))
	}
}
