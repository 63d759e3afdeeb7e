package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/demo"
)

// bonusUI opens the Bonus screen over a demo company of n people.
func bonusUI(t testing.TB, lang string, n int) (*UI, *bonusScreen) {
	t.Helper()
	u, store := testUI(t, lang)
	if _, err := demo.Save(store, n, 1, lang); err != nil {
		t.Fatal(err)
	}
	u.openBonus()
	s, ok := u.cur.(*bonusScreen)
	if !ok {
		t.Fatalf("openBonus showed %T", u.cur)
	}
	if len(s.cycles) == 0 || s.cycle.SelectedIndex() != 0 {
		t.Fatalf("no cycle chosen: %d cycles", len(s.cycles))
	}
	return u, s
}

// setPolicy stores the scope's policy with pool, mode and step 1 000.
func setPolicy(t testing.TB, u *UI, s *bonusScreen, pool float64, mode bonus.Mode) bonus.Policy {
	t.Helper()
	c, _, _ := s.scope()
	p, err := u.ws.BonusPolicy(c)
	if err != nil {
		t.Fatal(err)
	}
	p.Pool, p.Mode, p.Step = pool, mode, 1000
	if err := u.ws.SaveBonusPolicy(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// A pool typed with space groups is solved and saved: the Final column adds
// up to it exactly, every amount a multiple of the step.
func TestBonusPoolSumsToThePoolInTheTable(t *testing.T) {
	for _, lang := range []string{"en", "vi"} {
		u, s := bonusUI(t, lang, 30)
		p := s.pool
		p.pool.SetText("10 000 000")
		p.mode.SetSelectedIndex(0) // fit
		p.step.SetText("1 000")
		test.Tap(p.solve)
		if len(p.rows) != 30 {
			t.Fatalf("%s: %d rows, want 30", lang, len(p.rows))
		}
		sum := 0.0
		for i := range p.rows {
			text := p.cellText(&p.rows[i], bcolFinal)
			if text == "" {
				continue // not eligible
			}
			x, err := u.tr.ParseNumber(text)
			if err != nil {
				t.Fatalf("%s: final %q: %v", lang, text, err)
			}
			if int64(x)%1000 != 0 {
				t.Errorf("%s: %s gets %q, not a multiple of 1 000", lang, p.rows[i].Name, text)
			}
			sum += x
		}
		if sum != 10_000_000 {
			t.Errorf("%s: the Final column adds up to %.0f, want the pool 10 000 000", lang, sum)
		}
		if want := u.tr.FormatMoney(10_000_000, "VND"); !strings.Contains(p.totals.Text, want) {
			t.Errorf("%s: totals %q do not show %s", lang, p.totals.Text, want)
		}
		c, _, _ := s.scope()
		stored, err := u.ws.BonusPolicy(c)
		if err != nil || stored.Pool != 10_000_000 || stored.Mode != bonus.ModeFit || stored.Step != 1000 {
			t.Errorf("%s: stored policy %+v, %v", lang, stored, err)
		}
		p.table.selectRow(0)
		if !strings.Contains(p.detail.Text, p.rows[0].Name) || !strings.Contains(p.detail.Text, u.T("final %s", u.tr.FormatMoney(p.rows[0].Final, "VND"))) {
			t.Errorf("%s: row explanation %q", lang, p.detail.Text)
		}
		checkFits(t, u, lang+" bonus pool")
	}
}

// A bad pool names the field and saves nothing.
func TestBonusPoolBadNumberSavesNothing(t *testing.T) {
	u, s := bonusUI(t, "en", 5)
	s.pool.pool.SetText("ten million")
	test.Tap(s.pool.solve)
	if !strings.Contains(overlayText(u), "Pool") {
		t.Errorf("no message naming the pool: %q", overlayText(u))
	}
	c, _, _ := s.scope()
	if p, _ := u.ws.BonusPolicy(c); p.Pool != 0 {
		t.Errorf("pool %v saved from bad input", p.Pool)
	}
}

// openCalibration shows the calibration tab of s with a pool set.
func openCalibration(t testing.TB, u *UI, s *bonusScreen, pool float64) *calibTab {
	t.Helper()
	setPolicy(t, u, s, pool, bonus.ModeFit)
	s.onScope()
	s.tabs.SelectIndex(bonusTabCalibration)
	c := s.calib
	if c.sess == nil || len(c.in) == 0 {
		t.Fatal("the calibration did not load")
	}
	return c
}

// pickMovable selects a card that can move one band up and returns its person.
func pickMovable(t testing.TB, c *calibTab) *bonus.Input {
	t.Helper()
	for col := 0; col < len(c.board.cards)-1; col++ {
		if len(c.board.cards[col]) > 0 {
			c.board.selectCard(col, 0)
			return c.input(app.UID(c.board.cards[col][0].Key))
		}
	}
	t.Fatal("no card below the top band")
	return nil
}

// A move asks for a reason, is saved as an override, and changes the cost
// against the pool; undo takes it back.
func TestCalibrationMoveWithReasonUndoAndSignOff(t *testing.T) {
	u, s := bonusUI(t, "en", 40)
	c := openCalibration(t, u, s, 50_000_000)
	x := pickMovable(t, c)
	who, from, raw0 := x.Person, x.Band, c.tot.Raw
	delta0 := c.totals.Text
	to := c.bands[c.board.col+1]
	test.Tap(c.right)
	typeReason(t, u, "led the southern launch")
	cal, err := u.ws.Calibration(c.cycle, c.unit)
	if err != nil {
		t.Fatal(err)
	}
	ov := cal.OverrideOf(who)
	if ov == nil || ov.To != to.Name || ov.Reason != "led the southern launch" {
		t.Fatalf("override saved %+v, want to %s with the reason", ov, to.Name)
	}
	if got := c.input(who); got.Band != to.Name || !got.Overridden {
		t.Errorf("after the move the person is in %s (overridden %v)", got.Band, got.Overridden)
	}
	if sel := c.board.selected(); sel == nil || sel.Key != string(who) || c.board.col != indexOfBand(c.bands, to.Name) {
		t.Errorf("the moved card is not selected in its new column")
	}
	// the raw cost changes by base × (new − old multiplier) × pro-rata
	if c.tot.Raw <= raw0 && to.Multiplier > bandMult(c.bands, from) && x.Base > 0 {
		t.Errorf("raw cost %v after moving up, was %v", c.tot.Raw, raw0)
	}
	if c.totals.Text == delta0 {
		t.Errorf("the cost line did not change: %q", c.totals.Text)
	}
	if !strings.Contains(c.totals.Text, u.tr.FormatMoney(c.tot.Raw, "VND")) {
		t.Errorf("cost line %q lacks the raw cost", c.totals.Text)
	}

	// Ctrl+Z undoes the move
	pressShortcut(u, &fyne.ShortcutUndo{})
	cal, _ = u.ws.Calibration(c.cycle, c.unit)
	if cal.OverrideOf(who) != nil {
		t.Errorf("the override is still stored after undo")
	}
	if got := c.input(who); got.Band != from || got.Overridden {
		t.Errorf("after undo the person is in %s, want %s", got.Band, from)
	}
	if c.tot.Raw != raw0 {
		t.Errorf("raw cost %v after undo, want %v", c.tot.Raw, raw0)
	}

	// sign off: a move is refused, nothing saved
	test.Tap(c.signOff)
	tapButton(t, u, u.T("Yes"))
	if !c.cal.Signed() || !c.right.Disabled() {
		t.Fatalf("signed %v, move button enabled %v", c.cal.Signed(), !c.right.Disabled())
	}
	pickMovable(t, c)
	c.board.lists[c.board.col].TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if !strings.Contains(overlayText(u), u.T("The calibration is signed off: reopen it with a reason before moving anyone.")) {
		t.Errorf("a move after sign-off was not refused: %q", overlayText(u))
	}
	cal, _ = u.ws.Calibration(c.cycle, c.unit)
	if len(cal.Overrides) != 0 {
		t.Errorf("overrides %+v saved after sign-off", cal.Overrides)
	}
	checkFits(t, u, "calibration")
}

func indexOfBand(bands []app.Band, name string) int {
	for i, b := range bands {
		if b.Name == name {
			return i
		}
	}
	return -1
}

func bandMult(bands []app.Band, name string) float64 {
	if i := indexOfBand(bands, name); i >= 0 {
		return bands[i].Multiplier
	}
	return 0
}

// A simulator change updates the cost at once and saves nothing.
func TestSimulatorChangeUpdatesTotalsWithoutSaving(t *testing.T) {
	u, s := bonusUI(t, "en", 40)
	setPolicy(t, u, s, 0, bonus.ModeNone)
	s.onScope()
	s.tabs.SelectIndex(bonusTabSimulator)
	m := s.sim
	if len(m.mults) == 0 {
		t.Fatal("no bands in the simulator")
	}
	before := m.out.Cost
	plansBefore, _ := u.ws.Store().Plans()
	top := m.mults[0] // the highest band
	top.SetText(u.tr.FormatNumber(m.bands[0].Multiplier+1, -1))
	if m.sc.Bands == nil || m.sc.Bands[0].Multiplier != m.bands[0].Multiplier+1 {
		t.Fatalf("scenario %+v after changing the top multiplier", m.sc)
	}
	if m.out.Cost <= before && m.out.Ratings.Bands[0].Count > 0 {
		t.Errorf("cost %v after raising the top multiplier, was %v", m.out.Cost, before)
	}
	if !strings.Contains(m.cost.Text, u.tr.FormatMoney(m.out.Cost, "VND")) {
		t.Errorf("cost line %q", m.cost.Text)
	}
	if m.apply.Disabled() {
		t.Error("Apply is disabled with a change")
	}
	plansAfter, _ := u.ws.Store().Plans()
	for i := range plansBefore {
		if plansAfter[i].Rules.Bands[0].Multiplier != plansBefore[i].Rules.Bands[0].Multiplier {
			t.Fatalf("plan %s changed by the simulator", plansAfter[i].Name)
		}
	}
	test.Tap(m.reset)
	if m.sc.Bands != nil || m.out.Cost != before {
		t.Errorf("after Reset scenario %+v cost %v, want none and %v", m.sc, m.out.Cost, before)
	}
	checkFits(t, u, "simulator")
}

// A person who left before the payment date shows why they get nothing, in
// the Why column and in the row's explanation.
func TestBonusNotEligibleShowsWhy(t *testing.T) {
	u, s := bonusUI(t, "en", 10)
	p := setPolicy(t, u, s, 20_000_000, bonus.ModeFit)
	p.Eligibility.PaymentDate = p.Cycle.End
	if err := u.ws.SaveBonusPolicy(p); err != nil {
		t.Fatal(err)
	}
	e := personByCode(t, u, "NV0003")
	e.Left = app.NewDate(2026, 6, 30)
	if err := u.ws.SavePerson(e); err != nil {
		t.Fatal(err)
	}
	s.onScope()
	pt := s.pool
	for i := range pt.rows {
		r := &pt.rows[i]
		if r.Code != "NV0003" {
			continue
		}
		if r.Eligible || pt.cellText(r, bcolFinal) != "" || pt.cellText(r, bcolWhy) == "" {
			t.Fatalf("NV0003 eligible %v, final %q, why %q", r.Eligible, pt.cellText(r, bcolFinal), pt.cellText(r, bcolWhy))
		}
		pt.table.selectRow(i)
		if !strings.Contains(pt.detail.Text, u.tr.Msg(r.WhyText)) {
			t.Errorf("explanation %q lacks why %q", pt.detail.Text, u.tr.Msg(r.WhyText))
		}
		return
	}
	t.Fatal("no row for NV0003")
}

// Reopening a signed-off calibration asks for a reason and allows moves again.
func TestCalibrationReopenWithAReason(t *testing.T) {
	u, s := bonusUI(t, "en", 20)
	c := openCalibration(t, u, s, 30_000_000)
	test.Tap(c.signOff)
	tapButton(t, u, u.T("Yes"))
	test.Tap(c.reopen)
	typeReason(t, u, "the sales figures were corrected")
	cal, err := u.ws.Calibration(c.cycle, c.unit)
	if err != nil {
		t.Fatal(err)
	}
	if cal.Signed() || len(cal.Reopened) != 1 || cal.Reopened[0].Reason != "the sales figures were corrected" {
		t.Fatalf("after reopen signed %v, reopenings %+v", cal.Signed(), cal.Reopened)
	}
	pickMovable(t, c)
	if c.right.Disabled() {
		t.Error("moves are still refused after the reopen")
	}
}

// Apply writes the simulated pool into the cycle's rule after a reason; a
// multiplier change on approved plans is refused by the lifecycle, shown,
// and saves nothing.
func TestSimulatorApplyWritesTheRules(t *testing.T) {
	u, s := bonusUI(t, "en", 10)
	setPolicy(t, u, s, 20_000_000, bonus.ModeFit)
	s.onScope()
	s.tabs.SelectIndex(bonusTabSimulator)
	m := s.sim
	m.pool.SetText("25 000 000")
	if m.sc.Pool == nil || *m.sc.Pool != 25_000_000 || m.out.Cost != 25_000_000 {
		t.Fatalf("scenario pool %v, cost %v; want 25 000 000 paid out in fit mode", m.sc.Pool, m.out.Cost)
	}
	test.Tap(m.apply)
	typeReason(t, u, "the board raised the pool")
	c, _, _ := s.scope()
	if p, err := u.ws.BonusPolicy(c); err != nil || p.Pool != 25_000_000 {
		t.Fatalf("stored pool %v (%v), want 25 000 000", p.Pool, err)
	}
	if m.sc.Pool != nil {
		t.Errorf("after Apply the simulator still shows a change")
	}

	before, _ := u.ws.Store().Plans()
	m.mults[0].SetText(u.tr.FormatNumber(m.bands[0].Multiplier+0.5, -1))
	test.Tap(m.apply)
	typeReason(t, u, "the board raised the top multiplier")
	if !strings.Contains(overlayText(u), "approved") {
		t.Errorf("no refusal shown for approved plans: %q", overlayText(u))
	}
	after, _ := u.ws.Store().Plans()
	for i := range before {
		if after[i].Rules.Bands[0].Multiplier != before[i].Rules.Bands[0].Multiplier {
			t.Errorf("plan %s changed although Apply was refused", after[i].Name)
		}
	}
}

// A target set in the form is stored, shown beside the current share, and a
// band over it is marked in words.
func TestCalibrationTargetShowsViolations(t *testing.T) {
	u, s := bonusUI(t, "en", 30)
	c := openCalibration(t, u, s, 40_000_000)
	// the band with most people gets a target of 0 %: it must be over it
	top, most := 0, -1
	for i, col := range c.board.cards {
		if len(col) > most {
			top, most = i, len(col)
		}
	}
	test.Tap(c.target)
	// the form's entries are in band order, lowest first, as the board's columns
	entries := dialogEntries(t, u)
	if len(entries) < len(c.bands) {
		t.Fatalf("%d entries in the target form, want one per band (%d)", len(entries), len(c.bands))
	}
	test.Type(entries[top], "0")
	tapButton(t, u, u.T("Save"))
	cal, err := u.ws.Calibration(c.cycle, c.unit)
	if err != nil {
		t.Fatal(err)
	}
	name := c.bands[top].Name
	if p, ok := cal.Target.Percents[name]; !ok || p != 0 {
		t.Fatalf("stored target %+v, want %s at 0", cal.Target.Percents, name)
	}
	if !c.dist.words.Visible() || !strings.Contains(c.dist.words.Text, u.T(name)) {
		t.Errorf("no violation in words for %s: %q", name, c.dist.words.Text)
	}
	if !c.dist.bands[top].HasTarget || c.dist.bands[top].Problem == "" {
		t.Errorf("band %s shown as %+v", name, c.dist.bands[top])
	}
}

// dialogEntries are the single-line entries of the dialog on top, in order.
func dialogEntries(t *testing.T, u *UI) []*keyEntry {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var out []*keyEntry
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*keyEntry); ok && !e.MultiLine {
			out = append(out, e)
		}
	}
	return out
}
