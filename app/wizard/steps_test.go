package wizard

import (
	"slices"
	"testing"
	gotime "time"

	"kpiplanner/app"
	"kpiplanner/app/smart"
)

func month(m int) gotime.Month { return gotime.Month(m) }

func TestGoalHints(t *testing.T) {
	both := []app.Msg{HintNumber, HintPeriod}
	cases := map[string]struct {
		text string
		want []app.Msg
	}{
		"empty":                  {"  ", nil},
		"en number and duration": {"Increase revenue from new customers by 20% in 6 months", nil},
		"en no number":           {"Increase revenue from new customers within 6 months", []app.Msg{HintNumber}},
		"en no period":           {"Increase revenue by 20%", []app.Msg{HintPeriod}},
		"en neither":             {"Grow the brand", both},
		"en year is not amount":  {"Grow revenue in 2026", []app.Msg{HintNumber}},
		"en quarter":             {"Reach 300 leads a month by Q4", nil},
		"en month name":          {"Cut churn to 3% by the end of June", nil},
		"en date":                {"Raise awareness from 20% to 35% by 2026-12-31", nil},
		"en decimal not date":    {"Raise the conversion rate by 1.5 points", []app.Msg{HintPeriod}},
		"en word amount":         {"Double online sales this year", nil},
		"vi đủ":                  {"Tăng doanh thu từ khách hàng mới 20% trong 6 tháng", nil},
		"vi thiếu số":            {"Tăng doanh thu trong 6 tháng", []app.Msg{HintNumber}},
		"vi thiếu thời hạn":      {"Tăng doanh thu 20%", []app.Msg{HintPeriod}},
		"vi quý 1":               {"Đạt 500 khách hàng tiềm năng trong quý 1", nil},
		"vi quý I":               {"Đạt 500 khách hàng tiềm năng trong quý I", nil},
		"vi tháng 6":             {"Giảm tỷ lệ khiếu nại xuống 2% trước tháng 6", nil},
		"vi ngày":                {"Nâng tỷ lệ nhận biết từ 20% lên 35% trước ngày 31/12/2026", nil},
		"vi năm nay":             {"Tăng gấp đôi doanh số online năm nay", nil},
		"vi chỉ năm":             {"Phát triển thương hiệu năm 2026", []app.Msg{HintNumber}},
		"vi không gì":            {"Nâng cao chất lượng dịch vụ", both},
		"vi cuối năm":            {"Giảm chi phí 10% cuối năm", nil},
		"word boundary":          {"Sequence growth of 20%", []app.Msg{HintPeriod}},
	}
	for name, c := range cases {
		got := GoalHints(c.text)
		if !slices.EqualFunc(got, c.want, func(a, b app.Msg) bool { return a.Key == b.Key }) {
			t.Errorf("%s: GoalHints(%q) = %v, want %v", name, c.text, got, c.want)
		}
	}
}

func TestGoalProblems(t *testing.T) {
	cases := map[string]struct {
		edit func(d *Draft)
		want []string
	}{
		"complete":         {func(d *Draft) {}, nil},
		"no name":          {func(d *Draft) { d.Plan.Person.Name = " " }, []string{"person.name"}},
		"no department":    {func(d *Draft) { d.Plan.Person.Department = "" }, []string{"person.department"}},
		"no statement":     {func(d *Draft) { d.Plan.Goal.Text = "" }, []string{"goal.text"}},
		"no start":         {func(d *Draft) { d.SetCycle(app.Date{}, d.Plan.Cycle.End) }, []string{"cycle.start"}},
		"end before start": {func(d *Draft) { d.SetCycle(app.NewDate(2026, 6, 1), app.NewDate(2026, 5, 1)) }, []string{"cycle.end"}},
		"start equals end": {func(d *Draft) { d.SetCycle(app.NewDate(2026, 6, 1), app.NewDate(2026, 6, 1)) }, nil},
		"no frequency":     {func(d *Draft) { d.Plan.Cycle.Frequency = "" }, []string{"cycle.frequency"}},
	}
	for name, c := range cases {
		d := goalDraft(t)
		c.edit(d)
		if got := fields(d.Problems(Goal)); !slices.Equal(got, c.want) {
			t.Errorf("%s: problems %v, want %v", name, got, c.want)
		}
	}
}

