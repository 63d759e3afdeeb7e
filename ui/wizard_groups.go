package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// groupsStep is step 4: the effort × impact board that places KPIs in
// groups A/B/C, the group weights with their live sum, and KPI weights.
type groupsStep struct {
	w       *wizardScreen
	board   *fyne.Container
	cells   map[[2]app.Level]*widget.Label // KPI names per (effort, impact)
	weights map[app.Group]*wizField
	sum     *widget.Label
	table   *fyne.Container
	shares  map[string]*widget.Label // KPI id → its share of the total
	kpiW    []*wizField
	problem *widget.Label
}

func newGroupsStep(w *wizardScreen) *groupsStep { return &groupsStep{w: w} }

// wizGroupColumns are the widths of the KPI table's columns; the name takes the rest.
var wizGroupColumns = []float32{0, 140, 140, 110, 100, 130}

func (g *groupsStep) view() fyne.CanvasObject {
	u := g.w.u
	g.board = g.newBoard()
	g.sum = widget.NewLabel("")
	g.weights = map[app.Group]*wizField{}
	row := container.NewHBox()
	for _, gr := range app.Groups {
		f := g.w.number("rules.group_weights."+string(gr), g.w.d.Plan.Rules.GroupWeights[gr], false,
			func(v float64, _ bool) { g.onGroupWeight(gr, v) })
		g.weights[gr] = f
		row.Add(widget.NewLabel(u.tr.Name(gr)))
		row.Add(wizFixed(90, f.box()))
	}
	row.Add(g.sum)
	g.problem = widget.NewLabel("")
	g.problem.Importance = widget.DangerImportance
	g.problem.Wrapping = fyne.TextWrapWord
	g.problem.Hide()
	g.table = container.NewVBox()
	g.fillTable()
	g.refresh()
	for _, f := range g.weights {
		g.w.submitOn(f)
	}
	intro := wizNote(u.T("Place each KPI by the effort it takes and its impact on the goal: high impact and high effort is group A, quick wins and slow low-impact work are B, quick low-impact work is C. You can override the group."))
	return container.NewVScroll(container.NewPadded(container.NewVBox(intro, g.board,
		wizTitle(u.T("Group weights (percent of the total)")), row,
		wizTitle(u.T("KPIs, groups and weights")), g.problem, g.table)))
}

// newBoard is the 2×2 grid: impact high on top, effort low on the left.
func (g *groupsStep) newBoard() *fyne.Container {
	u := g.w.u
	g.cells = map[[2]app.Level]*widget.Label{}
	cell := func(effort, impact app.Level, what string) fyne.CanvasObject {
		names := widget.NewLabel("")
		names.Wrapping = fyne.TextWrapWord
		g.cells[[2]app.Level{effort, impact}] = names
		head := wizTitle(u.T("%s — %s", u.tr.Name(app.SuggestGroup(effort, impact)), what))
		head.Truncation = fyne.TextTruncateEllipsis
		bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bg.CornerRadius = theme.InputRadiusSize()
		return container.NewStack(bg, container.NewPadded(container.NewVBox(head, names)))
	}
	return container.NewGridWithColumns(2,
		cell(app.Low, app.High, u.T("low effort, high impact")),
		cell(app.High, app.High, u.T("high effort, high impact")),
		cell(app.Low, app.Low, u.T("low effort, low impact")),
		cell(app.High, app.Low, u.T("high effort, low impact")))
}

