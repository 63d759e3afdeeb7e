package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/library"
	"kpiplanner/app/score"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// planFixture is a submitted half-year plan with four KPIs, one of each kind
// the grid treats differently, and no actuals.
func planFixture() *app.Plan {
	p := app.NewPlan()
	p.Name = "Marketing — H1 2026"
	p.Status = app.Submitted // handed in, not approved yet: its terms can still change
	p.Person = app.Person{Name: "Nguyễn Thị Lan", Department: "Marketing", Position: "Trưởng nhóm",
		BaseBonus: 10_000_000, Currency: "VND"}
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 6, 30), Frequency: app.Monthly}
	p.Goal = app.Goal{Text: "Tăng doanh thu từ khách hàng mới 20% trong 6 tháng", Type: "lead-generation"}
	p.KPIs = []app.KPI{
		{ID: "k1", Name: "Doanh thu mới", Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum,
			Target: 6000, Group: app.GroupA, Weight: 2, Owner: "Lan"},
		{ID: "k2", Name: "Khách hàng mới", Unit: app.Count, Direction: app.Higher, Aggregation: app.Sum,
			Target: 60, Group: app.GroupA, Weight: 1},
		{ID: "k3", Name: "Tỷ lệ chuyển đổi", Unit: app.Percent, Direction: app.Higher, Aggregation: app.Ratio,
			Target: 4, Group: app.GroupB, Weight: 1},
		{ID: "k4", Name: "Khiếu nại", Unit: app.Count, Direction: app.Lower, Aggregation: app.Last,
			Baseline: app.Float(10), Target: 2, Group: app.GroupC, Weight: 1},
	}
	return p
}

// submittedFixture is planFixture handed in but not approved yet: its
// targets, weights and KPIs may still change without a reason.
func submittedFixture() *app.Plan {
	p := planFixture()
	p.Status = app.Submitted
	return p
}

// planTestUI opens a UI in lang over a new bbolt file holding p (saved
// through the workspace), with the plan screen open.
func planTestUI(t testing.TB, lang string, p *app.Plan) (*UI, *storage.DB, *planScreen) {
	t.Helper()
	u, store := testUI(t, lang)
	if err := u.ws.Save(p); err != nil {
		t.Fatal(err)
	}
	u.openPlan(p.ID)
	s, ok := u.cur.(*planScreen)
	if !ok {
		t.Fatalf("openPlan showed %T, want the plan screen", u.cur)
	}
	return u, store, s
}

// typeCell focuses a cell, replaces its text with text and presses key.
func typeCell(u *UI, c *cellEntry, text string, key fyne.KeyName) {
	u.win.Canvas().Focus(c)
	c.SetText("")
	test.Type(c, text)
	c.TypedKey(&fyne.KeyEvent{Name: key})
}

func storedPlan(t *testing.T, store app.Store, id app.PlanID) *app.Plan {
	t.Helper()
	p, err := store.Plan(id)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checkScorecard asserts the total, rating and bonus labels show score.Plan's result.
func checkScorecard(t *testing.T, s *planScreen, p *app.Plan, pick score.Pick) {
	t.Helper()
	tr, _ := i18n.New(s.u.tr.Lang())
	r := score.In(p, pick(p))
	if !r.HasTotal {
		t.Fatalf("fixture has no total in window %+v", r.Window)
	}
	rating := tr.T(r.Rating.Name)
	if r.Provisional {
		rating = tr.T("%s (provisional)", rating)
	}
	want := map[string]string{
		"total":  tr.T("%s · to %s", tr.FormatNumber(r.Official, 2), r.AtLabel),
		"rating": rating,
		"bonus":  tr.FormatMoney(r.Bonus, p.Person.Currency),
	}
	got := map[string]string{"total": s.card.total.Text, "rating": s.card.rating.Text, "bonus": s.card.bonus.Text}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("%s label = %q, want %q", k, got[k], want[k])
		}
	}
}

