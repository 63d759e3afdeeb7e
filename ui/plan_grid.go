package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/planedit"
)

// Sizes of the actuals grid.
const (
	gridNameWidth = 150 // a longer name is cut; the line under the grid names the focused cell's KPI in full
	gridCellWidth = 96  // six months and the scorecard fit 1366 wide
)

// actualsGrid is the KPIs × periods grid where actuals are typed.
type actualsGrid struct {
	s       *planScreen
	kpis    []app.KPI      // the rows' KPI definitions (actuals as when built)
	periods []app.Period   // the columns
	cells   [][]*cellEntry // [row][period]
	focused *cellEntry

	problems *widget.Label // every cell's problem, naming KPI and period
	hint     *widget.Label // how to fill the focused cell
	comment  *widget.Button
	hscroll  *container.Scroll
	vscroll  *container.Scroll
	root     *fyne.Container
}

func newActualsGrid(s *planScreen) *actualsGrid {
	g := &actualsGrid{s: s}
	g.problems = widget.NewLabel("")
	g.problems.Importance = widget.DangerImportance
	g.problems.Wrapping = fyne.TextWrapWord
	g.problems.Hide()
	g.hint = widget.NewLabel("")
	g.hint.Truncation = fyne.TextTruncateEllipsis
	g.hint.Importance = widget.LowImportance
	g.comment = g.newCommentButton()
	g.root = container.NewStack()
	return g
}

func (g *actualsGrid) view() fyne.CanvasObject { return g.root }

// messages is the grid's problems and the focused cell's hint, to show below it.
// Many problems scroll in two lines rather than grow the window.
func (g *actualsGrid) messages() fyne.CanvasObject {
	return container.NewVBox(cappedMessage(g.problems, 2, false), container.NewBorder(nil, nil, nil, g.comment, g.hint))
}

