package i18n

import (
	"math"
	"testing"
	"time"

	"kpiplanner/app"
)

func TestFormatNumber(t *testing.T) {
	tr := translators(t)
	tests := map[string]struct {
		x        float64
		decimals int
		vi, en   string
	}{
		"zero":                        {0, 0, "0", "0"},
		"zero shortest":               {0, -1, "0", "0"},
		"zero two decimals":           {0, 2, "0,00", "0.00"},
		"small int":                   {12, -1, "12", "12"},
		"thousand":                    {1234, 0, "1.234", "1,234"},
		"million and a half":          {1234567.5, -1, "1.234.567,5", "1,234,567.5"},
		"exactly three digits":        {999, 0, "999", "999"},
		"six digits":                  {123456, 0, "123.456", "123,456"},
		"seven digits":                {1000000, 0, "1.000.000", "1,000,000"},
		"half rounds up":              {1234.5, 0, "1.235", "1,235"},                    // 1234.5 → 1235, not banker's 1234
		"half rounds up even":         {2.5, 0, "3", "3"},                               // 2.5 → 3
		"negative half away from 0":   {-1234.5, 0, "-1.235", "-1,235"},                 // -1234.5 → -1235
		"round 1.005 as written":      {1.005, 2, "1,01", "1.01"},                       // shortest form "1.005" rounds up
		"carry through nines":         {999.999, 2, "1.000,00", "1,000.00"},             // 999.999 → 1000.00
		"pad decimals":                {12.5, 2, "12,50", "12.50"},                      // 12.5 → 12.50
		"negative":                    {-1234567.25, 1, "-1.234.567,3", "-1,234,567.3"}, // .25 → .3 half up
		"negative rounds to zero":     {-0.004, 2, "0,00", "0.00"},                      // no "-0,00"
		"negative zero":               {math.Copysign(0, -1), -1, "0", "0"},
		"shortest trims zeros":        {2.50, -1, "2,5", "2.5"},
		"shortest caps at 6 decimals": {1.0 / 3, -1, "0,333333", "0.333333"},    // 0.3333333… → 6 decimals
		"shortest rounds 7th":         {0.12345678, -1, "0,123457", "0.123457"}, // 7th decimal 7 rounds up
		"shortest tiny is zero":       {0.0000001, -1, "0", "0"},                // below 6 decimals
		"large":                       {9876543210123, 0, "9.876.543.210.123", "9,876,543,210,123"},
		"very large":                  {1e21, 0, "1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000"},
		"NaN":                         {math.NaN(), 2, "—", "—"},
		"+Inf":                        {math.Inf(1), 2, "∞", "∞"},
		"-Inf":                        {math.Inf(-1), 2, "-∞", "-∞"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].FormatNumber(tc.x, tc.decimals); got != tc.vi {
				t.Errorf("vi FormatNumber(%v, %d) = %q, want %q", tc.x, tc.decimals, got, tc.vi)
			}
			if got := tr["en"].FormatNumber(tc.x, tc.decimals); got != tc.en {
				t.Errorf("en FormatNumber(%v, %d) = %q, want %q", tc.x, tc.decimals, got, tc.en)
			}
		})
	}
}

func TestFormatMoney(t *testing.T) {
	tr := translators(t)
	tests := map[string]struct {
		x      float64
		cur    string
		vi, en string
	}{
		"VND":                {12500000, "VND", "12.500.000 ₫", "₫12,500,000"},
		"empty means VND":    {12500000, "", "12.500.000 ₫", "₫12,500,000"},
		"lower-case code":    {12500000, "vnd", "12.500.000 ₫", "₫12,500,000"},
		"VND rounds":         {12500000.5, "VND", "12.500.001 ₫", "₫12,500,001"}, // no decimals, .5 up
		"VND negative":       {-12500000, "VND", "-12.500.000 ₫", "-₫12,500,000"},
		"VND zero":           {0, "VND", "0 ₫", "₫0"},
		"USD":                {1234.5, "USD", "1.234,50 US$", "$1,234.50"},
		"USD negative":       {-1234.5, "USD", "-1.234,50 US$", "-$1,234.50"},
		"EUR":                {99.999, "EUR", "100,00 €", "€100.00"}, // 99.999 → 100.00
		"JPY no decimals":    {1500, "JPY", "1.500 JP¥", "¥1,500"},
		"unknown code":       {1234.5, "xyz", "1.234,50 XYZ", "XYZ 1,234.50"},
		"unknown code minus": {-1, "XYZ", "-1,00 XYZ", "-XYZ 1.00"},
		"NaN":                {math.NaN(), "VND", "—", "—"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].FormatMoney(tc.x, tc.cur); got != tc.vi {
				t.Errorf("vi FormatMoney(%v, %q) = %q, want %q", tc.x, tc.cur, got, tc.vi)
			}
			if got := tr["en"].FormatMoney(tc.x, tc.cur); got != tc.en {
				t.Errorf("en FormatMoney(%v, %q) = %q, want %q", tc.x, tc.cur, got, tc.en)
			}
		})
	}
}

func TestFormatPercent(t *testing.T) {
	tr := translators(t)
	tests := map[string]struct {
		x        float64
		decimals int
		vi, en   string
	}{
		"one decimal":   {95.5, 1, "95,5 %", "95.5%"},
		"shortest":      {95.5, -1, "95,5 %", "95.5%"},
		"rounded":       {87.25, 0, "87 %", "87%"}, // 87.25 → 87
		"half up":       {112.5, 0, "113 %", "113%"},
		"zero":          {0, 0, "0 %", "0%"},
		"negative":      {-12.5, 1, "-12,5 %", "-12.5%"},
		"thousands":     {1250, 0, "1.250 %", "1,250%"},
		"no data (NaN)": {math.NaN(), 1, "—", "—"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].FormatPercent(tc.x, tc.decimals); got != tc.vi {
				t.Errorf("vi FormatPercent(%v, %d) = %q, want %q", tc.x, tc.decimals, got, tc.vi)
			}
			if got := tr["en"].FormatPercent(tc.x, tc.decimals); got != tc.en {
				t.Errorf("en FormatPercent(%v, %d) = %q, want %q", tc.x, tc.decimals, got, tc.en)
			}
		})
	}
}

func TestFormatDate(t *testing.T) {
	tr := translators(t)
	tests := map[string]struct {
		d      app.Date
		vi, en string
	}{
		"ordinary": {app.NewDate(2026, time.November, 23), "23/11/2026", "2026-11-23"},
		"padded":   {app.NewDate(2026, time.January, 5), "05/01/2026", "2026-01-05"},
		"zero":     {app.Date{}, "", ""},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := tr["vi"].FormatDate(tc.d); got != tc.vi {
				t.Errorf("vi FormatDate = %q, want %q", got, tc.vi)
			}
			if got := tr["en"].FormatDate(tc.d); got != tc.en {
				t.Errorf("en FormatDate = %q, want %q", got, tc.en)
			}
		})
	}
}
