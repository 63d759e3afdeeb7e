package dashboard

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/trend"
)

// statLine writes a KPIStat compactly for comparisons.
func statLine(s KPIStat) string {
	return fmt.Sprintf("%s %q uses %d scored %d mean %.4f ach %.4f off %d", s.Key, s.Name, s.Uses, s.Scored, s.MeanScore, s.MeanAchievement, s.OffTrack)
}

func statLines(ss []KPIStat) []string {
	out := []string{}
	for _, s := range ss {
		out = append(out, statLine(s))
	}
	return out
}

func checkSummary(t *testing.T, got, want Summary) {
	t.Helper()
	if got.People != want.People || got.Scored != want.Scored || got.NoTotal != want.NoTotal {
		t.Errorf("people/scored/no total = %d/%d/%d, want %d/%d/%d", got.People, got.Scored, got.NoTotal,
			want.People, want.Scored, want.NoTotal)
	}
	if !near(got.Mean, want.Mean) || !near(got.Median, want.Median) {
		t.Errorf("mean, median = %v, %v, want %v, %v", got.Mean, got.Median, want.Mean, want.Median)
	}
	if !slices.Equal(got.Ratings, want.Ratings) {
		t.Errorf("ratings = %v, want %v", got.Ratings, want.Ratings)
	}
	if len(got.Pool) != len(want.Pool) {
		t.Fatalf("pool = %v, want %v", got.Pool, want.Pool)
	}
	for i := range got.Pool {
		if got.Pool[i].Currency != want.Pool[i].Currency || !near(got.Pool[i].Sum, want.Pool[i].Sum) {
			t.Errorf("pool = %v, want %v", got.Pool, want.Pool)
		}
	}
}

// ratings lists the default bands' counts: Excellent, Good, Fair, Below target.
func ratings(ex, good, fair, below int) []RatingCount {
	return []RatingCount{{"Excellent", 110, ex}, {"Good", 90, good}, {"Fair", 70, fair}, {"Below target", 0, below}}
}

func TestDirector(t *testing.T) {
	c := New(fixture(), score.PickAt(march))
	cases := map[string]struct {
		dept        string
		summary     Summary
		results     int
		top, bottom []string
	}{
		"whole company": {
			dept: "",
			// totals 112.5, 72.5, 90, 100: mean 375 / 4 = 93.75; median (90 + 100) / 2 = 95
			// pool: USD 1 000; VND 15 000 000 + 5 000 000 + 8 000 000 = 28 000 000
			summary: Summary{People: 5, Scored: 4, Mean: 93.75, Median: 95, Ratings: ratings(1, 2, 1, 0), NoTotal: 1,
				Pool: []Amount{{"USD", 1000}, {"VND", 28e6}}},
			results: 5,
			// only rev is scored in ≥ 3 plans: (120 + 80 + 90 + 100) / 4 = 97.5
			top:    []string{`lib:rev "Revenue" uses 4 scored 4 mean 97.5000 ach 97.5000 off 0`},
			bottom: []string{},
		},
		"one department, few plans": {
			dept: " Marketing",
			// Dung 100 only
			summary: Summary{People: 2, Scored: 1, Mean: 100, Median: 100, Ratings: ratings(0, 1, 0, 0), NoTotal: 1,
				Pool: []Amount{{"USD", 1000}}},
			results: 2,
			// no kind scored 3 times: every scored kind; Leads and Revenue tie at 100, one plan each → by name
			top: []string{`lib:leads "Leads" uses 2 scored 1 mean 100.0000 ach 100.0000 off 0`,
				`lib:rev "Revenue" uses 1 scored 1 mean 100.0000 ach 100.0000 off 0`},
			bottom: []string{},
		},
		"unknown department": {
			dept:    "Finance",
			summary: Summary{Ratings: ratings(0, 0, 0, 0)[:0]},
			top:     []string{}, bottom: []string{},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			d := c.Director(tc.dept)
			checkSummary(t, d.Summary, tc.summary)
			if len(d.Results) != tc.results || len(d.Company) != 5 {
				t.Errorf("results %d, company %d; want %d, 5", len(d.Results), len(d.Company), tc.results)
			}
			if got := statLines(d.Top); !slices.Equal(got, tc.top) {
				t.Errorf("top =\n%q\nwant\n%q", got, tc.top)
			}
			if got := statLines(d.Bottom); !slices.Equal(got, tc.bottom) {
				t.Errorf("bottom =\n%q\nwant\n%q", got, tc.bottom)
			}
		})
	}
}

