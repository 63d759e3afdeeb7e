package app

import "testing"

func TestPeriods(t *testing.T) {
	tests := []struct {
		name   string
		c      Cycle
		n      int
		first  string
		last   string
		lastAt Date // start of the last period
	}{
		{"monthly year", Cycle{NewDate(2026, 1, 1), NewDate(2026, 12, 31), Monthly}, 12, "2026-01", "2026-12", NewDate(2026, 12, 1)},
		{"monthly mid-month", Cycle{NewDate(2026, 1, 15), NewDate(2026, 3, 10), Monthly}, 3, "2026-01", "2026-03", NewDate(2026, 3, 1)},
		{"quarterly year", Cycle{NewDate(2026, 1, 1), NewDate(2026, 12, 31), Quarterly}, 4, "2026-Q1", "2026-Q4", NewDate(2026, 10, 1)},
		{"quarterly across years", Cycle{NewDate(2025, 11, 1), NewDate(2026, 4, 30), Quarterly}, 3, "2025-Q4", "2026-Q2", NewDate(2026, 4, 1)},
		// 2026-01-05 is a Monday of ISO week 2; 13 weeks = 91 days to 2026-04-05 inclusive
		{"weekly quarter", Cycle{NewDate(2026, 1, 5), NewDate(2026, 4, 5), Weekly}, 13, "2026-W02", "2026-W14", NewDate(2026, 3, 30)},
		{"single day", Cycle{NewDate(2026, 1, 5), NewDate(2026, 1, 5), Monthly}, 1, "2026-01", "2026-01", NewDate(2026, 1, 5)},
		{"end before start", Cycle{NewDate(2026, 2, 1), NewDate(2026, 1, 1), Monthly}, 0, "", "", Date{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ps := tc.c.Periods()
			if len(ps) != tc.n || tc.c.NumPeriods() != tc.n {
				t.Fatalf("%d periods (NumPeriods %d), want %d", len(ps), tc.c.NumPeriods(), tc.n)
			}
			if tc.n == 0 {
				return
			}
			if ps[0].Label != tc.first || ps[tc.n-1].Label != tc.last || ps[tc.n-1].Start != tc.lastAt {
				t.Errorf("got %s … %s starting %s", ps[0].Label, ps[tc.n-1].Label, ps[tc.n-1].Start)
			}
			if ps[0].Start != tc.c.Start || ps[tc.n-1].End != tc.c.End {
				t.Errorf("periods span %s–%s, want the cycle %s–%s", ps[0].Start, ps[tc.n-1].End, tc.c.Start, tc.c.End)
			}
			for i := 1; i < len(ps); i++ {
				if ps[i].Start != ps[i-1].End.AddDays(1) {
					t.Errorf("gap between %s and %s", ps[i-1].Label, ps[i].Label)
				}
			}
		})
	}
}

func TestFindPeriod(t *testing.T) {
	c := Cycle{NewDate(2026, 1, 1), NewDate(2026, 12, 31), Monthly}
	for in, want := range map[string]int{"2026-03": 2, "3": 2, "12": 11, " 2026-12 ": 11} {
		if got, err := c.FindPeriod(in); err != nil || got != want {
			t.Errorf("FindPeriod(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "13", "2027-01", "March"} {
		if _, err := c.FindPeriod(bad); err == nil {
			t.Errorf("FindPeriod(%q) accepted", bad)
		}
	}
	if got := c.PeriodOf(NewDate(2026, 2, 28)); got != 1 {
		t.Errorf("PeriodOf(Feb 28) = %d", got)
	}
	if got := c.PeriodOf(NewDate(2027, 1, 1)); got != -1 {
		t.Errorf("PeriodOf outside = %d", got)
	}
}

func TestSuggestGroup(t *testing.T) {
	for _, tc := range []struct {
		e, i Level
		want Group
	}{{High, High, GroupA}, {Low, High, GroupB}, {High, Low, GroupB}, {Low, Low, GroupC}, {"", High, ""}} {
		if got := SuggestGroup(tc.e, tc.i); got != tc.want {
			t.Errorf("SuggestGroup(%s, %s) = %q, want %q", tc.e, tc.i, got, tc.want)
		}
	}
}

func TestLabel(t *testing.T) {
	for _, c := range []Cycle{
		{NewDate(2026, 1, 15), NewDate(2026, 12, 31), Monthly},
		{NewDate(2025, 11, 1), NewDate(2026, 4, 30), Quarterly},
		{NewDate(2026, 1, 5), NewDate(2026, 4, 5), Weekly},
	} {
		ps := c.Periods()
		for i, p := range ps {
			if got := c.Label(i); got != p.Label {
				t.Errorf("%v Label(%d) = %q, want %q", c, i, got, p.Label)
			}
		}
		if c.Label(len(ps)) != "" || c.Label(-1) != "" {
			t.Errorf("%v: label outside the cycle", c)
		}
	}
}
