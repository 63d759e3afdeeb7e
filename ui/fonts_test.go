package ui

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// TestSymbolsRenderWithoutSystemFonts is the set-up defect "without system
// fonts, symbols render as �" (the plan list's sort header read "Person �"):
// Fyne draws text with its bundled fonts and only falls back on system fonts,
// which a fresh machine may lack. Every character of the texts the app shows
// (the catalogs, the KPI library, the string literals of ui/ and app/) must be
// in the bundled regular and bold fonts, or in the bundled emoji font.
func TestSymbolsRenderWithoutSystemFonts(t *testing.T) {
	regular, bold := face(t, theme.DefaultTextFont()), face(t, theme.DefaultTextBoldFont())
	var emoji *font.Face
	if r := theme.DefaultEmojiFont(); r != nil {
		emoji = face(t, r)
	}
	has := func(f *font.Face, r rune) bool {
		if f == nil {
			return false
		}
		_, ok := f.NominalGlyph(r)
		return ok
	}
	missing := map[rune][]string{}
	for where, text := range shownTexts(t) {
		for _, r := range text {
			if r < 0x80 && (r < ' ' || r == 0x7f) || unicode.IsControl(r) {
				continue
			}
			if !(has(regular, r) && has(bold, r)) && !has(emoji, r) {
				missing[r] = append(missing[r], where)
			}
		}
	}
	runes := make([]rune, 0, len(missing))
	for r := range missing {
		runes = append(runes, r)
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	for _, r := range runes {
		w := missing[r]
		sort.Strings(w)
		t.Errorf("%q (U+%04X) is not in Fyne's bundled fonts, so it shows as � without system fonts: in %d texts, e.g. %s", r, r, len(w), strings.Join(w[:min(len(w), 50)], " "))
	}
}

func face(t *testing.T, r fyne.Resource) *font.Face {
	t.Helper()
	f, err := font.ParseTTF(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("%s: %v", r.Name(), err)
	}
	return f
}

// throughFontSafe are the files whose texts the UI shows through fontSafe.
var throughFontSafe = map[string]bool{filepath.Join("..", "app", "score", "formula.go"): true}

// notShown are the files whose texts Fyne never draws as they are: fontSafe's
// own table, FormatNumber's "∞" (infinite numbers are refused as input) and
// the signs ParseNumber accepts.
var notShown = map[string]bool{
	"fonts.go": true,
	filepath.Join("..", "app", "i18n", "format.go"): true,
	filepath.Join("..", "app", "i18n", "parse.go"):  true,
}

// shownTexts returns the texts the app may show, by where they come from:
// every key and value of the catalogs, the KPI library's files, and the
// string literals of the non-test Go files of ui/ and app/ (but app/sheet,
// whose own texts go into spreadsheets, and whose messages are in the catalogs).
func shownTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	add := func(root string, file func(path string) error) {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			switch {
			case err != nil:
				return err
			case d.IsDir() && path == filepath.Join("..", "app", "sheet"):
				return filepath.SkipDir
			case d.IsDir():
				return nil
			}
			return file(path)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	readAll := func(path string) error {
		if filepath.Ext(path) == ".json" {
			b, err := os.ReadFile(path)
			texts[path] = string(b)
			return err
		}
		return nil
	}
	// The catalogs' keys are shown only through their values.
	keys := map[string]bool{}
	for _, lang := range []string{"en", "vi"} {
		path := filepath.Join("..", "assets", "lang", lang+".json")
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cat := map[string]json.RawMessage{} // a value is a text or an object of plural forms
		if err := json.Unmarshal(b, &cat); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for k, v := range cat {
			keys[k] = true
			texts[path+": "+strconv.Quote(k)] = string(v)
		}
	}
	add(filepath.Join("..", "assets", "library"), readAll)
	literals := func(path string) error {
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || notShown[path] {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && !keys[s] {
					if throughFontSafe[path] {
						s = fontSafe.Replace(s)
					}
					texts[fset.Position(lit.Pos()).String()] = s
				}
			}
			return true
		})
		return nil
	}
	add(".", literals)
	add(filepath.Join("..", "app"), literals)
	if len(texts) < 100 {
		t.Fatalf("found only %d texts; is the scan broken?", len(texts))
	}
	return texts
}