func TestDepartmentMeans(t *testing.T) {
	d := New(fixture(), score.PickAt(march)).Director("Sales")
	// Marketing: Dung 100 (Em has no total); Sales: (112.5 + 72.5 + 90) / 3 = 275 / 3
	want := []DeptMean{{"Marketing", 100, 1, 2}, {"Sales", 275.0 / 3, 3, 3}}
	if len(d.Departments) != len(want) {
		t.Fatalf("departments = %v, want %v", d.Departments, want)
	}
	for i, w := range want {
		g := d.Departments[i]
		if g.Department != w.Department || !near(g.Mean, w.Mean) || g.Scored != w.Scored || g.People != w.People {
			t.Errorf("department %d = %+v, want %+v", i, g, w)
		}
	}
	if len(d.Bands) != 4 || d.Bands[0].Name != "Excellent" {
		t.Errorf("bands = %v, want the default four", d.Bands)
	}
}

func TestTeam(t *testing.T) {
	tm := New(fixture(), score.PickAt(march)).Team("Sales")
	// totals 112.5, 90, 72.5: mean 275 / 3; median 90
	checkSummary(t, tm.Summary, Summary{People: 3, Scored: 3, Mean: 275.0 / 3, Median: 90,
		Ratings: ratings(1, 1, 1, 0), Pool: []Amount{{"VND", 28e6}}})
	var members []string
	for _, m := range tm.Members {
		members = append(members, fmt.Sprintf("%s %.1f %s %.0f %s off %d", m.Name, m.Total, m.Rating, m.Bonus, m.Currency, len(m.OffTrack)))
	}
	wantMembers := []string{"An 112.5 Excellent 15000000 VND off 0", "Chi 90.0 Good 8000000 VND off 0", "Binh 72.5 Fair 5000000 VND off 2"}
	if !slices.Equal(members, wantMembers) {
		t.Errorf("members =\n%q\nwant\n%q", members, wantMembers)
	}
	// Calls: An 100, Binh 60 (forecast 60 % < 85 %: off track), Chi no data → mean (100 + 60) / 2 = 80
	// Revenue: 120, 80 (off track), 90 (at risk) → mean 290 / 3; equal uses, so by name
	wantKPIs := []string{`name:calls "Calls" uses 3 scored 2 mean 80.0000 ach 80.0000 off 1`,
		fmt.Sprintf(`lib:rev "Revenue" uses 3 scored 3 mean %.4f ach %.4f off 1`, 290.0/3, 290.0/3)}
	if got := statLines(tm.KPIs); !slices.Equal(got, wantKPIs) {
		t.Errorf("kpis =\n%q\nwant\n%q", got, wantKPIs)
	}
	if len(tm.OffTrack) != 1 || tm.OffTrack[0].Name != "Binh" {
		t.Fatalf("off track = %+v, want Binh only", tm.OffTrack)
	}
	want := []KPIAlert{{"k1", "Revenue", 80}, {"k2", " calls ", 60}}
	for i, a := range tm.OffTrack[0].OffTrack {
		if a.ID != want[i].ID || a.Name != want[i].Name || !near(a.Forecast, want[i].Forecast) {
			t.Errorf("alert %d = %+v, want %+v", i, a, want[i])
		}
	}
}

func TestOffTrackOrder(t *testing.T) {
	ps := []*app.Plan{
		plan(1, "Ba", "Ops", "VND", 0, kpi("k1", "", "X", app.GroupA, 50)),
		plan(2, "An", "Ops", "VND", 0, kpi("k1", "", "X", app.GroupA, 50), kpi("k2", "", "Y", app.GroupA, 50)),
		plan(3, "Ca", "Ops", "VND", 0, kpi("k1", "", "X", app.GroupA, 40)),
	}
	// An has two KPIs off track, Ba and Ca one each: Ba (50) before Ca (40) by total
	var got []string
	for _, m := range New(ps, score.PickAt(march)).Team("Ops").OffTrack {
		got = append(got, m.Name)
	}
	if want := []string{"An", "Ba", "Ca"}; !slices.Equal(got, want) {
		t.Errorf("off track = %v, want %v", got, want)
	}
}

