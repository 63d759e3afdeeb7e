package sheet

import (
	"math"
	"strings"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// Number format codes the exports use.
const (
	FormatPercent    = "0.0%"       // achievements: 1.05 shows as 105.0%
	FormatScore      = "0.00"       // scores, subtotals and totals
	FormatMultiplier = "0.00"       // bonus multipliers
	FormatGeneral    = "General"    // weights and factors, shown as typed
	FormatDay        = "yyyy-mm-dd" // calendar days
	FormatMonth      = "yyyy-mm"    // months
)

// currencySymbols are the signs written after (or, for prefix ones, before) amounts.
var currencySymbols = map[string]string{"VND": "₫", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥", "KRW": "₩", "THB": "฿"}

// prefixCurrencies put their sign before the amount.
var prefixCurrencies = map[string]string{"USD": "$", "GBP": "£"}

// MoneyFormat returns the number format of amounts in the ISO currency cur:
// VND → #,##0 "₫" (no decimals), USD → "$"#,##0.00, an unknown code → #,##0.00 "XYZ".
func MoneyFormat(cur string) string {
	cur = strings.ToUpper(strings.TrimSpace(cur))
	num := "#,##0.00"
	if money.Decimals(cur) == 0 { // the decimals money is rounded to
		num = "#,##0"
	}
	if p, ok := prefixCurrencies[cur]; ok {
		return `"` + p + `"` + num
	}
	if s, ok := currencySymbols[cur]; ok {
		return num + ` "` + s + `"`
	}
	if cur == "" {
		return num
	}
	return num + ` "` + cur + `"`
}

// NumberFormat returns a format with thousands separators and d decimals.
func NumberFormat(d int) string {
	if d <= 0 {
		return "#,##0"
	}
	return "#,##0." + strings.Repeat("0", d)
}

// PointsFormat returns the format of values in percentage points (a
// percent-unit KPI's 95 means 95 %): #,##0.0" %".
func PointsFormat(d int) string { return NumberFormat(d) + `" %"` }

// UnitFormat returns the number format of a KPI's values in unit u: money
// in the plan's currency, percentage points, or numbers with d decimals.
func UnitFormat(u app.Unit, currency string, d int) string {
	switch u {
	case app.Currency:
		return MoneyFormat(currency)
	case app.Percent:
		return PointsFormat(d)
	}
	return NumberFormat(d)
}

// Decimals returns how many decimals (at most 2) show the values without
// rounding them, ignoring NaN and infinite values.
func Decimals(values ...float64) int {
	best := 0
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		for d := best; d < 2; d++ {
			p := math.Pow(10, float64(d))
			if math.Abs(v*p-math.Round(v*p)) < 1e-9*math.Max(1, math.Abs(v*p)) {
				break
			}
			best = d + 1
		}
	}
	return best
}

// epoch is day 0 of spreadsheet serial dates (1900 date system).
var epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// Serial returns d as a spreadsheet serial day number: 2026-01-01 → 46023.
func Serial(d app.Date) float64 {
	return math.Round(d.Time().Sub(epoch).Hours() / 24)
}

// FromSerial returns the calendar day of spreadsheet serial day number v
// (its fraction, a time of day, is dropped).
func FromSerial(v float64) app.Date {
	return app.DateOf(epoch.AddDate(0, 0, int(math.Floor(v))))
}
