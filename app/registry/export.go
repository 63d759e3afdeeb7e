package registry

import (
	"cmp"
	"slices"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

// PeopleSheet returns the people registry as a table in the columns Parse
// reads, ordered by employee code, headers in t's language (nil: English):
// units and managers by code, dates as dates, the base bonus as a number.
// Parse reads it back unchanged.
func PeopleSheet(people []app.Employee, units []app.OrgUnit, t sheet.Translate) *sheet.Sheet {
	tr := Options{T: t}.t()
	unitCode := make(map[app.UID]string, len(units))
	for _, u := range units {
		unitCode[u.UID] = u.Code
	}
	personCode := make(map[app.UID]string, len(people))
	for _, e := range people {
		personCode[e.UID] = e.Code
	}
	sorted := slices.Clone(people)
	slices.SortFunc(sorted, func(a, b app.Employee) int { return cmp.Compare(a.Code, b.Code) })
	rows := make([]sheet.Row, 0, len(sorted)+1)
	rows = append(rows, headRow(tr, peopleColumns))
	for i := range sorted {
		e := &sorted[i]
		rows = append(rows, sheet.Row{
			sheet.Str(e.Code, sheet.Input), sheet.Str(e.Name, sheet.Input), code(unitCode, e.Unit), sheet.Str(e.Position, sheet.Input),
			level(e.Level), code(personCode, e.Manager), day(e.Joined), day(e.Left),
			sheet.Num(e.BaseBonus, sheet.Input, sheet.NumberFormat(sheet.Decimals(e.BaseBonus))), sheet.Str(e.Currency, sheet.Input), sheet.Str(e.Email, sheet.Input),
		})
	}
	widths := []float64{14, 28, 12, 24, 8, 14, 12, 12, 16, 10, 28}
	return table2sheet(tr(i18n.N("Employees")), rows, widths)
}

// UnitsSheet returns the org units as a table in the columns Parse reads,
// parents before their children, then by code; parents and heads by code.
func UnitsSheet(units []app.OrgUnit, people []app.Employee, t sheet.Translate) *sheet.Sheet {
	tr := Options{T: t}.t()
	unitCode := make(map[app.UID]string, len(units))
	for _, u := range units {
		unitCode[u.UID] = u.Code
	}
	personCode := make(map[app.UID]string, len(people))
	for _, e := range people {
		personCode[e.UID] = e.Code
	}
	sorted := slices.Clone(units)
	slices.SortFunc(sorted, func(a, b app.OrgUnit) int { return cmp.Compare(a.Code, b.Code) })
	sorted = order(sorted, func(u app.OrgUnit) (app.UID, app.UID) { return u.UID, u.Parent })
	rows := make([]sheet.Row, 0, len(sorted)+1)
	rows = append(rows, headRow(tr, unitColumns))
	for _, u := range sorted {
		rows = append(rows, sheet.Row{sheet.Str(u.Code, sheet.Input), sheet.Str(u.Name, sheet.Input), code(unitCode, u.Parent), code(personCode, u.Head)})
	}
	return table2sheet(tr(i18n.N("Units")), rows, []float64{14, 32, 14, 16})
}

func headRow(tr sheet.Translate, cols []column) sheet.Row {
	head := make(sheet.Row, len(cols))
	for i, c := range cols {
		head[i] = sheet.Str(tr(c.Key), sheet.Header)
	}
	return head
}

func table2sheet(name string, rows []sheet.Row, widths []float64) *sheet.Sheet {
	cols := make([]sheet.Col, len(widths))
	for i, w := range widths {
		cols[i] = sheet.Col{Width: w}
	}
	s := &sheet.Sheet{Name: sheet.SheetName(name, map[string]bool{}), Cols: cols, FreezeRows: 1, FreezeCols: 1, HeaderRows: 1}
	s.SetRows(rows)
	return s
}

// code is a link cell: the code of the record uid names, blank for none.
func code(codes map[app.UID]string, uid app.UID) sheet.Cell {
	if uid == "" {
		return sheet.Blank(sheet.Input)
	}
	return sheet.Str(codes[uid], sheet.Input)
}

func level(l int) sheet.Cell {
	if l == 0 {
		return sheet.Blank(sheet.Input)
	}
	return sheet.Num(float64(l), sheet.Input, "0")
}

func day(d app.Date) sheet.Cell {
	if d.IsZero() {
		return sheet.Blank(sheet.Input)
	}
	return sheet.Cell{Kind: sheet.Date, Style: sheet.Input, Num: sheet.Serial(d)}
}