func TestSpecialist(t *testing.T) {
	c := New(fixture(), score.PickAt(march))
	s, ok := c.Specialist(2)
	if !ok {
		t.Fatal("plan 2 not found")
	}
	if s.Person.Name != "Binh" || !near(s.Result.Total, 72.5) || len(s.Trends) != 2 {
		t.Fatalf("specialist = %s total %v, %d trends", s.Person.Name, s.Result.Total, len(s.Trends))
	}
	// Revenue: last of 80, 80, 80 against 100 → 80 %, forecast flat 80 → off track; calls likewise at 60
	for i, want := range []OwnKPI{
		{ID: "k1", Name: "Revenue", Group: app.GroupA, Unit: app.Number, Scored: true, ToDate: 80, Target: 100, Achievement: 80,
			Score: 80, HasForecast: true, Forecast: 80, ForecastPct: 80, Status: trend.OffTrack},
		{ID: "k2", Name: " calls ", Group: app.GroupB, Unit: app.Number, Scored: true, ToDate: 60, Target: 100, Achievement: 60,
			Score: 60, HasForecast: true, Forecast: 60, ForecastPct: 60, Status: trend.OffTrack},
	} {
		g := s.KPIs[i]
		if g.ID != want.ID || g.Name != want.Name || g.Group != want.Group || g.Scored != want.Scored || g.Status != want.Status ||
			!near(g.ToDate, want.ToDate) || !near(g.Target, want.Target) || !near(g.Achievement, want.Achievement) ||
			!near(g.Score, want.Score) || g.HasForecast != want.HasForecast || !near(g.Forecast, want.Forecast) ||
			!near(g.ForecastPct, want.ForecastPct) || g.Anomalies != 0 {
			t.Errorf("kpi %d = %+v\nwant %+v", i, g, want)
		}
	}
	wantCounts := []StatusCount{{trend.OnTrack, 0}, {trend.AtRisk, 0}, {trend.OffTrack, 2}, {trend.Unknown, 0}, {trend.NoData, 0}}
	if !slices.Equal(s.Statuses, wantCounts) {
		t.Errorf("statuses = %v, want %v", s.Statuses, wantCounts)
	}
	if _, ok := c.Specialist(6); ok {
		t.Error("the draft plan 6 has a specialist view")
	}
}

func TestSpecialistAnomalies(t *testing.T) {
	cac := kpi("k1", "", "CAC", app.GroupA, 100)
	cac.Actuals = flat(100, 6)
	cac.Actuals[4].Value = 200
	calm := kpi("k2", "", "Calm", app.GroupB, 100)
	calm.Actuals = flat(100, 6)
	s := SpecialistOf(plan(7, "Hoa", "Sales", "VND", 0, cac, calm), -1)
	// May (period 4): 200 against a flat history of 100 (median 100, spread 5 % × 100 = 5): |200 − 100| > 3 × 5.
	// June: history 100, 100, 100, 100, 200 has median 100; 100 is not unusual.
	if len(s.Anomalies) != 1 || s.Anomalies[0].Period != 4 || s.Anomalies[0].Msg.Key != "%s rose unusually in %s" {
		t.Fatalf("anomalies = %+v, want CAC rising in period 4", s.Anomalies)
	}
	if s.KPIs[0].Anomalies != 1 || s.KPIs[1].Anomalies != 0 {
		t.Errorf("anomaly counts = %d, %d; want 1, 0", s.KPIs[0].Anomalies, s.KPIs[1].Anomalies)
	}
}

