package sheet

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// ColName returns the letters of 0-based column c: 0 → A, 25 → Z, 26 → AA.
func ColName(c int) string {
	var b [8]byte
	i := len(b)
	for c >= 0 {
		i--
		b[i] = byte('A' + c%26)
		c = c/26 - 1
	}
	return string(b[i:])
}

// Ref returns the A1 reference of 0-based column c and row r: Ref(1, 5) = "B6".
func Ref(c, r int) string { return ColName(c) + strconv.Itoa(r+1) }

// Abs returns the absolute reference of column c and row r: Abs(1, 5) = "$B$6".
func Abs(c, r int) string { return "$" + ColName(c) + "$" + strconv.Itoa(r+1) }

// String returns the range as an absolute reference with its sheet name
// quoted: 'KPI scores'!$B$6:$B$9.
func (g Range) String() string {
	ref := Abs(g.Col0, g.Row0) + ":" + Abs(g.Col1, g.Row1)
	if g.Sheet == "" {
		return ref
	}
	return QuoteSheet(g.Sheet) + "!" + ref
}

// QuoteSheet returns a sheet name quoted for use in a formula: 'Bảng điểm'.
func QuoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// MaxSheetName is the longest sheet name spreadsheet programs accept.
const MaxSheetName = 31

// SheetName returns name made valid as a sheet name and unique among used
// (compared case-insensitively), recording it in used: characters
// []:*?/\ become spaces, leading and trailing apostrophes go, the name is
// cut to 31 characters and "(2)", "(3)"… are appended to repeats.
func SheetName(name string, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < ' ' {
			return ' '
		}
		return r
	}, name)
	clean = strings.Trim(strings.TrimSpace(clean), "'")
	if clean == "" {
		clean = "Sheet"
	}
	base := truncate(clean, MaxSheetName)
	out := base
	for i := 2; used[strings.ToLower(out)]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		out = truncate(base, MaxSheetName-len(suffix)) + suffix
	}
	used[strings.ToLower(out)] = true
	return out
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}
