package main

import (
	"path/filepath"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/template"
	"kpiplanner/app/workspace"
)

// TestPacketCarriesTheTemplateToTheManager: HR assigns a template (Doanh
// thu, target 100) to An for 2027 and raises An's target to 120; An's
// packet, opened on the manager's laptop, adds the template version, and
// the manager sees the override (100 vs 120) as HR does.
func TestPacketCarriesTheTemplateToTheManager(t *testing.T) {
	dir := t.TempDir()
	hr, m1 := filepath.Join(dir, "hr.db"), filepath.Join(dir, "m1.db")
	hrCompany(t, hr)
	var tp *app.Template
	var uid app.UID
	withWorkspace(t, hr, func(ws *workspace.Workspace) {
		tp = app.NewTemplate("Sales L2", "Sales", 0)
		k := app.CustomKPI("rev", "Doanh thu")
		k.Target, k.Group = 100, app.GroupA
		tp.KPIs = []app.KPI{k}
		must(t, ws.SaveTemplate(tp, "first"))
		people, err := ws.Store().People()
		must(t, err)
		var a1 app.Employee
		for _, e := range people {
			if e.Code == "A1" {
				a1 = e
			}
		}
		y2027 := app.Cycle{Start: app.NewDate(2027, 1, 1), End: app.NewDate(2027, 12, 31), Frequency: app.Monthly}
		a, err := ws.PreviewAssign(tp, template.Selection{People: []app.UID{a1.UID}}, y2027, template.Skip)
		must(t, err)
		_, _, err = ws.Assign(a)
		must(t, err)
		if len(a.New) != 1 {
			t.Fatalf("%d plans assigned, want 1", len(a.New))
		}
		p := a.New[0]
		p.KPI("rev").Target = 120
		must(t, ws.Save(p))
		uid = p.UID
	})
	mustKPI(t, "packet", "export", "--people", "A1", "--out", dir, "--db", hr)
	got := mustKPI(t, "packet", "open", filepath.Join(dir, "A1.kpip"), "--db", m1)
	if !strings.Contains(got, "1 template version(s) added") {
		t.Fatalf("open printed:\n%s", got)
	}
	withWorkspace(t, m1, func(ws *workspace.Workspace) {
		got, ovs, err := ws.TemplateOf(planOf(t, ws, uid))
		must(t, err)
		if got == nil || got.UID != tp.UID || got.Version != 1 {
			t.Fatalf("manager's template %+v, want %s v1", got, tp.UID)
		}
		if len(ovs) != 1 || ovs[0].Path() != "kpis[rev].target" || ovs[0].Template != "100" || ovs[0].Plan != "120" {
			t.Errorf("manager's overrides %+v", ovs)
		}
	})
}