func TestSetCycleMovesDeadlines(t *testing.T) {
	d := goalDraft(t)
	k1 := d.Plan.KPI("k1")
	k2 := d.Plan.KPI("k2")
	k2.Deadline = app.NewDate(2026, 5, 15) // chosen by the user: stays
	d.SetCycle(app.NewDate(2026, 4, 1), app.NewDate(2026, 9, 30))
	if k1.Deadline != app.NewDate(2026, 9, 30) || k2.Deadline != app.NewDate(2026, 5, 15) {
		t.Errorf("deadlines %s, %s; want 2026-09-30 (followed the cycle), 2026-05-15 (kept)", k1.Deadline, k2.Deadline)
	}
}

func TestSetGoalTypePreselects(t *testing.T) {
	d := goalDraft(t)
	sugg := d.lib.Suggest("lead-generation")
	if len(sugg) == 0 || len(d.Plan.KPIs) != len(sugg) {
		t.Fatalf("%d KPIs for %d suggestions", len(d.Plan.KPIs), len(sugg))
	}
	for i, s := range sugg {
		k := d.Plan.KPIs[i]
		if k.LibraryID != s.Entry.ID || k.Group != s.Group || app.SuggestGroup(k.Effort, k.Impact) != s.Group {
			t.Errorf("KPI %d: %s in %s (%s/%s), want %s in %s on the matching cell", i, k.LibraryID, k.Group, k.Effort, k.Impact, s.Entry.ID, s.Group)
		}
		if k.ID != "k"+string(rune('1'+i)) || k.Deadline != d.Plan.Cycle.End || k.Name != s.Entry.Name.EN {
			t.Errorf("KPI %d: id %s, deadline %s, name %q", i, k.ID, k.Deadline, k.Name)
		}
	}
	// Edit one suggestion, add a custom KPI, then switch goal type: the
	// untouched suggestions go, the edited and the custom stay.
	d.Plan.KPIs[0].Target = 300
	edited := d.Plan.KPIs[0].LibraryID
	if _, err := d.AddCustom("Webinars held"); err != nil {
		t.Fatal(err)
	}
	d.SetGoalType("sales-growth")
	sales := d.lib.Suggest("sales-growth")
	if len(d.Plan.KPIs) != 2+len(sales) || d.Plan.KPIs[0].LibraryID != edited || d.Plan.KPIs[1].Name != "Webinars held" {
		t.Errorf("after switching: %d KPIs (want 2 + %d), first %s, second %q", len(d.Plan.KPIs), len(sales), d.Plan.KPIs[0].LibraryID, d.Plan.KPIs[1].Name)
	}
	seen := map[string]bool{}
	for _, k := range d.Plan.KPIs {
		if seen[k.ID] {
			t.Errorf("KPI id %s used twice", k.ID)
		}
		seen[k.ID] = true
	}
}

