package i18n

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"kpiplanner/app"
)

// FuzzParseNumber: any text either parses, in each language, to a finite
// number that the language's own formatting gives back, or fails with a
// *ParseError about that very input.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"1.234.567,5", "1,234,567.5", "12,5", "1.500", "500.000", "12.500", "1,500", "1.5", "-3",
		"95,5 %", "12.500.000 ₫", "US$ 4.99", "10 000 000", "10\u00a0000\u00a0000", "1e9", "NaN", "Inf", "", " ", "−7", "+0", ".5", "5."} {
		f.Add(s)
	}
	tr := map[string]*Translator{}
	for _, l := range []string{"en", "vi"} {
		t, err := New(l)
		if err != nil {
			f.Fatal(err)
		}
		tr[l] = t
	}
	f.Fuzz(func(t *testing.T, s string) {
		for lang, x := range tr {
			v, err := x.ParseNumber(s)
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Input != s || !errors.Is(err, app.ErrInvalid) {
					t.Fatalf("%s: ParseNumber(%q) error %T %v is not a *ParseError of that input", lang, s, err, err)
				}
				continue
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s: ParseNumber(%q) = %v", lang, s, v)
			}
			decimals := 0
			if _, frac, ok := strings.Cut(strconv.FormatFloat(v, 'f', -1, 64), "."); ok {
				decimals = len(frac)
			}
			if decimals > 20 {
				continue // FormatNumber is for numbers people write
			}
			out := x.FormatNumber(v, decimals)
			back, err := x.ParseNumber(out)
			if err == nil && back != v {
				t.Fatalf("%s: %q parses as %v, formats as %q, which parses as %v", lang, s, v, out, back)
			}
		}
	})
}
