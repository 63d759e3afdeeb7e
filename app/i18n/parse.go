package i18n

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"kpiplanner/app"
)

// ParseError is typed input that is not a number or date in the language.
type ParseError struct {
	Input string  // what was typed
	Msg   app.Msg // what is wrong, as a translatable message naming Input
}

// Error returns the problem in English.
func (e *ParseError) Error() string { return e.Msg.String() }

// Message returns the problem as a translatable message.
func (e *ParseError) Message() app.Msg { return e.Msg }

// Is makes ParseError match app.ErrInvalid.
func (e *ParseError) Is(target error) bool { return target == app.ErrInvalid }

// numberKind is how digits parsed under one language's separators.
type numberKind int

const (
	numberOK numberKind = iota
	numberMalformed
	numberNotNumber
	numberTooLarge
)

// ParseNumber reads a number typed the language's way.
//
// Vietnamese writes "." between thousands and "," before decimals
// (1.234.567,5; 1234567,5; 12,5; 1.234 = 1234); English the other way round
// (1,234,567.5; 1234567.5; 1,234 = 1234). A separator is read only as the
// language defines it, so a thousands separator must be followed by groups of
// exactly three digits, at most one decimal mark may appear and no thousands
// separator may follow it. Input that breaks these rules but reads as a
// number in the other language is ambiguous and rejected with a hint: in vi,
// "1.5" is an error ("did you mean 1,5?"), as is "1,5" in en. Other broken
// forms ("1.23.4", "1,234,5", "12,34.5" in vi) are malformed, and text,
// exponents, NaN and Inf are not numbers.
//
// Surrounding spaces, a leading "-" (or "+", or "−"), a trailing "%" and a
// currency sign or code before or after the number ("₫", "đ", "$", "US$",
// "VND", "USD"…) are accepted and ignored: "95,5 %" is 95.5 and
// "12.500.000 ₫" is 12500000. In both languages, spaces (also non-breaking
// and narrow non-breaking ones) may separate groups of three digits before
// the decimal mark: "10 000 000". Errors are *ParseError.
func (t *Translator) ParseNumber(s string) (float64, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, &ParseError{Input: s, Msg: app.M("a number is required")}
	}
	body, neg := stripNumber(in)
	group, dec := t.separators()
	body, spaced := joinSpaceGroups(body)
	if !spaced {
		return 0, &ParseError{Input: s, Msg: app.M("%q is not a well-formed number: spaces may only separate groups of three digits, e.g. 10 000 000", in)}
	}
	v, kind := parseDigits(body, group, dec)
	switch kind {
	case numberOK:
		if neg {
			v = -v
		}
		return v, nil
	case numberTooLarge:
		return 0, &ParseError{Input: s, Msg: app.M("%q is too large", in)}
	case numberNotNumber:
		return 0, &ParseError{Input: s, Msg: app.M("%q is not a number", in)}
	}
	if _, other := parseDigits(body, dec, group); other == numberOK {
		return 0, &ParseError{Input: s, Msg: t.ambiguous(in, body, neg)}
	}
	if t.Lang() == "vi" {
		return 0, &ParseError{Input: s, Msg: app.M("%q is not a well-formed number: in Vietnamese, write thousands with '.' and decimals with ',', e.g. 1.234.567,5", in)}
	}
	return 0, &ParseError{Input: s, Msg: app.M("%q is not a well-formed number: in English, write thousands with ',' and decimals with '.', e.g. 1,234,567.5", in)}
}

// ambiguous explains that body reads as a number only with the other
// language's separators, suggesting it with them swapped.
func (t *Translator) ambiguous(in, body string, neg bool) app.Msg {
	swapped := strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, body)
	if neg {
		swapped = "-" + swapped
	}
	if t.Lang() == "vi" {
		return app.M("%q: in Vietnamese, '.' separates thousands and ',' marks decimals — did you mean %s?", in, swapped)
	}
	return app.M("%q: in English, ',' separates thousands and '.' marks decimals — did you mean %s?", in, swapped)
}

// Currency signs and codes ParseNumber ignores, longest first so "US$" wins over "$".
var (
	currencyPrefixes = []string{"US$", "CN¥", "JP¥", "VND", "USD", "EUR", "GBP", "JPY", "CNY", "KRW", "THB", "₫", "$", "€", "£", "¥", "₩"}
	currencySuffixes = append([]string{"đ", "Đ"}, currencyPrefixes...)
)

