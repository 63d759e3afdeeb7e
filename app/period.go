package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is one review period of a cycle: a week, month or quarter.
type Period struct {
	Index int    // 0-based position in the cycle
	Label string // 2026-W05, 2026-03 or 2026-Q1
	Start Date
	End   Date // inclusive
}

// maxPeriods bounds a cycle so a typo in a year cannot allocate millions of periods.
const maxPeriods = 600

// Periods returns the review periods of c, in order. Weekly periods are
// 7-day blocks from Start; monthly and quarterly periods are calendar months
// and quarters that overlap [Start, End], clipped to the cycle.
func (c Cycle) Periods() []Period {
	if c.Start.IsZero() || c.End.IsZero() || c.End.Before(c.Start) {
		return nil
	}
	var out []Period
	for s := c.Start; !s.After(c.End) && len(out) < maxPeriods; {
		next := c.nextStart(s)
		e := next.AddDays(-1)
		if e.After(c.End) {
			e = c.End
		}
		out = append(out, Period{Index: len(out), Label: c.label(s), Start: s, End: e})
		s = next
	}
	return out
}

// nextStart returns the first day of the period after the one containing s.
func (c Cycle) nextStart(s Date) Date {
	t := s.Time()
	switch c.Frequency {
	case Weekly:
		return s.AddDays(7)
	case Quarterly:
		q := (int(t.Month()) - 1) / 3
		return NewDate(t.Year(), time.Month(q*3+4), 1)
	default:
		return NewDate(t.Year(), t.Month()+1, 1)
	}
}

func (c Cycle) label(s Date) string {
	t := s.Time()
	switch c.Frequency {
	case Weekly:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case Quarterly:
		return fmt.Sprintf("%d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
	default:
		return fmt.Sprintf("%d-%02d", t.Year(), int(t.Month()))
	}
}

// NumPeriods returns how many review periods c has, without building their labels.
func (c Cycle) NumPeriods() int {
	if c.Start.IsZero() || c.End.IsZero() || c.End.Before(c.Start) {
		return 0
	}
	s, e := c.Start.Time(), c.End.Time()
	var n int
	switch c.Frequency { // counted, not walked: scoring asks for it once per plan
	case Weekly:
		n = int(e.Sub(s)/(7*24*time.Hour)) + 1
	case Quarterly:
		n = quarterIndex(e) - quarterIndex(s) + 1
	default:
		n = monthIndex(e) - monthIndex(s) + 1
	}
	return min(n, maxPeriods)
}

// monthIndex numbers the calendar month of t: one more each month.
func monthIndex(t time.Time) int { return t.Year()*12 + int(t.Month()) - 1 }

// quarterIndex numbers the calendar quarter of t: one more each quarter.
func quarterIndex(t time.Time) int { return t.Year()*4 + (int(t.Month())-1)/3 }

// Label returns the label of period i, or "" when i is outside the cycle.
func (c Cycle) Label(i int) string {
	if i < 0 || c.Start.IsZero() || c.End.IsZero() {
		return ""
	}
	s := c.Start
	for ; i > 0 && !s.After(c.End); i-- {
		s = c.nextStart(s)
	}
	if s.After(c.End) {
		return ""
	}
	return c.label(s)
}

// PeriodOf returns the index of the period containing d, or -1 when d is
// outside the cycle.
func (c Cycle) PeriodOf(d Date) int {
	for _, p := range c.Periods() {
		if !d.Before(p.Start) && !d.After(p.End) {
			return p.Index
		}
	}
	return -1
}

// FindPeriod resolves a period written as its label ("2026-03") or as a
// 1-based number ("3") to its 0-based index.
func (c Cycle) FindPeriod(s string) (int, error) {
	s = strings.TrimSpace(s)
	ps := c.Periods()
	for _, p := range ps {
		if strings.EqualFold(p.Label, s) {
			return p.Index, nil
		}
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= len(ps) {
			return n - 1, nil
		}
		return 0, fmt.Errorf("period %d is outside the cycle's %d periods", n, len(ps))
	}
	if len(ps) == 0 {
		return 0, fmt.Errorf("period %q: the cycle has no periods", s)
	}
	return 0, fmt.Errorf("period %q is not in the cycle (%s … %s)", s, ps[0].Label, ps[len(ps)-1].Label)
}

// Contains reports whether d falls inside the cycle.
func (c Cycle) Contains(d Date) bool {
	return !d.Before(c.Start) && !d.After(c.End)
}

// Months returns the length of the span from a to b in months (30.44 days each).
func Months(a, b Date) float64 {
	return float64(a.DaysUntil(b)+1) / 30.436875
}
