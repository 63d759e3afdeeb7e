package i18n

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"kpiplanner/app"
)

var (
	isoDate = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	viDate  = regexp.MustCompile(`^(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{4})$`)
)

// ParseDate reads a date typed the language's way. Both languages accept ISO
// (2026-11-23, also 2026-1-5); Vietnamese also accepts day/month/year
// (23/11/2026, 1/2/2026, 23-11-2026, 23.11.2026). English does not accept
// slashed dates, since 01/02/2026 means 2 January to some readers and 1
// February to others. The empty string is the zero Date. Errors are *ParseError.
func (t *Translator) ParseDate(s string) (app.Date, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return app.Date{}, nil
	}
	if m := isoDate.FindStringSubmatch(in); m != nil {
		return makeDate(s, in, m[1], m[2], m[3])
	}
	if m := viDate.FindStringSubmatch(in); m != nil && t.Lang() == "vi" && m[2] == m[4] {
		return makeDate(s, in, m[5], m[3], m[1])
	}
	if t.Lang() == "vi" {
		return app.Date{}, &ParseError{Input: s, Msg: app.M("%q is not a date: write it as day/month/year, e.g. 23/11/2026", in)}
	}
	return app.Date{}, &ParseError{Input: s, Msg: app.M("%q is not a date: write it as year-month-day, e.g. 2026-11-23", in)}
}

// makeDate builds the date y-m-d from digit strings, rejecting days that do
// not exist (31/02).
func makeDate(s, in, ys, ms, ds string) (app.Date, error) {
	// The patterns allow at most 4 digits, so Atoi cannot fail.
	y, _ := strconv.Atoi(ys)
	m, _ := strconv.Atoi(ms)
	d, _ := strconv.Atoi(ds)
	date := app.NewDate(y, time.Month(m), d)
	t := date.Time()
	if y < 1 || t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return app.Date{}, &ParseError{Input: s, Msg: app.M("%q is not a real calendar date", in)}
	}
	return date, nil
}
