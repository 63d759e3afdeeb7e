package i18n

import (
	"strings"
	"unicode"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s in lower case without diacritics, with đ as d, so that
// "Tỷ lệ CHUYỂN ĐỔI" and "ty le chuyen doi" compare equal.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Sorter orders names as a Vietnamese reader expects (a ă â b c d đ e ê …
// o ô ơ … u ư, tones after the letter), ignoring case; English names sort
// as in English. It is not safe for use from several goroutines at once.
type Sorter struct {
	c   *collate.Collator
	buf collate.Buffer
}

// NewSorter returns a Sorter.
func NewSorter() *Sorter { return &Sorter{c: collate.New(language.Vietnamese, collate.IgnoreCase)} }

// Key returns s's sort key: bytes.Compare on keys orders as Compare does.
// Computing keys once is the fast way to sort many names.
func (s *Sorter) Key(str string) []byte {
	k := s.c.KeyFromString(&s.buf, str)
	s.buf.Reset()
	return append([]byte(nil), k...)
}

// Compare returns -1, 0 or 1 as a sorts before, with or after b.
func (s *Sorter) Compare(a, b string) int { return s.c.CompareString(a, b) }
