package workspace_test

import (
	"errors"
	"fmt"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/template"
	"kpiplanner/app/workspace"
)

var year2026 = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}

// tplCompany is a small company: units ROOT > SALES, ROOT > OPS; in SALES
// s1…s5 (s5 level 1) and x (left), all "Sales executive"; in OPS o1, o2
// "Sales executive" level 2 and o3 "Accountant" level 2.
type tplCompany struct {
	w      *workspace.Workspace
	sales  app.UID
	people map[string]*app.Employee
}

func newTplCompany(t *testing.T) *tplCompany {
	t.Helper()
	c := &tplCompany{w: open(t), people: map[string]*app.Employee{}}
	root := &app.OrgUnit{Code: "ROOT", Name: "Company"}
	if err := c.w.SaveUnit(root); err != nil {
		t.Fatal(err)
	}
	sales := &app.OrgUnit{Code: "SALES", Name: "Phòng kinh doanh", Parent: root.UID}
	ops := &app.OrgUnit{Code: "OPS", Name: "Vận hành", Parent: root.UID}
	if err := c.w.SaveUnits([]*app.OrgUnit{sales, ops}); err != nil {
		t.Fatal(err)
	}
	c.sales = sales.UID
	add := func(code string, unit app.UID, pos string, level int, left bool) {
		e := &app.Employee{Code: code, Name: "Người " + code, Unit: unit, Position: pos, Level: level, BaseBonus: 1e7, Currency: "VND"}
		if left {
			e.Joined, e.Left = app.NewDate(2020, 1, 1), app.NewDate(2025, 6, 30)
		}
		if err := c.w.SavePerson(e); err != nil {
			t.Fatal(err)
		}
		c.people[code] = e
	}
	for i := 1; i <= 4; i++ {
		add(fmt.Sprintf("s%d", i), sales.UID, "Sales executive", 2, false)
	}
	add("s5", sales.UID, "Sales executive", 1, false)
	add("x", sales.UID, "Sales executive", 2, true)
	add("o1", ops.UID, "Sales executive", 2, false)
	add("o2", ops.UID, "Nhân viên kinh doanh", 2, false)
	add("o3", ops.UID, "Accountant", 2, false)
	return c
}

// salesTemplate is saved as version 1: Doanh thu (rev, target 100, A),
// Cuộc gọi (calls, target 50, B), NPS (nps, target 40, C).
func salesTemplate(t *testing.T, w *workspace.Workspace) *app.Template {
	t.Helper()
	tp := app.NewTemplate("Nhân viên kinh doanh — cấp 2", "Sales executive", 2)
	tp.Goal = "Tăng doanh thu 20 % trong năm 2026"
	for _, k := range []struct {
		id, name string
		target   float64
		g        app.Group
	}{{"rev", "Doanh thu", 100, app.GroupA}, {"calls", "Cuộc gọi", 50, app.GroupB}, {"nps", "NPS", 40, app.GroupC}} {
		kpi := app.CustomKPI(k.id, k.name)
		kpi.Target, kpi.Group = k.target, k.g
		tp.KPIs = append(tp.KPIs, kpi)
	}
	if err := w.SaveTemplate(tp, "first"); err != nil {
		t.Fatal(err)
	}
	if tp.Version != 1 || tp.UID == "" {
		t.Fatalf("saved as %s v%d", tp.UID, tp.Version)
	}
	return tp
}

