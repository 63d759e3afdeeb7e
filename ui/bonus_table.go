package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/bonus"
)

// The solved table's columns, in order: who, then every step of the amount.
const (
	bcolCode = iota
	bcolName
	bcolBand
	bcolRaw
	bcolK
	bcolBound
	bcolRounded
	bcolExtra
	bcolFinal
	bcolWhy
	bcolCount
)

var bonusWidths = [bcolCount]float32{84, 190, 110, 120, 70, 90, 120, 80, 120, 260}

func (t *bonusPoolTab) newTable() *rowTable {
	tb := newRowTable(
		func() (int, int) { return len(t.rows), bcolCount },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Nguyễn Thị Minh Khai")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		t.updateCell, t.onRow)
	tb.StickyColumnCount = 2
	tb.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	tb.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(t.columnTitle(id.Col))
		}
	}
	for i, w := range bonusWidths {
		tb.SetColumnWidth(i, max(w, fyne.MeasureText(t.columnTitle(i), theme.TextSize(), fyne.TextStyle{Bold: true}).Width+2*theme.InnerPadding()+3*theme.Padding()))
	}
	return tb
}

func (t *bonusPoolTab) columnTitle(col int) string {
	u := t.s.u
	return [bcolCount]string{u.T("Code"), u.T("Name"), u.T("Band"), u.T("Raw"), u.T("k"), u.T("Floor or cap"),
		u.T("Rounded"), u.T("Remainder"), u.T("Final"), u.T("Why")}[col]
}

func (t *bonusPoolTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(t.rows) {
		l.SetText("")
		return
	}
	l.SetText(t.cellText(&t.rows[id.Row], id.Col))
}

// cellText is what column col shows of row r.
func (t *bonusPoolTab) cellText(r *bonus.Row, col int) string {
	u, cur := t.s.u, t.policy.Currency
	switch col {
	case bcolCode:
		return r.Code
	case bcolName:
		return r.Name
	case bcolBand:
		return t.bandText(r)
	case bcolWhy:
		if !r.Eligible {
			return u.tr.Msg(r.WhyText)
		}
		return ""
	}
	if !r.Eligible {
		return ""
	}
	switch col {
	case bcolRaw:
		return t.s.money(r.Raw, cur)
	case bcolK:
		return u.tr.FormatNumber(t.kOf(r), 4)
	case bcolBound:
		return t.boundText(r)
	case bcolRounded:
		return t.s.money(r.Rounded, cur)
	case bcolExtra:
		if r.Extra > 0 {
			return u.T("+%d step", r.Extra)
		}
		return ""
	case bcolFinal:
		return t.s.money(r.Final, cur)
	}
	return ""
}

// bandText is the row's band, marked when it is a calibration override.
func (t *bonusPoolTab) bandText(r *bonus.Row) string {
	if r.Overridden {
		return t.s.u.T("%s (calibrated)", t.s.u.T(r.Band))
	}
	return t.s.u.T(r.Band)
}

// boundText says whether a floor or a cap decided the amount.
func (t *bonusPoolTab) boundText(r *bonus.Row) string {
	switch r.Bound {
	case bonus.Floored:
		return t.s.u.T("floored")
	case bonus.Capped:
		return t.s.u.T("capped")
	}
	return ""
}

// kOf is the scale of the pool row r draws from.
func (t *bonusPoolTab) kOf(r *bonus.Row) float64 {
	for _, p := range t.res.Pools {
		if p.Unit == r.PoolUnit {
			return p.K
		}
	}
	return 1
}

// onRow explains the selected row in words under the table.
func (t *bonusPoolTab) onRow(row int) {
	if row >= 0 && row < len(t.rows) {
		t.detail.SetText(t.explain(&t.rows[row]))
	}
}

// explain writes every step of row r's amount.
func (t *bonusPoolTab) explain(r *bonus.Row) string {
	u, cur := t.s.u, t.policy.Currency
	if !r.Eligible {
		return u.T("%s: not eligible: %s", r.Name, u.tr.Msg(r.WhyText))
	}
	parts := []string{
		u.T("%s: raw %s = base %s × %s (%s) × pro-rata %s", r.Name, t.s.money(r.Raw, cur), t.s.money(r.Base, cur),
			u.tr.FormatNumber(r.Multiplier, -1), t.bandText(r), u.tr.FormatPercent(r.ProRata*100, 1)),
		u.T("× k %s = %s", u.tr.FormatNumber(t.kOf(r), 4), t.s.money(r.Scaled, cur)),
	}
	switch r.Bound {
	case bonus.Floored:
		parts = append(parts, u.T("lifted to the floor %s", t.s.money(r.FloorAt, cur)))
	case bonus.Capped:
		parts = append(parts, u.T("cut to the cap %s", t.s.money(r.CapAt, cur)))
	}
	parts = append(parts, u.T("rounded down to %s", t.s.money(r.Rounded, cur)))
	if r.Extra > 0 {
		parts = append(parts, u.T("plus %d remainder step", r.Extra))
	}
	parts = append(parts, u.T("final %s", t.s.money(r.Final, cur)))
	return strings.Join(parts, "; ")
}
