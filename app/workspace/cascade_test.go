package workspace_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
	"kpiplanner/app/score"
	"kpiplanner/app/workspace"
)

var y2026 = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}

func cascadePlan(name string, unit app.UID, ks ...app.KPI) *app.Plan {
	p := app.NewPlan()
	p.Name, p.UnitUID, p.Cycle, p.KPIs = name, unit, y2026, ks
	p.Person.Name = name
	return p
}

func sumKPI(id string, target float64, to *app.Plan, toKPI string, share float64, acts ...app.Actual) app.KPI {
	k := app.CustomKPI(id, id)
	k.Target, k.Group, k.Actuals = target, app.GroupA, acts
	if to != nil {
		k.UnitPlan, k.UnitKPI, k.Share = to.UID, toKPI, share
	}
	return k
}

// threeLevels saves a company plan, a department plan contributing to it
// and two salespeople contributing to the department.
func threeLevels(t *testing.T, w *workspace.Workspace) (co, kd, an, binh *app.Plan) {
	t.Helper()
	co = cascadePlan("Company", "U-CO", sumKPI("rev", 20e9, nil, "", 0))
	save := func(p *app.Plan) {
		if err := w.Save(p); err != nil {
			t.Fatalf("save %s: %v", p.Name, err)
		}
	}
	save(co)
	kd = cascadePlan("Phòng KD", "U-KD", sumKPI("rev", 10e9, co, "rev", 1))
	save(kd)
	an = cascadePlan("An", "", sumKPI("rev", 5e9, kd, "rev", 1, app.Actual{Period: 0, Value: 400e6}))
	binh = cascadePlan("Bình", "", sumKPI("rev", 4.2e9, kd, "rev", 0.5, app.Actual{Period: 0, Value: 200e6}))
	save(an)
	save(binh)
	return co, kd, an, binh
}

func TestUnitPlansRollUpOnLoadAndRefuseTypedActuals(t *testing.T) {
	w := open(t)
	co, kd, _, _ := threeLevels(t, w)
	got, err := w.Plan(co.ID)
	if err != nil {
		t.Fatal(err)
	}
	// 400 + 0.5 × 200 = 500 million, from the people through the department.
	if a := got.KPIs[0].Actuals; len(a) != 1 || a[0].Value != 500e6 {
		t.Fatalf("company actuals %v, want 500 million in period 0", a)
	}
	all, err := w.Store().Plans() // derived on load here too: exports, dashboards and the CLI read these
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		if p.ID == kd.ID {
			if a := p.KPIs[0].Actuals; len(a) != 1 || a[0].Value != 500e6 {
				t.Errorf("Store.Plans: department actuals %v, want 500 million rolled up", a)
			}
		}
	}
	rows, err := w.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		// 500 million of 20 tỷ in period 0: a sum KPI's target is scaled to
		// the window, so the company scores like its people's sum does.
		if r.ID == co.ID && !r.HasTotal {
			t.Errorf("company summary has no total: its actuals were not rolled up")
		}
	}
	unit, _ := w.Plan(kd.ID)
	unit.KPIs[0].SetActual(app.Actual{Period: 1, Value: 1})
	err = w.Save(unit)
	var fe *app.FieldError
	if !errors.As(err, &fe) || fe.KPI != "rev" || !strings.Contains(fe.Msg.String(), "rolled up") {
		t.Fatalf("typing an actual into a rolled-up KPI: %v", err)
	}
	unit, _ = w.Plan(kd.ID)
	unit.KPIs[0].Target = 11e9
	if err := w.Save(unit); err != nil {
		t.Fatalf("changing a rolled-up KPI's target: %v", err)
	}
	h, _ := w.Store().History(kd.UID)
	for _, e := range h {
		if strings.Contains(e.Path, "actuals") {
			t.Errorf("history records a derived actual: %+v", e)
		}
	}
}

func TestContributionLoopsAndBadLinksAreRefused(t *testing.T) {
	w := open(t)
	co, kd, _, _ := threeLevels(t, w)
	top, _ := w.Plan(co.ID)
	top.KPIs[0].UnitPlan, top.KPIs[0].UnitKPI, top.KPIs[0].Share = kd.UID, "rev", 1
	var ce *cascade.CycleError
	if err := w.Save(top); !errors.As(err, &ce) {
		t.Fatalf("a loop company → department → company was saved: %v", err)
	}
	top, _ = w.Plan(co.ID)
	top.KPIs[0].UnitPlan, top.KPIs[0].UnitKPI, top.KPIs[0].Share = kd.UID, "nope", 1
	if err := w.Save(top); err == nil || !strings.Contains(err.Error(), "no KPI nope") {
		t.Fatalf("a link to a missing KPI: %v", err)
	}
}