// handPlan saves a plan of person e over 2026 with one KPI of its own.
func handPlan(t *testing.T, w *workspace.Workspace, e *app.Employee, actual bool) *app.Plan {
	t.Helper()
	p := app.NewPlan()
	p.Name, p.PersonUID, p.Cycle = e.Name+" own", e.UID, year2026
	p.Person = app.Person{Name: e.Name}
	k := app.CustomKPI("own", "Own KPI")
	k.Target, k.Group = 10, app.GroupA
	p.Rules.GroupWeights = map[app.Group]float64{app.GroupA: 100}
	if actual {
		k.Actuals = []app.Actual{{Period: 0, Value: 3}}
	}
	p.KPIs = []app.KPI{k}
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func approve(t *testing.T, w *workspace.Workspace, p *app.Plan) {
	t.Helper()
	for _, a := range []app.Action{app.Submit, app.Approve} {
		if _, err := w.Transition(p.ID, a, ""); err != nil {
			t.Fatal(err)
		}
	}
}

func TestAssignPreviewCountsAndTheThreeExistingPlanModes(t *testing.T) {
	for _, mode := range []template.Existing{template.Skip, template.Replace, template.Add} {
		t.Run(string(mode), func(t *testing.T) {
			c := newTplCompany(t)
			tp := salesTemplate(t, c.w)
			own := handPlan(t, c.w, c.people["s1"], false)
			approve(t, c.w, handPlan(t, c.w, c.people["s2"], false))
			// SALES subtree, "sales EXECUTIVE", level 2: s1–s4 (s5 is level 1,
			// x has left, o1 is in OPS): 4 chosen; s1 and s2 have plans.
			sel := template.Selection{Unit: c.sales, Position: "sales EXECUTIVE", Level: 2}
			a, err := c.w.PreviewAssign(tp, sel, year2026, mode)
			if err != nil {
				t.Fatal(err)
			}
			if a.Chosen != 4 || len(a.New) != 2 || a.Existing() != 2 {
				t.Fatalf("chosen %d, new %d, existing %d; want 4, 2, 2", a.Chosen, len(a.New), a.Existing())
			}
			wantSummary := "creates 2 plans; 2 people already have a plan for this cycle: " + string(mode)
			if got := a.Summary().String(); got != wantSummary {
				t.Errorf("summary %q, want %q", got, wantSummary)
			}
			switch mode {
			case template.Skip:
				if len(a.Skipped) != 2 || len(a.Changed) != 0 {
					t.Fatalf("skipped %d changed %d, want 2, 0", len(a.Skipped), len(a.Changed))
				}
			default: // s1's draft changes; s2's approved plan is left alone
				if len(a.Changed) != 1 || len(a.Left) != 1 || a.Changed[0].Before.ID != own.ID {
					t.Fatalf("changed %d left %d, want 1, 1", len(a.Changed), len(a.Left))
				}
			}
			made, changed, err := c.w.Assign(a)
			if err != nil {
				t.Fatal(err)
			}
			if made != 2 || changed != len(a.Changed) {
				t.Fatalf("made %d changed %d", made, changed)
			}
			checkAssigned(t, c, tp, a, own.ID, mode)
		})
	}
}

func checkAssigned(t *testing.T, c *tplCompany, tp *app.Template, a *template.Assignment, own app.PlanID, mode template.Existing) {
	t.Helper()
	for _, p := range a.New {
		got, err := c.w.Plan(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.TemplateUID != tp.UID || got.TemplateVersion != 1 || len(got.KPIs) != 3 || got.KPIs[0].FromTemplate != "rev" || got.KPIs[0].Target != 100 {
			t.Fatalf("plan %s: template %s v%d, %d KPIs", got.Name, got.TemplateUID, got.TemplateVersion, len(got.KPIs))
		}
		if got.Name != got.Person.Name+" — 2026" || got.Status != app.Draft {
			t.Errorf("plan name %q status %s", got.Name, got.Status)
		}
		h, _ := c.w.History(p.ID)
		if len(h) != 2 || h[0].Path != "plan" || h[1].Path != "template" || h[1].New != tp.Label() {
			t.Errorf("history of %s: %+v", got.Name, h)
		}
	}
	p, err := c.w.Plan(own)
	if err != nil {
		t.Fatal(err)
	}
	// skip: the own KPI only; replace: the template's 3; add: own + 3.
	want := map[template.Existing]int{template.Skip: 1, template.Replace: 3, template.Add: 4}[mode]
	if len(p.KPIs) != want {
		t.Fatalf("s1's plan has %d KPIs after %s, want %d", len(p.KPIs), mode, want)
	}
	if mode != template.Skip {
		if p.TemplateUID != tp.UID {
			t.Errorf("s1's plan does not hold the template")
		}
		if h, _ := c.w.History(own); len(h) < 2 {
			t.Errorf("s1's plan history has %d entries", len(h))
		}
	}
}

func TestAssignReplaceLeavesPlansWithActualsOfOtherKPIs(t *testing.T) {
	c := newTplCompany(t)
	tp := salesTemplate(t, c.w)
	handPlan(t, c.w, c.people["s1"], true)
	a, err := c.w.PreviewAssign(tp, template.Selection{People: []app.UID{c.people["s1"].UID}}, year2026, template.Replace)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Left) != 1 || len(a.Changed) != 0 {
		t.Fatalf("left %d changed %d, want 1, 0", len(a.Left), len(a.Changed))
	}
}

// assigned is the company with the template assigned to s1–s4 and o1 (5
// plans), returning the plans by person code.
func assigned(t *testing.T) (*tplCompany, *app.Template, map[string]*app.Plan) {
	t.Helper()
	c := newTplCompany(t)
	tp := salesTemplate(t, c.w)
	a, err := c.w.PreviewAssign(tp, template.Selection{Position: "Sales executive", Level: 2}, year2026, template.Skip)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := c.w.Assign(a); err != nil {
		t.Fatal(err)
	}
	by := map[string]*app.Plan{}
	for _, p := range a.New {
		for code, e := range c.people {
			if e.UID == p.PersonUID {
				by[code] = p
			}
		}
	}
	if len(by) != 5 {
		t.Fatalf("%d plans, want 5 (s1–s4, o1)", len(by))
	}
	return c, tp, by
}

func TestOverridesAreTheFieldsThatDifferFromTheTemplate(t *testing.T) {
	c, _, by := assigned(t)
	p := by["s3"]
	p.KPI("rev").Target = 120
	p.KPI("calls").Weight = 2
	p.KPIs = p.KPIs[:2] // drops nps
	if err := c.w.Save(p); err != nil {
		t.Fatal(err)
	}
	got, err := c.w.Overrides(p)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"kpis[rev].target 100 120", "kpis[calls].weight 1 2", "kpis[nps] NPS "}
	if len(got) != len(want) {
		t.Fatalf("overrides %+v, want %v", got, want)
	}
	for i, o := range got {
		if s := o.Path() + " " + o.Template + " " + o.Plan; s != want[i] {
			t.Errorf("override %d = %q, want %q", i, s, want[i])
		}
	}
	if o, _ := c.w.Overrides(by["s4"]); len(o) != 0 {
		t.Errorf("untouched plan has overrides %+v", o)
	}
	p.KPI("rev").Target = 100 // back to the template's value: no longer an override
	if err := c.w.Save(p); err != nil {
		t.Fatal(err)
	}
	if o, _ := c.w.Overrides(p); len(o) != 2 {
		t.Errorf("after undoing the target: %+v", o)
	}
}