// build lays out one row per KPI of p and one column per period.
func (g *actualsGrid) build(p *app.Plan) {
	u := g.s.u
	g.kpis = append([]app.KPI(nil), p.KPIs...)
	g.periods = p.Cycle.Periods()
	g.focused = nil
	rowH := newCellEntry(g, nil, 0, 0).MinSize().Height
	widths := make([]float32, len(g.periods))
	for i := range widths {
		widths[i] = gridCellWidth
	}
	header := container.New(&columnsLayout{widths: widths, height: rowH})
	for _, pd := range g.periods {
		l := widget.NewLabelWithStyle(pd.Label, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		header.Add(l)
	}
	kpiHead := widget.NewLabelWithStyle(u.T("KPI"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	names := container.New(&rowsLayout{height: rowH}, kpiHead)
	rows := container.New(&rowsLayout{height: rowH}, header)
	g.cells = make([][]*cellEntry, len(g.kpis))
	for r := range g.kpis {
		k := &g.kpis[r]
		name := widget.NewLabel(kpiName(u, k))
		name.Truncation = fyne.TextTruncateEllipsis
		names.Add(name)
		row := container.New(&columnsLayout{widths: widths, height: rowH})
		g.cells[r] = make([]*cellEntry, len(g.periods))
		for c := range g.periods {
			e := newCellEntry(g, k, r, c)
			e.SetPlaceHolder(g.placeholder(k))
			e.show(planedit.PeriodText(k, c, u.tr))
			if g.s.rolled[k.ID] > 0 { // cascade: the value is rolled up from its contributors
				e.Disable()
			}
			g.cells[r][c] = e
			row.Add(e)
		}
		rows.Add(row)
	}
	g.hscroll = container.NewHScroll(rows)
	nameCol := container.NewGridWrap(fyne.NewSize(gridNameWidth, names.MinSize().Height), names)
	g.vscroll = container.NewVScroll(container.NewBorder(nil, nil, nameCol, nil, g.hscroll))
	g.vscroll.SetMinSize(fyne.NewSize(gridNameWidth+2*gridCellWidth, 4*rowH))
	g.root.Objects = []fyne.CanvasObject{g.vscroll}
	g.root.Refresh()
	g.showProblems()
	g.hint.SetText(u.T("Type a value, then Enter (down) or Tab (right). Empty a cell to clear it; Esc cancels; Ctrl+Z undoes."))
	if len(g.kpis) == 0 {
		g.hint.SetText(u.T("This plan has no KPIs yet: add them on the KPIs tab."))
	}
	if h := g.rolledHint(); h != "" {
		g.hint.SetText(h)
	}
}

// kpiName is k's name, or says it has none yet.
func kpiName(u *UI, k *app.KPI) string {
	if k.Name == "" {
		return u.T("(unnamed KPI %s)", k.ID)
	}
	return k.Name
}

// placeholder says what a KPI's cells take.
func (g *actualsGrid) placeholder(k *app.KPI) string {
	switch {
	case planedit.IsRatio(k):
		return g.s.u.T("num/den")
	case k.Direction == app.Milestone:
		return g.s.u.T("1 = done")
	}
	return ""
}

// ratioHint explains a ratio KPI's cells, naming its parts when the library knows them.
func (g *actualsGrid) ratioHint(k *app.KPI) string {
	u := g.s.u
	if e, ok := u.lib.Get(k.LibraryID); ok && k.LibraryID != "" && e.Numerator.In(u.tr.Lang()) != "" {
		return u.T("%s: type numerator/denominator (%s / %s), e.g. 3/150.", k.Name,
			e.Numerator.In(u.tr.Lang()), e.Denominator.In(u.tr.Lang()))
	}
	return u.T("%s: type numerator/denominator, e.g. 3/150.", k.Name)
}

func (g *actualsGrid) onFocus(c *cellEntry) {
	g.focused = c
	g.ensureVisible(c)
	g.showHint(c)
}

// showHint says under the grid how to fill cell c, with its comment.
func (g *actualsGrid) showHint(c *cellEntry) {
	k := c.kpi
	var hint string
	switch {
	case planedit.IsRatio(k):
		hint = g.ratioHint(k)
	case k.Direction == app.Milestone:
		hint = g.s.u.T("%s: type 1 when the milestone is done, 0 when it is not.", k.Name)
	default:
		hint = g.s.u.T("%s: %s", kpiName(g.s.u, k),
			g.s.u.T("Type a value, then Enter (down) or Tab (right). Empty a cell to clear it; Esc cancels; Ctrl+Z undoes."))
	}
	g.hint.SetText(g.commentHint(c, hint))
}

// ensureVisible scrolls the grid so cell c shows.
func (g *actualsGrid) ensureVisible(c *cellEntry) {
	if g.hscroll == nil {
		return
	}
	x, w := c.Position().X, c.Size().Width
	off, view := g.hscroll.Offset, g.hscroll.Size().Width
	switch {
	case x < off.X:
		g.hscroll.ScrollToOffset(fyne.NewPos(x, off.Y))
	case x+w > off.X+view && view > 0:
		g.hscroll.ScrollToOffset(fyne.NewPos(x+w-view, off.Y))
	}
}

// cell returns the cell at row r, period col, or nil outside the grid.
func (g *actualsGrid) cell(r, col int) *cellEntry {
	if r < 0 || r >= len(g.cells) || col < 0 || col >= len(g.cells[r]) {
		return nil
	}
	return g.cells[r][col]
}

// cellOf returns the cell of KPI id for period col, or nil.
func (g *actualsGrid) cellOf(id string, col int) *cellEntry {
	for r, k := range g.kpis {
		if k.ID == id {
			return g.cell(r, col)
		}
	}
	return nil
}

// moveFrom commits c and, when that worked, focuses the cell at (r, col).
func (g *actualsGrid) moveFrom(c *cellEntry, r, col int) {
	if !g.commit(c) || g.cell(c.row, c.col) != c {
		return
	}
	if next := g.cell(r, col); next != nil {
		g.s.u.win.Canvas().Focus(next)
	}
}

func (g *actualsGrid) onNext(c *cellEntry) {
	if c.col+1 < len(g.periods) {
		g.moveFrom(c, c.row, c.col+1)
	} else {
		g.moveFrom(c, c.row+1, 0)
	}
}

func (g *actualsGrid) onPrevious(c *cellEntry) {
	if c.col > 0 {
		g.moveFrom(c, c.row, c.col-1)
	} else {
		g.moveFrom(c, c.row-1, len(g.periods)-1)
	}
}

// onDown moves one KPI down; Enter on the last KPI goes on at the top of
// the next period, so a month is typed in KPI by KPI.
func (g *actualsGrid) onDown(c *cellEntry, wrap bool) {
	if c.row+1 < len(g.cells) || !wrap {
		g.moveFrom(c, c.row+1, c.col)
	} else {
		g.moveFrom(c, 0, c.col+1)
	}
}

func (g *actualsGrid) onUp(c *cellEntry)    { g.moveFrom(c, c.row-1, c.col) }
func (g *actualsGrid) onLeft(c *cellEntry)  { g.moveFrom(c, c.row, c.col-1) }
func (g *actualsGrid) onRight(c *cellEntry) { g.moveFrom(c, c.row, c.col+1) }

// onCancel puts the stored value back.
func (g *actualsGrid) onCancel(c *cellEntry) {
	c.show(c.saved)
	g.showProblems()
}

// commit saves what was typed in c, when it changed. It reports false and
// marks the cell when the text is not a valid actual; the stored value
// stays as it was.
func (g *actualsGrid) commit(c *cellEntry) bool {
	if c.Text == c.saved {
		if c.problem != "" {
			c.setProblem("")
			g.showProblems()
		}
		return true
	}
	u := g.s.u
	k := c.kpi
	in, err := planedit.ParseCell(k, c.col, c.Text, u.tr)
	if err != nil {
		c.setProblem(u.tr.Err(err))
		g.showProblems()
		return false
	}
	c.setProblem("")
	g.showProblems()
	if in.Clear && c.saved == "" {
		c.saved = c.Text
		g.s.updateSave()
		return true
	}
	typed, before := c.Text, c.saved
	c.saved = typed
	g.s.updateSave()
	if old, ok := g.storedActual(k.ID, c.col); ok && !in.Clear {
		in.Actual.Comment = old.Comment // a new value keeps the period's comment
	}
	g.s.saveActual(k.ID, in, func(p *app.Plan, err error) {
		defer g.s.updateSave()
		if err != nil {
			c.saved = before
			c.setProblem(u.tr.Err(err))
			g.showProblems()
			return
		}
		stored := planedit.PeriodText(p.KPI(k.ID), c.col, u.tr)
		c.saved = stored
		if c.Text == typed {
			c.SetText(stored)
		}
		if now := g.cellOf(k.ID, c.col); now != nil && now != c && now.Text == now.saved {
			now.show(stored) // the grid was rebuilt while this was being saved
		}
	})
	return true
}

// showProblems lists every cell's problem under the grid, naming its KPI and period.
func (g *actualsGrid) showProblems() {
	var lines []string
	for _, row := range g.cells {
		for _, c := range row {
			if c.problem != "" {
				lines = append(lines, g.s.u.T("%s, %s: %s", kpiName(g.s.u, c.kpi), g.periods[c.col].Label, c.problem))
			}
		}
	}
	g.problems.SetText(strings.Join(lines, "\n"))
	if len(lines) == 0 {
		g.problems.Hide()
	} else {
		g.problems.Show()
	}
}
