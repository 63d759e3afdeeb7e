package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/dashboard"
	"kpiplanner/app/trend"
	"kpiplanner/charts"
)

// specialistView shows a specialist their own KPIs: score, target against
// actual, group contributions, each KPI's status, forecast and trend, and
// the unusual periods.
type specialistView struct {
	u                    *UI
	total, rating, bonus *statCard
	statuses             *countCard
	target, groups       *chartBox
	kpis, anomalies      *shortTable
	trendGrid            *fyne.Container
	trends               []*chartBox
	root                 fyne.CanvasObject
}

func newSpecialistView(u *UI) *specialistView {
	v := &specialistView{u: u, total: newStatCard(u.T("Total score")), rating: newStatCard(u.T("Rating")),
		bonus: newStatCard(u.T("Bonus")), statuses: newCountCard(u.T("KPI status")),
		target: newChartBox(u, chartMinSize), groups: newChartBox(u, chartMinSize)}
	right := fyne.TextAlignTrailing
	v.kpis = newShortTable(u.T("Own KPIs"), u.T("The plan has no KPIs."), []column{{title: u.T("KPI")},
		{title: u.T("Group"), width: 70}, {title: u.T("Status"), width: 160},
		{title: u.T("Achievement to date"), width: 150, align: right},
		{title: u.T("Forecast achievement"), width: 150, align: right}})
	v.anomalies = newShortTable(u.T("Unusual periods"), u.T("Nothing unusual."), []column{{title: u.T("What happened")}})
	v.trendGrid = container.NewGridWithColumns(2)
	// Two by two: the status names are long, and four across would not fit a 1024-pixel window.
	cards := container.NewGridWithColumns(2, v.total.root, v.rating.root, v.bonus.root, v.statuses.root)
	v.root = container.NewVScroll(container.NewVBox(
		cards,
		container.NewGridWithColumns(2, v.target.view(), v.groups.view()),
		v.kpis.view(),
		v.anomalies.view(),
		widget.NewLabelWithStyle(u.T("Trends and forecasts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.trendGrid,
	))
	return v
}

// set shows s; every number comes from s.
func (v *specialistView) set(s dashboard.Specialist) {
	u, r := v.u, s.Result
	if r.HasTotal {
		v.total.set(u.tr.FormatNumber(r.Official, 2), u.T("Up to %s", r.AtLabel))
		v.rating.set(u.ratingText(r.Rating.Name, r.Provisional), u.T("Bonus multiplier ×%s", u.tr.FormatNumber(r.Rating.Multiplier, -1)))
		v.bonus.set(u.tr.FormatMoney(r.Bonus, s.Person.Currency), u.T("Base bonus %s", u.tr.FormatMoney(s.Person.BaseBonus, s.Person.Currency)))
	} else {
		v.total.set("—", u.T("No data"))
		v.rating.set("—", "")
		v.bonus.set("—", u.T("Base bonus %s", u.tr.FormatMoney(s.Person.BaseBonus, s.Person.Currency)))
	}
	var lines []countLine
	for _, c := range s.Statuses {
		if c.Count > 0 || c.Status == trend.OnTrack || c.Status == trend.AtRisk || c.Status == trend.OffTrack {
			lines = append(lines, countLine{name: u.statusName(c.Status), count: c.Count, color: statusColor(c.Status)})
		}
	}
	v.statuses.set(u, lines)
	v.target.setDraw(func(o charts.Options) ([]byte, error) { return charts.TargetVsActual(s.Result, s.Trends, o) })
	v.groups.setDraw(func(o charts.Options) ([]byte, error) { return charts.GroupContribution(s.Result, o) })
	v.kpis.set(v.kpiRows(s.KPIs))
	var rows [][]cell
	for _, a := range s.Anomalies {
		rows = append(rows, []cell{{text: u.tr.Msg(a.Msg), imp: widget.WarningImportance}})
	}
	v.anomalies.set(rows)
	v.setTrends(s.Trends)
}

func (v *specialistView) kpiRows(ks []dashboard.OwnKPI) [][]cell {
	u := v.u
	var rows [][]cell
	for _, k := range ks {
		toDate, forecast := plain("—"), plain("—")
		if k.Scored {
			toDate = plain(u.tr.FormatPercent(k.Achievement, 1))
		}
		if k.HasForecast {
			forecast = plain(u.tr.FormatPercent(k.ForecastPct, 1))
		}
		rows = append(rows, []cell{plain(k.Name), plain(u.tr.Name(k.Group)), {text: u.statusName(k.Status), imp: statusImportance(k.Status)},
			toDate, forecast})
	}
	return rows
}

// setTrends shows one trend chart per KPI, reusing the boxes already there.
func (v *specialistView) setTrends(ts []trend.KPITrend) {
	for len(v.trends) < len(ts) {
		b := newChartBox(v.u, chartSmallSize)
		v.trends = append(v.trends, b)
		v.trendGrid.Add(b.view())
	}
	for len(v.trends) > len(ts) {
		v.trendGrid.Remove(v.trends[len(v.trends)-1].view())
		v.trends = v.trends[:len(v.trends)-1]
	}
	for i, t := range ts {
		v.trends[i].setDraw(func(o charts.Options) ([]byte, error) { return charts.Trend(t, o) })
	}
}
