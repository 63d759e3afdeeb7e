package registry

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

// Options say how to read an import table's headers and numbers.
type Options struct {
	// T translates header names, so that a table exported in the user's
	// language reads back; English and Vietnamese names always work. nil is English.
	T sheet.Translate
	// ParseNumber reads a number typed the user's way, e.g.
	// (*i18n.Translator).ParseNumber; nil reads plain numbers such as 1234.5.
	ParseNumber func(string) (float64, error)
}

func (o Options) t() sheet.Translate {
	if o.T == nil {
		return sheet.English
	}
	return o.T
}

// machineNumber is a number as programs write it: 1234.5.
var machineNumber = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

// cellError is a problem with one cell's value; the caller names the cell.
type cellError struct{ msg app.Msg }

func (e *cellError) Error() string { return e.msg.String() }

// Message returns the problem as a translatable message.
func (e *cellError) Message() app.Msg { return e.msg }

// messager is an error with a translatable message (i18n.ParseError is one).
type messager interface{ Message() app.Msg }

// msgOf returns err's translatable message.
func msgOf(err error) app.Msg {
	if m, ok := err.(messager); ok {
		return m.Message()
	}
	return app.M("%s", err.Error())
}

// text returns a cell's text, trimmed and in NFC.
func text(c sheet.GridCell) string { return strings.TrimSpace(app.NFC(c.Text)) }

// number reads a cell as a number: a stored number as it is, text the
// user's way (o.ParseNumber) or, failing that, as programs write numbers
// (1234.5). Text whose reading depends on the language (1.500) is refused:
// a file may come from anywhere. Blank is 0.
func (o Options) number(c sheet.GridCell) (float64, error) {
	if c.IsNum {
		return c.Num, nil
	}
	t := strings.TrimSpace(c.Text)
	if t == "" {
		return 0, nil
	}
	if a, b, ok := i18n.Ambiguous(t); ok {
		return 0, &cellError{app.M("'%s' is ambiguous: it reads as %s or as %s; write it without the separator or store it as a number", t, fmtNum(a), fmtNum(b))}
	}
	if o.ParseNumber != nil {
		v, err := o.ParseNumber(t)
		if err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
			return v, nil
		}
		if !machineNumber.MatchString(t) {
			if err == nil {
				return 0, &cellError{app.M("'%s' is not a number", t)}
			}
			return 0, &cellError{msgOf(err)}
		}
	}
	if !machineNumber.MatchString(t) {
		return 0, &cellError{app.M("'%s' is not a number", t)}
	}
	return strconv.ParseFloat(t, 64)
}

// fmtNum writes a number as programs write it.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// level reads a level: a whole number from 0 to 99; blank is 0 (not graded).
func (o Options) level(c sheet.GridCell) (int, error) {
	v, err := o.number(c)
	if err != nil {
		return 0, err
	}
	if v != math.Trunc(v) || v < 0 || v > 99 {
		return 0, &cellError{app.M("'%s' is not a level: write a whole number from 0 to 99", strings.TrimSpace(c.Text))}
	}
	return int(v), nil
}

// ymd is a date written year-month-day.
var ymd = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}$`)

// dmy is a date written day/month/year, as Vietnamese HR files do.
var dmy = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)

// date reads a date: a stored spreadsheet date, yyyy-mm-dd or dd/mm/yyyy.
// Blank is the zero date.
func date(c sheet.GridCell) (app.Date, error) {
	if c.IsNum {
		if c.Num < 1 || c.Num > 2958465 {
			return app.Date{}, &cellError{app.M("'%s' is not a date: write it as yyyy-mm-dd or dd/mm/yyyy", c.Text)}
		}
		return sheet.FromSerial(c.Num), nil
	}
	t := strings.TrimSpace(c.Text)
	if t == "" {
		return app.Date{}, nil
	}
	if m := dmy.FindStringSubmatch(t); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		day := app.NewDate(y, time.Month(mo), d)
		if tm := day.Time(); tm.Day() != d || int(tm.Month()) != mo || tm.Year() != y {
			return app.Date{}, &cellError{app.M("'%s' is not a real calendar date", t)}
		}
		return day, nil
	}
	d, err := app.ParseDate(t)
	if err != nil && ymd.MatchString(t) {
		return app.Date{}, &cellError{app.M("'%s' is not a real calendar date", t)}
	}
	if err != nil || d.IsZero() {
		return app.Date{}, &cellError{app.M("'%s' is not a date: write it as yyyy-mm-dd or dd/mm/yyyy", t)}
	}
	return d, nil
}

// currency reads an ISO currency code (VND, USD…); blank is none.
func currency(c sheet.GridCell) (string, error) {
	t := strings.ToUpper(text(c))
	if t == "" {
		return "", nil
	}
	if len(t) != 3 || strings.Trim(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != "" {
		return "", &cellError{app.M("'%s' is not a currency code: write three letters such as VND or USD", t)}
	}
	return t, nil
}
