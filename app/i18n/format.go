package i18n

import (
	"math"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// maxShortestDecimals bounds the decimals FormatNumber writes when asked for
// the shortest form.
const maxShortestDecimals = 6

// separators returns the language's thousands separator and decimal mark.
func (t *Translator) separators() (group, dec byte) {
	if t.Lang() == "vi" {
		return '.', ','
	}
	return ',', '.'
}

// FormatNumber writes x with the language's separators: vi 1.234.567,5, en
// 1,234,567.5. decimals ≥ 0 rounds half away from zero to that many decimals
// (1234.5 → "1235"); decimals < 0 writes the shortest form, at most 6
// decimals, without trailing zeros. NaN is "—" and infinities "∞" / "-∞".
func (t *Translator) FormatNumber(x float64, decimals int) string {
	switch {
	case math.IsNaN(x):
		return "—"
	case math.IsInf(x, 1):
		return "∞"
	case math.IsInf(x, -1):
		return "-∞"
	}
	shortest := decimals < 0
	if shortest {
		decimals = maxShortestDecimals
	}
	ip, fp := roundDecimal(strconv.FormatFloat(math.Abs(x), 'f', -1, 64), decimals)
	if shortest {
		fp = strings.TrimRight(fp, "0")
	}
	group, dec := t.separators()
	var b strings.Builder
	if x < 0 && strings.Trim(ip+fp, "0") != "" {
		b.WriteByte('-')
	}
	for i := range len(ip) {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte(group)
		}
		b.WriteByte(ip[i])
	}
	if fp != "" {
		b.WriteByte(dec)
		b.WriteString(fp)
	}
	return b.String()
}

// roundDecimal rounds the plain decimal s ("1234.5") half away from zero to
// d decimals, returning the integer digits and exactly d decimal digits.
func roundDecimal(s string, d int) (ip, fp string) {
	ip, fp, _ = strings.Cut(s, ".")
	if len(fp) <= d {
		return ip, fp + strings.Repeat("0", d-len(fp))
	}
	up := fp[d] >= '5'
	digits := []byte(ip + fp[:d])
	for i := len(digits) - 1; up && i >= 0; i-- {
		if digits[i] == '9' {
			digits[i] = '0'
			continue
		}
		digits[i]++
		up = false
	}
	if up {
		digits = append([]byte{'1'}, digits...)
	}
	n := len(digits) - d
	return string(digits[:n]), string(digits[n:])
}

// currency is how one currency is written.
type currency struct {
	en, vi string // symbol in English (before the number) and Vietnamese (after it)
}

// currencies are the currencies written with a symbol; others use their ISO code.
var currencies = map[string]currency{
	"VND": {en: "₫", vi: "₫"},
	"USD": {en: "$", vi: "US$"},
	"EUR": {en: "€", vi: "€"},
	"GBP": {en: "£", vi: "£"},
	"JPY": {en: "¥", vi: "JP¥"},
	"CNY": {en: "CN¥", vi: "CN¥"},
	"KRW": {en: "₩", vi: "₩"},
	"THB": {en: "THB ", vi: "THB"},
}

// FormatMoney writes x in the currency with ISO code cur ("" means VND): vi
// "12.500.000 ₫", "1.234,50 US$"; en "₫12,500,000", "$1,234.50". VND has no
// decimals; an unknown code is written as the code ("1.234,50 XYZ", "XYZ 1,234.50").
func (t *Translator) FormatMoney(x float64, cur string) string {
	code := strings.ToUpper(strings.TrimSpace(cur))
	if code == "" {
		code = "VND"
	}
	c, ok := currencies[code]
	if !ok {
		c = currency{en: code + " ", vi: code}
	}
	num := t.FormatNumber(x, money.Decimals(code)) // the decimals money is rounded to
	if math.IsNaN(x) {
		return num
	}
	if t.Lang() == "vi" {
		return num + " " + c.vi
	}
	if rest, neg := strings.CutPrefix(num, "-"); neg {
		return "-" + c.en + rest
	}
	return c.en + num
}

// FormatPercent writes x, a value in percent units, as a percentage: 95.5 →
// vi "95,5 %", en "95.5%". decimals is as for FormatNumber.
func (t *Translator) FormatPercent(x float64, decimals int) string {
	num := t.FormatNumber(x, decimals)
	if math.IsNaN(x) {
		return num
	}
	if t.Lang() == "vi" {
		return num + " %"
	}
	return num + "%"
}

// FormatDate writes d as vi 23/11/2026 or en 2026-11-23; the zero Date is "".
func (t *Translator) FormatDate(d app.Date) string {
	if d.IsZero() {
		return ""
	}
	if t.Lang() == "vi" {
		return d.Time().Format("02/01/2006")
	}
	return d.String()
}
