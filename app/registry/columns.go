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
type column = sheet.HeaderColumn

// The columns of a people table, in export order.
var (
	colCode      = column{Key: i18n.N("Employee code"), Aliases: []string{"ma nhan vien", "ma nv", "msnv", "ma so nhan vien", "employee id", "employee no", "code", "ma"}}
	colName      = column{Key: i18n.N("Full name"), Aliases: []string{"name", "ho va ten", "ho ten", "ten", "ten nhan vien", "employee name", "employee"}}
	colUnit      = column{Key: i18n.N("Unit code"), Aliases: []string{"ma don vi", "ma phong ban", "phong ban", "don vi", "unit", "department", "department code", "bo phan"}}
	colPosition  = column{Key: i18n.N("Position"), Aliases: []string{"chuc danh", "vi tri", "chuc vu", "title", "job title"}}
	colLevel     = column{Key: i18n.N("Level"), Aliases: []string{"cap bac", "cap", "bac", "grade", "ngach"}}
	colManager   = column{Key: i18n.N("Manager code"), Aliases: []string{"ma quan ly", "ma nguoi quan ly", "quan ly", "nguoi quan ly", "manager", "ma quan ly truc tiep", "quan ly truc tiep"}}
	colJoined    = column{Key: i18n.N("Join date"), Aliases: []string{"ngay vao", "ngay vao lam", "ngay bat dau", "ngay nhan viec", "joined", "start date", "hire date"}}
	colLeft      = column{Key: i18n.N("Leave date"), Aliases: []string{"ngay nghi", "ngay nghi viec", "ngay thoi viec", "left", "end date"}}
	colBaseBonus = column{Key: i18n.N("Base bonus"), Aliases: []string{"thuong co ban", "muc thuong co ban", "muc thuong chuan", "thuong chuan", "thuong", "bonus", "p3"}}
	colCurrency  = column{Key: i18n.N("Currency"), Aliases: []string{"tien te", "loai tien", "don vi tien te"}}
	colEmail     = column{Key: i18n.N("E-mail"), Aliases: []string{"email", "e mail", "mail", "thu dien tu", "dia chi email"}}
)

// peopleColumns are a people table's columns, in export order.
var peopleColumns = []column{colCode, colName, colUnit, colPosition, colLevel, colManager, colJoined, colLeft, colBaseBonus, colCurrency, colEmail}

// The columns of a units table, in export order.
var (
	colUnitCode = column{Key: i18n.N("Unit code"), Aliases: []string{"ma don vi", "ma phong ban", "ma bo phan", "code", "ma"}}
	colUnitName = column{Key: i18n.N("Unit name"), Aliases: []string{"ten don vi", "ten phong ban", "ten bo phan", "name", "ten", "don vi", "phong ban"}}
	colParent   = column{Key: i18n.N("Parent unit code"), Aliases: []string{"ma don vi cha", "don vi cha", "ma don vi cap tren", "don vi cap tren", "truc thuoc", "parent", "parent code"}}
	colHead     = column{Key: i18n.N("Head's employee code"), Aliases: []string{"ma truong don vi", "truong don vi", "ma truong phong", "truong phong", "ma nguoi dung dau", "head", "head code", "unit head"}}
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
func names(t sheet.Translate, c column, text string) bool {
	f := fold(text)
	if f == "" {
		return false
	}
	if f == fold(c.Key) || f == fold(t(c.Key)) {
		return true
	}
	for _, a := range c.Aliases {
		if f == a {
			return true
		}
	}
	return false
}

// header is a table's header row: which column holds what.
type header = sheet.ImportHeader

// findHeader returns the first of g's first rows with a cell naming must,
// mapping its cells to the known columns (each column to its first cell).
func findHeader(t sheet.Translate, g sheet.Grid, must column, known []column) (*header, bool) {
	return sheet.FindHeader(g, []column{must}, known, func(c column, text string) bool { return names(t, c, text) })
}
