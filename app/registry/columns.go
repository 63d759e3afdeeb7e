// Package registry reads and writes the people registry and the org units as
// spreadsheet tables: Parse previews an import (people and units to add, to
// update with their field changes, unchanged, and every problem found, by
// row, column and value), and PeopleSheet and UnitsSheet export them in the
// columns the import reads, so that an export imports back unchanged.
// Applying a preview is workspace.ApplyRegistryImport: one transaction.
package registry

import (
	"strings"
	"unicode"

	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

// column is a column of a people or units table: its header in exports (an
// English translation key) and the other names it goes by in English and
// Vietnamese, written folded (lower case, no accents, words split by one space).
type column struct {
	key     string
	aliases []string
}

// The columns of a people table, in export order.
var (
	colCode      = column{i18n.N("Employee code"), []string{"ma nhan vien", "ma nv", "msnv", "ma so nhan vien", "employee id", "employee no", "code", "ma"}}
	colName      = column{i18n.N("Full name"), []string{"name", "ho va ten", "ho ten", "ten", "ten nhan vien", "employee name", "employee"}}
	colUnit      = column{i18n.N("Unit code"), []string{"ma don vi", "ma phong ban", "phong ban", "don vi", "unit", "department", "department code", "bo phan"}}
	colPosition  = column{i18n.N("Position"), []string{"chuc danh", "vi tri", "chuc vu", "title", "job title"}}
	colLevel     = column{i18n.N("Level"), []string{"cap bac", "cap", "bac", "grade", "ngach"}}
	colManager   = column{i18n.N("Manager code"), []string{"ma quan ly", "ma nguoi quan ly", "quan ly", "nguoi quan ly", "manager", "ma quan ly truc tiep", "quan ly truc tiep"}}
	colJoined    = column{i18n.N("Join date"), []string{"ngay vao", "ngay vao lam", "ngay bat dau", "ngay nhan viec", "joined", "start date", "hire date"}}
	colLeft      = column{i18n.N("Leave date"), []string{"ngay nghi", "ngay nghi viec", "ngay thoi viec", "left", "end date"}}
	colBaseBonus = column{i18n.N("Base bonus"), []string{"thuong co ban", "muc thuong co ban", "muc thuong chuan", "thuong chuan", "thuong", "bonus", "p3"}}
	colCurrency  = column{i18n.N("Currency"), []string{"tien te", "loai tien", "don vi tien te"}}
	colEmail     = column{i18n.N("E-mail"), []string{"email", "e mail", "mail", "thu dien tu", "dia chi email"}}
)

// peopleColumns are a people table's columns, in export order.
var peopleColumns = []column{colCode, colName, colUnit, colPosition, colLevel, colManager, colJoined, colLeft, colBaseBonus, colCurrency, colEmail}

// The columns of a units table, in export order.
var (
	colUnitCode = column{i18n.N("Unit code"), []string{"ma don vi", "ma phong ban", "ma bo phan", "code", "ma"}}
	colUnitName = column{i18n.N("Unit name"), []string{"ten don vi", "ten phong ban", "ten bo phan", "name", "ten", "don vi", "phong ban"}}
	colParent   = column{i18n.N("Parent unit code"), []string{"ma don vi cha", "don vi cha", "ma don vi cap tren", "don vi cap tren", "truc thuoc", "parent", "parent code"}}
	colHead     = column{i18n.N("Head's employee code"), []string{"ma truong don vi", "truong don vi", "ma truong phong", "truong phong", "ma nguoi dung dau", "head", "head code", "unit head"}}
)

// unitColumns are a units table's columns, in export order.
var unitColumns = []column{colUnitCode, colUnitName, colParent, colHead}

// fold returns s lower-cased, without accents, with đ as d and every run of
// characters other than letters and digits as one space: "Mã NV" → "ma nv".
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range i18n.Fold(s) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// names reports whether a header cell's text names column c, in English,
// in t's language or by one of its aliases.
func (c column) names(t sheet.Translate, text string) bool {
	f := fold(text)
	if f == "" {
		return false
	}
	if f == fold(c.key) || f == fold(t(c.key)) {
		return true
	}
	for _, a := range c.aliases {
		if f == a {
			return true
		}
	}
	return false
}

// header is a table's header row: which column holds what.
type header struct {
	row   int            // 0-based grid row
	at    map[string]int // column key → 0-based column
	texts []string       // the header's cells as written
}

// col returns the 0-based column of c, or -1.
func (h *header) col(c column) int {
	if i, ok := h.at[c.key]; ok {
		return i
	}
	return -1
}

// has reports whether the table has column c.
func (h *header) has(c column) bool { return h.col(c) >= 0 }

// headerScan is how many rows are searched for the header row.
const headerScan = 20

// findHeader returns the first of g's first rows with a cell naming must,
// mapping its cells to the known columns (each column to its first cell).
func findHeader(t sheet.Translate, g sheet.Grid, must column, known []column) (*header, bool) {
	for r := 0; r < len(g) && r < headerScan; r++ {
		found := false
		for _, c := range g[r] {
			found = found || must.names(t, c.Text)
		}
		if !found {
			continue
		}
		h := &header{row: r, at: map[string]int{}, texts: make([]string, len(g[r]))}
		for i, c := range g[r] {
			h.texts[i] = c.Text
			for _, k := range known {
				if _, dup := h.at[k.key]; !dup && k.names(t, c.Text) {
					h.at[k.key] = i
					break
				}
			}
		}
		return h, true
	}
	return nil, false
}
