package wizard

import (
	"errors"
	"math"
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

// today is the day the tests' drafts are started on: 9 May 2026, in Q2.
var today = app.NewDate(2026, 5, 9)

func lib(t *testing.T) *library.Library {
	t.Helper()
	l, err := library.Load()
	if err != nil {
		t.Fatalf("load library: %v", err)
	}
	return l
}

// goalDraft returns a draft whose goal step is complete, for lead generation.
func goalDraft(t *testing.T) *Draft {
	t.Helper()
	d := New(lib(t), "en", today)
	d.Plan.Person.Name = "Nguyễn Thị Lan"
	d.Plan.Person.Department = "Marketing"
	d.Plan.Goal.Text = "Generate 20% more qualified leads in 6 months"
	d.SetGoalType("lead-generation")
	return d
}

// fillSMART gives every KPI of d a valid target.
func fillSMART(d *Draft) {
	for i := range d.Plan.KPIs {
		k := &d.Plan.KPIs[i]
		switch k.Direction {
		case app.Range:
			k.RangeLow, k.RangeHigh, k.Tolerance = 10, 20, 5
		default:
			k.Target = 50
		}
	}
}

func fields(errs []*app.FieldError) []string {
	var out []string
	for _, e := range errs {
		f := e.Field
		if e.KPI != "" {
			f = e.KPI + "." + f
		}
		out = append(out, f)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestNewDefaults(t *testing.T) {
	d := New(lib(t), "vi", today)
	p := d.Plan
	if p.Status != app.Draft || p.Cycle.Frequency != app.Monthly || p.Person.Currency != "VND" {
		t.Errorf("status %s, frequency %s, currency %s; want draft, monthly, VND", p.Status, p.Cycle.Frequency, p.Person.Currency)
	}
	// 9 May 2026 is in Q2: 1 April – 30 June.
	if p.Cycle.Start != app.NewDate(2026, 4, 1) || p.Cycle.End != app.NewDate(2026, 6, 30) {
		t.Errorf("cycle %s – %s, want 2026-04-01 – 2026-06-30", p.Cycle.Start, p.Cycle.End)
	}
	if p.Rules.Cap != app.DefaultCap || p.Rules.GroupWeights[app.GroupA] != 50 || d.Step() != Goal {
		t.Errorf("rules %+v, step %s; want the default rules at the goal step", p.Rules, d.Step())
	}
}

func TestQuarterOf(t *testing.T) {
	cases := map[string]struct {
		day        app.Date
		start, end app.Date
	}{
		"first day of Q1": {app.NewDate(2026, 1, 1), app.NewDate(2026, 1, 1), app.NewDate(2026, 3, 31)},
		"mid Q3":          {app.NewDate(2026, 8, 15), app.NewDate(2026, 7, 1), app.NewDate(2026, 9, 30)},
		"last day of Q4":  {app.NewDate(2025, 12, 31), app.NewDate(2025, 10, 1), app.NewDate(2025, 12, 31)},
		"leap February":   {app.NewDate(2028, 2, 29), app.NewDate(2028, 1, 1), app.NewDate(2028, 3, 31)},
	}
	for name, c := range cases {
		got := QuarterOf(c.day)
		if got.Start != c.start || got.End != c.end {
			t.Errorf("%s: %s – %s, want %s – %s", name, got.Start, got.End, c.start, c.end)
		}
	}
}

func TestCycleName(t *testing.T) {
	d := func(y, m, day int) app.Date { return app.NewDate(y, month(m), day) }
	cases := map[string]struct {
		c    app.Cycle
		want string
	}{
		"quarter":  {app.Cycle{Start: d(2026, 4, 1), End: d(2026, 6, 30)}, "Q2 2026"},
		"year":     {app.Cycle{Start: d(2026, 1, 1), End: d(2026, 12, 31)}, "2026"},
		"month":    {app.Cycle{Start: d(2026, 2, 1), End: d(2026, 2, 28)}, "2026-02"},
		"half":     {app.Cycle{Start: d(2026, 1, 1), End: d(2026, 6, 30)}, "2026-01-01 – 2026-06-30"},
		"unset":    {app.Cycle{}, ""},
		"offset Q": {app.Cycle{Start: d(2026, 2, 1), End: d(2026, 4, 30)}, "2026-02-01 – 2026-04-30"},
	}
	for name, c := range cases {
		if got := CycleName(c.c); got != c.want {
			t.Errorf("%s: %q, want %q", name, got, c.want)
		}
	}
}

func TestDefaultName(t *testing.T) {
	d := goalDraft(t)
	d.PrepareSave()
	if d.Plan.Name != "Nguyễn Thị Lan — Q2 2026" {
		t.Errorf("auto name %q", d.Plan.Name)
	}
	d.SetName("  Lan's plan ")
	d.Plan.Person.Name = "Someone else"
	d.PrepareSave()
	if d.Plan.Name != "Lan's plan" || d.AutoName() {
		t.Errorf("typed name became %q (auto %v)", d.Plan.Name, d.AutoName())
	}
	d.SetName("")
	d.PrepareSave()
	if d.Plan.Name != "Someone else — Q2 2026" {
		t.Errorf("cleared name became %q", d.Plan.Name)
	}
}

func TestStepNames(t *testing.T) {
	for _, s := range Steps {
		got, ok := ParseStep(s.String())
		if !ok || got != s || s.Title().Key == "" {
			t.Errorf("step %d: name %q parses to %d, %v; title %q", s, s.String(), got, ok, s.Title().Key)
		}
	}
	if _, ok := ParseStep("nope"); ok {
		t.Error("ParseStep accepted an unknown name")
	}
	if StepSetting(12) != "wizard.step.12" {
		t.Errorf("StepSetting(12) = %q", StepSetting(12))
	}
}

func TestResume(t *testing.T) {
	cases := map[string]struct {
		fill  func(d *Draft)
		saved string
		want  Step
	}{
		// Goal done, KPIs chosen, targets missing: SMART is the first incomplete step.
		"no setting, targets missing":  {func(d *Draft) {}, "", SMART},
		"saved earlier than derived":   {func(d *Draft) {}, "kpis", KPIs},
		"saved later than derived":     {func(d *Draft) {}, "review", SMART},
		"everything filled":            {fillSMART, "", Review},
		"everything filled, at groups": {fillSMART, "groups", Groups},
		"goal emptied":                 {func(d *Draft) { d.Plan.Goal.Text = "" }, "scoring", Goal},
		"unknown setting":              {fillSMART, "step 9", Review},
	}
	for name, c := range cases {
		d := goalDraft(t)
		c.fill(d)
		r := Resume(d.Plan, d.lib, "en", c.saved)
		if r.Step() != c.want {
			t.Errorf("%s: resumes at %s, want %s", name, r.Step(), c.want)
		}
	}
}

func TestNextAndBack(t *testing.T) {
	d := New(lib(t), "en", today)
	errs := d.Next()
	// Person name, department, goal type and statement are required.
	want := []string{"person.name", "person.department", "goal.type", "goal.text"}
	if !slices.Equal(fields(errs), want) || d.Step() != Goal {
		t.Fatalf("empty goal step: problems %v at %s, want %v at goal", fields(errs), d.Step(), want)
	}
	d = goalDraft(t)
	for _, s := range []Step{KPIs, SMART} {
		if errs := d.Next(); errs != nil || d.Step() != s {
			t.Fatalf("next: %v, at %s; want %s", fields(errs), d.Step(), s)
		}
	}
	if errs := d.Next(); len(errs) == 0 || errs[0].Field != "target" || d.Step() != SMART {
		t.Fatalf("SMART with no targets: %v at %s", fields(errs), d.Step())
	}
	if d.CanGoTo(Review) || !d.CanGoTo(Goal) {
		t.Error("the indicator may jump back but not past an incomplete step")
	}
	fillSMART(d)
	for _, s := range []Step{Groups, Scoring, Review, Review} {
		if errs := d.Next(); errs != nil || d.Step() != s {
			t.Fatalf("next: %v, at %s; want %s", fields(errs), d.Step(), s)
		}
	}
	d.Back()
	if d.Step() != Scoring || !d.GoTo(Goal) || d.Step() != Goal || !d.CanGoTo(Review) {
		t.Errorf("back/goto: at %s", d.Step())
	}
}

func TestActivate(t *testing.T) {
	d := goalDraft(t)
	if err := d.Activate(); err == nil || d.Plan.Status != app.Draft || !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("activating with no targets: %v, status %s", err, d.Plan.Status)
	}
	fillSMART(d)
	if err := d.Activate(); err != nil || d.Plan.Status != app.Submitted {
		t.Fatalf("activate: %v, status %s", err, d.Plan.Status)
	}
	if d.Plan.Name == "" || d.Plan.Validate() != nil {
		t.Errorf("activated plan: name %q, validation %v", d.Plan.Name, d.Plan.Validate())
	}
	d.Reopen()
	if d.Plan.Status != app.Draft {
		t.Errorf("reopen left status %s", d.Plan.Status)
	}
}

func TestSetPersonLinksAndTypingUnlinks(t *testing.T) {
	d := New(nil, "vi", app.NewDate(2026, 3, 1))
	org := app.NewOrg([]app.OrgUnit{{UID: "s", Code: "SALES", Name: "Kinh doanh"}})
	e := app.Employee{UID: "e1", Code: "NV0012", Name: "Nguyễn Thị Lan", Unit: "s", Position: "Trưởng nhóm", BaseBonus: 8e6, Currency: "VND"}
	d.SetPerson(&e, org)
	if d.Plan.PersonUID != "e1" || d.Plan.Person.Department != "Kinh doanh" || d.Plan.Person.BaseBonus != 8e6 {
		t.Fatalf("after SetPerson: %+v %s", d.Plan.Person, d.Plan.PersonUID)
	}
	d.SetDepartment("Kinh doanh") // the same unit: still linked
	if d.Plan.PersonUID != "e1" {
		t.Fatal("the same department unlinked the person")
	}
	d.SetPersonName("Nguyễn Thị Lan B")
	if d.Plan.PersonUID != "" {
		t.Fatal("a different name kept the registry link")
	}
	if got := PersonChoices([]app.Employee{e}, org); len(got) != 1 || got[0].Label != "Nguyễn Thị Lan · NV0012 · Kinh doanh" {
		t.Fatalf("choices = %+v", got)
	}
}
