package plandoc

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"kpiplanner/app"
)

// lexAll reads every token of data and reports whether it is valid JSON.
func lexAll(data []byte) bool {
	l := newLexer(data)
	for {
		_, err := l.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

func TestLexerAgreesWithEncodingJSON(t *testing.T) {
	for _, s := range []string{
		``, ` `, `{}`, `[]`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{"a":}`, `{,}`, `[,1]`, `[1 2]`, `{"a":1}}`, `"x"`, `-`, `-0`, `01`,
		`1.`, `1.5e`, `1e+5`, `-0.0E-0`, `tru`, `true`, `nul`, `[null,false]`, `"\u00e9\n\/"`, `"\x"`, `"\ud800"`,
		"\"a\tb\"", `{"a":[{"b":{}}]}`, `{"a":1} `, `{} {}`, `[`, `{"a"`, `{"a":"`, `"\`,
	} {
		if got, want := lexAll([]byte(s)), json.Valid([]byte(s)); got != want {
			t.Errorf("%q: lexer says valid=%v, encoding/json %v", s, got, want)
		}
	}
}

func FuzzUnmarshal(f *testing.F) {
	files, _ := filepath.Glob(testdata + "*.json")
	bad, _ := filepath.Glob(testdata + "bad/*.json")
	for _, name := range append(files, bad...) {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"format":"kpiplanner/plan@1","plans":[{"id":1e3}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		plans, err := Unmarshal(data)
		if err != nil && (plans != nil || !errors.Is(err, app.ErrInvalid)) {
			t.Fatalf("a bad document gives %d plans and an error %T (%v) that is not app.ErrInvalid", len(plans), err, err)
		}
		if err == nil {
			b, err := Marshal(plans)
			if err != nil {
				t.Fatalf("decoded plans do not encode: %v", err)
			}
			again, err := Unmarshal(b)
			if err != nil || !equalPlans(again, plans) {
				t.Fatalf("round trip failed: %v", err)
			}
		}
		if utf8.Valid(data) && lexAll(data) != json.Valid(data) {
			t.Fatalf("lexer and encoding/json disagree on %q", data)
		}
	})
}
