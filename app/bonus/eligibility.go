package bonus

import (
	"kpiplanner/app"
)

// Employment is what pro-rating and eligibility decide for one person in one cycle.
type Employment struct {
	Eligible bool
	Why      []Why
	WhyText  app.Msg // the first reason in words, with its numbers
	Worked   int     // days or months counted
	Of       int     // days or months of the cycle
	ProRata  float64 // Worked ÷ Of (1 under ProRateNone; 0 when not eligible)
}

// DaysIn returns the number of days from a to b, both included (0 when b is before a).
func DaysIn(a, b app.Date) int {
	if b.Before(a) {
		return 0
	}
	return a.DaysUntil(b) + 1
}

// Employ applies p's eligibility and pro-rating rules to a person who joined
// on joined and left on left (zero dates: before the cycle, still employed).
// The leave date is the last day employed; the probation is ProbationDays
// days from the join date, the join date included.
func Employ(p *Policy, joined, left app.Date) Employment {
	s, e := p.Cycle.Start, p.Cycle.End
	from, to := s, e
	if !joined.IsZero() && joined.After(from) {
		from = joined
	}
	if !left.IsZero() && left.Before(to) {
		to = left
	}
	days := DaysIn(from, to)
	em := Employment{Eligible: true}
	eligibility(&em, p, joined, left, days)
	switch p.ProRate {
	case ProRateDays:
		em.Worked, em.Of = days, DaysIn(s, e)
	case ProRateMonths:
		em.Worked, em.Of = months(s, e, from, to, p.MonthMinDays)
	default:
		em.Worked, em.Of = 1, 1
	}
	if em.Eligible && em.Of > 0 {
		em.ProRata = float64(em.Worked) / float64(em.Of)
	}
	return em
}

// eligibility records in em every condition of p a person employed days days of the cycle fails.
func eligibility(em *Employment, p *Policy, joined, left app.Date, days int) {
	s, e, el := p.Cycle.Start, p.Cycle.End, &p.Eligibility
	no := func(w Why, m app.Msg) {
		if em.Eligible {
			em.WhyText = m
		}
		em.Eligible = false
		em.Why = append(em.Why, w)
	}
	if days == 0 {
		no(NotInCycle, app.M("not employed between %s and %s", s, e))
	}
	if el.MinDays > 0 && days > 0 && days < el.MinDays {
		no(TooFewDays, app.M("employed %d days in the cycle; %d required", days, el.MinDays))
	}
	if pd := el.PaymentDate; !pd.IsZero() && !left.IsZero() && left.Before(pd) {
		no(LeftBeforePay, app.M("left on %s, before the payment date %s", left, pd))
	}
	if n := el.ProbationDays; n > 0 && !joined.IsZero() {
		if end := joined.AddDays(n - 1); end.After(e) {
			no(InProbation, app.M("probation ends on %s, after the end of the cycle %s", end, e))
		}
	}
}

// months counts the calendar months the cycle [s, e] touches and those of
// them in which [from, to] covers at least min days (or, in a month the
// cycle covers only in part, all of the cycle's days of it when fewer).
func months(s, e, from, to app.Date, min int) (worked, of int) {
	if min <= 0 {
		min = DefaultMonthMinDays
	}
	for m := app.NewDate(s.Time().Year(), s.Time().Month(), 1); !m.After(e); m = app.DateOf(m.Time().AddDate(0, 1, 0)) {
		last := app.DateOf(m.Time().AddDate(0, 1, -1))
		cs, ce := later(m, s), earlier(last, e)
		of++
		need := min
		if n := DaysIn(cs, ce); n < need {
			need = n
		}
		if DaysIn(later(cs, from), earlier(ce, to)) >= need && !to.Before(from) {
			worked++
		}
	}
	return worked, of
}

func later(a, b app.Date) app.Date {
	if a.After(b) {
		return a
	}
	return b
}

func earlier(a, b app.Date) app.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// employ is Employ for the solver.
func employ(p *Policy, joined, left app.Date) Employment { return Employ(p, joined, left) }
