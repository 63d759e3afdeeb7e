package i18n

// The translation completeness tests. To add a user-facing string, write it
// in English in the code as the first argument of app.M, a translator's T,
// Fyne's lang.L / lang.X / lang.N, or the N marker; then add the key to
// assets/lang/en.json with the key itself as value and to
// assets/lang/vi.json with the Vietnamese, keeping the fmt verbs in the same
// order. Keys whose lower-case form is a go-i18n reserved word (description,
// other, id, one…) must be written {"other": "…"}.

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/assets"
)

// catalogs returns the raw catalogs by language: key → JSON value.
func catalogs(t *testing.T) map[string]map[string]json.RawMessage {
	t.Helper()
	out := map[string]map[string]json.RawMessage{}
	for _, l := range Languages {
		b, err := fs.ReadFile(assets.Lang, "lang/"+l.Code+".json")
		if err != nil {
			t.Fatalf("read %s catalog: %v", l.Code, err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("parse %s catalog: %v", l.Code, err)
		}
		out[l.Code] = m
	}
	return out
}

// reservedKeys are go-i18n's message-field names: a top-level key equal to one
// of them (ignoring case) with a string value makes Fyne reject the file.
var reservedKeys = []string{"id", "description", "hash", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other", "translation"}

// idKey matches Fyne's message ids such as "file.name" or "monday.short",
// whose English value is text rather than the key.
var idKey = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)

func TestCatalogsAgree(t *testing.T) {
	cats := catalogs(t)
	msgs := map[string]map[string]string{}
	for lang, cat := range cats {
		m, err := load(assets.Lang, "lang/"+lang+".json")
		if err != nil {
			t.Fatalf("load %s: %v", lang, err)
		}
		msgs[lang] = m
		for k, raw := range cat {
			isString := len(raw) > 0 && raw[0] == '"'
			if slices.Contains(reservedKeys, strings.ToLower(k)) && isString {
				t.Errorf("%s.json: key %q is a go-i18n reserved word: write it as {\"other\": …}", lang, k)
			}
		}
	}
	en, vi := msgs["en"], msgs["vi"]
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("key %q is in en.json but not in vi.json", k)
		}
	}
	for k, v := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is in vi.json but not in en.json", k)
		}
		switch {
		case strings.TrimSpace(v) == "":
			t.Errorf("vi.json: %q has an empty translation", k)
		case !utf8.ValidString(v) || !norm.NFC.IsNormalString(v):
			t.Errorf("vi.json: %q: translation %q is not NFC", k, v)
		case strings.TrimSpace(v) != v:
			t.Errorf("vi.json: %q: translation %q has surrounding spaces", k, v)
		case strings.Contains(v, "{{"):
			t.Errorf("vi.json: %q: translation %q contains {{, which Fyne reads as a template", k, v)
		}
		if !norm.NFC.IsNormalString(k) {
			t.Errorf("key %q is not NFC", k)
		}
		if got, want := verbs(v), verbs(k); !slices.Equal(got, want) {
			t.Errorf("vi.json: %q: verbs %v, want %v as in the key", k, got, want)
		}
	}
	for k, v := range en {
		if v != k && !(idKey.MatchString(k) && v != "") {
			t.Errorf("en.json: %q maps to %q; it must map to itself", k, v)
		}
	}
}

// verbRE matches a fmt verb, or an escaped percent sign.
var verbRE = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z%]`)

func verbs(s string) []string { return verbRE.FindAllString(s, -1) }

func TestVerbs(t *testing.T) {
	got := verbs("%q: %5.1f%% of %d, %s and %[2]v")
	want := []string{"%q", "%5.1f", "%%", "%d", "%s", "%[2]v"}
	if !slices.Equal(got, want) {
		t.Errorf("verbs = %v, want %v", got, want)
	}
}

// keyFuncs are the functions whose first argument is a translation key.
var keyFuncs = []string{"M", "T", "N", "L", "X", "XN"}

// sourceKey is a translation key found in the code.
type sourceKey struct {
	key, pos string
}

// sourceKeys returns every string literal passed as first argument to one of
// keyFuncs in the module's non-test Go files.
func sourceKeys(t *testing.T) []sourceKey {
	t.Helper()
	root := moduleRoot(t)
	var out []sourceKey
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return fmt.Errorf("parse %s: %w", path, err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if k, ok := callKey(n); ok {
				p := fset.Position(n.Pos())
				rel, _ := filepath.Rel(root, p.Filename)
				out = append(out, sourceKey{k, fmt.Sprintf("%s:%d", rel, p.Line)})
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatalf("scan sources: %v", err)
	}
	return out
}

// callKey returns the key of a call to one of keyFuncs with a string literal
// as its first argument.
func callKey(n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	var name string
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		name = fn.Name
	case *ast.SelectorExpr:
		name = fn.Sel.Name
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING || !slices.Contains(keyFuncs, name) {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// moduleRoot returns the directory holding go.mod, above the test's directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatalf("no go.mod above the test directory")
		}
		dir = parent
	}
}

func TestCatalogCoversSource(t *testing.T) {
	cats := catalogs(t)
	keys := sourceKeys(t)
	if len(keys) < 30 {
		t.Fatalf("found only %d translation keys in the source; is the scan broken?", len(keys))
	}
	for _, k := range keys {
		for lang, cat := range cats {
			if _, ok := cat[k.key]; !ok {
				t.Errorf("%s: %q is missing from assets/lang/%s.json", k.pos, k.key, lang)
			}
		}
	}
}

func TestScanFindsKnownKeys(t *testing.T) {
	found := map[string]bool{}
	for _, k := range sourceKeys(t) {
		found[k.key] = true
	}
	for _, want := range []string{
		"must sum to 100 (now %g)",       // app.M in app/validate.go
		"KPI %s: %s: %s",                 // t.T in this package
		"Higher is better",               // N in this package
		"a number is required",           // app.M in this package
		"%q is not a real calendar date", // app.M in this package
		"band %q: multiplier must not be negative",
	} {
		if !found[want] {
			t.Errorf("the source scan missed %q", want)
		}
	}
}
