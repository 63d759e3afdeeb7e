package smart

import (
	"testing"

	"kpiplanner/app"
)

type fakeCatalog struct{ vanity, inSet map[string]bool }

func (f fakeCatalog) Vanity(id string) bool          { return f.vanity[id] }
func (f fakeCatalog) InGoalSet(goal, id string) bool { return f.inSet[goal+"/"+id] }

var cat = fakeCatalog{
	vanity: map[string]bool{"page-views": true},
	inSet:  map[string]bool{"lead-generation/mql": true},
}

// quarterPlan runs 2026-01-01 – 2026-03-31 (≈ 2.96 months: 90 days / 30.44).
func quarterPlan() *app.Plan {
	p := app.NewPlan()
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 3, 31), Frequency: app.Monthly}
	p.Goal = app.Goal{Text: "Grow qualified leads by 30% in Q1 2026", Type: "lead-generation"}
	return p
}

func goodKPI() app.KPI {
	return app.KPI{ID: "mql", LibraryID: "mql", Name: "Marketing qualified leads per month",
		Unit: app.Count, Direction: app.Higher, Baseline: app.Float(100), Target: 130,
		DataSource: "CRM", Group: app.GroupA, Weight: 1, Aggregation: app.Sum,
		Deadline: app.NewDate(2026, 3, 31)}
}

func TestKPIChecks(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p *app.Plan, k *app.KPI)
		letter Letter
		want   Verdict
	}{
		{"good S", nil, Specific, Pass},
		{"good M", nil, Measurable, Pass},
		{"good A", nil, Achievable, Pass}, // 30 % / 2.96 months ≈ 10 % a month
		{"good R", nil, Relevant, Pass},
		{"good T", nil, TimeBound, Pass},
		{"short name", func(p *app.Plan, k *app.KPI) { k.Name = "Leads" }, Specific, Fail},
		{"short name with description", func(p *app.Plan, k *app.KPI) { k.Name = "Leads"; k.Description = "MQLs from the website" }, Specific, Pass},
		{"vague english", func(p *app.Plan, k *app.KPI) { k.Name = "Improve customer service quality" }, Specific, Warn},
		{"vague vietnamese", func(p *app.Plan, k *app.KPI) { k.Name = "Nâng cao chất lượng dịch vụ" }, Specific, Warn},
		{"vague with number", func(p *app.Plan, k *app.KPI) { k.Name = "Increase leads by 30% from ads" }, Specific, Pass},
		{"vague inside a word", func(p *app.Plan, k *app.KPI) { k.Name = "Betterment fund contributions" }, Specific, Pass},
		{"no unit", func(p *app.Plan, k *app.KPI) { k.Unit = "" }, Measurable, Fail},
		{"no target", func(p *app.Plan, k *app.KPI) { k.Target = 0; k.Baseline = nil }, Measurable, Fail},
		{"zero target lower with baseline", func(p *app.Plan, k *app.KPI) { k.Direction = app.Lower; k.Target = 0; k.Baseline = app.Float(10) }, Measurable, Pass},
		{"no data source", func(p *app.Plan, k *app.KPI) { k.DataSource = " " }, Measurable, Fail},
		{"milestone needs no target", func(p *app.Plan, k *app.KPI) { k.Direction = app.Milestone; k.Target = 0 }, Measurable, Pass},
		{"no baseline", func(p *app.Plan, k *app.KPI) { k.Baseline = nil }, Achievable, Warn},
		// regression: a baseline and no target yet read as "plausible"
		{"no target yet", func(p *app.Plan, k *app.KPI) { k.Target = 0 }, Achievable, Warn},
		{"zero baseline", func(p *app.Plan, k *app.KPI) { k.Baseline = app.Float(0) }, Achievable, Warn},
		// 100 → 400 is +300 % over 2.96 months ≈ 101 % a month: above 50 %, below 200 %
		{"ambitious", func(p *app.Plan, k *app.KPI) { k.Target = 400 }, Achievable, Warn},
		// 100 → 800 is +700 % over 2.96 months ≈ 237 % a month: above 200 %
		{"impossible", func(p *app.Plan, k *app.KPI) { k.Target = 800 }, Achievable, Fail},
		// 100 → 250 by 2026-01-31 (1.02 months): 150 % a month
		{"early deadline", func(p *app.Plan, k *app.KPI) { k.Target = 250; k.Deadline = app.NewDate(2026, 1, 31) }, Achievable, Warn},
		// lower: 10 → 0 is −100 % over 2.96 months ≈ 34 % a month
		{"zero complaints", func(p *app.Plan, k *app.KPI) { k.Direction = app.Lower; k.Target = 0; k.Baseline = app.Float(10) }, Achievable, Pass},
		{"range not judged", func(p *app.Plan, k *app.KPI) { k.Direction = app.Range; k.Baseline = nil }, Achievable, Pass},
		{"no goal", func(p *app.Plan, k *app.KPI) { p.Goal.Text = "" }, Relevant, Fail},
		{"no group", func(p *app.Plan, k *app.KPI) { k.Group = "" }, Relevant, Fail},
		{"not in goal set, no link", func(p *app.Plan, k *app.KPI) { k.LibraryID = "x"; k.Name = "Office supplies spend per month" }, Relevant, Warn},
		{"word shared with goal", func(p *app.Plan, k *app.KPI) { k.LibraryID = ""; k.Name = "Qualified leads from events" }, Relevant, Pass},
		{"rationale links it", func(p *app.Plan, k *app.KPI) {
			k.LibraryID = "x"
			k.Name = "Office supplies spend"
			k.Rationale = "frees budget for ads"
		}, Relevant, Pass},
		{"vanity", func(p *app.Plan, k *app.KPI) { k.LibraryID = "page-views"; k.Name = "Page views of the blog" }, Relevant, Warn},
		{"no deadline", func(p *app.Plan, k *app.KPI) { k.Deadline = app.Date{} }, TimeBound, Fail},
		{"deadline after cycle", func(p *app.Plan, k *app.KPI) { k.Deadline = app.NewDate(2026, 4, 1) }, TimeBound, Fail},
		{"no frequency", func(p *app.Plan, k *app.KPI) { p.Cycle.Frequency = "" }, TimeBound, Fail},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, k := quarterPlan(), goodKPI()
			if tc.edit != nil {
				tc.edit(p, &k)
			}
			checks := KPI(p, &k, cat)
			if len(checks) != 5 {
				t.Fatalf("%d checks", len(checks))
			}
			for _, c := range checks {
				if c.Letter == tc.letter {
					if c.Verdict != tc.want {
						t.Errorf("%s = %s (%s), want %s", c.Letter, c.Verdict, c.Reason, tc.want)
					}
					if c.Reason.Key == "" {
						t.Error("no reason")
					}
				}
			}
		})
	}
}

