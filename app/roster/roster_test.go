package roster

import (
	"testing"

	"kpiplanner/app"
)

func fixture() *Roster {
	units := []app.OrgUnit{{UID: "co", Code: "CO", Name: "Công ty"}, {UID: "s", Code: "S", Name: "Kinh doanh", Parent: "co"},
		{UID: "n", Code: "N", Name: "Miền Bắc", Parent: "s"}, {UID: "h", Code: "H", Name: "Nhân sự", Parent: "co"}}
	people := []app.Employee{
		{UID: "1", Code: "NV0001", Name: "Huỳnh Văn Bình", Unit: "co"},
		{UID: "2", Code: "NV0002", Name: "Hồ Thị Lan", Unit: "s", Position: "Trưởng nhóm"},
		{UID: "3", Code: "NV0003", Name: "Đặng Minh An", Unit: "n"},
		{UID: "4", Code: "NV0004", Name: "Dương Quốc Châu", Unit: "h", Left: app.NewDate(2026, 3, 1)},
	}
	return New(people, units)
}

func names(es []*app.Employee) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Name
	}
	return out
}

func TestRosterSortsTheVietnameseWayAndByGivenName(t *testing.T) {
	r := fixture()
	all := Filter{Level: -1}
	// Dương before Đặng (d before đ); Hồ before Huỳnh (o before u).
	if got := names(r.Filter(all, false)); len(got) != 4 || got[0] != "Dương Quốc Châu" || got[1] != "Đặng Minh An" || got[2] != "Hồ Thị Lan" || got[3] != "Huỳnh Văn Bình" {
		t.Fatalf("by full name: %v", got)
	}
	// Given names: An, Bình, Châu, Lan.
	if got := names(r.Filter(all, true)); got[0] != "Đặng Minh An" || got[1] != "Huỳnh Văn Bình" || got[3] != "Hồ Thị Lan" {
		t.Fatalf("by given name: %v", got)
	}
}

func TestRosterFilters(t *testing.T) {
	r := fixture()
	cases := []struct {
		f    Filter
		want int
	}{
		{Filter{Unit: "s", Level: -1}, 2},                 // Kinh doanh and Miền Bắc below it
		{Filter{Text: "dang an", Level: -1}, 1},           // accents and đ ignored
		{Filter{Text: "kinh doanh", Level: -1}, 1},        // the unit's name is searched: Lan (An is in Miền Bắc)
		{Filter{Status: Employed, Level: -1}, 3},          // Châu has left
		{Filter{Status: Left, Level: -1}, 1},              //
		{Filter{Position: "Trưởng nhóm", Level: -1}, 1},   //
		{Filter{Unit: "s", Text: "nv0003", Level: -1}, 1}, // codes too
	}
	for _, c := range cases {
		if got := r.Filter(c.f, false); len(got) != c.want {
			t.Errorf("%+v: %v, want %d", c.f, names(got), c.want)
		}
	}
}

func TestRosterHeadcountsAndTreeOrder(t *testing.T) {
	r := fixture()
	// Active people: Bình (co), Lan (s), An (n); Châu (h) has left.
	if d, tot := r.Headcount("co"); d != 1 || tot != 3 {
		t.Errorf("company: %d direct, %d total; want 1, 3", d, tot)
	}
	if d, tot := r.Headcount("s"); d != 1 || tot != 2 {
		t.Errorf("sales: %d, %d; want 1, 2", d, tot)
	}
	if got := r.UnitLabels(); len(got) != 4 || got[0] != "Công ty (CO)" || got[1] != "    Kinh doanh (S)" || got[2] != "        Miền Bắc (N)" {
		t.Errorf("tree labels: %q", got)
	}
}

func TestNextCode(t *testing.T) {
	if got := app.NextCode([]app.Employee{{Code: "NV0007"}, {Code: "X1"}, {Code: "NV0012"}}); got != "NV0013" {
		t.Fatalf("NextCode = %s, want NV0013", got)
	}
}
