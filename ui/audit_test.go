package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"kpiplanner/app"
	"kpiplanner/app/audit"
	"kpiplanner/app/demo"
	"kpiplanner/app/i18n"
)

func TestAuditScreenCountsFiltersAndOpensThePlan(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		u, _ := companyUI(t, lang, 60)
		seedOrg(t, u)
		// One approved plan whose second KPI has no owner.
		p := planFixture()
		p.Status = app.Approved
		for i := range p.KPIs {
			p.KPIs[i].Owner = "Lan"
		}
		p.KPIs[1].Owner = ""
		if err := u.ws.Store().SavePlan(p); err != nil {
			t.Fatal(err)
		}
		u.win.Resize(smallWindow)
		u.openAudit()
		s, ok := u.cur.(*auditScreen)
		if !ok {
			t.Fatalf("%s: openAudit showed %T", lang, u.cur)
		}
		checkFits(t, u, lang+" audit")
		if len(s.shown) == 0 || !strings.Contains(s.summary.Text, " ") {
			t.Fatalf("%s: no findings shown: %q", lang, s.summary.Text)
		}
		// Filter on "no owner": the fixture's KPI is the one row left.
		at := -1
		for i, c := range s.counts {
			if c.Problem == audit.NoOwner {
				at = i + 1
			}
		}
		s.problem.SetSelectedIndex(at)
		row := -1
		for i, f := range s.shown {
			if f.Problem != audit.NoOwner {
				t.Fatalf("%s: filtered on no owner, shows %+v", lang, f)
			}
			if f.Plan == p.ID {
				if row >= 0 || f.KPI != p.KPIs[1].ID {
					t.Fatalf("%s: the plan's findings: %+v", lang, s.shown)
				}
				row = i
			}
		}
		if row < 0 {
			t.Fatalf("%s: no finding for the plan without an owner", lang)
		}
		want := u.T(audit.NoOwner.Label()) + " (" + strconv.Itoa(len(s.shown)) + ")"
		if s.problem.Selected != want {
			t.Errorf("%s: problem choice %q, want %q", lang, s.problem.Selected, want)
		}
		s.list.Select(row)
		ps, ok := u.cur.(*planScreen)
		if !ok || ps.id != p.ID || ps.tabs.SelectedIndex() != 1 {
			t.Fatalf("%s: selecting the row showed %T, want the plan at its KPIs tab", lang, u.cur)
		}
		if f := u.win.Canvas().Focused(); f == nil || f != fyne.Focusable(ps.kpis.rows[1].entries["name"]) {
			t.Errorf("%s: the KPI's field is not focused: %v", lang, f)
		}
	}
}

func TestAuditScreenUnitFilterAndSort(t *testing.T) {
	u, store := testUI(t, "vi")
	if _, err := demo.Save(store, 60, 1, "vi"); err != nil {
		t.Fatal(err)
	}
	u.openAudit()
	s := u.cur.(*auditScreen)
	all := len(s.shown)
	if len(s.units) == 0 {
		t.Fatal("no units to filter by")
	}
	s.unit.SetSelectedIndex(2) // one department of the demo company
	if n := len(s.shown); n == 0 || n >= all {
		t.Errorf("unit filter: %d of %d findings", n, all)
	}
	for _, f := range s.shown {
		if f.Unit != s.units[1].UID {
			t.Fatalf("finding of another unit: %+v (unit %s)", f, s.units[1].Name)
		}
	}
	s.sortBy.SetSelectedIndex(2) // person
	vi := i18n.NewSorter()
	for i := 1; i < len(s.shown); i++ {
		if vi.Compare(s.shown[i-1].Person, s.shown[i].Person) > 0 {
			t.Fatalf("not sorted by person at %d: %q, %q", i, s.shown[i-1].Person, s.shown[i].Person)
		}
	}
}