func TestPlanWarnings(t *testing.T) {
	p := quarterPlan()
	for i := 0; i < 8; i++ {
		k := goodKPI()
		k.ID = string(rune('a' + i))
		p.KPIs = append(p.KPIs, k) // all in group A: B and C empty
	}
	p.KPIs[0].LibraryID = "page-views"
	p.Rules.GroupWeights[app.GroupC] = 25 // 50 + 30 + 25 = 105
	ws := Plan(p, cat)
	want := []string{
		"%d KPIs for one person: more than %d dilutes focus; keep the 5–7 that matter most.",
		"Group weights sum to %g, not 100.",
		"Group %s has weight %g but no KPI.", // B
		"Group %s has weight %g but no KPI.", // C
		"“%s” is a vanity metric: it looks good but may not move the goal.",
	}
	if len(ws) != len(want) {
		t.Fatalf("got %d warnings %v, want %d", len(ws), ws, len(want))
	}
	for i, w := range ws {
		if w.Msg.Key != want[i] {
			t.Errorf("warning %d = %q, want %q", i, w.Msg.Key, want[i])
		}
	}
	if ws[0].Msg.String() != "8 KPIs for one person: more than 7 dilutes focus; keep the 5–7 that matter most." {
		t.Errorf("message %q", ws[0].Msg)
	}
	if ws[4].KPI != "a" {
		t.Errorf("vanity warning names %q", ws[4].KPI)
	}
	p.KPIs = p.KPIs[:5]
	p.KPIs[3].Group, p.KPIs[4].Group = app.GroupB, app.GroupC
	p.KPIs[0].LibraryID = "mql"
	p.Rules.GroupWeights[app.GroupC] = 20
	if ws := Plan(p, cat); len(ws) != 0 {
		t.Errorf("clean plan warned: %v", ws)
	}
}

func TestWorst(t *testing.T) {
	if w := Worst([]Check{{Verdict: Pass}, {Verdict: Warn}}); w != Warn {
		t.Error(w)
	}
	if w := Worst([]Check{{Verdict: Warn}, {Verdict: Fail}, {Verdict: Pass}}); w != Fail {
		t.Error(w)
	}
}
