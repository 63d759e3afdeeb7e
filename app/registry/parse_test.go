package registry

import (
	"errors"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

func vi(t *testing.T) Options {
	t.Helper()
	tr, err := i18n.New("vi")
	if err != nil {
		t.Fatal(err)
	}
	return Options{T: tr.T, ParseNumber: tr.ParseNumber}
}

// errLines returns the problems of a preview, one per line.
func errLines(e sheet.Errors) []string {
	out := make([]string, len(e))
	for i, c := range e {
		out[i] = c.Error()
	}
	return out
}

func TestParseVietnameseTablesAddUnitsAndPeople(t *testing.T) {
	units := sheet.TextGrid([][]string{
		{"Danh sách đơn vị"},
		{"Mã đơn vị", "Tên đơn vị", "Đơn vị cha", "Trưởng đơn vị"},
		{"CTY", "Công ty ABC", "", "NV001"},
		{"KD", "Phòng Kinh doanh", "CTY", "NV002"},
		{"", "", "", ""},
		{"KD-HN", "Nhóm Hà Nội", "KD", ""},
	})
	people := sheet.TextGrid([][]string{
		{"Mã NV", "Họ và tên", "Phòng ban", "Chức danh", "Cấp bậc", "Mã quản lý", "Ngày vào", "Thưởng cơ bản", "Tiền tệ", "Email"},
		{"NV003", "Lê Văn Cường", "KD-HN", "Nhân viên kinh doanh", "2", "NV002", "15/03/2024", "8.000.000", "vnd", "cuong@abc.vn"},
		{"NV001", "Nguyễn Thị An", "CTY", "Giám đốc", "5", "", "2019-01-02", "50.000.000", "VND", ""},
		{"NV002", "Trần Bình", "KD", "Trưởng phòng", "4", "NV001", "01/06/2020", "20000000", "VND", ""},
	})
	pv := Parse(Current{}, units, people, vi(t))
	if err := pv.Err(); err != nil {
		t.Fatalf("Err() = %v", err)
	}
	if len(pv.AddUnits) != 3 || len(pv.AddPeople) != 3 || len(pv.UpdateUnits)+len(pv.UpdatePeople) != 0 {
		t.Fatalf("adds %d units, %d people; updates %d, %d", len(pv.AddUnits), len(pv.AddPeople), len(pv.UpdateUnits), len(pv.UpdatePeople))
	}
	uid := map[string]app.UID{}
	for _, c := range pv.AddUnits {
		uid[c.Unit.Code] = c.Unit.UID
	}
	for _, c := range pv.AddPeople {
		uid[c.Person.Code] = c.Person.UID
	}
	kd := pv.AddUnits[1]
	if kd.Row != 4 || kd.Unit.Name != "Phòng Kinh doanh" || kd.Unit.Parent != uid["CTY"] || kd.Unit.Head != uid["NV002"] {
		t.Errorf("unit KD = %+v (row %d)", kd.Unit, kd.Row)
	}
	if hn := pv.AddUnits[2]; hn.Row != 6 || hn.Unit.Parent != uid["KD"] || hn.Unit.Head != "" {
		t.Errorf("unit KD-HN = %+v (row %d)", hn.Unit, hn.Row)
	}
	c := pv.AddPeople[0]
	want := app.Employee{UID: uid["NV003"], Code: "NV003", Name: "Lê Văn Cường", Unit: uid["KD-HN"], Position: "Nhân viên kinh doanh", Level: 2,
		Manager: uid["NV002"], Joined: app.NewDate(2024, 3, 15), BaseBonus: 8e6, Currency: "VND", Email: "cuong@abc.vn"}
	if c.Row != 2 || c.Person != want {
		t.Errorf("NV003 row %d = %+v\nwant %+v", c.Row, c.Person, want)
	}
	if got := pv.AddPeople[1].Person; got.BaseBonus != 5e7 || got.Joined != app.NewDate(2019, 1, 2) || got.Manager != "" {
		t.Errorf("NV001 = %+v", got)
	}
	if got := pv.AddPeople[2].Person; got.BaseBonus != 2e7 || got.Joined != app.NewDate(2020, 6, 1) || got.Manager != uid["NV001"] {
		t.Errorf("NV002 = %+v", got)
	}
	if e := pv.AddPeople[0].Edits; len(e) != 1 || e[0] != (app.Edit{Path: "people[NV003]", New: "Lê Văn Cường"}) {
		t.Errorf("edits of a new person = %+v", e)
	}
	// Writing order: parents before children, managers before reports.
	var codes []string
	for _, u := range pv.Units() {
		codes = append(codes, u.Code)
	}
	for _, e := range pv.People() {
		codes = append(codes, e.Code)
	}
	if got := strings.Join(codes, " "); got != "CTY KD KD-HN NV001 NV002 NV003" {
		t.Errorf("write order = %s", got)
	}
}

func TestParseEnglishHeadersAndStoredCells(t *testing.T) {
	people := sheet.Grid{
		{{Text: "Employee code"}, {Text: "Name"}, {Text: "Level"}, {Text: "Join date"}, {Text: "Base bonus"}},
		{{Text: "E1"}, {Text: "Ann"}, sheet.NumCell(3), sheet.NumCell(sheet.Serial(app.NewDate(2025, 7, 1))), sheet.NumCell(1234.5)},
		{{Text: "E2"}, {Text: "Bob"}, {Text: ""}, {Text: "2025-07-02"}, {Text: "1,500.25"}},
	}
	tr, _ := i18n.New("en")
	pv := Parse(Current{}, nil, people, Options{T: tr.T, ParseNumber: tr.ParseNumber})
	if err := pv.Err(); err != nil {
		t.Fatal(err)
	}
	a, b := pv.AddPeople[0].Person, pv.AddPeople[1].Person
	if a.Level != 3 || a.Joined != app.NewDate(2025, 7, 1) || a.BaseBonus != 1234.5 {
		t.Errorf("E1 = %+v", a)
	}
	if b.Level != 0 || b.Joined != app.NewDate(2025, 7, 2) || b.BaseBonus != 1500.25 {
		t.Errorf("E2 = %+v", b)
	}
}

func TestParseReportsEveryBadCell(t *testing.T) {
	cur := Current{Units: []app.OrgUnit{{UID: "u1", Code: "HR", Name: "Human resources"}}}
	people := sheet.TextGrid([][]string{
		{"Mã nhân viên", "Họ tên", "Mã đơn vị", "Cấp bậc", "Mã quản lý", "Ngày vào", "Ngày nghỉ", "Thưởng cơ bản", "Tiền tệ", "E-mail"},
		{"NV1", "An", "HR", "cao", "", "", "", "", "", ""},
		{"NV2", "Bình", "XX", "2", "NV9", "", "", "", "", ""},
		{"NV1", "An again", "HR", "", "", "", "", "", "", ""},
		{"NV3", "Chi", "HR", "1.5", "", "31/02/2026", "", "abc", "dong", "chi.example"},
		{"NV4", "Dũng", "HR", "", "NV5", "", "", "", "", ""},
		{"NV5", "Em", "HR", "", "NV4", "2026-05-01", "2026-04-01", "", "", ""},
		{"", "No code", "HR", "", "", "", "", "", "", ""},
		{"NV6", "", "HR", "", "NV6", "", "", "-5", "", ""},
	})
	pv := Parse(cur, nil, people, vi(t))
	want := []string{
		`row 2, Cấp bậc: "cao" is not a number`,
		"row 3, Mã đơn vị: unknown unit code XX",
		"row 3, Mã quản lý: unknown employee code NV9",
		"row 4, Mã nhân viên: code NV1 is already on row 2",
		"row 5, Cấp bậc: '1.5' is not a level: write a whole number from 0 to 99",
		"row 5, Ngày vào: '31/02/2026' is not a real calendar date",
		`row 5, Thưởng cơ bản: "abc" is not a number`,
		"row 5, Tiền tệ: 'DONG' is not a currency code: write three letters such as VND or USD",
		"row 5, E-mail: is not an e-mail address",
		"row 6, Mã quản lý: NV4 would report to someone who reports to them",
		"row 7, Ngày nghỉ: must not be before the join date (2026-05-01)",
		"row 7, Mã quản lý: NV5 would report to someone who reports to them",
		"row 8, Mã nhân viên: the employee code is missing",
		"row 9, Họ tên: is required",
		"row 9, Thưởng cơ bản: must be a number of zero or more",
		"row 9, Mã quản lý: a person cannot be their own manager",
	}
	got := errLines(pv.PeopleErrors)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !errors.Is(pv.Err(), app.ErrInvalid) {
		t.Errorf("Err() = %v", pv.Err())
	}
	if len(pv.AddPeople) != 0 {
		t.Errorf("bad rows added: %+v", pv.AddPeople)
	}
}

func TestParseUnitProblems(t *testing.T) {
	cur := Current{Units: []app.OrgUnit{{UID: "c", Code: "CO", Name: "Company"}, {UID: "s", Code: "SALES", Name: "Sales", Parent: "c"}}}
	units := sheet.TextGrid([][]string{
		{"Unit code", "Unit name", "Parent unit code", "Head's employee code"},
		{"CO", "Company", "SALES", ""},
		{"OPS", "", "NOPE", "E1"},
	})
	pv := Parse(cur, units, nil, Options{})
	want := []string{
		"row 2, Parent unit code: unit CO would be inside its own subtree",
		"row 3, Parent unit code: unknown unit code NOPE",
		"row 3, Head's employee code: unknown employee code E1",
		"row 3, Unit name: is required",
	}
	if got := errLines(pv.UnitErrors); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseUpdatesListTheirFieldChanges(t *testing.T) {
	cur := Current{
		Units: []app.OrgUnit{{UID: "c", Code: "CO", Name: "Company"}, {UID: "s", Code: "SALES", Name: "Sales", Parent: "c"}},
		People: []app.Employee{
			{UID: "p1", Code: "NV1", Name: "An", Unit: "c", Position: "Director", Level: 5, Currency: "VND"},
			{UID: "p2", Code: "NV2", Name: "Bình", Unit: "c", Position: "Rep", Level: 1, Manager: "p1", Currency: "VND", Email: "b@x.vn"},
		},
	}
	people := sheet.TextGrid([][]string{
		{"Employee code", "Position", "Unit code", "Level"},
		{"NV1", "Director", "CO", "5"},
		{"NV2", "Senior rep", "SALES", "2"},
	})
	pv := Parse(cur, nil, people, Options{})
	if err := pv.Err(); err != nil {
		t.Fatal(err)
	}
	if pv.UnchangedPeople != 1 || len(pv.UpdatePeople) != 1 || len(pv.AddPeople) != 0 {
		t.Fatalf("unchanged %d, updated %d, added %d", pv.UnchangedPeople, len(pv.UpdatePeople), len(pv.AddPeople))
	}
	u := pv.UpdatePeople[0]
	want := []app.Edit{
		{Path: "people[NV2].unit", Old: "CO", New: "SALES"},
		{Path: "people[NV2].position", Old: "Rep", New: "Senior rep"},
		{Path: "people[NV2].level", Old: "1", New: "2"},
	}
	if len(u.Edits) != len(want) {
		t.Fatalf("edits = %+v", u.Edits)
	}
	for i := range want {
		if u.Edits[i] != want[i] {
			t.Errorf("edit %d = %+v, want %+v", i, u.Edits[i], want[i])
		}
	}
	// Columns the file lacks keep their values.
	if u.Person.Email != "b@x.vn" || u.Person.Manager != "p1" || u.Person.UID != "p2" {
		t.Errorf("updated person = %+v", u.Person)
	}
}

func TestImportingNothingIsAnError(t *testing.T) {
	cur := Current{Units: []app.OrgUnit{{UID: "c", Code: "CO", Name: "Company"}}}
	for name, tc := range map[string]struct {
		units sheet.Grid
		want  string
	}{
		"no rows":   {sheet.TextGrid([][]string{{"Unit code", "Unit name"}}), "nothing to import: the file holds no people or units"},
		"unchanged": {sheet.TextGrid([][]string{{"Unit code", "Unit name"}, {"CO", "Company"}}), "nothing to import: all 1 row(s) match the registry already"},
		"no header": {sheet.TextGrid([][]string{{"Unit", "Name"}, {"CO", "Company"}}), "no header row with a Unit code column in the first 20 rows"},
	} {
		err := Parse(cur, tc.units, nil, Options{}).Err()
		if err == nil || err.Error() != tc.want {
			t.Errorf("%s: Err() = %v, want %s", name, err, tc.want)
		}
		if name != "no header" && !errors.Is(err, ErrNothing) {
			t.Errorf("%s: %v does not match ErrNothing", name, err)
		}
	}
}

func TestAColumnTheFileLacksIsNamedInTheProblem(t *testing.T) {
	cur := Current{People: []app.Employee{{UID: "p1", Code: "NV1", Name: "An"}}}
	pv := Parse(cur, nil, sheet.TextGrid([][]string{{"Mã NV", "Cấp bậc"}, {"NV1", "3"}, {"NV2", "1"}}), vi(t))
	if got := strings.Join(errLines(pv.PeopleErrors), "\n"); got != "row 3: Full name is required" {
		t.Errorf("problems: %s", got)
	}
	// The known person's name stays as it is.
	pv = Parse(cur, nil, sheet.TextGrid([][]string{{"Mã NV", "Cấp bậc"}, {"NV1", "3"}}), vi(t))
	if len(pv.UpdatePeople) != 1 || pv.UpdatePeople[0].Person.Name != "An" || pv.UpdatePeople[0].Person.Level != 3 {
		t.Errorf("update = %+v", pv.UpdatePeople)
	}
}
