package ui

import (
	"testing"
)

// BenchmarkCalibrationBoardMove2500 moves one person of a 2 500-person company
// one band up or back down, as the board does after the reason is given:
// the override saved in its own transaction with its history entry, the
// session's totals, every bonus solved again and the board, distribution
// and cost line refilled.
func BenchmarkCalibrationBoardMove2500(b *testing.B) {
	u, s := bonusUI(b, "en", 2500)
	c := openCalibration(b, u, s, 5_000_000_000)
	x := pickMovable(b, c)
	col := c.board.col
	bands := []string{c.bands[col+1].Name, c.bands[col].Name}
	b.ResetTimer()
	for i := range b.N {
		c.move(x.Person, bands[i%2], "benchmark")
	}
	b.StopTimer()
	if got := c.input(x.Person).Band; got != bands[(b.N-1)%2] {
		b.Fatalf("the person is in %s, want %s", got, bands[(b.N-1)%2])
	}
}
