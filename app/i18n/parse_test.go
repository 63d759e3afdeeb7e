package i18n

import (
	"errors"
	"strings"
	"testing"
	"time"

	"kpiplanner/app"
)

func TestParseNumberAccepts(t *testing.T) {
	tr := translators(t)
	tests := map[string]struct {
		lang, in string
		want     float64
	}{
		"vi grouped with decimals":   {"vi", "1.234.567,5", 1234567.5},
		"vi plain with decimals":     {"vi", "1234567,5", 1234567.5},
		"vi small decimal":           {"vi", "12,5", 12.5},
		"vi dot is thousands":        {"vi", "1.234", 1234},
		"vi integer":                 {"vi", "42", 42},
		"vi zero":                    {"vi", "0", 0},
		"vi leading decimal mark":    {"vi", ",5", 0.5},
		"vi negative":                {"vi", "-1.234,5", -1234.5},
		"vi unicode minus":           {"vi", "−12,5", -12.5},
		"vi plus":                    {"vi", "+7", 7},
		"vi spaces":                  {"vi", "  12,5\t", 12.5},
		"vi percent":                 {"vi", "95,5 %", 95.5},
		"vi percent no space":        {"vi", "95,5%", 95.5},
		"vi dong sign":               {"vi", "12.500.000 ₫", 12500000},
		"vi dong letter":             {"vi", "12.500.000đ", 12500000},
		"vi VND code":                {"vi", "12.500.000 VND", 12500000},
		"vi negative money":          {"vi", "-12.500.000 ₫", -12500000},
		"vi US dollars":              {"vi", "1.234,50 US$", 1234.5},
		"vi large":                   {"vi", "9.876.543.210.123", 9876543210123},
		"vi leading zeros":           {"vi", "007", 7},
		"en grouped with decimals":   {"en", "1,234,567.5", 1234567.5},
		"en plain with decimals":     {"en", "1234567.5", 1234567.5},
		"en comma is thousands":      {"en", "1,234", 1234},
		"en decimal":                 {"en", "1.5", 1.5},
		"en negative":                {"en", "-1,234.5", -1234.5},
		"en percent":                 {"en", "95.5%", 95.5},
		"en dong sign before":        {"en", "₫12,500,000", 12500000},
		"en minus before dong sign":  {"en", "-₫12,500,000", -12500000},
		"en minus after dollar sign": {"en", "$-1,234.50", -1234.5},
		"en dollars":                 {"en", "$1,234.50", 1234.5},
		"en USD code":                {"en", "USD 1,234.50", 1234.5},
		"en non-breaking space":      {"en", "\u00a01,234\u00a0", 1234},
		"vi space groups":            {"vi", "10 000 000", 10000000},
		"en space groups":            {"en", "10 000 000", 10000000},
		"vi nbsp groups, decimals":   {"vi", "1\u00a0234\u00a0567,5", 1234567.5},
		"en narrow nbsp groups":      {"en", "12\u202f500\u202f000.25 ₫", 12500000.25},
		"vi inner space":             {"vi", "1 234", 1234},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := tr[tc.lang].ParseNumber(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("%s ParseNumber(%q) = %v, %v; want %v", tc.lang, tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseNumberRejects(t *testing.T) {
	tr := translators(t)
	const (
		viAmbiguous = "%q: in Vietnamese, '.' separates thousands and ',' marks decimals — did you mean %s?"
		enAmbiguous = "%q: in English, ',' separates thousands and '.' marks decimals — did you mean %s?"
		viMalformed = "%q is not a well-formed number: in Vietnamese, write thousands with '.' and decimals with ',', e.g. 1.234.567,5"
		enMalformed = "%q is not a well-formed number: in English, write thousands with ',' and decimals with '.', e.g. 1,234,567.5"
		notNumber   = "%q is not a number"
	)
	tests := map[string]struct {
		lang, in string
		key      string
		args     []any
		vi       string // the message in Vietnamese, for vi cases worth reading
	}{
		"vi dot as decimal":          {"vi", "1.5", viAmbiguous, []any{"1.5", "1,5"}, `"1.5": trong tiếng Việt, dấu '.' dùng để ngăn cách hàng nghìn và dấu ',' dùng cho phần thập phân — có phải ý bạn là 1,5?`},
		"vi english grouping":        {"vi", "1,234,567.5", viAmbiguous, []any{"1,234,567.5", "1.234.567,5"}, ""},
		"vi english decimal":         {"vi", "1234.5", viAmbiguous, []any{"1234.5", "1234,5"}, ""},
		"vi negative dot decimal":    {"vi", "-0.25", viAmbiguous, []any{"-0.25", "-0,25"}, ""},
		"vi two dots bad group":      {"vi", "1.23.4", viMalformed, []any{"1.23.4"}, `"1.23.4" không đúng định dạng số: trong tiếng Việt, hàng nghìn ngăn cách bằng dấu '.' và phần thập phân sau dấu ',', ví dụ 1.234.567,5`},
		"vi two decimal marks":       {"vi", "1,234,5", viMalformed, []any{"1,234,5"}, ""},
		"vi thousands after decimal": {"vi", "12,34.5", viMalformed, []any{"12,34.5"}, ""},
		"vi trailing decimal mark":   {"vi", "12,", viMalformed, []any{"12,"}, ""},
		"vi leading group":           {"vi", ".234", viAmbiguous, []any{".234", ",234"}, ""},    // en reads .234 = 0.234
		"vi leading zero group":      {"vi", "0.500", viAmbiguous, []any{"0.500", "0,500"}, ""}, // not 500
		"vi long first group":        {"vi", "1234.567,5", viMalformed, []any{"1234.567,5"}, ""},
		"en comma as decimal":        {"en", "1,5", enAmbiguous, []any{"1,5", "1.5"}, ""},
		"en vietnamese grouping":     {"en", "1.234.567,5", enAmbiguous, []any{"1.234.567,5", "1,234,567.5"}, ""},
		"en two dots":                {"en", "1.23.4", enMalformed, []any{"1.23.4"}, ""},
		"en short group":             {"en", "12,34.5", enMalformed, []any{"12,34.5"}, ""},
		"en two decimal marks":       {"en", "1.2.3", enMalformed, []any{"1.2.3"}, ""},
		"text":                       {"vi", "abc", notNumber, []any{"abc"}, `"abc" không phải là số`},
		"NaN":                        {"en", "NaN", notNumber, []any{"NaN"}, ""},
		"Inf":                        {"en", "Inf", notNumber, []any{"Inf"}, ""},
		"infinity sign":              {"vi", "∞", notNumber, []any{"∞"}, ""},
		"exponent":                   {"en", "1e5", notNumber, []any{"1e5"}, ""},
		"space in a group":           {"vi", "1 23", "%q is not a well-formed number: spaces may only separate groups of three digits, e.g. 10 000 000", []any{"1 23"}, ""},
		"space after the decimals":   {"en", "1 234.567 8", "%q is not a well-formed number: spaces may only separate groups of three digits, e.g. 10 000 000", []any{"1 234.567 8"}, ""},
		"sign only":                  {"vi", "-", notNumber, []any{"-"}, ""},
		"percent only":               {"en", "%", notNumber, []any{"%"}, ""},
		"double minus":               {"en", "--5", notNumber, []any{"--5"}, ""},
		"empty":                      {"vi", "  ", "a number is required", nil, "cần nhập một số"},
		"too large":                  {"en", "1" + strings.Repeat("0", 400), "%q is too large", []any{"1" + strings.Repeat("0", 400)}, ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := tr[tc.lang].ParseNumber(tc.in)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%s ParseNumber(%q) = %v, %v; want a *ParseError", tc.lang, tc.in, got, err)
			}
			want := app.M(tc.key, tc.args...)
			if pe.Msg.String() != want.String() || pe.Msg.Key != tc.key {
				t.Errorf("%s ParseNumber(%q) error = %q, want %q", tc.lang, tc.in, pe.Msg, want)
			}
			if err.Error() != want.String() {
				t.Errorf("Error() = %q, want %q", err.Error(), want)
			}
			if !errors.Is(err, app.ErrInvalid) {
				t.Errorf("error does not match app.ErrInvalid")
			}
			if tc.vi != "" {
				if got := tr["vi"].Err(err); got != tc.vi {
					t.Errorf("vi Err = %q, want %q", got, tc.vi)
				}
			}
		})
	}
}

func TestParseRoundTrip(t *testing.T) {
	tr := translators(t)
	for _, x := range []float64{0, 1, -1, 12.5, 1234.5, -1234567.25, 9876543210.125, 0.000001} {
		for lang, l := range tr {
			s := l.FormatNumber(x, -1)
			got, err := l.ParseNumber(s)
			if err != nil || got != x {
				t.Errorf("%s: ParseNumber(FormatNumber(%v)) = ParseNumber(%q) = %v, %v", lang, x, s, got, err)
			}
			m := l.FormatMoney(x, "USD")
			if _, err := l.ParseNumber(m); err != nil {
				t.Errorf("%s: ParseNumber(%q): %v", lang, m, err)
			}
			p := l.FormatPercent(x, 2)
			if _, err := l.ParseNumber(p); err != nil {
				t.Errorf("%s: ParseNumber(%q): %v", lang, p, err)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	tr := translators(t)
	nov23 := app.NewDate(2026, time.November, 23)
	tests := map[string]struct {
		lang, in string
		want     app.Date
		errKey   string
	}{
		"vi slashes":          {"vi", "23/11/2026", nov23, ""},
		"vi unpadded":         {"vi", "5/1/2026", app.NewDate(2026, time.January, 5), ""},
		"vi dashes":           {"vi", "23-11-2026", nov23, ""},
		"vi dots":             {"vi", "23.11.2026", nov23, ""},
		"vi ISO":              {"vi", "2026-11-23", nov23, ""},
		"vi spaces":           {"vi", " 23/11/2026 ", nov23, ""},
		"vi empty":            {"vi", "", app.Date{}, ""},
		"en ISO":              {"en", "2026-11-23", nov23, ""},
		"en ISO unpadded":     {"en", "2026-1-5", app.NewDate(2026, time.January, 5), ""},
		"en empty":            {"en", "  ", app.Date{}, ""},
		"vi mixed separators": {"vi", "23/11-2026", app.Date{}, "%q is not a date: write it as day/month/year, e.g. 23/11/2026"},
		"vi two-digit year":   {"vi", "23/11/26", app.Date{}, "%q is not a date: write it as day/month/year, e.g. 23/11/2026"},
		"vi text":             {"vi", "hôm nay", app.Date{}, "%q is not a date: write it as day/month/year, e.g. 23/11/2026"},
		"vi 31 February":      {"vi", "31/02/2026", app.Date{}, "%q is not a real calendar date"},
		"vi month 13":         {"vi", "01/13/2026", app.Date{}, "%q is not a real calendar date"}, // US order
		"en slashes":          {"en", "11/23/2026", app.Date{}, "%q is not a date: write it as year-month-day, e.g. 2026-11-23"},
		"en 30 February":      {"en", "2026-02-30", app.Date{}, "%q is not a real calendar date"},
		"en day zero":         {"en", "2026-02-00", app.Date{}, "%q is not a real calendar date"},
		"en year zero":        {"en", "0000-01-01", app.Date{}, "%q is not a real calendar date"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := tr[tc.lang].ParseDate(tc.in)
			if tc.errKey == "" {
				if err != nil || got != tc.want {
					t.Errorf("%s ParseDate(%q) = %v, %v; want %v", tc.lang, tc.in, got, err, tc.want)
				}
				return
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Msg.Key != tc.errKey {
				t.Errorf("%s ParseDate(%q) = %v, %v; want error %q", tc.lang, tc.in, got, err, tc.errKey)
			}
		})
	}
}

// TestNumberAmbiguousInEitherLanguage lists the numbers whose reading
// depends on the language: one mark between 1–3 digits and exactly 3 digits.
func TestNumberAmbiguousInEitherLanguage(t *testing.T) {
	tests := []struct {
		in       string
		ok       bool
		thousand float64
		decimal  float64
	}{
		{"1.500", true, 1500, 1.5},
		{"1,500", true, 1500, 1.5},
		{"500.000", true, 500000, 500},
		{"12.500", true, 12500, 12.5},
		{"-1.500 ₫", true, -1500, -1.5},
		{"999,999 %", true, 999999, 999.999},
		{"1.5", false, 0, 0},        // only a decimal reading: a thousands group has 3 digits
		{"12,5", false, 0, 0},       // likewise
		{"1.234.567", false, 0, 0},  // two marks: thousands
		{"1,234,567", false, 0, 0},  // likewise
		{"1234.500", false, 0, 0},   // 4 digits before: decimals
		{"0.500", false, 0, 0},      // a leading 0 is no thousands group
		{"1.234,5", false, 0, 0},    // two different marks
		{"10 000 000", false, 0, 0}, // spaces
		{"1500", false, 0, 0},
	}
	for _, tc := range tests {
		a, b, ok := Ambiguous(tc.in)
		if ok != tc.ok || a != tc.thousand || b != tc.decimal {
			t.Errorf("Ambiguous(%q) = %v, %v, %v; want %v, %v, %v", tc.in, a, b, ok, tc.thousand, tc.decimal, tc.ok)
		}
	}
}
