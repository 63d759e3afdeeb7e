package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// planWithActuals is the fixture with three months of actuals.
func planWithActuals() *app.Plan {
	p := planFixture()
	acts := [][]app.Actual{
		{{Period: 0, Value: 950}, {Period: 1, Value: 1100}, {Period: 2, Value: 1020}},
		{{Period: 0, Value: 8}, {Period: 1, Value: 11}, {Period: 2, Value: 9}},
		{{Period: 0, Value: 3, Den: 150}, {Period: 1, Value: 5, Den: 140}, {Period: 2, Value: 6, Den: 160}},
		nil, // no complaints recorded yet: "No data"
	}
	for i := range p.KPIs {
		p.KPIs[i].Actuals = acts[i]
	}
	return p
}

func TestPlanScorecardGolden(t *testing.T) {
	p := planWithActuals()
	u, _, _ := planTestUI(t, "vi", p)
	card := newScorecard(u, p.Person.Currency)
	card.update(score.Plan(p, 2)) // year to date up to March
	w := test.NewWindow(card.view())
	defer w.Close()
	w.Resize(fyne.NewSize(420, 600))
	test.AssertImageMatches(t, "plan_scorecard_vi.png", w.Canvas().Capture())
}

// TestPlanScreenshots writes the plan screen at 1200×760 and at the
// window's minimum size, in both languages, to $PLAN_SHOTS for a person to look at.
func TestPlanScreenshots(t *testing.T) {
	dir := os.Getenv("PLAN_SHOTS")
	if dir == "" {
		t.Skip("set PLAN_SHOTS to a directory to write the plan screen's screenshots")
	}
	for _, lang := range []string{"vi", "en"} {
		for _, tab := range []int{0, 1} {
			u, _, s := planTestUI(t, lang, planWithActuals())
			s.tabs.SelectIndex(tab)
			if tab == 1 {
				kpiRowOf(t, s, "k1").entries["target"].SetText("0")
			} else {
				typeCell(u, s.grid.cells[0][3], "1.5x", fyne.KeyReturn)
			}
			min := u.win.Content().MinSize()
			t.Logf("%s minimum size %v", lang, min)
			for name, size := range map[string]fyne.Size{"full": fyne.NewSize(1200, 760), "min": min} {
				u.win.Resize(size.AddWidthHeight(1, 1)) // the test canvas lays out again only on a resize
				u.win.Resize(size)
				writePNG(t, filepath.Join(dir, "plan_"+lang+"_"+name+"_tab"+string(rune('0'+tab))+".png"), u.win)
			}
		}
	}
}

func writePNG(t *testing.T, path string, w fyne.Window) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
