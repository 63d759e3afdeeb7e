package ui

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// calibTab is the calibration of the chosen unit (or the company): people
// as cards by rating band, the target distribution beside the current one,
// and the cost of every move against the pool as it is made.
type calibTab struct {
	s     *bonusScreen
	stale bool
	busy  bool // a move or an undo is being saved

	cycle  app.Cycle
	unit   app.UID
	policy bonus.Policy
	cal    bonus.Calibration
	sess   *bonus.Session
	in     []bonus.Input
	final  map[app.UID]float64 // each person's bonus as solved now
	bands  []app.Band          // the board's columns, lowest first
	tot    bonus.Totals
	undos  []calibUndo
	reason map[app.UID]string // the current override's reason per person

	board   *calibBoard
	dist    *distRow
	totals  *widget.Label
	state   *widget.Label
	left    *widget.Button
	right   *widget.Button
	undo    *widget.Button
	target  *widget.Button
	signOff *widget.Button
	reopen  *widget.Button
	root    fyne.CanvasObject
}

// calibUndo is what one move replaced: the person's band before it and
// whether that was itself an override (with its reason).
type calibUndo struct {
	person     app.UID
	band       string
	overridden bool
	reason     string
}

func newCalibTab(s *bonusScreen) *calibTab {
	u := s.u
	t := &calibTab{s: s, stale: true}
	t.board = newCalibBoard(t.onMove)
	t.board.onPick = func(*boardCard) { t.updateActions() }
	t.dist = newDistRow()
	t.totals = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.totals.Wrapping = fyne.TextWrapWord
	t.state = widget.NewLabel("")
	t.state.Wrapping = fyne.TextWrapWord
	t.left = widget.NewButtonWithIcon(u.T("Lower band"), theme.NavigateBackIcon(), func() { t.board.move(-1) })
	t.right = widget.NewButtonWithIcon(u.T("Higher band"), theme.NavigateNextIcon(), func() { t.board.move(+1) })
	t.undo = widget.NewButtonWithIcon(u.T("Undo move"), theme.ContentUndoIcon(), func() { t.onUndo() })
	t.target = widget.NewButtonWithIcon(u.T("Target…"), theme.SettingsIcon(), t.onTarget)
	t.signOff = widget.NewButtonWithIcon(u.T("Sign off"), theme.ConfirmIcon(), t.onSignOff)
	t.signOff.Importance = widget.HighImportance
	t.reopen = widget.NewButtonWithIcon(u.T("Reopen…"), theme.ViewRefreshIcon(), t.onReopen)
	actions := container.NewHBox(t.left, t.right, t.undo, t.target, t.signOff, t.reopen)
	top := container.NewVBox(t.totals, actions, t.dist)
	t.root = container.NewBorder(top, cappedMessage(t.state, 2, true), nil, nil, t.board)
	t.updateActions()
	return t
}

// calibLoad is what a calibration load reads.
type calibLoad struct {
	policy bonus.Policy
	cal    bonus.Calibration
	sess   *bonus.Session
	tot    bonus.Totals
	final  map[app.UID]float64
}

// load reads the scope's people, calibration and pool and starts a session over them.
func (t *calibTab) load() {
	c, unit, ok := t.s.scope()
	if !ok {
		return
	}
	t.stale = false
	u := t.s.u
	var l calibLoad
	u.async(func() (err error) {
		l, err = t.read(c, unit)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		t.cycle, t.unit, t.policy, t.cal, t.sess = c, unit, l.policy, l.cal, l.sess
		t.undos, t.reason = nil, map[app.UID]string{}
		for _, o := range l.cal.Overrides {
			t.reason[o.Person] = o.Reason
		}
		t.in = l.sess.Inputs()
		t.bands = boardBands(t.in)
		t.refresh(l.tot, l.final)
	})
}

// read loads a calibration (off the UI goroutine).
func (t *calibTab) read(c app.Cycle, unit app.UID) (calibLoad, error) {
	ws := t.s.u.ws
	var l calibLoad
	var err error
	if l.policy, err = ws.BonusPolicy(c); err != nil {
		return l, err
	}
	in, err := ws.BonusInputs(c, l.policy, unit)
	if err != nil {
		return l, err
	}
	if l.cal, err = ws.Calibration(c, unit); err != nil {
		return l, err
	}
	l.sess = bonus.NewSession(in, l.policy, l.cal.Target)
	l.tot = l.sess.Totals()
	l.final = finals(l.sess.Result())
	return l, nil
}

// finals maps each person to their final bonus.
func finals(r bonus.Result) map[app.UID]float64 {
	m := make(map[app.UID]float64, len(r.Rows))
	for _, row := range r.Rows {
		m[row.Person] = row.Final
	}
	return m
}

// boardBands returns the bands of the people's plans, lowest first (the
// plan with the most bands gives them).
func boardBands(in []bonus.Input) []app.Band {
	var bands []app.Band
	for _, x := range in {
		if len(x.Bands) > len(bands) {
			bands = x.Bands
		}
	}
	out := slices.Clone(bands)
	slices.Reverse(out)
	return out
}

