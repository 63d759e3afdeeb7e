package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/dashboard"
	"kpiplanner/charts"
)

// teamHeight is the height of the team view's tables.
const teamHeight = 300

// teamView shows a department head the members' totals, ratings and
// bonuses, each KPI across the team and who is heading off track.
type teamView struct {
	u                  *UI
	cards              *summaryCards
	dist               *chartBox
	off, members, kpis *longTable
	root               fyne.CanvasObject
}

func newTeamView(u *UI) *teamView {
	v := &teamView{u: u, cards: newSummaryCards(u), dist: newChartBox(u, chartMinSize)}
	right := fyne.TextAlignTrailing
	v.off = newLongTable(u.T("Off track"), u.T("Nobody is heading off track."), []column{{title: u.T("Person"), width: 170},
		{title: u.T("KPIs heading off track (forecast)")}}, chartMinSize.Height)
	v.members = newLongTable("", u.T("No members."), []column{{title: u.T("Person")},
		{title: u.T("Position"), width: 220}, {title: u.T("Total"), width: 150, align: right},
		{title: u.T("Rating"), width: 140}, {title: u.T("Bonus"), width: 170, align: right},
		{title: u.T("Off track"), width: 130, align: right}}, teamHeight)
	v.kpis = newLongTable("", u.T("No KPIs."), []column{{title: u.T("KPI")},
		{title: u.T("People"), width: 110, align: right}, {title: u.T("Mean achievement"), width: 180, align: right},
		{title: u.T("Off track"), width: 130, align: right}}, teamHeight)
	tabs := container.NewAppTabs(container.NewTabItem(u.T("Team members"), v.members.view()),
		container.NewTabItem(u.T("KPIs across the team"), v.kpis.view()))
	v.root = container.NewVScroll(container.NewVBox(
		v.cards.root,
		container.NewGridWithColumns(2, v.dist.view(), v.off.view()),
		tabs,
	))
	return v
}

// set shows t; every number comes from t.
func (v *teamView) set(t dashboard.Team) {
	u := v.u
	v.cards.set(u, t.Summary)
	title := u.T("Score distribution: %s", t.Department)
	v.dist.setDraw(func(o charts.Options) ([]byte, error) {
		o.Title = title
		return charts.ScoreDistribution(t.Results, t.Bands, o)
	})
	v.members.set(v.memberRows(t.Members))
	v.off.set(v.offTrackRows(t.OffTrack))
	var kpis [][]cell
	for _, k := range t.KPIs {
		ach := plain("—")
		if k.Scored > 0 {
			ach = plain(u.tr.FormatPercent(k.MeanAchievement, 1))
		}
		off := plain(u.tr.FormatNumber(float64(k.OffTrack), 0))
		if k.OffTrack > 0 {
			off.imp = widget.DangerImportance
		}
		kpis = append(kpis, []cell{plain(k.Name), plain(u.tr.FormatNumber(float64(k.Uses), 0)), ach, off})
	}
	v.kpis.set(kpis)
}

func (v *teamView) memberRows(ms []dashboard.Member) [][]cell {
	u := v.u
	rows := make([][]cell, 0, len(ms))
	for _, m := range ms {
		off := plain(u.tr.FormatNumber(float64(len(m.OffTrack)), 0))
		if len(m.OffTrack) > 0 {
			off.imp = widget.DangerImportance
		}
		if !m.HasTotal {
			rows = append(rows, []cell{plain(m.Name), plain(m.Position), {text: u.T("No data"), imp: widget.LowImportance},
				plain("—"), plain("—"), off})
			continue
		}
		rows = append(rows, []cell{plain(m.Name), plain(m.Position), plain(u.totalText(m.Total, m.Window)),
			plain(u.ratingText(m.Rating, m.Provisional)), plain(u.tr.FormatMoney(m.Bonus, m.Currency)), off})
	}
	return rows
}

func (v *teamView) offTrackRows(ms []dashboard.Member) [][]cell {
	u := v.u
	rows := make([][]cell, 0, len(ms))
	for _, m := range ms {
		var kpis []string
		for _, a := range m.OffTrack {
			kpis = append(kpis, u.T("%s (%s)", a.Name, u.tr.FormatPercent(a.Forecast, 0)))
		}
		rows = append(rows, []cell{plain(m.Name), {text: strings.Join(kpis, ", "), imp: widget.DangerImportance}})
	}
	return rows
}