func TestChoices(t *testing.T) {
	ps := fixture()
	q := plan(8, "Khoa", "Finance", "VND", 0)
	q.Cycle.Frequency = app.Quarterly
	ps = append(ps, q)
	c := New(ps, score.PickAt(-1))
	if got, want := c.Departments(), []string{"Finance", "Marketing", "Sales"}; !slices.Equal(got, want) {
		t.Errorf("departments = %v, want %v", got, want)
	}
	var names []string
	for _, p := range c.People("Sales") {
		names = append(names, p.Name)
	}
	if want := []string{"An", "Binh", "Chi"}; !slices.Equal(names, want) {
		t.Errorf("people = %v, want %v", names, want)
	}
	// January to June 2026 (the quarterly plan spans the same months): official, whole cycle and six month ends
	if cs := Choices(ps); len(cs) != 2+6 || cs[4].Label != "2026-03" || cs[4].Kind != score.ChooseThrough {
		t.Errorf("choices = %v, want official, whole cycle, January to June 2026", cs)
	}
	if c.Len() != 6 {
		t.Errorf("len = %d, want 6 (the draft is not read)", c.Len())
	}
}

// TestDashboardScoresEachPlanOverItsOwnWindow: the official window is per
// plan (its latest period with actuals), and a month chosen on the dashboard
// is scored in each plan's own cycle — a quarterly plan through March is
// scored through 2026-Q1, not through its third quarter.
func TestDashboardScoresEachPlanOverItsOwnWindow(t *testing.T) {
	upTo := func(last int) *app.Plan { // January–June with values in periods 0..last
		return plan(1, "An", "Sales", "VND", 0, kpi("k1", "", "X", app.GroupA, -1), app.KPI{ID: "k2", Actuals: flat(1, last+1)})
	}
	ps := []*app.Plan{upTo(1), upTo(3)}
	c := New(ps, score.PickOfficial(app.NewDate(2026, 5, 15)))
	if c.results[0].AtLabel != "2026-02" || c.results[1].AtLabel != "2026-04" {
		t.Errorf("official windows = %s, %s; want 2026-02 and 2026-04", c.results[0].AtLabel, c.results[1].AtLabel)
	}
	q := upTo(3)
	q.Cycle.Frequency = app.Quarterly
	choices := Choices([]*app.Plan{upTo(3), q})
	march := choices[4] // official, whole, 2026-01, 2026-02, 2026-03
	c = New([]*app.Plan{upTo(3), q}, march.Pick(app.Date{}))
	if c.results[0].AtLabel != "2026-03" || c.results[1].AtLabel != "2026-Q1" {
		t.Errorf("through %s: %s, %s; want 2026-03 and 2026-Q1", march.Label, c.results[0].AtLabel, c.results[1].AtLabel)
	}
}

// TestHalfEnteredPlanIsForecastOverItsOfficialWindow: a Jul–Dec revenue KPI
// (sum, target 600) with 124 a month typed for July–September is on pace
// for 6 × 124 = 744 = 124 % of target; at the official window it is on
// track, not "off track" and forecast at 0 % as over the half-empty cycle.
func TestHalfEnteredPlanIsForecastOverItsOfficialWindow(t *testing.T) {
	p := plan(1, "An", "Sales", "VND", 10_000_000)
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 7, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	p.KPIs = []app.KPI{{ID: "rev", Name: "Revenue", Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum,
		Target: 600, Weight: 1, Group: app.GroupA, Actuals: flat(124, 3)}}
	c := New([]*app.Plan{p}, score.PickOfficial(app.NewDate(2026, 10, 3)))
	s, ok := c.Specialist(p.ID)
	if !ok {
		t.Fatal("no specialist view")
	}
	k := s.KPIs[0]
	if k.Status != trend.OnTrack || !k.HasForecast || math.Abs(k.ForecastPct-120) > 1e-9 || math.Abs(k.Forecast-744) > 1e-6 {
		t.Fatalf("status %v forecast %v (%v %%), want on track, 744 (124 %% capped at 120 %%)", k.Status, k.Forecast, k.ForecastPct)
	}
	if s.Result.AtLabel != "2026-09" || s.Result.Official != 120 { // 372 ÷ 300 = 124 % → capped at 120
		t.Fatalf("window %s total %v, want 2026-09 and 120", s.Result.AtLabel, s.Result.Official)
	}
}
