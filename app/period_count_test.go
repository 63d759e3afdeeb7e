package app

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestNumPeriodsCountsWhatPeriodsWalks checks the counted NumPeriods
// against walking the cycle period by period, for random cycles of every
// frequency, from a day to past the 600-period bound.
func TestNumPeriodsCountsWhatPeriodsWalks(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	walk := func(c Cycle) int {
		n := 0
		for s := c.Start; !s.After(c.End) && n < maxPeriods; s = c.nextStart(s) {
			n++
		}
		return n
	}
	for i := range 20_000 {
		start := NewDate(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(31))
		span := r.IntN(400)
		if i%10 == 0 {
			span = r.IntN(80_000)
		}
		c := Cycle{Start: start, End: start.AddDays(span), Frequency: []Frequency{Weekly, Monthly, Quarterly, ""}[i%4]}
		if got, want := c.NumPeriods(), walk(c); got != want {
			t.Fatalf("%v to %v %q: NumPeriods = %d, walking the periods gives %d", c.Start, c.End, c.Frequency, got, want)
		}
	}
	if n := (Cycle{Start: NewDate(2026, 5, 1), End: NewDate(2026, 4, 30), Frequency: Monthly}).NumPeriods(); n != 0 {
		t.Errorf("a cycle ending before it starts has %d periods, want 0", n)
	}
	if n := (Cycle{Start: NewDate(2026, 1, 31), End: NewDate(2026, 2, 1), Frequency: Monthly}).NumPeriods(); n != 2 {
		t.Errorf("31 January to 1 February has %d monthly periods, want 2", n)
	}
}
