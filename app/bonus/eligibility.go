package bonus

import "kpiplanner/app"

// Employment is what pro-rating and eligibility decide for one person in one cycle.
type Employment struct {
	Eligible bool
	Why      []Why
	WhyText  app.Msg
	Worked   int     // days or months counted
	Of       int     // days or months of the cycle
	ProRata  float64 // Worked ÷ Of (1 under ProRateNone; 0 when not eligible)
}

// Employ applies p's eligibility and pro-rating rules to a person who joined
// on joined and left on left (zero dates: before the cycle, still employed).
func Employ(p *Policy, joined, left app.Date) Employment { return employ(p, joined, left) }

// DaysIn returns the number of days from a to b, both included (0 when b is before a).
func DaysIn(a, b app.Date) int {
	if b.Before(a) {
		return 0
	}
	return a.DaysUntil(b) + 1
}
