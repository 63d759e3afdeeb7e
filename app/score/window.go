package score

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"kpiplanner/app"
)

// Window is the span of a plan's cycle a score covers: its periods 0..Last.
type Window struct {
	Last  int    // index of the window's last period; -1 when no period is in it
	Label string // that period's label, e.g. "2026-09"; "" when empty
	Whole bool   // the window is the whole cycle
}

// Empty reports whether no period is in the window.
func (w Window) Empty() bool { return w.Last < 0 }

// At returns the window's last period as Plan takes it (whole cycle when the
// window is the whole cycle or empty).
func (w Window) At() int {
	if w.Whole || w.Last < 0 {
		return -1
	}
	return w.Last
}

// windowAt returns the window of p ending at period at; at < 0 or past the
// end is the whole cycle.
func windowAt(c app.Cycle, at int) Window {
	n := c.NumPeriods()
	if at < 0 || at >= n {
		at = n - 1
	}
	return Window{Last: at, Label: c.Label(at), Whole: at == n-1 && n > 0}
}

// WindowAt returns p's window ending at period at (0-based); at < 0 or past
// the end means the whole cycle.
func WindowAt(p *app.Plan, at int) Window { return windowAt(p.Cycle, at) }

// Official returns p's official scoring window on date today: the whole
// cycle once the cycle is over; otherwise through the latest closed period
// where HR has closed one (p.ClosedPeriods), else through the latest period
// that has any actual in the plan (empty when none has).
func Official(p *app.Plan, today app.Date) Window {
	n := p.Cycle.NumPeriods()
	if n == 0 {
		return Window{Last: -1}
	}
	if !p.Cycle.End.IsZero() && today.After(p.Cycle.End) {
		return windowAt(p.Cycle, n-1)
	}
	if p.ClosedPeriods > 0 {
		return windowAt(p.Cycle, min(p.ClosedPeriods, n)-1) // through the latest closed period
	}
	last := -1
	for i := range p.KPIs {
		for _, a := range p.KPIs[i].Actuals {
			if a.Period < n && a.Period > last {
				last = a.Period
			}
		}
	}
	if last < 0 {
		return Window{Last: -1}
	}
	return windowAt(p.Cycle, last)
}

// Through returns p's window through date end, in p's own cycle: up to the
// last period that ends on or before end (a quarterly plan through
// 2026-03-31 is scored to 2026-Q1, a weekly one to the last week ending in
// March); empty when no period has ended by then.
func Through(p *app.Plan, end app.Date) Window {
	last := -1
	for _, q := range p.Cycle.Periods() {
		if q.End.After(end) {
			break
		}
		last = q.Index
	}
	if last < 0 {
		return Window{Last: -1}
	}
	return windowAt(p.Cycle, last)
}

// ParseEnd reads the end of a window written as a date (2026-03-15), a
// month (2026-03), a quarter (2026-Q1) or an ISO week (2026-W05) and returns
// its last day.
func ParseEnd(s string) (app.Date, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if d, err := app.ParseDate(s); err == nil && !d.IsZero() {
		return d, nil
	}
	y, rest, ok := strings.Cut(s, "-")
	year, err := strconv.Atoi(y)
	if !ok || err != nil || len(y) != 4 {
		return app.Date{}, fmt.Errorf("%q is not a date, month, quarter or week (2026-03-31, 2026-03, 2026-Q1, 2026-W05)", s)
	}
	return periodEnd(s, year, rest)
}

// periodEnd returns the last day of the quarter (Q1), ISO week (W05) or
// month (03) rest of year, as ParseEnd read it from s.
func periodEnd(s string, year int, rest string) (app.Date, error) {
	switch {
	case strings.HasPrefix(rest, "Q"):
		q, err := strconv.Atoi(rest[1:])
		if err != nil || q < 1 || q > 4 {
			return app.Date{}, fmt.Errorf("%q: the quarter must be Q1 to Q4", s)
		}
		return app.NewDate(year, time.Month(3*q+1), 1).AddDays(-1), nil
	case strings.HasPrefix(rest, "W"):
		w, err := strconv.Atoi(rest[1:])
		if err != nil || w < 1 || w > 53 {
			return app.Date{}, fmt.Errorf("%q: the week must be W01 to W53", s)
		}
		return isoWeekSunday(year, w), nil
	}
	m, err := strconv.Atoi(rest)
	if err != nil || m < 1 || m > 12 {
		return app.Date{}, fmt.Errorf("%q: the month must be 01 to 12", s)
	}
	return app.NewDate(year, time.Month(m+1), 1).AddDays(-1), nil
}

// isoWeekSunday returns the Sunday that ends ISO week w of year y.
func isoWeekSunday(y, w int) app.Date {
	jan4 := app.NewDate(y, time.January, 4)
	wd := int(jan4.Time().Weekday()+6) % 7 // Monday = 0
	monday := jan4.AddDays(-wd + 7*(w-1))
	return monday.AddDays(6)
}

// Pick chooses the window each plan is scored over, in that plan's own cycle.
type Pick func(p *app.Plan) Window

// PickOfficial picks each plan's official window on date today.
func PickOfficial(today app.Date) Pick {
	return func(p *app.Plan) Window { return Official(p, today) }
}

// PickThrough picks each plan's window through date end.
func PickThrough(end app.Date) Pick {
	return func(p *app.Plan) Window { return Through(p, end) }
}

// PickAt picks period at of each plan's cycle (< 0 or past the end: the whole cycle).
func PickAt(at int) Pick {
	return func(p *app.Plan) Window { return WindowAt(p, at) }
}

// By scores every plan over the window pick chooses for it.
func By(plans []*app.Plan, pick Pick) []Result {
	out := make([]Result, len(plans))
	for i, p := range plans {
		out[i] = In(p, pick(p))
	}
	return out
}
