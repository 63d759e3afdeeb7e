package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Regression: at 1366×768 the actuals grid showed 3 (later 5) of a
// half-year plan's 6 months: all six now show beside the scorecard.
func TestGridShowsSixMonthsAt1366(t *testing.T) {
	u, _, s := planTestUI(t, "vi", planFixture())
	u.win.Resize(fyne.NewSize(1366, 768))
	g := s.grid
	if len(g.periods) != 6 {
		t.Fatalf("fixture has %d periods", len(g.periods))
	}
	view := g.hscroll.Size().Width
	for c := range g.periods {
		cell := g.cells[0][c]
		if right := cell.Position().X + cell.Size().Width; right > view+0.5 {
			t.Errorf("month %d ends at %.0f, beyond the grid's %.0f wide view", c+1, right, view)
		}
	}
	if w := s.card.view().Size().Width; w < 340 {
		t.Errorf("the scorecard is only %.0f wide", w)
	}
}
