package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/workspace"
)

// Limits of a plans list column's width: a column fits its longest text
// (header with its sort mark, or cell) within them.
const (
	homeColumnMin = 80
	homeColumnMax = 320
)

func (h *homeScreen) newTable() *rowTable {
	t := newRowTable(
		func() (int, int) { return len(h.rows), len(homeColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Nguyễn Thị Minh Khai")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		h.updateCell, h.onRow)
	t.onEnter = func(int) { h.onOpen() }
	// The person and the total stay in sight when the list scrolls sideways.
	t.StickyColumnCount = 2
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("Department", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		b.IconPlacement = widget.ButtonIconTrailingText
		return b
	}
	t.UpdateHeader = h.updateHeader
	h.table = t
	h.sizeColumns()
	return t
}

// onRow makes the plan of row the selected one.
func (h *homeScreen) onRow(row int) {
	if row >= 0 && row < len(h.rows) {
		h.selected = h.rows[row].ID
		h.showDetail(h.rows[row])
		h.updateActions()
	}
}

// keepSelection selects the selected plan's row after the rows changed
// (sorted, filtered, reloaded), or clears the selection when the plan is no
// longer listed, so no highlight is left on another plan's row.
func (h *homeScreen) keepSelection() {
	for i, r := range h.rows {
		if h.selected != 0 && r.ID == h.selected {
			h.table.selectRow(i)
			return
		}
	}
	h.selected = 0
	h.table.clearRow()
}

// sizeColumns fits each column to its longest text over every plan (so a
// filter does not make columns jump), within homeColumnMin and homeColumnMax.
func (h *homeScreen) sizeColumns() {
	size, style := theme.TextSize(), fyne.TextStyle{}
	pad := 2*theme.InnerPadding() + 2*theme.Padding()
	h.widths = make([]float32, len(homeColumns))
	for i, col := range homeColumns {
		// the header, with room for the sort icon
		w := fyne.MeasureText(h.columnTitle(col), size, style).Width + theme.IconInlineSize() + theme.InnerPadding() + pad
		for _, s := range h.longest(col, 3) {
			w = max(w, fyne.MeasureText(s, size, style).Width+pad)
		}
		h.widths[i] = min(max(w, homeColumnMin), homeColumnMax)
		h.table.SetColumnWidth(i, h.widths[i])
	}
}

// longest returns the n texts of column col with the most characters, so
// that only those are measured.
func (h *homeScreen) longest(col workspace.Column, n int) []string {
	var top []string
	var lens []int
	for i := range h.all {
		s := h.cellText(h.all[i], col)
		l := len([]rune(s))
		if len(top) < n {
			top, lens = append(top, s), append(lens, l)
			continue
		}
		k := 0
		for j := range lens {
			if lens[j] < lens[k] {
				k = j
			}
		}
		if l > lens[k] {
			top[k], lens[k] = s, l
		}
	}
	return top
}

func (h *homeScreen) columnTitle(c workspace.Column) string {
	u := h.u
	return [...]string{u.T("Person"), u.T("Department"), u.T("Cycle"), u.T("Status"), u.T("Total"), u.T("Rating"),
		u.T("Plan"), u.T("Bonus")}[c]
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
		h.sortCol, h.sortDesc = col, col == workspace.ByTotal || col == workspace.ByRating || col == workspace.ByBonus
	}
	h.applyFilter()
}

func (h *homeScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(h.rows) {
		l.SetText("")
		return
	}
	col := homeColumns[id.Col]
	align := fyne.TextAlignLeading
	if col == workspace.ByTotal || col == workspace.ByBonus {
		align = fyne.TextAlignTrailing
	}
	if l.Alignment != align {
		l.Alignment = align
		l.Refresh()
	}
	l.SetText(h.cellText(h.rows[id.Row], col))
}

// cellText is what column col shows of plan r.
func (h *homeScreen) cellText(r workspace.Summary, col workspace.Column) string {
	u := h.u
	switch col {
	case workspace.ByPerson:
		return h.personText(r) // marked when the plan came in a packet (ui/packet_marker.go)
	case workspace.ByName:
		return r.Name
	case workspace.ByDepartment:
		return r.Department
	case workspace.ByCycle:
		return u.cycleText(r.Cycle)
	case workspace.ByStatus:
		return u.tr.Name(r.Status)
	case workspace.ByTotal:
		if r.HasTotal {
			return u.totalText(r.Total, r.Window)
		}
		return u.T("No data")
	case workspace.ByRating:
		return u.ratingText(r.Rating, r.Provisional)
	case workspace.ByBonus:
		if r.HasTotal {
			return u.tr.FormatMoney(r.Bonus, r.Currency)
		}
		return "—"
	}
	return ""
}

// showDetail shows the selected plan in full below the list.
func (h *homeScreen) showDetail(r workspace.Summary) {
	var parts []string
	for _, col := range []workspace.Column{workspace.ByPerson, workspace.ByName, workspace.ByDepartment,
		workspace.ByCycle, workspace.ByStatus, workspace.ByTotal, workspace.ByRating, workspace.ByBonus} {
		parts = append(parts, h.columnTitle(col)+": "+h.cellText(r, col))
	}
	h.detail.SetText(joinNonEmpty(" · ", append(parts, h.origins[r.ID])...))
}
