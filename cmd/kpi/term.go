package main

import (
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean makes text from a plan safe to print on a terminal: control
// characters (ESC and the other C0 and C1 codes, DEL) are dropped, so a name
// cannot move the cursor, recolour or retitle the terminal; tabs and line
// breaks become spaces, so they cannot break a table's columns; bidirectional
// overrides are dropped, so text cannot display reversed. Every text command
// prints names and texts through it.
func clean(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unsafeRune(r):
			return -1
		}
		return r
	}, s)
}

// unsafeRune reports whether r must not reach a terminal as it is.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) ||
		'\u202A' <= r && r <= '\u202E' || '\u2066' <= r && r <= '\u2069'
}

// termWriter passes text to w with the characters clean drops removed; tabs
// and line breaks, which the commands' own layout uses, pass. Text commands
// print through it, so no name reaches the terminal raw even where a format
// string forgets clean. A rune split between two writes is held back until
// its end arrives.
type termWriter struct {
	w    io.Writer
	tail []byte // the start of a rune cut off at the end of the last write
}

func (t *termWriter) Write(p []byte) (int, error) {
	b := append(t.tail, p...)
	cut := len(b)
	for i := max(0, len(b)-utf8.UTFMax+1); i < len(b); i++ {
		if utf8.RuneStart(b[i]) && !utf8.FullRune(b[i:]) {
			cut = i
			break
		}
	}
	t.tail = append([]byte(nil), b[cut:]...)
	out := bytes.Map(func(r rune) rune {
		if r != '\t' && r != '\n' && unsafeRune(r) {
			return -1
		}
		return r
	}, b[:cut])
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}