func TestPlanGridEntryScoresAndSaves(t *testing.T) {
	u, store, s := planTestUI(t, "vi", planFixture())
	g := s.grid
	typeCell(u, g.cells[0][0], "1.234,5", fyne.KeyReturn)
	if u.win.Canvas().Focused() != g.cells[1][0] {
		t.Fatalf("Enter left focus on %v, want the next KPI's cell", u.win.Canvas().Focused())
	}
	typeCell(u, g.cells[1][0], "12", fyne.KeyReturn)
	typeCell(u, g.cells[2][0], "3/150", fyne.KeyReturn)
	typeCell(u, g.cells[3][0], "4", fyne.KeyReturn)
	if u.win.Canvas().Focused() != g.cells[0][1] {
		t.Error("Enter on the last KPI should go on at the top of the next period")
	}
	typeCell(u, g.cells[0][1], "800", fyne.KeyTab)

	p := storedPlan(t, store, s.id)
	want := map[string]app.Actual{
		"k1": {Period: 0, Value: 1234.5}, "k2": {Period: 0, Value: 12},
		"k3": {Period: 0, Value: 3, Den: 150}, "k4": {Period: 0, Value: 4},
	}
	for id, a := range want {
		got, ok := p.KPI(id).ActualAt(0)
		if !ok || got != a {
			t.Errorf("%s stored %+v (%v), want %+v", id, got, ok, a)
		}
	}
	if a, ok := p.KPI("k1").ActualAt(1); !ok || a.Value != 800 {
		t.Errorf("k1 period 2 stored %+v, want 800", a)
	}
	if got := g.cells[0][0].Text; got != "1.234,5" {
		t.Errorf("cell shows %q, want 1.234,5", got)
	}
	// TestPlanScreenFollowsTheOfficialWindow: typing January and February
	// moves the scorecard to the official window, through 2026-02 — not the
	// half-empty whole cycle.
	if s.period.Selected != u.T("Official") || s.choice.Kind != score.ChooseOfficial {
		t.Errorf("period selector shows %q; a plan opens on its official window", s.period.Selected)
	}
	if !strings.Contains(s.card.total.Text, "2026-02") {
		t.Errorf("total %q does not say its window (through 2026-02)", s.card.total.Text)
	}
	checkScorecard(t, s, p, score.PickAt(1))
	if got := s.card.kpis[0].achievement.Text; !strings.HasSuffix(got, " %") {
		t.Errorf("achievement %q, want a Vietnamese percent", got)
	}
}

