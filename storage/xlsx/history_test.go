package xlsx

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/registry"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
)

func TestScorecardHasAHistorySheetNewestLast(t *testing.T) {
	p := casePlans()[0].Clone()
	p.UID = "0123456789abcdef0123456789abcdef"
	at := time.Date(2026, 3, 12, 9, 30, 15, 0, time.UTC)
	hist := map[app.UID][]app.HistoryEntry{p.UID: {
		{Plan: p.UID, Seq: 1, At: at, User: "Lan", Device: "hr-laptop", Source: "screen", Path: "plan", New: p.Name},
		{Plan: p.UID, Seq: 2, At: at.Add(time.Hour), User: "Lan", Device: "hr-laptop", Source: "cli", Path: "kpis[k1].target", Old: "100", New: "120", Reason: "=market shrank"},
	}}
	path := filepath.Join(t.TempDir(), "card.xlsx")
	if _, err := WriteScorecards(context.Background(), path, []*app.Plan{p}, score.PickAt(-1), Options{History: hist}); err != nil {
		t.Fatal(err)
	}
	f := open(t, path)
	sheets := f.GetSheetList()
	if len(sheets) != 3 || sheets[1] != "Plan "+p.Person.Name || sheets[2] != "History" { // scorecard, plan and actual view, history
		t.Fatalf("sheets = %q", sheets)
	}
	rows, err := f.GetRows("History")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Time (UTC)", "User", "Device", "Source", "Changed", "Old value", "New value", "Reason"},
		{"2026-03-12 09:30:15", "Lan", "hr-laptop", "screen", "plan", "", p.Name},
		{"2026-03-12 10:30:15", "Lan", "hr-laptop", "cli", "kpis[k1].target", "100", "120", "=market shrank"},
	}
	if len(rows) != len(want) {
		t.Fatalf("History rows = %q", rows)
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("History row %d = %q, want %q", i+1, rows[i], want[i])
		}
	}
	// The reason is text, not a formula.
	if fm, _ := f.GetCellFormula("History", "H3"); fm != "" {
		t.Errorf("reason stored as formula %q", fm)
	}
	// Our own reader sees the time as a stored number: the day and the seconds.
	g, err := ReadGridWith(path, ReadOptions{Sheet: "History"})
	if err != nil {
		t.Fatal(err)
	}
	if c := g[2][0]; !c.IsNum || sheet.FromSerial(c.Num) != app.NewDate(2026, 3, 12) {
		t.Errorf("time cell = %+v", c)
	}

	// CSV scorecards stay one file per plan, without history.
	files, err := WriteScorecards(context.Background(), filepath.Join(t.TempDir(), "card.csv"), []*app.Plan{p}, score.PickAt(-1), Options{History: hist})
	if err != nil || len(files) != 1 {
		t.Errorf("csv scorecard wrote %q, %v", files, err)
	}
}

func TestPeopleTableRoundTripsThroughFiles(t *testing.T) {
	cur := registry.Current{
		Units: []app.OrgUnit{{UID: "c", Code: "CTY", Name: "Công ty"}, {UID: "k", Code: "KD", Name: "Kinh doanh", Parent: "c", Head: "p1"}},
		People: []app.Employee{
			{UID: "p1", Code: "NV001", Name: "Nguyễn Thị An", Unit: "c", Position: "Giám đốc", Level: 5, Joined: app.NewDate(2019, 1, 2), BaseBonus: 50e6, Currency: "VND"},
			{UID: "p2", Code: "NV002", Name: "=Trần Bình", Unit: "k", Level: 2, Manager: "p1", Joined: app.NewDate(2024, 3, 15), Left: app.NewDate(2026, 1, 31), BaseBonus: 12.345, Email: "b@abc.vn"},
		},
	}
	for _, name := range []string{"people.xlsx", "people.csv"} {
		dir := t.TempDir()
		pp, up := filepath.Join(dir, name), filepath.Join(dir, "units"+filepath.Ext(name))
		if _, err := (Files{}).WriteTable(context.Background(), pp, registry.PeopleSheet(cur.People, cur.Units, nil), Options{}); err != nil {
			t.Fatal(err)
		}
		if _, err := (Files{}).WriteTable(context.Background(), up, registry.UnitsSheet(cur.Units, cur.People, nil), Options{}); err != nil {
			t.Fatal(err)
		}
		pg, err := (Files{}).ReadGrid(context.Background(), pp, "")
		if err != nil {
			t.Fatal(err)
		}
		ug, err := (Files{}).ReadGrid(context.Background(), up, "")
		if err != nil {
			t.Fatal(err)
		}
		pv := registry.Parse(cur, ug, pg, registry.Options{})
		if len(pv.PeopleErrors)+len(pv.UnitErrors) > 0 || pv.Changes() != 0 || pv.UnchangedPeople != 2 || pv.UnchangedUnits != 2 {
			t.Errorf("%s: re-import: %d changes %+v %+v, problems %v %v", name, pv.Changes(), pv.UpdatePeople, pv.UpdateUnits, pv.PeopleErrors, pv.UnitErrors)
		}
	}
}
