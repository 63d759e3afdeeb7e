package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// bonusPoolTab sets the cycle's pool rule and shows it solved, every row
// explained, with the totals.
type bonusPoolTab struct {
	s     *bonusScreen
	stale bool

	policy bonus.Policy // as stored
	rows   []bonus.Row  // the solved rows shown
	res    bonus.Result

	pool      *keyEntry
	mode      *widget.Select
	floor     *keyEntry
	floorBase *widget.Check // the floor is × base
	cap       *keyEntry
	capBase   *widget.Check
	step      *keyEntry
	solve     *widget.Button
	export    *widget.Button
	reg       *widget.Button
	table     *rowTable
	totals    *widget.Label
	detail    *widget.Label
	root      fyne.CanvasObject
}

// bonusModes are the pool modes in the order the mode select offers them.
var bonusModes = []bonus.Mode{bonus.ModeFit, bonus.ModeCap, bonus.ModeNone}

func newBonusPoolTab(s *bonusScreen) *bonusPoolTab {
	u := s.u
	t := &bonusPoolTab{s: s, stale: true}
	t.pool = newKeyEntry()
	t.pool.SetPlaceHolder(u.T("e.g. 4 200 000 000"))
	t.pool.OnSubmitted = func(string) { t.onSolve() }
	t.mode = widget.NewSelect([]string{u.T("Fit the pool exactly"), u.T("Scale down to the pool"), u.T("No pool: raw bonuses")}, nil)
	t.mode.SetSelectedIndex(0)
	t.floor, t.cap, t.step = newKeyEntry(), newKeyEntry(), newKeyEntry()
	t.floor.SetPlaceHolder(u.T("no limit"))
	t.cap.SetPlaceHolder(u.T("no limit"))
	t.step.SetPlaceHolder(u.T("e.g. 1 000"))
	t.floorBase = widget.NewCheck(u.T("× base"), nil)
	t.capBase = widget.NewCheck(u.T("× base"), nil)
	t.solve = widget.NewButtonWithIcon(u.T("Solve and save"), theme.ConfirmIcon(), t.onSolve)
	t.solve.Importance = widget.HighImportance
	t.export = widget.NewButtonWithIcon(u.T("Export…"), theme.DownloadIcon(), t.onExport)
	t.reg = widget.NewButtonWithIcon(u.T("Bonus regulation…"), theme.DocumentIcon(), t.onRegulation)
	t.totals = widget.NewLabel("")
	t.totals.Wrapping = fyne.TextWrapWord
	t.detail = widget.NewLabel("")
	t.detail.Wrapping = fyne.TextWrapWord
	t.detail.Importance = widget.LowImportance
	t.table = t.newTable()
	label := func(text string) fyne.CanvasObject { return widget.NewLabel(text) }
	left := container.New(layout.NewFormLayout(),
		label(u.T("Pool")), t.pool, label(u.T("Mode")), t.mode)
	right := container.New(layout.NewFormLayout(),
		label(u.T("Floor")), container.NewBorder(nil, nil, nil, t.floorBase, t.floor),
		label(u.T("Cap")), container.NewBorder(nil, nil, nil, t.capBase, t.cap))
	form := container.NewVBox(container.NewGridWithColumns(2, left, right),
		container.NewBorder(nil, nil, container.NewHBox(label(u.T("Rounding step")), container.NewGridWrap(fyne.NewSize(140, t.step.MinSize().Height), t.step)),
			container.NewHBox(t.solve, t.export, t.reg)))
	bottom := container.NewVBox(t.totals, cappedMessage(t.detail, 2, true))
	t.root = container.NewBorder(form, bottom, nil, nil, t.table)
	return t
}

// load reads the cycle's policy and solves it for the chosen unit.
func (t *bonusPoolTab) load() {
	c, unit, ok := t.s.scope()
	if !ok {
		return
	}
	t.stale = false
	u := t.s.u
	var p bonus.Policy
	var res bonus.Result
	u.async(func() (err error) {
		if p, err = u.ws.BonusPolicy(c); err != nil {
			return err
		}
		_, _, res, err = u.ws.Bonus(c, unit)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		t.policy = p
		t.fill(p, unit)
		t.show(res)
	})
}

// fill shows policy p in the form, with the pool of unit.
func (t *bonusPoolTab) fill(p bonus.Policy, unit app.UID) {
	u := t.s.u
	t.pool.SetText(blankZero(u, p.PoolOf(unit)))
	for i, m := range bonusModes {
		if m == p.Mode {
			t.mode.SetSelectedIndex(i)
		}
	}
	setLimit := func(e *keyEntry, base *widget.Check, l bonus.Limit) {
		base.SetChecked(l.Times > 0)
		if l.Times > 0 {
			e.SetText(u.tr.FormatNumber(l.Times, -1))
		} else {
			e.SetText(blankZero(u, l.Amount))
		}
	}
	setLimit(t.floor, t.floorBase, p.Floor)
	setLimit(t.cap, t.capBase, p.Cap)
	t.step.SetText(blankZero(u, p.Step))
}

