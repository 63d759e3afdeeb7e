package audit

import (
	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// Workbook returns the report as two sheets: the count per problem, and
// every finding with its plan, person, unit, KPI and detail. t translates
// (nil: English); unit names a unit uid.
func Workbook(r Report, t sheet.Translate, unit func(app.UID) string) *sheet.Workbook {
	if t == nil {
		t = func(key string, args ...any) string { return app.M(key, args...).String() }
	}
	used := map[string]bool{}
	counts := []sheet.Row{{sheet.Str(t("Problem"), sheet.Header), sheet.Str(t("Count"), sheet.Header)}}
	for _, c := range r.Counts {
		counts = append(counts, sheet.Row{sheet.Str(t(c.Problem.Label()), sheet.Plain), sheet.Num(float64(c.N), sheet.Plain, "0")})
	}
	s1 := &sheet.Sheet{Name: sheet.SheetName(t("Problems"), used), Cols: []sheet.Col{{Width: 40}, {Width: 10}}, FreezeRows: 1, HeaderRows: 1}
	s1.SetRows(counts)
	rows := []sheet.Row{{sheet.Str(t("Problem"), sheet.Header), sheet.Str(t("Plan"), sheet.Header), sheet.Str(t("Person"), sheet.Header),
		sheet.Str(t("Unit"), sheet.Header), sheet.Str(t("KPI"), sheet.Header), sheet.Str(t("Detail"), sheet.Header)}}
	for _, f := range r.Findings {
		rows = append(rows, sheet.Row{sheet.Str(t(f.Problem.Label()), sheet.Plain), sheet.Str(f.Name, sheet.Plain),
			sheet.Str(f.Person, sheet.Plain), sheet.Str(unit(f.Unit), sheet.Plain), sheet.Str(f.KPIName, sheet.Plain),
			sheet.Str(t(f.Detail.Key, f.Detail.Args...), sheet.Plain)})
	}
	s2 := &sheet.Sheet{Name: sheet.SheetName(t("Findings"), used), FreezeRows: 1, HeaderRows: 1,
		Cols: []sheet.Col{{Width: 34}, {Width: 30}, {Width: 24}, {Width: 20}, {Width: 30}, {Width: 60}}}
	s2.SetRows(rows)
	return &sheet.Workbook{Sheets: []*sheet.Sheet{s1, s2}}
}
