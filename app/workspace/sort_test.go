package workspace

import (
	"slices"
	"testing"

	"kpiplanner/app"
)

// TestPlansListSortsTheVietnameseWay: o < ô < ơ < u and tones after the
// letter, so "Hồ" comes after "Hoàng" and before "Huỳnh" (byte order put
// Huỳnh first); đ comes after d.
func TestPlansListSortsTheVietnameseWay(t *testing.T) {
	var rows []Summary
	for i, n := range []string{"Huỳnh Kim Linh", "Hồ Bảo Bích", "Đặng Văn An", "Hoàng Văn Hải", "Dương Bảo Hà", "bùi Thu Uyên"} {
		rows = append(rows, Summary{ID: app.PlanID(1 + i), Person: n})
	}
	var got []string
	for _, r := range Apply(rows, Filter{}, ByPerson, false) {
		got = append(got, r.Person)
	}
	want := []string{"bùi Thu Uyên", "Dương Bảo Hà", "Đặng Văn An", "Hoàng Văn Hải", "Hồ Bảo Bích", "Huỳnh Kim Linh"}
	if !slices.Equal(got, want) {
		t.Errorf("sorted %q, want %q", got, want)
	}
}

// TestPlansListSearchIgnoresAccents: "ho bao bich" and "HỒ BẢO" find Hồ Bảo Bích; "dang" finds Đặng, "van" both Văn.
func TestPlansListSearchIgnoresAccents(t *testing.T) {
	rows := []Summary{{ID: 1, Person: "Hồ Bảo Bích"}, {ID: 2, Person: "Đặng Văn An"}, {ID: 3, Person: "Hoàng Văn Hải"}}
	for q, want := range map[string]int{"ho bao bich": 1, "HỒ BẢO": 1, "dang": 1, "van": 2} {
		if got := Apply(rows, Filter{Text: q}, ByPerson, false); len(got) != want {
			t.Errorf("search %q found %d plans, want %d", q, len(got), want)
		}
	}
}

// TestPlansListFoldsNamesOnlyOnceSearched: the list's rows come without
// folded search text (folding 10 000 names took a quarter of the list's
// loading time); the first search folds each row once and keeps it.
func TestPlansListFoldsNamesOnlyOnceSearched(t *testing.T) {
	p := app.NewPlan()
	p.ID, p.Name, p.Person.Name, p.Person.Department = 1, "Kế hoạch Q1", "Hồ Bảo Bích", "Kinh doanh"
	rows := Summarise([]*app.Plan{p}, app.NewDate(2026, 3, 15))
	if rows[0].search != "" {
		t.Fatalf("Summarise folded %q before any search", rows[0].search)
	}
	Apply(rows, Filter{}, ByPerson, false)
	if rows[0].search != "" {
		t.Error("a list without search text folded the names")
	}
	if got := Apply(rows, Filter{Text: "kinh doanh"}, ByPerson, false); len(got) != 1 {
		t.Fatalf("search by department found %d", len(got))
	}
	if rows[0].search != "ke hoach q1\x00ho bao bich\x00kinh doanh" {
		t.Errorf("kept search text %q", rows[0].search)
	}
}

func TestApplyFiltersAUnitsSubtree(t *testing.T) {
	o := app.NewOrg([]app.OrgUnit{{UID: "co", Code: "CO"}, {UID: "sales", Code: "S", Parent: "co"}, {UID: "north", Code: "N", Parent: "sales"}, {UID: "hr", Code: "HR", Parent: "co"}})
	rows := []Summary{{ID: 1, Unit: "north"}, {ID: 2, Unit: "hr"}, {ID: 3, Unit: "sales"}, {ID: 4}}
	got := Apply(rows, Filter{Units: o.Subtree("sales")}, ByPerson, false)
	if len(got) != 2 || got[0].ID != 1 || got[1].ID != 3 {
		t.Fatalf("sales subtree = %+v, want plans 1 and 3", got)
	}
}