// stripNumber removes a sign, a trailing "%" and a currency sign or code
// from in, returning the remaining digits and separators.
func stripNumber(in string) (body string, neg bool) {
	s := in
	sign := func() {
		for _, p := range []string{"-", "+", "−"} {
			if rest, ok := strings.CutPrefix(s, p); ok {
				neg = p != "+"
				s = strings.TrimLeftFunc(rest, unicode.IsSpace)
				return
			}
		}
	}
	sign()
	if rest, ok := cutAnyPrefix(s, currencyPrefixes); ok {
		s = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if !neg {
			sign()
		}
	} else if rest, ok := strings.CutSuffix(s, "%"); ok {
		s = strings.TrimRightFunc(rest, unicode.IsSpace)
	} else if rest, ok := cutAnySuffix(s, currencySuffixes); ok {
		s = strings.TrimRightFunc(rest, unicode.IsSpace)
	}
	return s, neg
}

func cutAnyPrefix(s string, ps []string) (string, bool) {
	for _, p := range ps {
		if len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) {
			return s[len(p):], true
		}
	}
	return s, false
}

func cutAnySuffix(s string, ps []string) (string, bool) {
	for _, p := range ps {
		if len(s) >= len(p) && strings.EqualFold(s[len(s)-len(p):], p) {
			return s[:len(s)-len(p)], true
		}
	}
	return s, false
}

// parseDigits reads body made of digits, thousands separators group and at
// most one decimal mark dec.
func parseDigits(body string, group, dec byte) (float64, numberKind) {
	if !digitsOnly(body, group, dec) {
		return 0, numberNotNumber
	}
	ip, fp, hasDec := strings.Cut(body, string(dec))
	if hasDec && (fp == "" || strings.IndexByte(fp, dec) >= 0 || strings.IndexByte(fp, group) >= 0) {
		return 0, numberMalformed
	}
	ip, ok := ungroup(ip, group)
	if !ok {
		return 0, numberMalformed
	}
	if ip == "" {
		ip = "0"
	}
	v, err := strconv.ParseFloat(ip+"."+fp+"0", 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, numberTooLarge
	}
	return v, numberOK
}

// digitsOnly reports whether body holds at least one digit and nothing but
// digits, group and dec.
func digitsOnly(body string, group, dec byte) bool {
	digits := 0
	for i := range len(body) {
		switch c := body[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c != group && c != dec:
			return false
		}
	}
	return digits > 0
}

// ungroup removes the thousands separators group from the integer part ip,
// reporting false when they are misplaced: the first group holds 1 to 3
// digits and does not start with 0, every other exactly 3.
func ungroup(ip string, group byte) (string, bool) {
	if strings.IndexByte(ip, group) < 0 {
		return ip, true
	}
	groups := strings.Split(ip, string(group))
	if len(groups[0]) < 1 || len(groups[0]) > 3 || groups[0][0] == '0' {
		return "", false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// isGroupSpace reports whether r may separate groups of digits: a space, a
// non-breaking space, a narrow non-breaking space or a thin space.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// joinSpaceGroups removes the spaces between groups of three digits at the
// start of body ("10 000 000,5" → "10000000,5"); ok is false when spaces
// appear anywhere else or between groups of another size.
func joinSpaceGroups(body string) (string, bool) {
	if strings.IndexFunc(body, isGroupSpace) < 0 {
		return body, true
	}
	parts := strings.FieldsFunc(body, isGroupSpace)
	if len(parts) < 2 || strings.Count(body, " ")+strings.Count(body, "\u00a0")+strings.Count(body, "\u202f")+strings.Count(body, "\u2009") != len(parts)-1 {
		return body, false
	}
	digits := func(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }
	if !digits(parts[0]) || len(parts[0]) > 3 || parts[0][0] == '0' {
		return body, false
	}
	for i, p := range parts[1:] {
		head := p
		if i == len(parts)-2 && len(p) > 3 {
			head = p[:3]
			if digits(p[3:4]) {
				return body, false // a fourth digit
			}
		}
		if len(head) != 3 || !digits(head) {
			return body, false
		}
	}
	return strings.Join(parts, ""), true
}

// Ambiguous reports whether s is a number whose reading depends on the
// language: one '.' or ',' between one to three digits (not starting with
// 0) and exactly three digits, such as 1.500, 1,500 or 500.000, which reads
// as 1500 where the mark separates thousands and as 1.5 where it marks
// decimals. It returns the two readings, thousands first, with s's sign;
// signs, currencies and a trailing % are ignored as ParseNumber ignores them.
func Ambiguous(s string) (thousands, decimal float64, ok bool) {
	body, neg := stripNumber(strings.TrimSpace(s))
	i := strings.IndexAny(body, ".,")
	if i < 1 || i > 3 || len(body)-i-1 != 3 || body[0] == '0' {
		return 0, 0, false
	}
	ip, fp := body[:i], body[i+1:]
	if strings.Trim(ip, "0123456789") != "" || strings.Trim(fp, "0123456789") != "" {
		return 0, 0, false
	}
	a, err1 := strconv.ParseFloat(ip+fp, 64)
	b, err2 := strconv.ParseFloat(ip+"."+fp, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	if neg {
		a, b = -a, -b
	}
	return a, b, true
}
