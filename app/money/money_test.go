package money

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestRound(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		code string
		step float64
		want float64
	}{
		{"whole dong", 8625432.4, "VND", 0, 8625432},
		{"half dong goes up", 8625432.5, "VND", 0, 8625433},
		{"negative half goes away from zero", -2.5, "VND", 0, -3},
		{"step 1 000: 8 625 432 → 8 625 000", 8625432, "VND", 1000, 8625000},
		{"step 1 000: 8 625 500 → 8 626 000 (half away)", 8625500, "VND", 1000, 8626000},
		{"step 1 000 after the unit: 1 499.5 → 1 500 → 2 000", 1499.5, "VND", 1000, 2000},
		{"cents", 703.675, "USD", 0, 703.68},
		{"1.005 is a half in decimal", 1.005, "USD", 0, 1.01},
		{"step finer than the unit is the unit", 10.4, "VND", 0.01, 10},
		{"unknown currency has cents", 7.125, "XYZ", 0, 7.13},
		{"no currency is VND", 7.5, "", 0, 8},
		{"lower case code", 7.125, "usd", 0, 7.13},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Round(tt.x, tt.code, tt.step); got != tt.want {
				t.Errorf("Round(%v, %q, %v) = %v, want %v", tt.x, tt.code, tt.step, got, tt.want)
			}
		})
	}
}

func TestRoundToTwoDecimals(t *testing.T) {
	tests := []struct{ x, want float64 }{
		{89.96, 89.96},
		{89.995, 90},     // a half: away from zero
		{89.9949, 89.99}, // below the half
		{86.25, 86.25},
		{-0.005, -0.01},
		{109.999, 110},
	}
	for _, tt := range tests {
		if got := RoundTo(tt.x, 0.01); got != tt.want {
			t.Errorf("RoundTo(%v, 0.01) = %v, want %v", tt.x, got, tt.want)
		}
	}
}

// TestRoundIsAMultipleOfTheStep: on random amounts, the result is a whole
// number of steps and within half a step of the input.
func TestRoundIsAMultipleOfTheStep(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 10000; i++ {
		x := r.Float64() * 1e10
		step := []float64{0, 1, 500, 1000, 10000}[r.IntN(5)]
		got := Round(x, "VND", step)
		s := Step("VND", step)
		if n := got / s; n != math.Trunc(n) {
			t.Fatalf("Round(%v, step %v) = %v is not a multiple of %v", x, step, got, s)
		}
		if math.Abs(got-x) > s/2+1 { // +1: the unit rounding first may add half a đồng
			t.Fatalf("Round(%v, step %v) = %v is more than half a step away", x, step, got)
		}
	}
}
