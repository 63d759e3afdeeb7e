package ui

import (
	"cmp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/planedit"
	"kpiplanner/app/score"
)

// Column widths of the scorecard: KPI name (the rest), group, achievement,
// score; a group's line has no group column.
var (
	scoreColumns = []float32{0, 24, 136, 60}
	groupColumns = []float32{0, 136, 60}
)

// scorecard shows a plan's score over the chosen window: each KPI's
// achievement and score, the group subtotals, the total, the rating and the bonus.
type scorecard struct {
	u        *UI
	currency string

	title  *widget.Label
	kpiBox *fyne.Container
	kpis   []scoreRow
	groups []scoreRow
	total  *widget.Label
	rating *widget.Label
	bonus  *widget.Label
	note   *widget.Label // why a result is provisional
	root   fyne.CanvasObject
}

// scoreRow is one line of the scorecard; a KPI's line also says which
// formula scored it.
type scoreRow struct {
	name, group, achievement, score *widget.Label
	formula                         *widget.Label
	need                            *widget.Label // the comments the KPI needs (score.MissingNotes)
	box                             *fyne.Container
}

func newScoreRow(bold bool) scoreRow {
	return newScoreLine(bold, scoreColumns)
}

// newKPIRow returns a KPI's line: name with its formula below, group, achievement, score.
func newKPIRow() scoreRow {
	r := newScoreLine(false, scoreColumns)
	// a long KPI name wraps rather than being cut
	r.name.Truncation = fyne.TextTruncateOff
	r.name.Wrapping = fyne.TextWrapWord
	r.formula = widget.NewLabel("")
	r.formula.Importance = widget.LowImportance
	r.formula.Truncation = fyne.TextTruncateEllipsis
	r.formula.SizeName = theme.SizeNameCaptionText
	r.need = widget.NewLabel("")
	r.need.Importance = widget.DangerImportance
	r.need.Wrapping = fyne.TextWrapWord
	r.need.SizeName = theme.SizeNameCaptionText
	r.need.Hide()
	r.box.Objects[0] = container.New(tightVBox{}, r.name, r.formula, r.need)
	return r
}

// newGroupRow returns a line for a group subtotal: name, status and score.
func newGroupRow() scoreRow {
	r := newScoreLine(false, groupColumns)
	r.box.Objects = []fyne.CanvasObject{r.name, r.achievement, r.score}
	return r
}

func newScoreLine(bold bool, widths []float32) scoreRow {
	r := scoreRow{
		name:        widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: bold}),
		group:       widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{}),
		achievement: widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{}),
		score:       widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold}),
	}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.achievement.Truncation = fyne.TextTruncateClip
	r.box = container.New(&columnsLayout{widths: widths}, r.name, r.group, r.achievement, r.score)
	return r
}

func newScorecard(u *UI, currency string) *scorecard {
	c := &scorecard{u: u, currency: currency}
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title.Wrapping = fyne.TextWrapWord
	head := newScoreRow(false)
	head.name.SetText(u.T("KPI"))
	head.achievement.SetText(u.T("Achievement"))
	head.score.SetText(u.T("Score"))
	for _, l := range []*widget.Label{head.name, head.achievement, head.score} {
		l.Importance = widget.LowImportance
	}
	c.kpiBox = container.NewVBox()
	groupBox := container.NewVBox()
	for range 3 {
		r := newGroupRow()
		c.groups = append(c.groups, r)
		groupBox.Add(r.box)
	}
	c.total = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	c.rating = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	c.bonus = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	line := func(caption string, value *widget.Label) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		return container.NewBorder(nil, nil, l, nil, value)
	}
	c.note = widget.NewLabel("")
	c.note.Wrapping = fyne.TextWrapWord
	c.note.Importance = widget.WarningImportance
	c.note.Hide()
	result := container.NewVBox(line(u.T("Total score"), c.total), line(u.T("Rating"), c.rating),
		line(u.T("Bonus"), c.bonus))
	// The total, rating and bonus stay in sight at the bottom on any screen;
	// why a result is provisional, the KPIs and the group subtotals scroll
	// above them, so the card never sets the window's height.
	scroll := container.NewVScroll(container.NewVBox(c.note, c.kpiBox, widget.NewSeparator(), groupBox))
	scroll.SetMinSize(fyne.NewSize(360, 80))
	c.root = container.NewBorder(container.NewVBox(c.title, head.box),
		container.NewVBox(widget.NewSeparator(), result), nil, nil, scroll)
	return c
}

