// Package planedit is the domain side of the plan screen: what the text of
// an actuals cell means and how a recorded actual is written back into one,
// the period a scorecard opens on, and adding and removing a plan's KPIs.
package planedit

import (
	"strings"

	"kpiplanner/app"
)

// Numbers reads and writes numbers the user's way; *i18n.Translator is one.
type Numbers interface {
	ParseNumber(s string) (float64, error)
	FormatNumber(x float64, decimals int) string
}

// RatioSep separates a ratio KPI's numerator from its denominator in a cell: "3/150".
const RatioSep = "/"

// Input is what the text typed into one cell of the actuals grid means.
type Input struct {
	Clear  bool       // the cell was emptied: remove the period's actual
	Actual app.Actual // the actual to record when !Clear
}

// Error is a problem with what was typed into a cell, as a translatable message.
type Error struct{ Msg app.Msg }

// Error returns the problem in English.
func (e *Error) Error() string { return e.Msg.String() }

// Message returns the problem as a translatable message.
func (e *Error) Message() app.Msg { return e.Msg }

// Is makes Error match app.ErrInvalid.
func (e *Error) Is(target error) bool { return target == app.ErrInvalid }

// IsRatio reports whether k's cells take a numerator and a denominator.
func IsRatio(k *app.KPI) bool { return k.Aggregation == app.Ratio }

// ParseCell reads text typed into k's cell for period: empty text clears
// the actual; a ratio KPI takes "numerator/denominator"; a milestone takes
// 1 (done) or 0 (not done); anything else takes one number.
func ParseCell(k *app.KPI, period int, text string, num Numbers) (Input, error) {
	s := strings.TrimSpace(text)
	if s == "" {
		return Input{Clear: true, Actual: app.Actual{Period: period}}, nil
	}
	if IsRatio(k) {
		return parseRatio(period, s, num)
	}
	v, err := num.ParseNumber(s)
	if err != nil {
		return Input{}, err
	}
	if k.Direction == app.Milestone && v != 0 && v != 1 {
		return Input{}, &Error{app.M("%q: a milestone takes 1 (done) or 0 (not done)", s)}
	}
	return Input{Actual: app.Actual{Period: period, Value: v}}, nil
}

func parseRatio(period int, s string, num Numbers) (Input, error) {
	a, b, ok := strings.Cut(s, RatioSep)
	if !ok || strings.Contains(b, RatioSep) {
		return Input{}, &Error{app.M("%q: write a ratio as numerator/denominator, e.g. 3/150", s)}
	}
	n, err := num.ParseNumber(a)
	if err != nil {
		return Input{}, err
	}
	d, err := num.ParseNumber(b)
	if err != nil {
		return Input{}, err
	}
	switch {
	case d < 0:
		return Input{}, &Error{app.M("%q: the denominator must not be negative", s)}
	case d == 0 && n != 0:
		return Input{}, &Error{app.M("%q: the denominator must not be 0 when the numerator is not 0", s)}
	}
	return Input{Actual: app.Actual{Period: period, Value: n, Den: d}}, nil
}

// CellText writes k's actual a the way its cell shows it: "1.234,5" in
// Vietnamese, "1,234.5" in English, "3/150" for a ratio KPI.
func CellText(k *app.KPI, a app.Actual, num Numbers) string {
	if IsRatio(k) {
		return num.FormatNumber(a.Value, -1) + RatioSep + num.FormatNumber(a.Den, -1)
	}
	return num.FormatNumber(a.Value, -1)
}

// PeriodText returns the text of k's cell for period i, "" when no actual is recorded.
func PeriodText(k *app.KPI, i int, num Numbers) string {
	a, ok := k.ActualAt(i)
	if !ok {
		return ""
	}
	return CellText(k, a, num)
}
