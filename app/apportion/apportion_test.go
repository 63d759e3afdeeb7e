package apportion

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

func TestSplit(t *testing.T) {
	cases := []struct {
		name    string
		total   float64
		weights []float64
		step    float64
		want    []float64
	}{
		// 100/3 = 33.33 each: floors 33+33+33 = 99, one step left to the first (ties to the earlier).
		{"thirds", 100, []float64{1, 1, 1}, 1, []float64{34, 33, 33}},
		// 10 000 000 by 5:3:2 in steps of 1 000 000: 5, 3, 2 exactly.
		{"exact", 10e6, []float64{5, 3, 2}, 1e6, []float64{5e6, 3e6, 2e6}},
		// 10 by 1:1:1:1 step 1: 2.5 each, floors 8, two left to the first two.
		{"quarters", 10, []float64{1, 1, 1, 1}, 1, []float64{3, 3, 2, 2}},
		// 1 by 0.2:0.3:0.5 in cents: 0.20, 0.30, 0.50.
		{"cents", 1, []float64{0.2, 0.3, 0.5}, 0.01, []float64{0.2, 0.3, 0.5}},
		// 7 by 1:2 step 1: 2.33 and 4.67; floors 2+4 = 6; the larger remainder (0.67) takes the step.
		{"largest remainder", 7, []float64{1, 2}, 1, []float64{2, 5}},
		// A zero weight gets nothing: 9 by 0:1:2 = 0, 3, 6.
		{"zero weight", 9, []float64{0, 1, 2}, 1, []float64{0, 3, 6}},
		// Negative totals split the same way with the sign: -100 by 1:1:1 = -34, -33, -33.
		{"negative", -100, []float64{1, 1, 1}, 1, []float64{-34, -33, -33}},
		{"nothing", 0, []float64{0, 0}, 1, []float64{0, 0}},
	}
	for _, c := range cases {
		got, err := Split(c.total, c.weights, c.step)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("%s: got %v, want %v", c.name, got, c.want)
			}
		}
	}
}

func TestSplitRefusesBadInput(t *testing.T) {
	if _, err := Split(10, []float64{0, 0}, 1); err != ErrNoWeight {
		t.Fatalf("all-zero weights: %v", err)
	}
	if _, err := Split(10.5, []float64{1}, 1); err == nil {
		t.Fatal("a total that is not a multiple of the step was split")
	}
	if _, err := Split(10, []float64{1, -1}, 1); err == nil {
		t.Fatal("a negative weight was accepted")
	}
	if _, err := Split(10, []float64{1}, 0); err == nil {
		t.Fatal("a zero step was accepted")
	}
}

// TestSplitSumsExactly splits random totals over random weights: the parts
// are multiples of the step, sum to the total exactly, and each is within
// one step of its exact share.
func TestSplitSumsExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		step := []float64{1, 1000, 0.01, 0.5}[r.IntN(4)]
		n := r.Int64N(1e9)
		total := fromSteps(n, step)
		w := make([]float64, 1+r.IntN(40))
		var sum float64
		for i := range w {
			w[i] = float64(r.IntN(1000))
			sum += w[i]
		}
		if sum == 0 {
			w[0] = 1
			sum = 1
		}
		got, err := Split(total, w, step)
		if err != nil {
			t.Fatalf("Split(%v, %v, %v): %v", total, w, step, err)
		}
		var steps int64
		for i, g := range got {
			s := math.Round(g / step)
			if math.Abs(g/step-s) > 1e-6 {
				t.Fatalf("part %v is not a multiple of %v", g, step)
			}
			steps += int64(s)
			exact := float64(n) * w[i] / sum
			if math.Abs(s-exact) > 1+1e-6 {
				t.Fatalf("part %d: %v steps, exact share %v", i, s, exact)
			}
		}
		if steps != n {
			t.Fatalf("parts sum to %d steps, want %d", steps, n)
		}
	}
}

func TestStepsTiesGoToTheEarlierShare(t *testing.T) {
	// Shares 0.5, 0.5, 0.5 of 1 step: floors 0, one step to the first.
	h := big.NewRat(1, 2)
	got, err := Steps([]*big.Rat{h, h, h}, 1)
	if err != nil || got[0] != 1 || got[1] != 0 || got[2] != 0 {
		t.Fatalf("got %v, %v", got, err)
	}
	if _, err := Steps([]*big.Rat{h}, 5); err == nil {
		t.Fatal("Steps made 5 steps out of a share of 0.5")
	}
}

func TestEven(t *testing.T) {
	// 1 000 000 in 3 parts of whole đồng: 333 334, 333 333, 333 333.
	got, err := Even(1e6, 3, 1)
	if err != nil || got[0] != 333334 || got[1] != 333333 || got[2] != 333333 {
		t.Fatalf("got %v, %v", got, err)
	}
}