func TestPlanGridBadInputStaysInCell(t *testing.T) {
	u, store, s := planTestUI(t, "vi", planFixture())
	g := s.grid
	typeCell(u, g.cells[0][1], "500", fyne.KeyReturn)
	for _, bad := range []string{"abc", "1.5"} {
		c := g.cells[0][1]
		typeCell(u, c, bad, fyne.KeyReturn)
		if u.win.Canvas().Focused() != c {
			t.Errorf("%q: focus left the bad cell", bad)
		}
		if c.problem == "" || !g.problems.Visible() {
			t.Fatalf("%q: no problem shown", bad)
		}
		msg := g.problems.Text
		if !strings.Contains(msg, "Doanh thu mới") || !strings.Contains(msg, "2026-02") || !strings.Contains(msg, bad) {
			t.Errorf("%q: problem %q should name the KPI, the period and the input", bad, msg)
		}
		if a, _ := storedPlan(t, store, s.id).KPI("k1").ActualAt(1); a.Value != 500 {
			t.Errorf("%q overwrote the stored value: %+v", bad, a)
		}
	}
	g.cells[0][1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c := g.cells[0][1]; c.Text != "500" || c.problem != "" || g.problems.Visible() {
		t.Errorf("Escape left %q, problem %q", c.Text, c.problem)
	}
	typeCell(u, g.cells[2][1], "7", fyne.KeyTab) // a ratio KPI needs num/den
	if !strings.Contains(g.cells[2][1].problem, "3/150") {
		t.Errorf("ratio problem %q should show the num/den form", g.cells[2][1].problem)
	}
	if g.cells[2][1].PlaceHolder == "" {
		t.Error("a ratio cell should say in its placeholder what it takes")
	}
	typeCell(u, g.cells[0][1], "", fyne.KeyReturn) // an empty cell clears the actual
	if _, ok := storedPlan(t, store, s.id).KPI("k1").ActualAt(1); ok {
		t.Error("emptying the cell kept the actual")
	}
}

func TestPlanGridKeyboardMoves(t *testing.T) {
	u, _, s := planTestUI(t, "en", planFixture())
	g, c := s.grid, u.win.Canvas()
	press := func(k fyne.KeyName) { c.Focused().(*cellEntry).TypedKey(&fyne.KeyEvent{Name: k}) }
	at := func(r, col int, what string) {
		t.Helper()
		if c.Focused() != g.cells[r][col] {
			t.Fatalf("after %s focus is not on cell %d,%d", what, r, col)
		}
	}
	c.Focus(g.cells[0][0])
	press(fyne.KeyTab)
	at(0, 1, "Tab")
	press(fyne.KeyDown)
	at(1, 1, "Down")
	press(fyne.KeyRight) // empty cell: the cursor is at its end
	at(1, 2, "Right")
	press(fyne.KeyUp)
	at(0, 2, "Up")
	press(fyne.KeyLeft)
	at(0, 1, "Left")
	g.cells[0][1].KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	press(fyne.KeyTab)
	g.cells[0][0].KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	at(0, 0, "Shift+Tab")
	c.Focus(g.cells[0][5])
	press(fyne.KeyTab)
	at(1, 0, "Tab at the end of a row")
}

func TestPlanPeriodSelectorRescores(t *testing.T) {
	p := planFixture()
	// k1: 1 000 in January (on target: 6 000 × 1/6), 500 in February.
	p.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 1000}, {Period: 1, Value: 500}}
	_, _, s := planTestUI(t, "vi", p)
	if s.choice.Kind != score.ChooseOfficial {
		t.Fatalf("opens on %q, want the official window", s.period.Selected)
	}
	checkScorecard(t, s, p, score.PickAt(1)) // the official window: through the latest period with data, 2026-02
	feb := s.card.total.Text
	s.period.SetSelected("2026-01")
	if s.card.total.Text == feb {
		t.Errorf("total %q did not change with the period", feb)
	}
	checkScorecard(t, s, p, score.PickAt(0))
	s.period.SetSelected(s.u.T("Whole cycle"))
	checkScorecard(t, s, p, score.PickAt(-1))
	if s.card.kpis[1].achievement.Text != s.u.T("No data") {
		t.Errorf("a KPI without actuals shows %q, want No data", s.card.kpis[1].achievement.Text)
	}
}

func TestPlanUndoActual(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	typeCell(u, s.grid.cells[0][0], "1,500", fyne.KeyReturn)
	u.onUndo()
	if _, ok := storedPlan(t, store, s.id).KPI("k1").ActualAt(0); ok {
		t.Error("undo kept the actual")
	}
	if got := s.grid.cells[0][0].Text; got != "" {
		t.Errorf("after undo the cell shows %q", got)
	}
	if s.card.total.Text != u.T("No data") {
		t.Errorf("after undo the total shows %q", s.card.total.Text)
	}
}

func TestPlanLanguageSwitch(t *testing.T) {
	u, _, s := planTestUI(t, "vi", planFixture())
	if got := s.tabs.Items[0].Text; got != "Thực tế và bảng điểm" {
		t.Errorf("vi tab %q", got)
	}
	u.onLanguageChanged("en")
	u.openPlan(s.id)
	en, ok := u.cur.(*planScreen)
	if !ok {
		t.Fatalf("showing %T", u.cur)
	}
	if got := en.tabs.Items[0].Text; got != "Actuals and scorecard" {
		t.Errorf("en tab %q", got)
	}
	if got := en.card.total.Text; got != "No data" {
		t.Errorf("en total %q", got)
	}
}

func TestPlanDraftOpensWizard(t *testing.T) {
	a := test.NewTempApp(t)
	store, err := storage.Open(filepath.Join(t.TempDir(), "kpi.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	lib, _ := library.Load()
	u := New(a, store, lib, Options{Sync: true, Lang: "en", Files: xlsx.Files{}})
	p := planFixture()
	p.Status = app.Draft
	if err := u.ws.SaveDraft(p); err != nil {
		t.Fatal(err)
	}
	u.openPlan(p.ID)
	if _, ok := u.cur.(*wizardScreen); !ok {
		t.Fatalf("a draft opened %T, want the wizard", u.cur)
	}
}