func TestSelectAndCustom(t *testing.T) {
	d := goalDraft(t)
	n := len(d.Plan.KPIs)
	d.Deselect("cpl")
	if d.Selected("cpl") || len(d.Plan.KPIs) != n-1 {
		t.Fatalf("deselect: selected %v, %d KPIs", d.Selected("cpl"), len(d.Plan.KPIs))
	}
	id, err := d.Select("cpl")
	if err != nil || !d.Selected("cpl") || d.Plan.KPI(id).Group != app.GroupB {
		t.Fatalf("reselect cpl: %s, %v, group %s (the goal proposes B)", id, err, d.Plan.KPI(id).Group)
	}
	again, _ := d.Select("cpl")
	if again != id || len(d.Plan.KPIs) != n {
		t.Errorf("selecting twice made %s and %d KPIs", again, len(d.Plan.KPIs))
	}
	if _, err := d.Select("no-such-kpi"); err == nil {
		t.Error("selecting an unknown entry succeeded")
	}
	if _, err := d.AddCustom("  "); err == nil {
		t.Error("a custom KPI without a name was added")
	}
	c, _ := d.AddCustom("Webinars held")
	k := d.Plan.KPI(c)
	if k.LibraryID != "" || k.Group != "" || k.Deadline != d.Plan.Cycle.End || k.Weight != 1 {
		t.Errorf("custom KPI %+v", k)
	}
	d.Remove(c)
	if d.Plan.KPI(c) != nil {
		t.Errorf("remove left %s", c)
	}
}

func TestCandidates(t *testing.T) {
	d := goalDraft(t)
	all := d.Candidates("")
	sugg := d.lib.Suggest("lead-generation")
	if len(all) != len(d.lib.Entries()) {
		t.Errorf("%d candidates, want all %d entries", len(all), len(d.lib.Entries()))
	}
	for i, s := range sugg {
		if all[i].Entry.ID != s.Entry.ID || !all[i].Suggested || all[i].Group != s.Group {
			t.Errorf("candidate %d = %s (suggested %v), want the suggestion %s", i, all[i].Entry.ID, all[i].Suggested, s.Entry.ID)
		}
	}
	found := d.Candidates("ty le chuyen doi trang dich")
	if len(found) == 0 || found[0].Entry.ID != "landing-page-conversion-rate" || !found[0].Suggested {
		t.Errorf("accent-free search found %v", found)
	}
}

func TestCountWarning(t *testing.T) {
	cases := map[string]struct {
		custom int
		warn   bool
	}{
		"7 suggestions": {0, false},
		"8 KPIs":        {1, true},
		"10 KPIs":       {3, true},
	}
	for name, c := range cases {
		d := goalDraft(t) // lead generation suggests 7
		for i := 0; i < c.custom; i++ {
			d.AddCustom("Extra KPI")
		}
		_, warn := d.CountWarning()
		if warn != c.warn || d.Count().Args[0] != 7+c.custom {
			t.Errorf("%s: warn %v, count %v", name, warn, d.Count().Args)
		}
	}
}

func TestLevelsFor(t *testing.T) {
	cases := map[string]struct {
		g            app.Group
		effort       app.Level
		wantE, wantI app.Level
	}{
		"A":                {app.GroupA, app.Low, app.High, app.High},
		"C":                {app.GroupC, app.High, app.Low, app.Low},
		"B keeps high":     {app.GroupB, app.High, app.High, app.Low},
		"B keeps low":      {app.GroupB, app.Low, app.Low, app.High},
		"B effort unknown": {app.GroupB, "", app.Low, app.High},
	}
	for name, c := range cases {
		e, i := levelsFor(c.g, c.effort)
		if e != c.wantE || i != c.wantI || app.SuggestGroup(e, i) != c.g {
			t.Errorf("%s: %s/%s, want %s/%s", name, e, i, c.wantE, c.wantI)
		}
	}
}

