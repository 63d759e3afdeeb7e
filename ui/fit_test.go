package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// smallWindow is the smallest screen the app must work on.
var smallWindow = fyne.NewSize(1024, 600)

// checkFits fails when the window's content asks for more than the small window.
func checkFits(t *testing.T, u *UI, what string) {
	t.Helper()
	if m := u.win.Content().MinSize(); m.Width > smallWindow.Width || m.Height > smallWindow.Height {
		t.Errorf("%s: the window needs at least %.0f×%.0f, more than %.0f×%.0f", what, m.Width, m.Height,
			smallWindow.Width, smallWindow.Height)
	}
}

// Regression: the window refused to be smaller than 692 px tall (the
// scorecard's bottom block, the wizard's steps), and the specialist
// dashboard was wider than 1024.
func TestEveryScreenFits1024x600(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		u, _ := companyUI(t, lang, 60)
		for _, s := range u.Tour() {
			s.Show()
			checkFits(t, u, lang+" "+s.Name)
		}
	}
}

// Regression: error messages grew the window. Problems under the grid, in
// the KPI table, the wizard's refusal and a provisional note must not make
// the window need more than 1024×600, and its size stays as it was.
func TestErrorsDoNotGrowTheWindow(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		p := planFixture()
		p.KPIs[0].Name = "Doanh thu từ khách hàng mới của kênh đối tác trong khu vực phía Nam, tính theo hợp đồng đã ký"
		u, _, s := planTestUI(t, lang, p)
		u.win.Resize(smallWindow)
		before := u.win.Canvas().Size()
		for r := range s.grid.cells {
			for c := range s.grid.cells[r] {
				typeCell(u, s.grid.cells[r][c], "abc", fyne.KeyTab)
			}
		}
		if s.grid.problems.Text == "" {
			t.Fatalf("%s: no problems shown for bad cells", lang)
		}
		checkFits(t, u, lang+" grid with a problem in every cell")
		// a long provisional note under the bonus
		s.card.note.SetText(strings.Repeat(p.KPIs[0].Name+", ", 6))
		s.card.note.Show()
		checkFits(t, u, lang+" provisional note")
		s.tabs.SelectIndex(1)
		for _, r := range s.kpis.rows {
			for _, e := range r.entries {
				test.Type(e, "x")
			}
		}
		checkFits(t, u, lang+" KPI table with problems")
		if got := u.win.Canvas().Size(); got != before {
			t.Errorf("%s: the window went from %v to %v", lang, before, got)
		}

		w := openWizard(t, u)
		test.Tap(w.next) // an empty goal: every required field is flagged
		if !w.failed {
			t.Fatalf("%s: Next on an empty goal was not refused", lang)
		}
		checkFits(t, u, lang+" wizard refused")
		if got := u.win.Canvas().Size(); got != before {
			t.Errorf("%s: the window went from %v to %v with the wizard's errors", lang, before, got)
		}
	}
}