func (c *scorecard) view() fyne.CanvasObject { return c.root }

// update shows r. Every number comes from r; this only formats them.
func (c *scorecard) update(r score.Result) {
	u := c.u
	if r.AtLabel == "" {
		c.title.SetText(u.T("Scorecard"))
	} else {
		c.title.SetText(u.T("Scorecard, year to date up to %s", r.AtLabel))
	}
	for len(c.kpis) < len(r.KPIs) {
		row := newKPIRow()
		c.kpis = append(c.kpis, row)
		c.kpiBox.Add(row.box)
	}
	for len(c.kpis) > len(r.KPIs) {
		c.kpiBox.Remove(c.kpis[len(c.kpis)-1].box)
		c.kpis = c.kpis[:len(c.kpis)-1]
	}
	for i, k := range r.KPIs {
		row := c.kpis[i]
		if k.Name == "" {
			row.name.SetText(u.T("(unnamed KPI %s)", k.ID))
		} else {
			row.name.SetText(k.Name)
		}
		row.group.SetText(string(k.Group))
		row.formula.SetText(u.targetText(k))
		c.setScore(row, k.Status == score.Scored, planedit.AchievementPercent(k), k.Score)
	}
	for i, g := range r.Groups {
		if i >= len(c.groups) {
			break
		}
		row := c.groups[i]
		row.name.SetText(u.T("%s (%s)", u.tr.Name(g.Group), u.tr.FormatPercent(g.Weight, -1)))
		c.setScore(row, g.Scored, -1, g.Score)
	}
	c.showTotal(r)
}

// setScore fills a row's achievement (percent; < 0 leaves it blank) and score, or says "No data".
func (c *scorecard) setScore(row scoreRow, scored bool, pct, s float64) {
	u := c.u
	if !scored {
		row.achievement.SetText(u.T("No data"))
		row.achievement.TextStyle = fyne.TextStyle{Italic: true}
		row.achievement.Importance = widget.LowImportance
		row.score.SetText("—")
		row.achievement.Refresh()
		return
	}
	row.achievement.TextStyle = fyne.TextStyle{}
	row.achievement.Importance = widget.MediumImportance
	if pct < 0 {
		row.achievement.SetText("")
	} else {
		row.achievement.SetText(u.tr.FormatPercent(pct, 1))
	}
	row.score.SetText(u.tr.FormatNumber(s, 1))
}

func (c *scorecard) showTotal(r score.Result) {
	u := c.u
	c.showNote(r)
	if !r.HasTotal {
		c.total.SetText(u.T("No data"))
		c.rating.SetText("—")
		c.bonus.SetText("—")
		return
	}
	c.total.SetText(u.totalText(r.Official, r.Window))
	c.rating.SetText(u.ratingText(r.Rating.Name, r.Provisional))
	c.bonus.SetText(u.tr.FormatMoney(r.Bonus, c.currency))
}

// showNote says why a result is provisional, naming the KPIs without data.
func (c *scorecard) showNote(r score.Result) {
	if !r.Provisional {
		c.note.Hide()
		return
	}
	names := make([]string, 0, len(r.Missing))
	for _, id := range r.Missing {
		for _, k := range r.KPIs {
			if k.ID == id {
				names = append(names, cmp.Or(k.Name, k.ID))
			}
		}
	}
	c.note.SetText(c.u.T("Provisional: no data yet for %s. Enter it, or exempt the KPI with a reason.", strings.Join(names, ", ")))
	c.note.Show()
}
