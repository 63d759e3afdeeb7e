package app

import (
	"fmt"
	"slices"
	"time"
)

// PeriodClose is one close or reopen of a month, for the whole company or one
// org unit (and so its subtree). Records are kept in the order written; the
// latest that covers a unit decides.
type PeriodClose struct {
	Unit   UID    // "" for the whole company
	Month  string // yyyy-mm
	Closed bool   // true closes the month, false reopens it
	At     time.Time
	User   string
	Device string
	Reason string // required to reopen
}

// Validate checks a close record: a real month, and a reason to reopen.
func (c *PeriodClose) Validate() error {
	if _, err := time.Parse("2006-01", c.Month); err != nil || len(c.Month) != 7 {
		return &FieldError{Field: "month", Msg: M("%s is not a month: write it as yyyy-mm", c.Month)}
	}
	if !c.Closed && c.Reason == "" {
		return &RuleError{Kind: ErrReasonRequired, Msg: M("reopening %s needs a reason", c.Month)}
	}
	return nil
}

// Closes answers which months are closed for which units.
type Closes struct {
	byMonth map[string][]PeriodClose
}

// NewCloses indexes close records given in the order they were written.
func NewCloses(records []PeriodClose) Closes {
	c := Closes{byMonth: map[string][]PeriodClose{}}
	for _, r := range records {
		c.byMonth[r.Month] = append(c.byMonth[r.Month], r)
	}
	return c
}

// MonthClosed reports whether month is closed for a unit whose path from
// itself up to the root is units; the company's records cover every unit.
func (c Closes) MonthClosed(month string, units []UID) bool {
	r, ok := c.latest(month, units)
	return ok && r.Closed
}

// MonthReopened reports whether month was closed for the unit once and is
// open again: actuals entered in it then need a reason.
func (c Closes) MonthReopened(month string, units []UID) bool {
	r, ok := c.latest(month, units)
	return ok && !r.Closed
}

func (c Closes) latest(month string, units []UID) (PeriodClose, bool) {
	rs := c.byMonth[month]
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].Unit == "" || slices.Contains(units, rs[i].Unit) {
			return rs[i], true
		}
	}
	return PeriodClose{}, false
}

// MonthOf returns the yyyy-mm of d.
func MonthOf(d Date) string { return fmt.Sprintf("%04d-%02d", d.t.Year(), int(d.t.Month())) }

// PeriodMonth returns the month a period of c belongs to for closing: the
// month its last day falls in.
func (c Cycle) PeriodMonth(i int) string {
	ps := c.Periods()
	if i < 0 || i >= len(ps) {
		return ""
	}
	return MonthOf(ps[i].End)
}

// ClosedPeriods returns how many leading periods of cycle are closed for a
// unit path: periods 0 … n-1 all closed, period n open.
func (c Closes) ClosedPeriods(cycle Cycle, units []UID) int {
	if len(c.byMonth) == 0 {
		return 0
	}
	n := 0
	for _, q := range cycle.Periods() {
		if !c.MonthClosed(MonthOf(q.End), units) {
			break
		}
		n++
	}
	return n
}