func TestSplitTargetInOneTransactionWithHistory(t *testing.T) {
	w := open(t)
	_, kd, an, binh := threeLevels(t, w)
	parts, err := w.SplitPlan(kd.ID, "rev", cascade.Equal, nil, 1000)
	if err != nil {
		t.Fatal(err)
	}
	// 10 tỷ in two equal parts of 5 tỷ; Bình's share is 0.5, so his target is 10 tỷ.
	if len(parts) != 2 || parts[0].Part != 5e9 || parts[1].Part != 5e9 || parts[1].Target != 10e9 {
		t.Fatalf("parts %+v", parts)
	}
	if err := w.ApplySplit(parts, ""); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		p       *app.Plan
		want    float64
		entries int // An's target was 5 tỷ already: nothing to record
	}{{an, 5e9, 1}, {binh, 10e9, 2}} {
		got, _ := w.Plan(c.p.ID)
		if math.Abs(got.KPIs[0].Target-c.want) > 1e-6 {
			t.Errorf("%s target %v, want %v", c.p.Name, got.KPIs[0].Target, c.want)
		}
		h, _ := w.Store().History(c.p.UID)
		found := false
		for _, e := range h {
			found = found || e.Path == "kpis[rev].target" && e.New != ""
		}
		if len(h) != c.entries || found != (c.entries == 2) {
			t.Errorf("%s: history %+v, want %d entries", c.p.Name, h, c.entries)
		}
	}
	g, _, _ := w.Cascade()
	unit := g.Plan(kd.UID)
	if l := g.Line(unit, unit.KPI("rev")); math.Abs(l.Gap) > 1e-6 {
		t.Errorf("gap after the split: %v", l.Gap)
	}
}

// TestTeamComponentIsTheOfficialTotalEverywhere: a person with a team
// weight gets the combined total from Plan, Store.Plans, Summaries and the
// bonus inputs alike.
func TestTeamComponentIsTheOfficialTotalEverywhere(t *testing.T) {
	w, lan := company(t) // Lan in SALES: k1, a sum KPI, target 1 200 (100 a month), group A 100
	lan, _ = w.Plan(lan.ID)
	kd := cascadePlan("Kinh doanh 2026", lan.Person.Unit, sumKPI("rev", 2400, nil, "", 0))
	if err := w.Save(kd); err != nil {
		t.Fatal(err)
	}
	k := &lan.KPIs[0]
	k.UnitPlan, k.UnitKPI, k.Share = kd.UID, "rev", 1
	k.SetActual(app.Actual{Period: 0, Value: 150})
	lan.Rules.TeamWeight = 20
	if err := w.Save(lan); err != nil {
		t.Fatal(err)
	}
	// Lan: 150 of 100 = 150 %, capped 120: own 120. SALES: 150 of 2 400 / 12 = 200: 75.
	// 0.8 × 120 + 0.2 × 75 = 96 + 15 = 111: Excellent (110 and up), × 1.5.
	check := func(where string, r score.Result) {
		t.Helper()
		if !r.Team || r.Own != 120 || r.Unit != 75 || r.Official != 111 || r.Rating.Name != "Excellent" || r.Bonus != 15_000_000 {
			t.Errorf("%s: team %v own %v unit %v official %v %s %v; want 120, 75, 111 Excellent 15 000 000",
				where, r.Team, r.Own, r.Unit, r.Official, r.Rating.Name, r.Bonus)
		}
	}
	check("after Save", w.Official(lan))
	got, err := w.Plan(lan.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("Plan", w.Official(got))
	all, err := w.Store().Plans()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range all {
		if p.ID == lan.ID {
			check("Store.Plans", w.Official(p))
		}
	}
	rows, err := w.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.ID == lan.ID && (r.Total != 111 || r.Rating != "Excellent" || r.Bonus != 15_000_000) {
			t.Errorf("Summaries: %v %s %v; want 111 Excellent 15 000 000", r.Total, r.Rating, r.Bonus)
		}
	}
	for _, a := range []app.Action{app.Submit, app.Approve} { // only approved plans take part in the bonus
		if _, skipped, err := w.TransitionMany([]app.PlanID{lan.ID}, a, ""); err != nil || len(skipped) > 0 {
			t.Fatalf("%s: %v %v", a, skipped, err)
		}
	}
	pol, err := w.BonusPolicy(lan.Cycle)
	if err != nil {
		t.Fatal(err)
	}
	in, err := w.BonusInputs(lan.Cycle, pol, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range in {
		if x.Plan == lan.UID && x.Score != 111 {
			t.Errorf("bonus input score %v, want 111", x.Score)
		}
	}
	if len(in) == 0 {
		t.Error("no bonus input")
	}
}
