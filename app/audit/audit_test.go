package audit

import (
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/i18n"
)

type fakeCatalog map[string]bool

func (c fakeCatalog) Vanity(id string) bool          { return c[id] }
func (c fakeCatalog) InGoalSet(goal, id string) bool { return id != "" }

var cycle2026 = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}

// goodKPI passes every check: specific, measurable, achievable (+20 % in a
// year), relevant (in the goal set), time-bound, with a source and an owner.
func goodKPI(id, name string) app.KPI {
	k := app.CustomKPI(id, name)
	k.LibraryID, k.Unit, k.Target, k.Baseline = "lib-"+id, app.Currency, 120, app.Float(100)
	k.Group, k.DataSource, k.Owner, k.Deadline = app.GroupA, "CRM", "Lan", app.NewDate(2026, 12, 31)
	return k
}

// goodPlan is an approved plan with three good KPIs, one in each group.
func goodPlan(id app.PlanID, person string) *app.Plan {
	p := app.NewPlan()
	p.ID, p.Name, p.Status, p.Cycle = id, "Plan "+person, app.Approved, cycle2026
	p.PersonUID, p.Person.Name = app.UID("uid-"+person), person
	p.Goal = app.Goal{Text: "Grow revenue from new customers", Type: "sales"}
	a, b, c := goodKPI("k1", "Revenue from new customers"), goodKPI("k2", "Orders from new customers"), goodKPI("k3", "Quotes sent to new customers")
	b.Group, c.Group = app.GroupB, app.GroupC
	p.KPIs = []app.KPI{a, b, c}
	return p
}

func problemsOf(r Report, plan app.PlanID) []Problem {
	var out []Problem
	for _, f := range r.Findings {
		if f.Plan == plan {
			out = append(out, f.Problem)
		}
	}
	slices.Sort(out)
	return out
}

func TestAuditFindsEachProblem(t *testing.T) {
	today := app.NewDate(2025, 12, 24) // eight days before the 2026 cycle starts
	cases := map[string]struct {
		edit func(p *app.Plan)
		want []Problem
	}{
		"good":           {func(p *app.Plan) {}, nil},
		"vague name":     {func(p *app.Plan) { p.KPIs[0].Name = "Revenue" }, []Problem{SmartS}},
		"no data source": {func(p *app.Plan) { p.KPIs[0].DataSource = "" }, []Problem{NoDataSource, SmartM}},
		"no owner":       {func(p *app.Plan) { p.KPIs[1].Owner = "" }, []Problem{NoOwner}},
		// 100 to 3 000 in 12 months: +242 % a month, beyond the 200 % the SMART check allows.
		"far-fetched": {func(p *app.Plan) { p.KPIs[0].Target = 3000 }, []Problem{SmartA}},
		"no goal":     {func(p *app.Plan) { p.Goal.Text = "" }, []Problem{SmartR, SmartR, SmartR}},
		"no deadline": {func(p *app.Plan) { p.KPIs[2].Deadline = app.Date{} }, []Problem{SmartT}},
		"vanity":      {func(p *app.Plan) { p.KPIs[2].LibraryID = "page-views" }, []Problem{Vanity}},
		"eight KPIs": {func(p *app.Plan) {
			for i := range 5 {
				p.KPIs = append(p.KPIs, goodKPI(string(rune('d'+i)), "Calls made to new customers "+string(rune('a'+i))))
			}
		}, []Problem{TooManyKPIs}},
		"weights":     {func(p *app.Plan) { p.Rules.GroupWeights[app.GroupC] = 10 }, []Problem{GroupWeights}},
		"empty group": {func(p *app.Plan) { p.KPIs[2].Group = app.GroupB }, []Problem{EmptyGroup}},
		"duplicate": {func(p *app.Plan) {
			p.KPIs[1].Name = "revenue from NEW customers"
		}, []Problem{Duplicate}},
		"draft": {func(p *app.Plan) { p.Status = app.Draft }, []Problem{DraftLate}},
	}
	var plans []*app.Plan
	ids := map[string]app.PlanID{}
	for name, c := range cases {
		p := goodPlan(app.PlanID(len(plans)+1), name)
		c.edit(p)
		ids[name] = p.ID
		plans = append(plans, p)
	}
	r := Run(plans, Options{Catalog: fakeCatalog{"page-views": true}, Today: today})
	for name, c := range cases {
		want := slices.Clone(c.want)
		slices.Sort(want)
		if got := problemsOf(r, ids[name]); !slices.Equal(got, want) {
			t.Errorf("%s: problems %v, want %v", name, got, want)
		}
	}
	n := map[Problem]int{}
	for _, c := range r.Counts {
		n[c.Problem] = c.N
	}
	if n[SmartR] != 3 || n[SmartM] != 1 || n[Sandbagging] != 0 {
		t.Errorf("counts %v", r.Counts)
	}
	for i := 1; i < len(r.Counts); i++ {
		if r.Counts[i].N > r.Counts[i-1].N {
			t.Fatalf("counts not most frequent first: %v", r.Counts)
		}
	}
}