// refresh shows totals tot and the people's bonuses final on the board, the distribution and the totals line.
func (t *calibTab) refresh(tot bonus.Totals, final map[app.UID]float64) {
	u := t.s.u
	t.tot, t.final = tot, final
	cols := make([][]boardCard, len(t.bands))
	titles := make([]string, len(t.bands))
	idx := map[string]int{}
	for i, b := range t.bands {
		idx[b.Name] = i
	}
	for _, x := range t.in {
		i, ok := idx[x.Band]
		if !ok {
			continue
		}
		cols[i] = append(cols[i], t.card(&x))
	}
	for i, b := range t.bands {
		slices.SortStableFunc(cols[i], func(a, b boardCard) int { return cmp.Compare(b.score, a.score) })
		titles[i] = u.T("%s (%d)", u.T(b.Name), len(cols[i]))
	}
	t.board.set(titles, cols)
	before := t.dist.MinSize()
	t.dist.set(t.distBands(tot))
	setText(t.totals, t.totalsText(tot))
	t.updateActions()
	if t.dist.MinSize() != before {
		t.root.Refresh() // the distribution grew or shrank (its bands, its words): lay out again
	}
}

// card is person x's card.
func (t *calibTab) card(x *bonus.Input) boardCard {
	u := t.s.u
	score := "—"
	if x.HasScore {
		score = u.tr.FormatNumber(x.Score, 2)
	}
	return boardCard{Key: string(x.Person), Name: x.Name, Score: score, score: x.Score, Manager: t.s.reg.NameOf(x.Manager),
		Bonus: t.s.money(t.final[x.Person], t.policy.Currency), Overridden: x.Overridden}
}

// totalsText is the cost of the bands against the pool: "+12 400 000 ₫ over the pool".
func (t *calibTab) totalsText(tot bonus.Totals) string {
	u, cur := t.s.u, t.policy.Currency
	cost := u.T("Cost of the bands %s, pool %s, paid %s", t.s.money(tot.Raw, cur), t.s.money(tot.Pool, cur), t.s.money(tot.Total, cur))
	switch {
	case tot.Pool == 0:
		return u.T("Cost of the bands %s (no pool set)", t.s.money(tot.Raw, cur))
	case tot.Delta > 0:
		return cost + ": " + u.T("+%s over the pool", t.s.money(tot.Delta, cur))
	case tot.Delta < 0:
		return cost + ": " + u.T("%s under the pool", t.s.money(-tot.Delta, cur))
	}
	return cost + ": " + u.T("exactly the pool")
}

// distBands turns the session's distribution and violations into the row's
// bands, lowest first as on the board.
func (t *calibTab) distBands(tot bonus.Totals) []distBand {
	u := t.s.u
	problems := map[string][]string{}
	for _, v := range tot.Violations {
		msg := u.tr.Msg(v.Msg)
		if v.Unit != "" {
			msg = t.s.unitName(v.Unit) + ": " + msg
		}
		problems[v.Band] = append(problems[v.Band], msg)
	}
	out := make([]distBand, 0, len(tot.Dist.Bands))
	for _, b := range tot.Dist.Bands {
		d := distBand{Name: u.T(b.Band), Current: b.Percent, Target: b.Target, HasTarget: b.HasTarget,
			Problem: strings.Join(problems[b.Band], "; ")}
		d.Text = u.T("%d, %s", b.Count, u.tr.FormatPercent(b.Percent, 0))
		if b.HasTarget {
			d.Text = u.T("%d, %s, target %s", b.Count, u.tr.FormatPercent(b.Percent, 0), u.tr.FormatPercent(b.Target, 0))
		}
		out = append(out, d)
	}
	slices.Reverse(out)
	return out
}

// updateActions enables what the calibration's state allows.
func (t *calibTab) updateActions() {
	u := t.s.u
	signed := t.cal.Signed()
	sel := t.board.selected() != nil && !signed && !t.busy
	enable(t.left, sel && t.board.col > 0)
	enable(t.right, sel && t.board.col < len(t.bands)-1)
	enable(t.undo, len(t.undos) > 0 && !signed && !t.busy)
	enable(t.target, t.sess != nil && !signed)
	enable(t.signOff, t.sess != nil && !signed)
	enable(t.reopen, signed)
	switch {
	case signed:
		so := t.cal.SignedOff
		setText(t.state, u.T("Signed off by %s on %s: moves are refused until the calibration is reopened with a reason.",
			so.User, u.tr.FormatDate(app.DateOf(so.At))))
		t.state.Importance = widget.WarningImportance
		t.state.Refresh()
	case t.sess != nil:
		setText(t.state, u.T("Select a card and move it with the buttons or the Left and Right keys; every move asks for a reason and is saved. %s: %d people.",
			t.s.unitName(t.unit), len(t.in)))
		if t.state.Importance != widget.LowImportance {
			t.state.Importance = widget.LowImportance
			t.state.Refresh()
		}
	}
}