// fillTable rebuilds the KPI rows, grouped A, B, C, then unplaced ones.
func (g *groupsStep) fillTable() {
	u, d := g.w.u, g.w.d
	g.table.Objects = nil
	g.shares = map[string]*widget.Label{}
	g.kpiW = nil
	head := func(s string) fyne.CanvasObject {
		l := wizTitle(s)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	g.table.Add(wizRow(wizGroupColumns, head(u.T("KPI")), head(u.T("Effort")), head(u.T("Impact")),
		head(u.T("Group")), head(u.T("Weight")), head(u.T("Share of total"))))
	order := append(append([]app.Group{}, app.Groups...), "")
	for _, gr := range order {
		for _, id := range d.InGroup(gr) {
			g.table.Add(g.kpiRow(d.Plan.KPI(id)))
		}
	}
	g.table.Refresh()
}

func (g *groupsStep) kpiRow(k *app.KPI) fyne.CanvasObject {
	u, id := g.w.u, k.ID
	name := widget.NewLabel(k.Name)
	name.Truncation = fyne.TextTruncateEllipsis
	effort := wizEnum(u, []app.Level{app.High, app.Low}, k.Effort, func(l app.Level) { g.onLevels(id, l, "") })
	impact := wizEnum(u, []app.Level{app.High, app.Low}, k.Impact, func(l app.Level) { g.onLevels(id, "", l) })
	group := wizEnum(u, app.Groups, k.Group, func(gr app.Group) { g.onGroup(id, gr) })
	for _, s := range []*widget.Select{effort, impact, group} {
		s.PlaceHolder = "—"
	}
	weight := g.w.number("weight", k.Weight, false, func(v float64, _ bool) { g.onKPIWeight(id, v) })
	g.kpiW = append(g.kpiW, weight)
	g.w.submitOn(weight)
	share := widget.NewLabel("")
	g.shares[id] = share
	return wizRow(wizGroupColumns, name, effort, impact, group, weight.box(), share)
}

func (g *groupsStep) onLevels(id string, effort, impact app.Level) {
	k := g.w.d.Plan.KPI(id)
	if effort == "" {
		effort = k.Effort
	}
	if impact == "" {
		impact = k.Impact
	}
	if effort != "" && impact != "" {
		g.w.d.Place(id, effort, impact)
	} else {
		k.Effort, k.Impact = effort, impact
	}
	g.fillTable()
	g.refresh()
	g.w.relayout()
}

func (g *groupsStep) onGroup(id string, gr app.Group) {
	if g.w.d.Plan.KPI(id).Group == gr {
		return
	}
	g.w.d.SetGroup(id, gr)
	g.fillTable()
	g.refresh()
	g.w.relayout()
	g.w.relayout()
}

func (g *groupsStep) onGroupWeight(gr app.Group, v float64) {
	g.w.d.SetGroupWeight(gr, v)
	g.refresh()
}

func (g *groupsStep) onKPIWeight(id string, v float64) {
	g.w.d.SetKPIWeight(id, v)
	g.refresh()
}

// refresh updates the board, the live sum and the shares.
func (g *groupsStep) refresh() {
	u, d := g.w.u, g.w.d
	for key, l := range g.cells {
		var lines []string
		for _, id := range d.Cell(key[0], key[1]) {
			k := d.Plan.KPI(id)
			if d.Overridden(id) {
				lines = append(lines, u.T("• %s (moved to %s)", k.Name, u.tr.Name(k.Group)))
			} else {
				lines = append(lines, u.T("• %s", k.Name))
			}
		}
		l.Importance = widget.MediumImportance
		if len(lines) == 0 {
			lines = []string{u.T("No KPI here")}
			l.Importance = widget.LowImportance
		}
		l.SetText(strings.Join(lines, "\n"))
	}
	g.sum.SetText(u.tr.Msg(d.GroupSumMsg()))
	g.sum.Importance = widget.SuccessImportance
	if !d.GroupSumOK() {
		g.sum.Importance = widget.DangerImportance
	}
	g.sum.Refresh()
	for id, l := range g.shares {
		l.SetText(u.tr.FormatPercent(d.Share(id), 1))
	}
	if len(d.Problems(g.w.d.Step())) == 0 && g.problem.Visible() {
		g.problem.Hide()
		g.w.relayout()
	}
}

func (g *groupsStep) invalid() bool {
	for _, f := range g.weights {
		if f.bad {
			return true
		}
	}
	for _, f := range g.kpiW {
		if f.bad {
			return true
		}
	}
	return false
}

func (g *groupsStep) showProblems(errs []*app.FieldError) {
	text := ""
	for i, e := range errs {
		if i > 0 {
			text += "\n"
		}
		text += g.w.problemText(e)
	}
	g.problem.SetText(text)
	g.problem.Show()
	g.w.relayout()
}

func (g *groupsStep) focus() {
	g.w.u.win.Canvas().Focus(g.weights[app.GroupA].input.(fyne.Focusable))
}