func TestAuditComparesWithTheLastCycle(t *testing.T) {
	prev := goodPlan(1, "An")
	prev.Cycle = app.Cycle{Start: app.NewDate(2025, 1, 1), End: app.NewDate(2025, 12, 31), Frequency: app.Monthly}
	for i := range prev.KPIs {
		prev.KPIs[i].Deadline = app.NewDate(2025, 12, 31)
	}
	// Last year An made 150 of revenue (sum of 100 + 50) and 10 orders.
	prev.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 100}, {Period: 5, Value: 50}}
	prev.KPIs[1].Actuals = []app.Actual{{Period: 0, Value: 10}}
	cur := goodPlan(2, "An")
	cur.KPIs[0].Target = 120 // below last year's 150: sandbagging
	cur.KPIs[1].Target = 400 // 10 to 400 in a year: +325 % a month, implausible
	r := Run([]*app.Plan{prev, cur}, Options{})
	got := problemsOf(r, 2)
	if want := []Problem{Implausible, Sandbagging}; !slices.Equal(got, want) {
		t.Fatalf("problems %v, want %v", got, want)
	}
	// Only the subtree: keeping plan 1 alone finds nothing of plan 2.
	if r := Run([]*app.Plan{prev, cur}, Options{Keep: func(p *app.Plan) bool { return p.ID == 1 }}); len(problemsOf(r, 2)) != 0 {
		t.Error("Keep did not filter")
	}
}

func TestAuditMissingComments(t *testing.T) {
	p := goodPlan(1, "An")
	p.ClosedPeriods = 1
	p.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 1}} // 1 of a monthly 10: red, no comment
	r := Run([]*app.Plan{p}, Options{})
	if got := problemsOf(r, 1); !slices.Equal(got, []Problem{MissingComment}) {
		t.Fatalf("problems %v, want a missing comment", got)
	}
	p.KPIs[0].Actuals[0].Comment = "Khách hàng lớn hoãn đơn"
	if got := problemsOf(Run([]*app.Plan{p}, Options{}), 1); len(got) != 0 {
		t.Fatalf("problems %v after the comment", got)
	}
}

func TestAuditOfTheDemoCompany(t *testing.T) {
	plans := demo.Company(200, 1)
	r := Run(plans, Options{Today: app.NewDate(2026, 1, 1)})
	if len(r.Findings) == 0 {
		t.Fatal("the demo company has no problems")
	}
	total := 0
	for _, c := range r.Counts {
		total += c.N
	}
	if total != len(r.Findings) {
		t.Errorf("counts sum to %d, findings %d", total, len(r.Findings))
	}
	Sort(r.Findings, ByPerson, false)
	vi := i18n.NewSorter()
	for i := 1; i < len(r.Findings); i++ {
		if vi.Compare(r.Findings[i-1].Person, r.Findings[i].Person) > 0 {
			t.Fatalf("not sorted by person at %d: %q, %q", i, r.Findings[i-1].Person, r.Findings[i].Person)
		}
	}
	t.Logf("demo company, 200 people: %d findings: %v", len(r.Findings), r.Counts)
}
