package main

import (
	"strings"
	"unicode"
)

// clean drops control characters (escape codes, bells, carriage returns…)
// from text printed to a terminal, so a name cannot drive the terminal.
func clean(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}
