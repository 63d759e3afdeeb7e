package demo_test

import (
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/cascade"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/template"
	"kpiplanner/storage"
)

func TestSaveTwiceSharesUnitsAndContinuesCodes(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Save(s, 5, 1, "en"); err != nil {
		t.Fatal(err)
	}
	plans, err := demo.Save(s, 3, 2, "vi")
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.People()
	units, _ := s.Units()
	if len(people) != 8 || people[7].Code != "NV0008" {
		t.Fatalf("%d people, last %+v", len(people), people[len(people)-1])
	}
	if len(units) != 8 { // the root and 7 departments, once: codes are the same in both languages
		t.Fatalf("%d units, want 8", len(units))
	}
	p, err := s.Plan(plans[0].ID)
	if err != nil || p.Person.Code == "" || p.Person.Unit == "" {
		t.Fatalf("a demo plan's person view = %+v, %v", p.Person, err)
	}
}

// TestSaveAddsTheSalesCascadeAndATemplate: the demo workspace has the Sales
// department's plan, its salespeople's revenue rolled up into it (coverage
// short of the unit target), one person with a team weight whose official
// total includes it, and a template held by that person's plan with its
// revenue target adjusted.
func TestSaveAddsTheSalesCascadeAndATemplate(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Save(s, 40, 1, "vi"); err != nil {
		t.Fatal(err)
	}
	plans, err := s.Plans() // rolled up, with the team component's unit totals
	if err != nil {
		t.Fatal(err)
	}
	var unit, team *app.Plan
	for _, p := range plans {
		switch {
		case p.IsUnitPlan():
			unit = p
		case p.Rules.TeamWeight > 0:
			team = p
		}
	}
	if unit == nil || team == nil {
		t.Fatalf("unit plan %v, team plan %v", unit != nil, team != nil)
	}
	g := cascade.New(plans)
	line := g.Line(unit, &unit.KPIs[0])
	if len(g.Contributors(unit, "k1")) < 2 || line.Gap <= 0 {
		t.Errorf("coverage %+v: want two contributors or more and a gap (the unit target is 8 %% above their sum)", line)
	}
	if len(unit.KPIs[0].Actuals) == 0 {
		t.Error("the unit's revenue has no rolled-up actuals")
	}
	r := score.OfficialResult(team, app.NewDate(2026, 12, 31))
	if !r.Team || r.TeamWeight != 20 || r.Official != score.TeamTotal(r.Own, r.Unit, 20) {
		t.Errorf("team plan: %+v", r)
	}
	ts, err := s.Templates()
	if err != nil || len(ts) != 1 || team.TemplateUID != ts[0].UID {
		t.Fatalf("templates %d %v; the team plan holds %q", len(ts), err, team.TemplateUID)
	}
	if ov := template.Overrides(team, ts[0]); len(ov) == 0 || ov[0].Field != "target" && ov[0].Field != "unit_plan" {
		t.Errorf("overrides %+v: want the revenue target adjusted", ov)
	}
}
