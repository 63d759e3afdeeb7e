package bonus

import (
	"math"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// Amount is an amount of money in a regulation's words: it prints with
// thousands grouped by spaces and the currency code (4 200 000 000 VND).
type Amount struct {
	X        float64
	Currency string
}

// String writes the amount.
func (a Amount) String() string {
	cur := a.Currency
	if cur == "" {
		cur = "VND"
	}
	d := money.Decimals(cur)
	s := strconv.FormatFloat(math.Abs(a.X), 'f', d, 64)
	ip, fp, _ := strings.Cut(s, ".")
	var b strings.Builder
	if a.X < 0 {
		b.WriteByte('-')
	}
	for i, c := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	if fp != "" {
		b.WriteString("." + fp)
	}
	return b.String() + " " + cur
}

func regulate(p Policy, r app.Rules) Regulation {
	amt := func(x float64) Amount { return Amount{x, p.Currency} }
	reg := Regulation{Title: app.M("Bonus regulation for the cycle %s to %s", p.Cycle.Start, p.Cycle.End), Cycle: p.Cycle}
	bands := Clause{Title: app.M("Rating bands")}
	for _, b := range r.Bands {
		bands.Lines = append(bands.Lines, app.M("%s: a total of %g points or more, multiplier %g", app.M(b.Name), b.Min, b.Multiplier))
	}
	raw := Clause{Title: app.M("The bonus")}
	if r.BonusMode == app.BonusLinear {
		raw.Lines = append(raw.Lines, app.M("Each person's bonus before the pool is the base bonus × the total ÷ 100 (at most %g) × the pro-rata share.", r.LinearCap))
	} else {
		raw.Lines = append(raw.Lines, app.M("Each person's bonus before the pool is the base bonus × the band's multiplier × the pro-rata share."))
	}
	raw.Lines = append(raw.Lines, app.M("The total is the official score of the person's KPI plan; a calibration may change the band, with a written reason, never the score."))
	reg.Clauses = append(reg.Clauses, bands, raw, poolClause(p, amt), proRateClause(p), eligibilityClause(p),
		Clause{Title: app.M("Calibration and sign-off"), Lines: []app.Msg{
			app.M("A change of band in calibration needs a reason and is recorded in the plan's history."),
			app.M("Once signed off, the amounts are final; they change only after the calibration is reopened with a reason."),
		}})
	return reg
}

// poolClause states the pool rule, floors, caps and rounding.
func poolClause(p Policy, amt func(float64) Amount) Clause {
	c := Clause{Title: app.M("The bonus pool")}
	switch p.Mode {
	case ModeFit:
		c.Lines = append(c.Lines, app.M("The pool of %s is paid out in full: every bonus is scaled by the same factor so that the bonuses add up to the pool exactly.", amt(p.Pool)))
	case ModeCap:
		c.Lines = append(c.Lines, app.M("The pool is %s. When the bonuses add up to more, every bonus is scaled down by the same factor so that they fit the pool.", amt(p.Pool)))
	default:
		c.Lines = append(c.Lines, app.M("Bonuses are paid as computed, without a pool."))
	}
	for _, u := range p.Units {
		c.Lines = append(c.Lines, app.M("Unit %s and the units below it without a pool of their own share a pool of %s.", u.Code, amt(u.Amount)))
	}
	if p.Floor.Set() {
		c.Lines = append(c.Lines, limitLine(p.Floor, app.M("No positive bonus is less than %s.", amt(p.Floor.Amount)), app.M("No positive bonus is less than %g × the base bonus.", p.Floor.Times)))
	}
	if p.Cap.Set() {
		c.Lines = append(c.Lines, limitLine(p.Cap, app.M("No bonus is more than %s.", amt(p.Cap.Amount)), app.M("No bonus is more than %g × the base bonus.", p.Cap.Times)))
	}
	if p.Floor.Set() || p.Cap.Set() {
		c.Lines = append(c.Lines, app.M("What the limits free or take is shared over the other people in proportion to their bonuses."))
	}
	step := money.Step(p.Currency, p.Step)
	c.Lines = append(c.Lines, app.M("Every bonus is rounded down to a multiple of %s; the steps left over go one each to the people with the largest remainders (ties to the higher score, then the lower employee code).", amt(step)))
	return c
}

// limitLine picks the words of a limit: a multiple of the base, or an amount.
func limitLine(l Limit, abs, times app.Msg) app.Msg {
	if l.Times > 0 {
		return times
	}
	return abs
}

// proRateClause states how part-cycle employment counts.
func proRateClause(p Policy) Clause {
	c := Clause{Title: app.M("Pro-rating")}
	switch p.ProRate {
	case ProRateDays:
		c.Lines = append(c.Lines, app.M("A person employed for part of the cycle receives the bonus in proportion to the calendar days employed in it, out of %d days (leap days count).", DaysIn(p.Cycle.Start, p.Cycle.End)))
	case ProRateMonths:
		n := p.MonthMinDays
		if n <= 0 {
			n = DefaultMonthMinDays
		}
		c.Lines = append(c.Lines, app.M("A person employed for part of the cycle receives the bonus in proportion to the months employed; a month counts when at least %d of its days were worked.", n))
	default:
		c.Lines = append(c.Lines, app.M("A person employed for part of the cycle receives the full bonus."))
	}
	return c
}

// eligibilityClause states the conditions for a bonus.
func eligibilityClause(p Policy) Clause {
	c := Clause{Title: app.M("Eligibility")}
	e := p.Eligibility
	c.Lines = append(c.Lines, app.M("A bonus is paid to people employed during the cycle whose KPI plan has an official total."))
	if e.MinDays > 0 {
		c.Lines = append(c.Lines, app.M("At least %d days employed in the cycle are required.", e.MinDays))
	}
	if !e.PaymentDate.IsZero() {
		c.Lines = append(c.Lines, app.M("The person must still be employed on the payment date, %s.", e.PaymentDate))
	}
	if e.ProbationDays > 0 {
		c.Lines = append(c.Lines, app.M("The probation of %d days must be passed by the end of the cycle.", e.ProbationDays))
	}
	return c
}
