package sheet

import (
	"cmp"
	"errors"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// NumberParser reads a number typed the user's way; (*i18n.Translator).ParseNumber is one.
type NumberParser func(s string) (float64, error)

// DateParser reads a date typed the user's way; (*i18n.Translator).ParseDate is one.
type DateParser func(s string) (app.Date, error)

// ImportOptions say how to read an import file's words and numbers.
type ImportOptions struct {
	// T translates header names and words, so that a file written in the
	// user's language reads back; English and Vietnamese are always accepted.
	T           Translate
	ParseNumber NumberParser // nil reads plain numbers such as -1234.5
	ParseDate   DateParser   // nil reads ISO dates such as 2026-03-31
}

// machineNumber is a number as programs write it: -1234.5.
var machineNumber = regexp.MustCompile(`^[-+]?[0-9]+(\.[0-9]+)?$`)

// plainNumber is the strict default NumberParser.
func plainNumber(s string) (float64, error) {
	t := strings.TrimSpace(s)
	if !machineNumber.MatchString(t) {
		return 0, &msgError{app.M("'%s' is not a number", t)}
	}
	return strconv.ParseFloat(t, 64)
}

// isoDate is the default DateParser.
func isoDate(s string) (app.Date, error) {
	d, err := app.ParseDate(strings.TrimSpace(s))
	if err != nil {
		return app.Date{}, &msgError{app.M("'%s' is not a date in the form YYYY-MM-DD", strings.TrimSpace(s))}
	}
	return d, nil
}

// msgError is an error carrying a translatable message.
type msgError struct{ msg app.Msg }

func (e *msgError) Error() string    { return e.msg.String() }
func (e *msgError) Message() app.Msg { return e.msg }

// messager is an error with a translatable message, such as *i18n.ParseError.
type messager interface{ Message() app.Msg }

// msgOf returns err's translatable message, or err's text as one.
func msgOf(err error) app.Msg {
	var m messager
	if errors.As(err, &m) {
		return m.Message()
	}
	return app.M("%s", err.Error())
}

// reader reads the cells of an import file.
type reader struct {
	lang
	number NumberParser
	date   DateParser
}

func newReader(o ImportOptions) reader {
	r := reader{lang: lang{tr(o.T)}, number: o.ParseNumber, date: o.ParseDate}
	if r.number == nil {
		r.number = plainNumber
	}
	if r.date == nil {
		r.date = isoDate
	}
	return r
}

// num reads a number cell: a stored number as it is, text the user's way
// (or, failing that, as a program writes numbers, e.g. in CSV files). Text
// whose reading depends on the language (1.500, 500,000) is refused in
// every language: a file may come from anywhere.
func (rd reader) num(c GridCell) (float64, error) {
	if c.IsNum {
		return c.Num, nil
	}
	if a, b, ok := i18n.Ambiguous(c.Text); ok {
		t := strings.TrimSpace(c.Text)
		return 0, &msgError{app.M("'%s' is ambiguous: it reads as %s where '%s' separates thousands and as %s where it marks decimals; write it without the separator (%s) or with more or fewer decimals, or store it as a number", t, fmtNum(a), string(t[strings.IndexAny(t, ".,")]), fmtNum(b), fmtNum(a))}
	}
	v, err := rd.number(c.Text)
	if err != nil {
		if t := strings.TrimSpace(c.Text); machineNumber.MatchString(t) {
			return strconv.ParseFloat(t, 64)
		}
		return 0, err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &msgError{app.M("'%s' is not a number", c.Text)}
	}
	return v, nil
}

// fraction reads an achievement level: 1.2, or 120 % written with a percent sign.
func (rd reader) fraction(c GridCell) (float64, error) {
	t := strings.TrimSpace(c.Text)
	if c.IsNum || !strings.HasSuffix(t, "%") {
		return rd.num(c)
	}
	v, err := rd.num(GridCell{Text: strings.TrimSpace(strings.TrimSuffix(t, "%"))})
	if err != nil {
		return 0, &msgError{app.M("'%s' is not a number", t)}
	}
	return v / 100, nil
}

// day reads a date: a stored date serial, or text the user's way.
func (rd reader) day(c GridCell) (app.Date, error) {
	if c.IsNum {
		return FromSerial(c.Num), nil
	}
	return rd.date(c.Text)
}

// fold returns s lower-cased, without accents, with đ as d and every run
// of other characters than letters and digits as one space, for comparing
// header names and words: "Mục tiêu (Target)" → "muc tieu target".
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ':
			r = 'd'
		case strings.ContainsRune(keptSymbols, r):
			// kept: symbols that name units and directions
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// keptSymbols are the symbols fold keeps.
const keptSymbols = "%₫$€↑↓"

// match returns the value of the word s names among words, accepting the
// value itself, its display name in English and in the reader's language,
// and its aliases.
func (rd reader) match(words []word, s string) (string, bool) {
	f := fold(s)
	if f == "" {
		return "", false
	}
	for _, w := range words {
		if f == fold(w.value) || w.display != "" && (f == fold(w.display) || f == fold(rd.T(w.display))) {
			return w.value, true
		}
		for _, a := range w.aliases {
			if f == fold(a) {
				return w.value, true
			}
		}
	}
	return "", false
}

// names reports whether header names column c.
func (rd reader) names(c column, header string) bool {
	f := fold(header)
	if f == "" {
		return false
	}
	if f == fold(c.Key) || f == fold(rd.T(c.Key)) {
		return true
	}
	for _, a := range c.Aliases {
		if f == fold(a) {
			return true
		}
	}
	return false
}

// header is an import file's header row (ImportHeader).
type header = ImportHeader

// findHeader returns the first of the grid's first rows with a cell naming
// one of must, mapping its cells to the known columns.
func (rd reader) findHeader(g Grid, must []column, known []column) (*header, bool) {
	return FindHeader(g, must, known, rd.names)
}

// CellError is a problem with one cell (or row, or column) of an import file.
type CellError struct {
	Row    int    // 1-based row in the file; 0 for the whole file
	Column string // the column's header as written in the file; "" for a whole row
	Value  string // the cell's text
	Msg    app.Msg
}

// Error returns the problem in English: "row 14, Target: 'abc' is not a number".
func (e *CellError) Error() string { return e.Message().String() }

// Message returns the problem as a translatable message.
func (e *CellError) Message() app.Msg {
	switch {
	case e.Row == 0:
		return e.Msg
	case e.Column == "":
		return app.M("row %d: %s", e.Row, e.Msg)
	}
	return app.M("row %d, %s: %s", e.Row, e.Column, e.Msg)
}

// Is makes CellError match app.ErrInvalid.
func (e *CellError) Is(target error) bool { return target == app.ErrInvalid }

// Errors lists every problem an import found.
type Errors []*CellError

// Error returns the problems in English, one per line.
func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, c := range e {
		lines[i] = c.Error()
	}
	return strings.Join(lines, "\n")
}

// Is makes Errors match app.ErrInvalid.
func (e Errors) Is(target error) bool { return target == app.ErrInvalid }

// sort orders the problems by row, keeping the order within a row.
func (e Errors) sort() {
	slices.SortStableFunc(e, func(a, b *CellError) int { return cmp.Compare(a.Row, b.Row) })
}

// errOrNil returns e as an error, or nil when it is empty.
func (e Errors) errOrNil() error {
	if len(e) == 0 {
		return nil
	}
	return e
}

// noHeader is the error of a file without a header row naming a what column.
func noHeader(what string) *CellError {
	return &CellError{Msg: app.M("no header row with a %s column in the first %d rows", what, headerScan)}
}

// headerScan is how many rows are searched for the header row.
const headerScan = HeaderScan

// fmtNum writes a number for a template or a message, as programs write it.
func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
