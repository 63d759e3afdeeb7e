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
// "12.500.000 ₫" is 12500000. Errors are *ParseError.
func (t *Translator) ParseNumber(s string) (float64, error) {
	in := strings.TrimSpace(s)
	if in == "" {
		return 0, &ParseError{Input: s, Msg: app.M("a number is required")}
	}
	body, neg := stripNumber(in)
	group, dec := t.separators()
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
	digits := 0
	for i := range len(body) {
		switch c := body[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c != group && c != dec:
			return 0, numberNotNumber
		}
	}
	if digits == 0 {
		return 0, numberNotNumber
	}
	ip, fp, hasDec := strings.Cut(body, string(dec))
	if hasDec && (fp == "" || strings.IndexByte(fp, dec) >= 0 || strings.IndexByte(fp, group) >= 0) {
		return 0, numberMalformed
	}
	if strings.IndexByte(ip, group) >= 0 {
		groups := strings.Split(ip, string(group))
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return 0, numberMalformed
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return 0, numberMalformed
			}
		}
		ip = strings.Join(groups, "")
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
