package i18n

import "testing"

// translators loads the vi and en translators once per test.
func translators(t *testing.T) map[string]*Translator {
	t.Helper()
	out := map[string]*Translator{}
	for _, l := range Languages {
		tr, err := New(l.Code)
		if err != nil {
			t.Fatalf("New(%q): %v", l.Code, err)
		}
		out[l.Code] = tr
	}
	return out
}
