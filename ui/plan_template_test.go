package ui

import (
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// TestPlanScreenShowsTemplateOverrides: a plan made from a template whose
// target was adjusted names the template version and the adjusted fields,
// with a marker beside the adjusted KPI only.
func TestPlanScreenShowsTemplateOverrides(t *testing.T) {
	for _, lang := range []string{"en", "vi"} {
		u, store := testUI(t, lang)
		seedOrg(t, u)
		tp := app.NewTemplate("Sales L2", "Nhân viên kinh doanh", 2)
		tp.Goal, tp.KPIs = "Doanh thu", planFixture().KPIs
		if err := u.ws.SaveTemplate(tp, ""); err != nil {
			t.Fatal(err)
		}
		cycle := app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
		a, err := u.ws.PreviewAssign(tp, template.Selection{Position: "Nhân viên kinh doanh"}, cycle, template.Skip)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := u.ws.Assign(a); err != nil {
			t.Fatal(err)
		}
		plans, err := store.Plans()
		if err != nil || len(plans) == 0 {
			t.Fatalf("plans %d, %v", len(plans), err)
		}
		p := plans[0]
		p.KPIs[0].Target += 10 // one field adjusted for this person
		if err := u.ws.Save(p); err != nil {
			t.Fatal(err)
		}
		for _, act := range []app.Action{app.Submit, app.Approve} {
			if _, err := u.ws.Transition(p.ID, act, ""); err != nil {
				t.Fatal(err)
			}
		}
		u.win.Resize(smallWindow)
		u.openPlan(p.ID)
		s, ok := u.cur.(*planScreen)
		if !ok {
			t.Fatalf("%s: %T open", lang, u.cur)
		}
		want := u.T("Template: %s", "Sales L2 v1") + " · " + u.T("%d fields adjusted", 1)
		if !s.tmpl.line.Visible() || s.tmpl.line.Text != want {
			t.Errorf("%s: template line %q, want %q", lang, s.tmpl.line.Text, want)
		}
		if r := s.kpis.rows[0]; !r.tmark.Visible() || !strings.Contains(r.tmark.text, u.tr.FieldName("target")) {
			t.Errorf("%s: marker beside the adjusted KPI: %v %q", lang, r.tmark.Visible(), r.tmark.text)
		}
		for _, r := range s.kpis.rows[1:] {
			if r.tmark.Visible() {
				t.Errorf("%s: KPI %s marked without an adjustment: %q", lang, r.id, r.tmark.text)
			}
		}
		checkFits(t, u, lang+" plan from a template")
	}
}