// blankZero writes x, or "" for 0.
func blankZero(u *UI, x float64) string {
	if x == 0 {
		return ""
	}
	return u.tr.FormatNumber(x, -1)
}

// read returns the stored policy changed as the form says, for unit, or an
// error naming the field that is not a number.
func (t *bonusPoolTab) read(unit app.UID) (bonus.Policy, error) {
	u := t.s.u
	p := t.policy
	p.Units = append([]bonus.UnitPool(nil), p.Units...)
	num := func(field, s string) (float64, error) {
		if strings.TrimSpace(s) == "" {
			return 0, nil
		}
		x, err := u.tr.ParseNumber(s)
		if err != nil {
			return 0, errors.New(u.T("%s: %s", field, u.tr.Err(err)))
		}
		return x, nil
	}
	pool, err := num(u.T("Pool"), t.pool.Text)
	if err != nil {
		return p, err
	}
	setPool(&p, unit, t.s.reg.Org.Units[unit], pool)
	if i := t.mode.SelectedIndex(); i >= 0 {
		p.Mode = bonusModes[i]
	}
	if p.Step, err = num(u.T("Rounding step"), t.step.Text); err != nil {
		return p, err
	}
	if p.Floor, err = t.limit(u.T("Floor"), t.floor.Text, t.floorBase.Checked, num); err != nil {
		return p, err
	}
	p.Cap, err = t.limit(u.T("Cap"), t.cap.Text, t.capBase.Checked, num)
	return p, err
}

// limit reads a floor or cap: times base when base is checked, else an amount.
func (t *bonusPoolTab) limit(field, text string, base bool, num func(string, string) (float64, error)) (bonus.Limit, error) {
	x, err := num(field, text)
	if base {
		return bonus.Limit{Times: x}, err
	}
	return bonus.Limit{Amount: x}, err
}

// setPool sets the company's pool, or the pool of unit (adding it to the
// policy's unit pools when it has none yet).
func setPool(p *bonus.Policy, unit app.UID, ou *app.OrgUnit, amount float64) {
	if unit == "" {
		p.Pool = amount
		return
	}
	for i := range p.Units {
		if p.Units[i].Unit == unit {
			p.Units[i].Amount = amount
			return
		}
	}
	code := ""
	if ou != nil {
		code = ou.Code
	}
	p.Units = append(p.Units, bonus.UnitPool{Unit: unit, Code: code, Amount: amount})
}

// onSolve saves the rule as the form says and shows it solved.
func (t *bonusPoolTab) onSolve() {
	c, unit, ok := t.s.scope()
	if !ok {
		return
	}
	u := t.s.u
	p, err := t.read(unit)
	if err != nil {
		showMessage(u.win, u.T("Check the pool"), err.Error())
		return
	}
	var res bonus.Result
	u.async(func() error {
		if err := u.ws.SaveBonusPolicy(p); err != nil {
			return err
		}
		var err error
		_, _, res, err = u.ws.Bonus(c, unit)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		t.policy = p
		t.s.calib.stale, t.s.sim.stale = true, true
		t.show(res)
		u.notify(u.T("Bonus rule saved"))
	})
}

// show fills the table and the totals from res.
func (t *bonusPoolTab) show(res bonus.Result) {
	t.res, t.rows = res, res.Rows
	t.table.clearRow()
	t.table.Refresh()
	t.detail.SetText("")
	t.totals.SetText(t.totalsText(res))
	if res.Feasible {
		t.totals.Importance = widget.MediumImportance
	} else {
		t.totals.Importance = widget.DangerImportance
	}
	t.totals.Refresh()
}

// totalsText sums res up: the total against the pool, or each pool's shortfall.
func (t *bonusPoolTab) totalsText(res bonus.Result) string {
	u := t.s.u
	cur := t.policy.Currency
	parts := []string{u.T("%d people, total %s", len(res.Rows), t.s.money(res.Total, cur))}
	if res.Mode != bonus.ModeNone {
		parts = append(parts, u.T("pool %s", t.s.money(res.Pool, cur)))
	}
	for _, p := range res.Pools {
		name := t.s.unitName(p.Unit)
		switch {
		case !p.Feasible && p.Shortfall > 0:
			parts = append(parts, u.T("%s: the caps reach only %s, %s short of the pool", name, t.s.money(p.Total, cur), t.s.money(p.Shortfall, cur)))
		case !p.Feasible:
			parts = append(parts, u.T("%s: the floors alone exceed the pool by %s", name, t.s.money(-p.Shortfall, cur)))
		case res.Mode == bonus.ModeFit && p.Total == p.Pool:
			parts = append(parts, u.T("%s: total equals the pool (k %s, %d remainder steps)", name, u.tr.FormatNumber(p.K, 4), p.Remainder))
		}
	}
	return strings.Join(parts, "; ")
}