// version2 is the template with Doanh thu's target 100 → 110 and a new KPI
// "Khách hàng mới" (new, group B).
func version2(tp *app.Template) *app.Template {
	n := tp.Clone()
	n.Version = 0
	n.KPI("rev").Target = 110
	k := app.CustomKPI("new", "Khách hàng mới")
	k.Target, k.Group = 12, app.GroupB
	n.KPIs = append(n.KPIs, k)
	return n
}

func TestUpdateKeepsOverridesLeavesApprovedPlansAndWritesHistory(t *testing.T) {
	c, tp, by := assigned(t)
	s3 := by["s3"]
	s3.KPI("rev").Target = 120 // s3 overrides the target
	if err := c.w.Save(s3); err != nil {
		t.Fatal(err)
	}
	approve(t, c.w, by["s4"])
	pv, err := c.w.PreviewUpdate(version2(tp), false, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.Plans) != 5 || pv.Overridden() != 1 || len(pv.Blocked()) != 1 || pv.Blocked()[0].Plan.ID != by["s4"].ID {
		t.Fatalf("holding %d, overridden %d, blocked %d; want 5, 1, 1", len(pv.Plans), pv.Overridden(), len(pv.Blocked()))
	}
	if len(pv.Counts) != 1 || pv.Counts[0].Name != "Doanh thu" || pv.Counts[0].Field != "target" || pv.Counts[0].Plans != 1 {
		t.Fatalf("override counts %+v", pv.Counts)
	}
	if len(pv.Diff) != 2 || pv.Diff[0].Path != "kpis[rev].target" || pv.Diff[1].Path != "kpis[new]" {
		t.Fatalf("diff %+v", pv.Diff)
	}
	res, err := c.w.ApplyUpdate(pv, workspace.UpdateChoice{To: workspace.ApplyAll}, "targets up")
	if err != nil {
		t.Fatal(err)
	}
	if res.Version != 2 || res.Changed != 4 || res.Left != 1 {
		t.Fatalf("result %+v, want v2, 4 changed, 1 left", res)
	}
	for code, p := range by {
		got, _ := c.w.Plan(p.ID)
		wantTarget, wantKPIs, wantV := 110.0, 4, 2
		switch code {
		case "s3":
			wantTarget = 120 // overridden: kept
		case "s4":
			wantTarget, wantKPIs, wantV = 100, 3, 1 // approved: left alone
		}
		if got.KPI("rev").Target != wantTarget || len(got.KPIs) != wantKPIs || got.TemplateVersion != wantV {
			t.Errorf("%s: target %g, %d KPIs, v%d; want %g, %d, v%d", code, got.KPI("rev").Target, len(got.KPIs), got.TemplateVersion, wantTarget, wantKPIs, wantV)
		}
	}
	h, _ := c.w.History(by["s1"].ID)
	found := false
	for _, e := range h {
		if e.Path == "kpis[rev].target" && e.Old == "100" && e.New == "110" && e.Reason == "template "+tp.Name+" v2" {
			found = true
		}
	}
	if !found {
		t.Errorf("s1's history lacks the target change: %+v", h)
	}
	s3now, _ := c.w.Plan(s3.ID)
	if o, _ := c.w.Overrides(s3now); len(o) != 1 || o[0].Template != "110" || o[0].Plan != "120" {
		t.Errorf("s3's overrides against v2: %+v", o)
	}
}

