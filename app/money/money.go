// Package money rounds amounts of money the one way KPI Planner does it:
// half away from zero, to the currency's unit and then to a rounding step.
package money

import (
	"math"
	"strings"
)

// wholeUnits lists the currencies paid in whole units (ISO 4217 minor unit
// 0, and those paid so in practice); every other currency has cents.
var wholeUnits = map[string]bool{
	"VND": true, "JPY": true, "KRW": true, "IDR": true, "LAK": true, "KHR": true, "CLP": true,
	"ISK": true, "UGX": true, "PYG": true, "XAF": true, "XOF": true,
}

// Unit returns the smallest amount of currency code that is paid: 1 for VND
// (also when code is empty, the default currency), 0.01 for USD and for
// codes not known to be paid in whole units.
func Unit(code string) float64 {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "" || wholeUnits[c] {
		return 1
	}
	return 0.01
}

// Decimals returns how many decimals an amount of currency code is written with.
func Decimals(code string) int {
	if Unit(code) == 1 {
		return 0
	}
	return 2
}

// Step returns the step an amount in currency code is rounded to under a
// rounding step of step (0 = the currency's unit): never finer than the unit.
func Step(code string, step float64) float64 {
	u := Unit(code)
	if step <= u || math.IsNaN(step) || math.IsInf(step, 0) {
		return u
	}
	return step
}

// Round rounds x half away from zero to the currency's unit and then to
// step (0 = the unit alone): Round(8 625 432.5, "VND", 0) = 8 625 433;
// Round(8 625 432, "VND", 1 000) = 8 625 000.
func Round(x float64, code string, step float64) float64 {
	return RoundTo(RoundTo(x, Unit(code)), Step(code, step))
}

// RoundTo rounds x half away from zero to a multiple of step (step > 0).
// A value within 1e-12 (relative) of a half step counts as the half, so that
// 1.005 rounds to 1.01 at step 0.01 although its binary value is a hair below.
func RoundTo(x, step float64) float64 {
	if step <= 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x
	}
	q := x / step
	t := math.Trunc(q)
	frac := math.Abs(q - t)
	eps := 1e-12 * math.Max(1, math.Abs(q))
	n := t
	if frac >= 0.5-eps {
		n = t + math.Copysign(1, q)
	}
	if step < 1 {
		// Divide by the inverse so that 0.01 steps give 1.01, not 1.0100000000000002.
		inv := math.Round(1 / step)
		if math.Abs(inv*step-1) < 1e-12 {
			return n / inv
		}
	}
	return n * step
}
