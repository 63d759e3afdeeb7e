package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"kpiplanner/app/dashboard"
	"kpiplanner/charts"
)

// directorView shows a director the company's or a department's totals,
// the score distribution, how departments compare and the best and worst KPIs.
type directorView struct {
	u           *UI
	cards       *summaryCards
	dist, depts *chartBox
	top, bottom *shortTable
	root        fyne.CanvasObject
}

func newDirectorView(u *UI) *directorView {
	v := &directorView{u: u, cards: newSummaryCards(u), dist: newChartBox(u, chartMinSize), depts: newChartBox(u, chartMinSize)}
	cols := func() []column {
		return []column{{title: u.T("KPI")}, {title: u.T("Mean score"), width: 130, align: fyne.TextAlignTrailing},
			{title: u.T("Plans scored"), width: 120, align: fyne.TextAlignTrailing}}
	}
	v.top = newShortTable(u.T("Best KPIs"), u.T("No KPI has data yet."), cols())
	v.bottom = newShortTable(u.T("Weakest KPIs"), u.T("No other KPI to show."), cols())
	v.root = container.NewVScroll(container.NewVBox(
		v.cards.root,
		container.NewGridWithColumns(2, v.dist.view(), v.depts.view()),
		container.NewGridWithColumns(2, v.top.view(), v.bottom.view()),
	))
	return v
}

// set shows d; every number comes from d.
func (v *directorView) set(d dashboard.Director) {
	u := v.u
	v.cards.set(u, d.Summary)
	title := u.T("Score distribution")
	if d.Department != "" {
		title = u.T("Score distribution: %s", d.Department)
	}
	v.dist.setDraw(func(o charts.Options) ([]byte, error) {
		o.Title = title
		return charts.ScoreDistribution(d.Results, d.Bands, o)
	})
	v.depts.setDraw(func(o charts.Options) ([]byte, error) { return charts.DepartmentComparison(d.Company, o) })
	v.top.set(v.kpiRows(d.Top))
	v.bottom.set(v.kpiRows(d.Bottom))
}

// kpiRows formats ranked kinds of KPI.
func (v *directorView) kpiRows(stats []dashboard.KPIStat) [][]cell {
	u := v.u
	var rows [][]cell
	for _, s := range stats {
		rows = append(rows, []cell{plain(s.Name), plain(u.tr.FormatNumber(s.MeanScore, 1)),
			plain(u.tr.FormatNumber(float64(s.Scored), 0))})
	}
	return rows
}
