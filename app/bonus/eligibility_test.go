package bonus

import (
	"math"
	"testing"
	"time"

	"kpiplanner/app"
)

var leap2028 = app.Cycle{Start: app.NewDate(2028, 1, 1), End: app.NewDate(2028, 12, 31)}

func d(y, m, day int) app.Date { return app.NewDate(y, timeMonth(m), day) }

func TestProRating(t *testing.T) {
	cases := map[string]struct {
		cycle        app.Cycle
		rule         ProRate
		joined, left app.Date
		worked, of   int
	}{
		// 2028 is a leap year: 366 days. March–December: 31+30+31+30+31+31+30+31+30+31 = 306.
		"days, joined 1 March 2028":   {leap2028, ProRateDays, d(2028, 3, 1), app.Date{}, 306, 366},
		"days, the whole leap year":   {leap2028, ProRateDays, app.Date{}, app.Date{}, 366, 366},
		"days, left 29 February 2028": {leap2028, ProRateDays, app.Date{}, d(2028, 2, 29), 60, 366},
		"days, 2026 has 365":          {year2026, ProRateDays, d(2026, 7, 1), app.Date{}, 184, 365},
		// February 2028 has 29 days: 15–29 February is 15 days, so February counts.
		"months, joined 15 February 2028": {leap2028, ProRateMonths, d(2028, 2, 15), app.Date{}, 11, 12},
		// 16–29 February 2028 is 14 days: February does not count.
		"months, joined 16 February 2028": {leap2028, ProRateMonths, d(2028, 2, 16), app.Date{}, 10, 12},
		// 15–28 February 2026 is 14 days: in a common year the same join date loses February.
		"months, joined 15 February 2026": {year2026, ProRateMonths, d(2026, 2, 15), app.Date{}, 10, 12},
		// 1–15 June counts (15 days), so January–June: 6 months.
		"months, left 15 June 2026": {year2026, ProRateMonths, app.Date{}, d(2026, 6, 15), 6, 12},
		"none":                      {year2026, ProRateNone, d(2026, 7, 1), app.Date{}, 1, 1},
	}
	for name, c := range cases {
		p := DefaultPolicy(c.cycle)
		p.ProRate = c.rule
		em := Employ(&p, c.joined, c.left)
		if em.Worked != c.worked || em.Of != c.of || math.Abs(em.ProRata-float64(c.worked)/float64(c.of)) > 1e-15 || !em.Eligible {
			t.Errorf("%s: %d of %d (%v, eligible %v), want %d of %d", name, em.Worked, em.Of, em.ProRata, em.Eligible, c.worked, c.of)
		}
	}
}

func TestMonthMinDaysSetting(t *testing.T) {
	p := DefaultPolicy(year2026)
	p.ProRate, p.MonthMinDays = ProRateMonths, 10
	// joined 19 February 2026: 19–28 February is 10 days, enough under 10.
	if em := Employ(&p, d(2026, 2, 19), app.Date{}); em.Worked != 11 {
		t.Errorf("worked %d months, want 11", em.Worked)
	}
}

func TestEligibility(t *testing.T) {
	p := DefaultPolicy(year2026)
	p.Eligibility = Eligibility{MinDays: 90, PaymentDate: d(2027, 1, 31), ProbationDays: 60}
	cases := map[string]struct {
		joined, left app.Date
		why          []Why
	}{
		"all year":                      {app.Date{}, app.Date{}, nil},
		"joined 3 October: 90 days":     {d(2026, 10, 3), app.Date{}, nil}, // 29 + 30 + 31 = 90; probation ends 1 December
		"joined 4 October: 89 days":     {d(2026, 10, 4), app.Date{}, []Why{TooFewDays}},
		"left before the payment date":  {app.Date{}, d(2027, 1, 30), []Why{LeftBeforePay}},
		"left on the payment date":      {app.Date{}, d(2027, 1, 31), nil},
		"probation ends 1 January 2027": {d(2026, 11, 3), app.Date{}, []Why{TooFewDays, InProbation}}, // 3 Nov + 59 days
		"left before the cycle":         {d(2024, 1, 1), d(2025, 12, 31), []Why{NotInCycle, LeftBeforePay}},
	}
	for name, c := range cases {
		em := Employ(&p, c.joined, c.left)
		if len(em.Why) != len(c.why) || em.Eligible != (len(c.why) == 0) {
			t.Errorf("%s: eligible %v why %v, want %v", name, em.Eligible, em.Why, c.why)
			continue
		}
		for i := range c.why {
			if em.Why[i] != c.why[i] {
				t.Errorf("%s: why %v, want %v", name, em.Why, c.why)
			}
		}
		if !em.Eligible && (em.ProRata != 0 || em.WhyText.Key == "") {
			t.Errorf("%s: not eligible with pro-rata %v and text %q", name, em.ProRata, em.WhyText)
		}
	}
}

func TestIneligibleGetsNothingAndOthersShare(t *testing.T) {
	in, p := workedExample()
	p.Floor, p.Cap = Limit{}, Limit{}
	p.Pool = 29_500_000
	in[4].Left = d(2026, 3, 31)
	p.Eligibility.PaymentDate = d(2027, 1, 31)
	res := Solve(in, p)
	// NV05 left: raw 0; the others' raw 29 500 000 = the pool, k = 1
	if res.Rows[4].Final != 0 || res.Rows[4].Eligible || res.Total != 29_500_000 || res.Rows[0].Final != 15_000_000 {
		t.Errorf("NV05 %.0f eligible %v; total %.0f; NV01 %.0f", res.Rows[4].Final, res.Rows[4].Eligible, res.Total, res.Rows[0].Final)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
