package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/dashboard"
	"kpiplanner/app/trend"
)

// statCard is one big number with a caption above and a note below.
type statCard struct {
	caption, value, note *widget.Label
	root                 fyne.CanvasObject
}

func newStatCard(caption string) *statCard {
	c := &statCard{
		caption: widget.NewLabel(caption),
		value:   widget.NewLabelWithStyle("—", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		note:    widget.NewLabel(""),
	}
	c.caption.Importance = widget.LowImportance
	c.caption.Truncation = fyne.TextTruncateEllipsis
	c.value.SizeName = theme.SizeNameHeadingText
	c.value.Truncation = fyne.TextTruncateEllipsis
	c.note.Importance = widget.LowImportance
	c.note.Truncation = fyne.TextTruncateEllipsis
	c.root = widget.NewCard("", "", container.NewVBox(c.caption, c.value, c.note))
	return c
}

// set shows a value and its note.
func (c *statCard) set(value, note string) {
	c.value.SetText(value)
	c.note.SetText(note)
}

// countCard is a card of named counts (ratings, statuses), one per line.
type countCard struct {
	caption *widget.Label
	lines   *fyne.Container
	root    fyne.CanvasObject
}

func newCountCard(caption string) *countCard {
	c := &countCard{caption: widget.NewLabel(caption), lines: container.NewVBox()}
	c.caption.Importance = widget.LowImportance
	pad := container.New(layout.NewCustomPaddedLayout(0, 0, theme.InnerPadding(), theme.InnerPadding()), c.lines)
	c.root = widget.NewCard("", "", container.NewVBox(c.caption, pad))
	return c
}

// countLine is one name and its count.
type countLine struct {
	name  string
	count int
	color fyne.ThemeColorName // "" for the text colour
}

// set shows lines, reusing the lines already there. The lines are plain
// text, without a label's padding, so five fit in a card's height.
func (c *countCard) set(u *UI, lines []countLine) {
	for len(c.lines.Objects) < len(lines) {
		name, count := canvas.NewText("", nil), canvas.NewText("", nil)
		count.Alignment = fyne.TextAlignTrailing
		c.lines.Add(container.New(&columnsLayout{widths: []float32{0, 56}}, name, count))
	}
	for len(c.lines.Objects) > len(lines) {
		c.lines.Remove(c.lines.Objects[len(c.lines.Objects)-1])
	}
	for i, ln := range lines {
		row := c.lines.Objects[i].(*fyne.Container)
		col := ln.color
		if col == "" {
			col = theme.ColorNameForeground
		}
		for j, text := range []string{ln.name, u.tr.FormatNumber(float64(ln.count), 0)} {
			t := row.Objects[j].(*canvas.Text)
			t.Text, t.Color, t.TextSize = text, theme.Color(col), theme.TextSize()
			t.Refresh()
		}
	}
}

// summaryCards are the big numbers of a director's or a department head's view.
type summaryCards struct {
	people, mean, pool *statCard
	ratings            *countCard
	root               fyne.CanvasObject
}

func newSummaryCards(u *UI) *summaryCards {
	c := &summaryCards{people: newStatCard(u.T("People")), mean: newStatCard(u.T("Mean total")),
		pool: newStatCard(u.T("Bonus pool")), ratings: newCountCard(u.T("Ratings"))}
	c.root = container.NewGridWithColumns(4, c.people.root, c.mean.root, c.pool.root, c.ratings.root)
	return c
}

// set shows s; every number comes from s.
func (c *summaryCards) set(u *UI, s dashboard.Summary) {
	c.people.set(u.tr.FormatNumber(float64(s.People), 0), u.T("%d scored, %d without data", s.Scored, s.NoTotal))
	if s.Scored == 0 {
		c.mean.set("—", u.T("No data"))
	} else {
		c.mean.set(u.tr.FormatNumber(s.Mean, 1), u.T("Median %s", u.tr.FormatNumber(s.Median, 1)))
	}
	c.pool.set(u.poolText(s.Pool), u.T("Sum of the bonuses earned"))
	var lines []countLine
	for _, r := range s.Ratings {
		lines = append(lines, countLine{name: u.ratingText(r.Name, false), count: r.Count})
	}
	if s.NoTotal > 0 {
		lines = append(lines, countLine{name: u.T("No data"), count: s.NoTotal, color: theme.ColorNamePlaceHolder})
	}
	c.ratings.set(u, lines)
}

// poolText writes a bonus pool, one amount per currency.
func (u *UI) poolText(pool []dashboard.Amount) string {
	if len(pool) == 0 {
		return "—"
	}
	var parts []string
	for _, a := range pool {
		parts = append(parts, u.tr.FormatMoney(a.Sum, a.Currency))
	}
	return strings.Join(parts, " + ")
}

// statusName translates a KPI's trend status.
func (u *UI) statusName(s trend.Status) string {
	switch s {
	case trend.OnTrack:
		return u.T("On track")
	case trend.AtRisk:
		return u.T("At risk")
	case trend.OffTrack:
		return u.T("Off track")
	case trend.Unknown:
		return u.T("Unknown")
	}
	return u.T("No data")
}

// statusColor colours a trend status in the count cards.
func statusColor(s trend.Status) fyne.ThemeColorName {
	switch s {
	case trend.OnTrack:
		return theme.ColorNameSuccess
	case trend.AtRisk:
		return theme.ColorNameWarning
	case trend.OffTrack:
		return theme.ColorNameError
	}
	return theme.ColorNamePlaceHolder
}

// statusImportance colours a trend status in the tables.
func statusImportance(s trend.Status) widget.Importance {
	switch s {
	case trend.OnTrack:
		return widget.SuccessImportance
	case trend.AtRisk:
		return widget.WarningImportance
	case trend.OffTrack:
		return widget.DangerImportance
	}
	return widget.LowImportance
}
