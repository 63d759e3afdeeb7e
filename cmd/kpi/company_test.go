package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"kpiplanner/storage/xlsx"
)

// The company of the tests: three units (CTY above KD above KD-HN), three
// people, numbers and dates written the Vietnamese way.
const (
	unitsCSV = "Mã đơn vị,Tên đơn vị,Đơn vị cha,Trưởng đơn vị\r\nCTY,Công ty ABC,,\r\nKD,Phòng Kinh doanh,CTY,\r\nKD-HN,Nhóm Hà Nội,KD,\r\n"
	headsCSV = "Mã đơn vị,Trưởng đơn vị\r\nCTY,NV001\r\nKD,NV002\r\n"

	peopleCSV = "Mã NV;Họ và tên;Phòng ban;Chức danh;Cấp bậc;Mã quản lý;Ngày vào;Thưởng cơ bản;Tiền tệ\r\n" +
		"NV003;Lê Văn Cường;KD-HN;Nhân viên kinh doanh;2;NV002;15/03/2024;8.000.000;VND\r\n" +
		"NV001;Nguyễn Thị An;CTY;Giám đốc;5;;2019-01-02;50.000.000;VND\r\n" +
		"NV002;Trần Bình;KD;Trưởng phòng;4;NV001;01/06/2020;20.000.000;VND\r\n"
)

// person is one entry of `kpi people list --json`.
type person struct {
	UID, Code, Name, Unit, Manager string
	BaseBonus                      float64 `json:"base_bonus"`
	Joined                         string
}

func people(t *testing.T, db string, args ...string) []person {
	t.Helper()
	var ps []person
	if err := json.Unmarshal([]byte(mustKPI(t, append([]string{"people", "list", "--json", "--db", db}, args...)...)), &ps); err != nil {
		t.Fatal(err)
	}
	return ps
}

func codes(ps []person) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Code)
	}
	return strings.Join(out, " ")
}

// importCompany imports the test company's units and people into db.
func importCompany(t *testing.T, db string) []person {
	t.Helper()
	mustKPI(t, "units", "import", writeFile(t, "units.csv", unitsCSV), "--db", db)
	mustKPI(t, "people", "import", writeFile(t, "people.csv", peopleCSV), "--lang", "vi", "--db", db)
	mustKPI(t, "units", "import", writeFile(t, "heads.csv", headsCSV), "--db", db)
	return people(t, db)
}

func TestPeopleAndUnitsImportListExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	units, heads := writeFile(t, "units.csv", unitsCSV), writeFile(t, "heads.csv", headsCSV)

	// Heads are people: before the people are in, they are unknown, and nothing is imported.
	code, _, errs := kpi(t, "units", "import", heads, "--db", db)
	if code != exitUser || !strings.Contains(errs, "row 2, Trưởng đơn vị: unknown employee code NV001") || !strings.Contains(errs, "row 3, Trưởng đơn vị: unknown employee code NV002") {
		t.Errorf("heads before people: exit %d, %s", code, errs)
	}
	out := mustKPI(t, "units", "import", units, "--dry-run", "--db", db)
	for _, want := range []string{`would add unit CTY "Công ty ABC" (row 2)`, `would add unit KD-HN "Nhóm Hà Nội" (row 4)`, "would import: 3 added, 0 updated, 0 unchanged", "dry run: nothing was changed"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	if got := mustKPI(t, "units", "list", "--json", "--db", db); strings.TrimSpace(got) != "[]" {
		t.Errorf("a dry run imported units: %s", got)
	}
	ps := importCompany(t, db)
	if codes(ps) != "NV001 NV002 NV003" || ps[2].Unit != "KD-HN" || ps[2].Manager != "NV002" || ps[2].BaseBonus != 8e6 || ps[2].Joined != "2024-03-15" {
		t.Errorf("people = %+v", ps)
	}
	if got := codes(people(t, db, "--unit", "KD")); got != "NV002 NV003" {
		t.Errorf("people of KD and below: %s", got)
	}
	list := mustKPI(t, "units", "list", "--db", db)
	if !strings.Contains(list, "KD-HN  Nhóm Hà Nội       KD      ") || !strings.Contains(list, "NV002") {
		t.Errorf("units list:\n%s", list)
	}

	// A bad file names row, column and value; nothing is imported.
	bad := writeFile(t, "bad.csv", "Employee code,Name,Unit code,Level,Manager code,Join date\r\nNV004,Dung,KD,six,NV009,2024-02-30\r\nNV001,An,CTY,5,,\r\nNV001,Again,CTY,5,,\r\n")
	code, _, errs = kpi(t, "people", "import", bad, "--db", db)
	for _, want := range []string{`row 2, Level: "six" is not a number`, "row 2, Manager code: unknown employee code NV009", "row 2, Join date: '2024-02-30' is not a real calendar date",
		"row 4, Employee code: code NV001 is already on row 3", "nothing imported"} {
		if code != exitUser || !strings.Contains(errs, want) {
			t.Errorf("bad file: exit %d, error lacks %q: %s", code, want, errs)
		}
	}
	if got := codes(people(t, db)); got != "NV001 NV002 NV003" {
		t.Errorf("a bad file changed the people: %s", got)
	}

	// An update lists its field changes.
	up := writeFile(t, "up.csv", "Employee code,Position,Level\r\nNV003,Senior rep,3\r\nNV001,Giám đốc,5\r\n")
	out = mustKPI(t, "people", "import", up, "--db", db)
	if !strings.Contains(out, `update NV003 (row 2): position: "Nhân viên kinh doanh" to "Senior rep"; level: "2" to "3"`) || !strings.Contains(out, "imported: 0 added, 1 updated, 1 unchanged") {
		t.Errorf("update output:\n%s", out)
	}

	// Export, then import the export: nothing to import.
	for _, name := range []string{"people.xlsx", "people.csv"} {
		file := filepath.Join(t.TempDir(), name)
		if out := mustKPI(t, "people", "export", file, "--lang", "vi", "--db", db); !strings.Contains(out, "wrote 3 people to "+file) {
			t.Errorf("export: %s", out)
		}
		code, _, errs := kpi(t, "people", "import", file, "--lang", "vi", "--db", db)
		if code != exitUser || !strings.Contains(errs, "nothing to import: all 3 row(s) match the registry already") {
			t.Errorf("re-import of %s: exit %d, %s", name, code, errs)
		}
	}
	ufile := filepath.Join(t.TempDir(), "units.xlsx")
	mustKPI(t, "units", "export", ufile, "--db", db)
	if code, _, errs := kpi(t, "units", "import", ufile, "--db", db); code != exitUser || !strings.Contains(errs, "nothing to import: all 3 row(s)") {
		t.Errorf("re-import of units: exit %d, %s", code, errs)
	}
	if code, _, errs := kpi(t, "people", "frobnicate", "--db", db); code != exitUsage || !strings.Contains(errs, "want list, import FILE or export FILE") {
		t.Errorf("unknown subcommand: exit %d, %s", code, errs)
	}
}

// companyPlans imports three submitted plans, of NV003 (in KD-HN), NV002
// (in KD) and NV001 (in CTY), as plans 1, 2 and 3.
func companyPlans(t *testing.T, db string, ps []person) {
	t.Helper()
	var plans []string
	for _, i := range []int{2, 1, 0} {
		d := strings.Replace(teamDoc, `"status": "active",`, `"status": "submitted", "person_uid": "`+ps[i].UID+`",`, 1)
		d = strings.Replace(d, `"name": "Sales 2026"`, `"name": "Sales 2026 `+ps[i].Code+`"`, 1)
		start := strings.Index(d, `[{`) + 1
		plans = append(plans, d[start:strings.LastIndex(d, `]`)])
	}
	doc := `{"format": "kpiplanner/plan@3", "plans": [` + strings.Join(plans, ",") + `]}`
	mustKPI(t, "import", writeFile(t, "plans.json", doc), "--db", db)
}

func TestLifecycleAndHistoryFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	if out := mustKPI(t, "whoami", "--set-user", "Lan", "--set-device", "hr-laptop", "--db", db); out != "user: Lan\ndevice: hr-laptop\n" {
		t.Errorf("whoami: %q", out)
	}
	companyPlans(t, db, importCompany(t, db))

	// Approve a unit: the submitted plans of KD and KD-HN, in one step; CTY's stays submitted.
	if out := mustKPI(t, "approve", "--unit", "KD", "--db", db); out != "approved plan 1\napproved plan 2\n" {
		t.Errorf("approve --unit KD: %q", out)
	}
	code, _, errs := kpi(t, "close", "3", "--db", db)
	if code != exitUser || !strings.Contains(errs, "a plan that is submitted cannot be closed") {
		t.Errorf("close a submitted plan: exit %d, %s", code, errs)
	}

	// An approved target refuses changes; reopened, it needs a reason.
	code, _, errs = kpi(t, "set-target", "1", "k4", "5", "--db", db)
	if code != exitUser || !strings.Contains(errs, "is approved: reopen it to change its terms") || strings.Count(errs, "\n") != 1 {
		t.Errorf("set-target on an approved plan: exit %d, %q", code, errs)
	}
	if code, _, errs := kpi(t, "reopen", "1", "--db", db); code != exitUsage || !strings.Contains(errs, "reopening needs --reason TEXT") {
		t.Errorf("reopen without a reason: exit %d, %s", code, errs)
	}
	if out := mustKPI(t, "reopen", "1", "--reason", "market shrank", "--db", db); !strings.Contains(out, "reopened plan 1 (Sales 2026 NV003): approved to submitted") {
		t.Errorf("reopen: %s", out)
	}
	code, _, errs = kpi(t, "set-target", "1", "k4", "5", "--db", db)
	if code != exitUser || !strings.Contains(errs, "has been approved: changing its terms needs a reason") {
		t.Errorf("set-target without a reason after reopen: exit %d, %s", code, errs)
	}
	if out := mustKPI(t, "set-target", "1", "k4", "5", "--reason", "market shrank", "--db", db); !strings.Contains(out, "target of k4 changed from 4 to 5") {
		t.Errorf("set-target: %s", out)
	}

	var hist []historyJSON
	if err := json.Unmarshal([]byte(mustKPI(t, "history", "1", "--json", "--db", db)), &hist); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, h := range hist {
		lines = append(lines, strings.Join([]string{h.User, h.Device, h.Source, h.Path, h.Old, h.New, h.Reason}, "|"))
	}
	want := []string{
		"Lan|hr-laptop|plans.json|plan||Sales 2026 NV003|",
		"Lan|hr-laptop|cli|status|submitted|approved|",
		"Lan|hr-laptop|cli|status|approved|submitted|market shrank",
		"Lan|hr-laptop|cli|kpis[k4].target|4|5|market shrank",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("history:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	text := strings.Split(strings.TrimSpace(mustKPI(t, "history", "1", "--db", db)), "\n")
	if last := strings.Fields(text[len(text)-1]); len(text) != 5 || strings.Join(last[2:], " ") != "Lan kpis[k4].target 4 5 market shrank" {
		t.Errorf("history text:\n%s", strings.Join(text, "\n"))
	}

	// The scorecard has the history as its last sheet.
	card := filepath.Join(t.TempDir(), "card.xlsx")
	mustKPI(t, "export", "1", "--out", card, "--db", db)
	g, err := xlsx.ReadGridWith(card, xlsx.ReadOptions{Sheet: "History"})
	if err != nil || len(g) != 5 {
		t.Fatalf("History sheet: %d rows, %v", len(g), err)
	}
	if row := g[4]; row[4].Text != "kpis[k4].target" || row[5].Text != "4" || row[6].Text != "5" || row[7].Text != "market shrank" || row[1].Text != "Lan" {
		t.Errorf("History sheet's last row: %+v", row)
	}

	// Submit again and approve with several plans in one transaction; an unknown plan is refused before anything changes.
	if code, _, errs := kpi(t, "approve", "1", "99", "--db", db); code != exitUser || !strings.Contains(errs, "no plan with id 99") {
		t.Errorf("approve with an unknown plan: exit %d, %s", code, errs)
	}
	code, out, errs := kpi(t, "approve", "1", "2", "3", "--db", db)
	if code != exitUser || out != "approved plan 1\napproved plan 3\n" || !strings.Contains(errs, "2 of 3 plan(s) approved; skipped plan 2 (Sales 2026 NV002): ") || !strings.HasSuffix(errs, "a plan that is approved cannot be approved\n") {
		t.Errorf("approve 1 2 3: exit %d, %q, %s", code, out, errs)
	}
}

func TestPeriodCloseFromTheCommandLine(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	importCompany(t, db)
	if out := mustKPI(t, "period", "close", "2026-01", "--db", db); out != "closed 2026-01 for the whole company\n" {
		t.Errorf("period close: %q", out)
	}
	if code, _, errs := kpi(t, "period", "reopen", "2026-01", "--unit", "KD", "--db", db); code != exitUsage || !strings.Contains(errs, "needs --reason") {
		t.Errorf("reopen without a reason: exit %d, %s", code, errs)
	}
	if out := mustKPI(t, "period", "reopen", "2026-01", "--unit", "KD", "--reason", "late invoices", "--db", db); out != "reopened 2026-01 for unit KD and the units below it\n" {
		t.Errorf("period reopen: %q", out)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"period", "close", "2026-13"}, exitUser, "2026-13 is not a month: write it as yyyy-mm"},
		{[]string{"period", "close", "2026-02", "--unit", "NOPE"}, exitUser, `no unit with code "NOPE"`},
		{[]string{"period", "open", "2026-02"}, exitUsage, "want period close MONTH or period reopen MONTH"},
	} {
		code, _, errs := kpi(t, append(tc.args, "--db", db)...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %s; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

func TestActualsImportRespectsClosedPeriodsAndIsInTheHistory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	mustKPI(t, "import", writeFile(t, "team.json", teamDoc), "--db", db)
	mustKPI(t, "period", "close", "2026-01", "--db", db)
	jan := writeFile(t, "jan.csv", "KPI code,Period,Actual\r\nk4,2026-01,1\r\n")
	code, _, errs := kpi(t, "import", jan, "--plan", "1", "--db", db)
	if code != exitUser || !strings.Contains(errs, "period 2026-01 is closed: HR must reopen it before its actuals change") {
		t.Errorf("actual of a closed period: exit %d, %s", code, errs)
	}
	mustKPI(t, "period", "reopen", "2026-01", "--reason", "late report", "--db", db)
	if code, _, errs := kpi(t, "import", jan, "--plan", "1", "--db", db); code != exitUser || !strings.Contains(errs, "period 2026-01 was reopened: changing its actuals needs a reason") {
		t.Errorf("actual of a reopened period without a reason: exit %d, %s", code, errs)
	}
	mustKPI(t, "import", jan, "--plan", "1", "--reason", "late report", "--db", db)
	var hist []historyJSON
	if err := json.Unmarshal([]byte(mustKPI(t, "history", "1", "--json", "--db", db)), &hist); err != nil {
		t.Fatal(err)
	}
	last := hist[len(hist)-1]
	if last.Path != "kpis[k4].actuals[2026-01].value" || last.New != "1" || last.Source != "jan.csv" || last.Reason != "late report" {
		t.Errorf("last history entry = %+v", last)
	}
}
