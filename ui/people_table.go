package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// The people list's columns, in order; the first picks the person for a bulk edit.
const (
	pcolPick = iota
	pcolCode
	pcolName
	pcolUnit
	pcolPosition
	pcolLevel
	pcolManager
	pcolStatus
	pcolCount
)

var peopleWidths = [pcolCount]float32{40, 96, 210, 170, 160, 64, 190, 96}

func (s *peopleScreen) newTable() *rowTable {
	t := newRowTable(
		func() (int, int) { return len(s.rows), pcolCount },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Nguyễn Thị Minh Khai")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewStack(widget.NewCheck("", nil), l)
		},
		s.updateCell, s.onRow)
	t.onEnter = func(int) { s.onEdit() }
	t.StickyColumnCount = 3
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.UpdateHeader = s.updateHeader
	for i, w := range peopleWidths {
		t.SetColumnWidth(i, max(w, s.textWidth(s.columnTitle(i), true)))
	}
	t.SetColumnWidth(pcolStatus, max(peopleWidths[pcolStatus], s.textWidth(s.u.T("Employed"), false), s.textWidth(s.u.T("Left"), false),
		s.textWidth(s.columnTitle(pcolStatus), true)))
	return t
}

// textWidth is how wide a cell must be to show text whole (bold for headers).
func (s *peopleScreen) textWidth(text string, bold bool) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + 2*theme.InnerPadding() + 3*theme.Padding()
}

func (s *peopleScreen) columnTitle(col int) string {
	u := s.u
	return [pcolCount]string{"", u.T("Code"), u.T("Name"), u.T("Unit"), u.T("Position"), u.T("Level"),
		u.T("Manager"), u.T("Status")}[col]
}

func (s *peopleScreen) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col < 0 {
		l.SetText("")
		return
	}
	l.SetText(s.columnTitle(id.Col))
}

func (s *peopleScreen) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	check, label := box.Objects[0].(*widget.Check), box.Objects[1].(*widget.Label)
	if id.Row >= len(s.rows) {
		check.Hide()
		label.SetText("")
		return
	}
	e := s.rows[id.Row]
	if id.Col == pcolPick {
		label.Hide()
		check.OnChanged = nil
		check.SetChecked(s.picked[e.UID])
		row := id.Row
		check.OnChanged = func(on bool) { s.onPick(row, on) }
		check.Show()
		return
	}
	check.Hide()
	label.Show()
	label.SetText(s.cellText(e, id.Col))
}

// cellText is what column col shows of person e.
func (s *peopleScreen) cellText(e *app.Employee, col int) string {
	u := s.u
	switch col {
	case pcolCode:
		return e.Code
	case pcolName:
		return e.Name
	case pcolUnit:
		return s.reg.Org.Name(e.Unit)
	case pcolPosition:
		return e.Position
	case pcolLevel:
		return levelText(e.Level)
	case pcolManager:
		return s.reg.NameOf(e.Manager)
	case pcolStatus:
		if e.Archived() {
			return u.T("Left")
		}
		return u.T("Employed")
	}
	return ""
}
