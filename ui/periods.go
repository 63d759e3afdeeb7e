package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// periodsShown is how many of the latest closes and reopens the panel lists
// (three in sight, the others a scroll away).
const periodsShown = 6

// periodsPanel closes and reopens a month for the whole company or one unit
// and lists the latest closes and reopens.
type periodsPanel struct {
	o       *orgScreen
	month   *widget.Entry
	scope   *unitPicker
	scopeAt *fyne.Container // holds the scope picker, rebuilt with the units
	close   *widget.Button
	reopen  *widget.Button
	records *widget.Label
}

func newPeriodsPanel(o *orgScreen) *periodsPanel {
	u := o.u
	p := &periodsPanel{o: o, month: widget.NewEntry(), records: widget.NewLabel("")}
	p.month.SetText(previousMonth(u.ws.Today()))
	p.month.SetPlaceHolder("2026-06")
	p.scope = newUnitPicker(u, o.reg, u.T("Whole company"), nil)
	p.scope.set("")
	p.scopeAt = container.NewStack(p.scope.sel)
	p.close = widget.NewButtonWithIcon(u.T("Close period"), theme.ConfirmIcon(), p.onClose)
	p.reopen = widget.NewButtonWithIcon(u.T("Reopen period…"), theme.ContentUndoIcon(), p.onReopen)
	p.records.Wrapping = fyne.TextWrapWord
	p.records.Importance = widget.LowImportance
	return p
}

// previousMonth is the month before d's, as yyyy-mm: the one HR usually closes.
func previousMonth(d app.Date) string {
	t := d.Time()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0).Format("2006-01")
}

func (p *periodsPanel) view() fyne.CanvasObject {
	u := p.o.u
	title := widget.NewLabelWithStyle(u.T("Period close"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(u.T("A closed month refuses changes to its actuals until it is reopened with a reason; official scores run through the latest closed month."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(u.T("Month (yyyy-mm)"), p.month),
		widget.NewFormItem(u.T("For"), p.scopeAt),
	)
	return container.NewVBox(title, hint, form, container.NewHBox(p.close, p.reopen), cappedMessage(p.records, 3, false))
}

// refresh offers the units as loaded and lists the latest records.
func (p *periodsPanel) refresh() {
	u := p.o.u
	keep := p.scope.value()
	p.scope = newUnitPicker(u, p.o.reg, u.T("Whole company"), nil)
	p.scope.set(keep)
	p.scopeAt.Objects = []fyne.CanvasObject{p.scope.sel}
	p.scopeAt.Refresh()
	var lines []string
	for i := len(p.o.closes) - 1; i >= 0 && len(lines) < periodsShown; i-- {
		lines = append(lines, p.recordText(p.o.closes[i]))
	}
	if len(lines) == 0 {
		lines = []string{u.T("No month has been closed yet.")}
	}
	p.records.SetText(strings.Join(lines, "\n"))
}

// recordText is one close or reopen as a sentence.
func (p *periodsPanel) recordText(c app.PeriodClose) string {
	u := p.o.u
	scope := u.T("the whole company")
	if c.Unit != "" {
		scope = p.o.reg.Org.Name(c.Unit)
	}
	when := u.tr.FormatDate(app.DateOf(c.At.Local()))
	if c.Closed {
		return u.T("%s closed for %s on %s by %s", c.Month, scope, when, c.User)
	}
	return u.T("%s reopened for %s on %s by %s: %s", c.Month, scope, when, c.User, c.Reason)
}

func (p *periodsPanel) onClose() {
	u := p.o.u
	month, unit := strings.TrimSpace(p.month.Text), p.scope.value()
	u.async(func() error { return u.ws.ClosePeriod(unit, month) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Closed %s", month))
		p.o.reload()
	})
}

func (p *periodsPanel) onReopen() {
	u := p.o.u
	month, unit := strings.TrimSpace(p.month.Text), p.scope.value()
	u.askReason(u.T("Reopen %s", month), u.T("Why must %s be reopened? The reason is kept in the workspace log.", month), func(reason string) {
		u.async(func() error { return u.ws.ReopenPeriod(unit, month, reason) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(u.T("Reopened %s", month))
			p.o.reload()
		})
	})
}