func TestStepOf(t *testing.T) {
	cases := map[string]struct {
		fe   app.FieldError
		want Step
	}{
		"cycle end":    {app.FieldError{Field: "cycle.end"}, Goal},
		"goal text":    {app.FieldError{Field: "goal.text"}, Goal},
		"duplicate id": {app.FieldError{KPI: "k1", Field: "id"}, KPIs},
		"target":       {app.FieldError{KPI: "k1", Field: "target"}, SMART},
		"deadline":     {app.FieldError{KPI: "k1", Field: "deadline"}, SMART},
		"tolerance":    {app.FieldError{KPI: "k1", Field: "tolerance"}, SMART},
		"group":        {app.FieldError{KPI: "k1", Field: "group"}, Groups},
		"kpi weight":   {app.FieldError{KPI: "k1", Field: "weight"}, Groups},
		"group weight": {app.FieldError{Field: "rules.group_weights.A"}, Groups},
		"group sum":    {app.FieldError{Field: "rules.group_weights"}, Groups},
		"bands":        {app.FieldError{Field: "rules.bands"}, Scoring},
		"plan cap":     {app.FieldError{Field: "rules.cap"}, Scoring},
		"kpi floor":    {app.FieldError{KPI: "k1", Field: "floor"}, Scoring},
		"steps":        {app.FieldError{KPI: "k1", Field: "steps"}, Scoring},
		"base bonus":   {app.FieldError{Field: "person.base_bonus"}, Scoring},
		"status":       {app.FieldError{Field: "status"}, Review},
		"actuals":      {app.FieldError{KPI: "k1", Field: "actuals"}, Review},
	}
	for name, c := range cases {
		if got := StepOf(&c.fe); got != c.want {
			t.Errorf("%s: step %s, want %s", name, got, c.want)
		}
	}
}

func TestSMARTStep(t *testing.T) {
	d := goalDraft(t)
	k := d.Plan.KPI("k1") // MQL: count, higher is better, from the CRM
	if got := fields(d.KPIProblems(SMART, "k1")); !slices.Equal(got, []string{"k1.target"}) {
		t.Errorf("k1 without target: %v", got)
	}
	if c := d.Checks("k1"); len(c) != 5 || c[1].Letter != smart.Measurable || c[1].Verdict != smart.Fail {
		t.Errorf("checks without target: %+v", c)
	}
	k.Baseline, k.Target = app.Float(200), 260
	// 200 → 260 in Q2 (91 days ≈ 2.99 months): 30 % / 2.99 ≈ 10 % a month, plausible.
	if v := d.Verdict("k1"); v != smart.Pass {
		t.Errorf("filled k1: verdict %s, checks %+v", v, d.Checks("k1"))
	}
	k.Baseline = app.Float(300)
	if p := d.FieldProblem(SMART, "k1", "baseline"); p == nil {
		t.Error("baseline above a higher-is-better target was accepted")
	}
	d.SetDirection("k1", app.Milestone)
	if k.Aggregation != app.Last || k.Target != 1 || d.FieldProblem(SMART, "k1", "baseline") != nil {
		t.Errorf("milestone: aggregation %s, target %g", k.Aggregation, k.Target)
	}
	d.SetDataSource("k1", "web analytics")
	if k.DataSource != "web-analytics" || d.DataSourceName(k.DataSource) != "Web analytics" {
		t.Errorf("data source %q", k.DataSource)
	}
	d.SetDataSource("k1", "Sổ tay bán hàng")
	if k.DataSource != "Sổ tay bán hàng" || d.DataSourceName(k.DataSource) != "Sổ tay bán hàng" {
		t.Errorf("typed data source %q", k.DataSource)
	}
}

// TestCustomKPIStartsWithSensibleDefaults: a KPI the user names in the wizard
// is a number, higher is better, summed, weight 1, due at the cycle's end.
func TestCustomKPIStartsWithSensibleDefaults(t *testing.T) {
	d := goalDraft(t)
	id, err := d.AddCustom("  Webinars held ")
	if err != nil {
		t.Fatal(err)
	}
	k := d.Plan.KPI(id)
	if k.Name != "Webinars held" || k.Unit != app.Number || k.Direction != app.Higher || k.Aggregation != app.Sum ||
		k.Weight != 1 || k.Deadline != d.Plan.Cycle.End {
		t.Errorf("custom KPI = %+v, want number/higher/sum, weight 1, deadline %v", *k, d.Plan.Cycle.End)
	}
}