func TestUpdateChoicesUnoverriddenSelectedAndForce(t *testing.T) {
	for _, tc := range []struct {
		name    string
		choice  func(by map[string]*app.Plan) workspace.UpdateChoice
		force   bool
		changed int
		s3      float64
	}{
		{"unoverridden", func(map[string]*app.Plan) workspace.UpdateChoice {
			return workspace.UpdateChoice{To: workspace.ApplyUnoverridden}
		}, false, 4, 120},
		{"selected", func(by map[string]*app.Plan) workspace.UpdateChoice {
			return workspace.UpdateChoice{To: workspace.ApplySelected, Plans: []app.PlanID{by["s1"].ID, by["s3"].ID}}
		}, false, 2, 120},
		{"all-forced", func(map[string]*app.Plan) workspace.UpdateChoice {
			return workspace.UpdateChoice{To: workspace.ApplyAll}
		}, true, 5, 110},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, tp, by := assigned(t)
			s3 := by["s3"]
			s3.KPI("rev").Target = 120
			if err := c.w.Save(s3); err != nil {
				t.Fatal(err)
			}
			pv, err := c.w.PreviewUpdate(version2(tp), tc.force, "")
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.w.ApplyUpdate(pv, tc.choice(by), "")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := c.w.Plan(s3.ID)
			wantS3KPIs := 4 // every choice here but unoverridden changes s3 (it gets "new")
			if tc.name == "unoverridden" {
				wantS3KPIs = 3
			}
			if res.Changed != tc.changed || got.KPI("rev").Target != tc.s3 || len(got.KPIs) != wantS3KPIs {
				t.Errorf("changed %d, s3 target %g with %d KPIs; want %d, %g, %d", res.Changed, got.KPI("rev").Target, len(got.KPIs), tc.changed, tc.s3, wantS3KPIs)
			}
		})
	}
}

func TestTemplateVersionsAreKeptAndValidated(t *testing.T) {
	c := newTplCompany(t)
	tp := salesTemplate(t, c.w)
	n := version2(tp)
	if err := c.w.SaveTemplate(n, "more"); err != nil || n.Version != 2 {
		t.Fatalf("v%d: %v", n.Version, err)
	}
	vs, err := c.w.TemplateVersions(tp.UID)
	if err != nil || len(vs) != 2 || vs[0].KPI("rev").Target != 100 || vs[1].KPI("rev").Target != 110 || vs[1].Note != "more" {
		t.Fatalf("versions %d: %v", len(vs), err)
	}
	bad := app.NewTemplate("", "", -1)
	err = c.w.SaveTemplate(bad, "")
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("invalid template saved: %v", err)
	}
	fields := map[string]bool{}
	for _, f := range ve.Fields {
		fields[f.Field] = true
	}
	for _, f := range []string{"name", "position", "level", "kpis"} {
		if !fields[f] {
			t.Errorf("no error on %s: %v", f, err)
		}
	}
}
