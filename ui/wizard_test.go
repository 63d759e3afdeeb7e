package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/wizard"
	"kpiplanner/storage"
)

// wizToday is the day the wizard tests start their plans on: Q2 2026.
var wizToday = app.NewDate(2026, 5, 9)

// wizTestUI opens a UI in lang over a new bbolt file.
func wizTestUI(t *testing.T, lang string) (*UI, *storage.DB) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := storage.Open(filepath.Join(t.TempDir(), "kpi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	return New(a, store, lib, Options{Sync: true, Lang: lang}), store
}

// openWizard shows the wizard on a new draft started on wizToday.
func openWizard(t *testing.T, u *UI) *wizardScreen {
	t.Helper()
	u.newPlan()
	w, ok := u.cur.(*wizardScreen)
	if !ok {
		t.Fatalf("newPlan showed %T", u.cur)
	}
	w.d = wizard.New(u.lib, u.tr.Lang(), wizToday) // a fixed day, for stable cycles
	w.showStep()
	return w
}

// retype replaces an entry's text by typing.
func retype(u *UI, e *widget.Entry, text string) {
	u.win.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

func entryOf(f *wizField) *widget.Entry { return f.input.(*widget.Entry) }

// fieldOf returns the form field showing problems of key.
func fieldOf(t *testing.T, f *wizForm, key string) *wizField {
	t.Helper()
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	t.Fatalf("no field %s", key)
	return nil
}

// step returns the wizard's current step view as a T.
func step[T wizardStep](t *testing.T, w *wizardScreen) T {
	t.Helper()
	s, ok := w.cur.(T)
	if !ok {
		t.Fatalf("at step %s the view is %T", w.d.Step(), w.cur)
	}
	return s
}

// fillGoal types step 1 of a lead-generation plan for Nguyễn Thị Lan.
func fillGoal(t *testing.T, u *UI, w *wizardScreen) {
	g := step[*goalStep](t, w)
	retype(u, entryOf(g.name), "Nguyễn Thị Lan")
	retype(u, &g.dept.input.(*widget.SelectEntry).Entry, "Marketing")
	lg, _ := u.lib.GoalType("lead-generation")
	g.goalType.SetSelected(lg.Name.In(u.tr.Lang()))
	u.win.Canvas().Focus(g.goalText)
	test.Type(g.goalText, "Tăng số khách hàng tiềm năng đủ điều kiện 20% trong quý 2")
}

// writeWizShot writes the window to dir/name.png.
func writeWizShot(t *testing.T, dir, name string, w fyne.Window) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestWizardScreenshots writes every step at 1200×760 and at the window's
// minimum size, in both languages, to $WIZ_SHOTS for a person to look at.
func TestWizardScreenshots(t *testing.T) {
	dir := os.Getenv("WIZ_SHOTS")
	if dir == "" {
		t.Skip("set WIZ_SHOTS to a directory to write the wizard's screenshots")
	}
	for _, lang := range []string{"vi", "en"} {
		u, _ := wizTestUI(t, lang)
		w := openWizard(t, u)
		for i := range wizard.Steps {
			if i == 0 {
				fillGoal(t, u, w)
			}
			if w.d.Step() == wizard.SMART {
				fillTargets(t, u, w)
			}
			min := u.win.Content().MinSize()
			t.Logf("%s step %d minimum size %v", lang, i+1, min)
			for name, size := range map[string]fyne.Size{"full": fyne.NewSize(1200, 760), "min": min, "tall": fyne.NewSize(1200, 1500)} {
				u.win.Resize(size)
				writeWizShot(t, dir, "wizard_"+lang+"_"+string(rune('1'+i))+"_"+name, u.win)
			}
			u.win.Resize(fyne.NewSize(1200, 760))
			test.Tap(w.next)
			if i < len(wizard.Steps)-1 && int(w.d.Step()) != i+1 {
				t.Fatalf("%s: Next from step %d: %s", lang, i+1, w.message.Text)
			}
		}
	}
}

// TestWizardErrorScreenshots writes step 1 with every problem and hint
// shown, and step 3 with a bad number, to $WIZ_SHOTS.
func TestWizardErrorScreenshots(t *testing.T) {
	dir := os.Getenv("WIZ_SHOTS")
	if dir == "" {
		t.Skip("set WIZ_SHOTS to a directory to write the wizard's screenshots")
	}
	for _, lang := range []string{"vi", "en"} {
		u, _ := wizTestUI(t, lang)
		u.win.Resize(fyne.NewSize(1200, 760))
		w := openWizard(t, u)
		g := step[*goalStep](t, w)
		retype(u, entryOf(g.end), "31/02/2026")
		test.Type(g.goalText, "Improve sales")
		test.Tap(w.next)
		writeWizShot(t, dir, "wizard_"+lang+"_errors_1", u.win)
		retype(u, entryOf(g.end), u.tr.FormatDate(app.NewDate(2026, 6, 30)))
		fillGoal(t, u, w)
		test.Tap(w.next)
		test.Tap(w.next)
		s := step[*smartStep](t, w)
		retype(u, entryOf(fieldOf(t, s.form, "baseline")), "1.5x")
		test.Tap(w.next)
		writeWizShot(t, dir, "wizard_"+lang+"_errors_3", u.win)
	}
}

// fillTargets types a target for every KPI on the SMART step.
func fillTargets(t *testing.T, u *UI, w *wizardScreen) {
	s := step[*smartStep](t, w)
	for i := range w.d.Plan.KPIs {
		s.list.Select(i)
		retype(u, entryOf(fieldOf(t, s.form, "target")), "120")
	}
	s.list.Select(0)
}

// findCheck returns the library list's check box in the row named name.
func findCheck(t *testing.T, s *kpisStep, name string) *widget.Check {
	t.Helper()
	for _, o := range test.LaidOutObjects(s.list) {
		box, ok := o.(*fyne.Container)
		if !ok || len(box.Objects) != 3 {
			continue
		}
		l, ok1 := box.Objects[0].(*widget.Label)
		c, ok2 := box.Objects[1].(*widget.Check)
		if ok1 && ok2 && l.Text == name {
			return c
		}
	}
	t.Fatalf("no row %q in the KPI list", name)
	return nil
}

func TestWizardWalkthrough(t *testing.T) {
	u, store := wizTestUI(t, "vi")
	w := openWizard(t, u)

	// Step 1: the goal.
	fillGoal(t, u, w)
	g := step[*goalStep](t, w)
	if !g.hints.Hidden {
		t.Errorf("a goal with 20%% and quý 2 shows hints %q", g.hints.Text)
	}
	test.Tap(w.next)

	// Step 2: the 7 suggested KPIs are ticked; untick the CTR, search
	// without accents and tick the CPA, add a custom KPI.
	k := step[*kpisStep](t, w)
	if got := k.count.Text; got != "Đã chọn: 7 KPI" {
		t.Errorf("counter %q", got)
	}
	u.win.Resize(fyne.NewSize(1200, 760))
	ctr, _ := u.lib.Get("ctr")
	test.Tap(findCheck(t, k, ctr.Name.VI))
	test.Type(k.search, "chi phi tren moi chuyen doi")
	cpa, _ := u.lib.Get("cpa")
	test.Tap(findCheck(t, k, cpa.Name.VI))
	k.addCustom("Số hội thảo trực tuyến")
	if len(w.d.Plan.KPIs) != 8 || w.d.Selected("ctr") || !w.d.Selected("cpa") {
		t.Fatalf("after picking: %d KPIs, ctr %v, cpa %v", len(w.d.Plan.KPIs), w.d.Selected("ctr"), w.d.Selected("cpa"))
	}
	if k.warning.Hidden || !strings.Contains(k.warning.Text, "7") {
		t.Errorf("8 KPIs: warning %q hidden %v", k.warning.Text, k.warning.Hidden)
	}
	test.Tap(w.next)

	// Step 3: targets, a baseline, an owner; Next refuses until every KPI has a target.
	s := step[*smartStep](t, w)
	test.Tap(w.next)
	if w.d.Step() != wizard.SMART || fieldOf(t, s.form, "target").err.Hidden {
		t.Fatalf("Next without targets moved to %s", w.d.Step())
	}
	retype(u, entryOf(fieldOf(t, s.form, "baseline")), "200")
	retype(u, entryOf(fieldOf(t, s.form, "target")), "1.5x")
	if tf := fieldOf(t, s.form, "target"); !tf.bad || tf.err.Hidden {
		t.Errorf("“1.5x” accepted as a target")
	}
	retype(u, entryOf(fieldOf(t, s.form, "target")), "1.260")
	retype(u, entryOf(fieldOf(t, s.form, "owner")), "Lan")
	if k1 := w.d.Plan.KPI("k1"); k1.Target != 1260 || *k1.Baseline != 200 || k1.Owner != "Lan" {
		t.Errorf("k1 target %g baseline %v owner %q", k1.Target, k1.Baseline, k1.Owner)
	}
	for i := 1; i < len(w.d.Plan.KPIs); i++ {
		s.list.Select(i)
		retype(u, entryOf(fieldOf(t, s.form, "target")), "40")
	}
	test.Tap(w.next)

	// Step 4: the custom KPI goes on the board; weights 60/25/15; k1 weighs 2.
	gs := step[*groupsStep](t, w)
	if w.d.Step() != wizard.Groups {
		t.Fatalf("at %s: %s", w.d.Step(), w.message.Text)
	}
	test.Tap(w.next)
	if w.d.Step() != wizard.Groups || gs.problem.Hidden {
		t.Fatal("Next with an unplaced KPI moved on")
	}
	custom := w.d.Plan.KPIs[len(w.d.Plan.KPIs)-1].ID
	w.d.Place(custom, app.Low, app.High) // as the effort and impact selects do
	gs.fillTable()
	retype(u, entryOf(gs.weights[app.GroupA]), "60")
	retype(u, entryOf(gs.weights[app.GroupB]), "25")
	retype(u, entryOf(gs.weights[app.GroupC]), "15")
	retype(u, entryOf(gs.kpiW[0]), "2")
	test.Tap(w.next)

	// Step 5: base bonus 10.000.000 ₫, floor 50 %.
	sc := step[*scoringStep](t, w)
	retype(u, entryOf(fieldOf(t, sc.form, "person.base_bonus")), "10.000.000")
	retype(u, entryOf(fieldOf(t, sc.form, "rules.floor")), "50")
	if want := "Nếu đạt 95 %, nhân viên này được 95,0 điểm (Tốt) và nhận thưởng 10.000.000 ₫."; sc.example.Text != want {
		t.Errorf("example %q, want %q", sc.example.Text, want)
	}
	test.Tap(w.next)

	// Step 6: warnings (8 KPIs), then Save opens the plan.
	r := step[*reviewStep](t, w)
	if len(r.warnings.Objects) == 0 {
		t.Error("no warnings for 8 KPIs")
	}
	test.Tap(w.next)
	if _, ok := u.cur.(*planScreen); !ok {
		t.Fatalf("Save showed %T (%s)", u.cur, w.message.Text)
	}
	p, err := store.Plan(w.d.Plan.ID)
	if err != nil {
		t.Fatal(err)
	}
	checkSaved(t, store, p)
}

// checkSaved checks the plan the walkthrough saved.
func checkSaved(t *testing.T, store app.Store, p *app.Plan) {
	t.Helper()
	if p.Status != app.Active || p.Name != "Nguyễn Thị Lan — Q2 2026" || p.Person.Department != "Marketing" {
		t.Errorf("saved %q status %s, department %q", p.Name, p.Status, p.Person.Department)
	}
	if p.Cycle.Start != app.NewDate(2026, 4, 1) || p.Cycle.Frequency != app.Monthly || p.Goal.Type != "lead-generation" {
		t.Errorf("cycle %+v, goal %+v", p.Cycle, p.Goal)
	}
	if len(p.KPIs) != 8 || p.KPIs[0].Target != 1260 || p.KPIs[0].Weight != 2 || p.KPIs[7].Group != app.GroupB {
		t.Errorf("KPIs: %d, first target %g weight %g, custom in %s", len(p.KPIs), p.KPIs[0].Target, p.KPIs[0].Weight, p.KPIs[7].Group)
	}
	gw := p.Rules.GroupWeights
	if gw[app.GroupA] != 60 || gw[app.GroupB] != 25 || gw[app.GroupC] != 15 || p.Rules.Floor != 0.5 || p.Person.BaseBonus != 10_000_000 {
		t.Errorf("rules %+v, base bonus %g", p.Rules, p.Person.BaseBonus)
	}
	if step, _ := store.Setting(wizard.StepSetting(p.ID)); step != "" {
		t.Errorf("the wizard step setting %q was left behind", step)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("saved plan does not validate: %v", err)
	}
}

func TestWizardDraftResumes(t *testing.T) {
	u, store := wizTestUI(t, "en")
	w := openWizard(t, u)
	fillGoal(t, u, w)
	test.Tap(w.next)
	k := step[*kpisStep](t, w)
	k.addCustom("Webinars held")
	test.Tap(w.next) // saves the draft at the SMART step
	id := w.d.Plan.ID
	if id == 0 {
		t.Fatal("no draft was saved")
	}
	if s, _ := store.Setting(wizard.StepSetting(id)); s != "smart" {
		t.Errorf("saved step %q, want smart", s)
	}

	// Close the window; a new one on the same database lists the draft
	// and opens it at the SMART step with the KPIs chosen.
	u.win.Close()
	u2 := New(u.app, store, u.lib, Options{Sync: true, Lang: "en"})
	var found bool
	for _, r := range u2.home.all {
		found = found || r.ID == id && r.Status == app.Draft
	}
	if !found {
		t.Errorf("the home screen does not list draft %d", id)
	}
	u2.openPlan(id)
	w2, ok := u2.cur.(*wizardScreen)
	if !ok {
		t.Fatalf("opening the draft showed %T", u2.cur)
	}
	if w2.d.Step() != wizard.SMART || len(w2.d.Plan.KPIs) != 8 || w2.d.Plan.Person.Name != "Nguyễn Thị Lan" {
		t.Errorf("resumed at %s with %d KPIs for %q", w2.d.Step(), len(w2.d.Plan.KPIs), w2.d.Plan.Person.Name)
	}
	step[*smartStep](t, w2)
	test.Tap(w2.back) // back to the KPIs: the draft remembers that too
	if s, _ := store.Setting(wizard.StepSetting(id)); s != "kpis" {
		t.Errorf("after Back the saved step is %q", s)
	}
	plans, _ := store.Plans()
	if len(plans) != 1 {
		t.Errorf("%d plans stored, want the one draft", len(plans))
	}
}

func TestWizardStepValidation(t *testing.T) {
	cases := map[string]struct {
		lang, name, end string
		wantName        string // the error under the name ("" none)
		wantEnd         string
	}{
		"vi empty name": {"vi", "", "30/06/2026", "Họ tên nhân viên: không được để trống", ""},
		"en empty name": {"en", "", "2026-06-30", "Employee name: is required", ""},
		"vi bad date":   {"vi", "Lan", "31/02/2026", "", `"31/02/2026" không phải là ngày có thật trên lịch`},
		"en end before": {"en", "Lan", "2026-03-01", "", "Cycle end: must not be before the start (2026-04-01)"},
		"en slash date": {"en", "Lan", "30/06/2026", "", `"30/06/2026" is not a date: write it as year-month-day, e.g. 2026-11-23`},
	}
	for name, c := range cases {
		u, _ := wizTestUI(t, c.lang)
		w := openWizard(t, u)
		g := step[*goalStep](t, w)
		retype(u, entryOf(g.name), c.name)
		retype(u, entryOf(g.end), c.end)
		test.Tap(w.next)
		if w.d.Step() != wizard.Goal || w.message.Text == "" {
			t.Errorf("%s: Next moved to %s (message %q)", name, w.d.Step(), w.message.Text)
		}
		for _, f := range []struct {
			fl   *wizField
			want string
		}{{g.name, c.wantName}, {g.end, c.wantEnd}} {
			got := f.fl.err.Text
			if !f.fl.err.Visible() {
				got = ""
			}
			if got != f.want {
				t.Errorf("%s: %s error %q, want %q", name, f.fl.key, got, f.want)
			}
		}
		if dept := fieldOf(t, g.form, "person.department"); !dept.err.Visible() {
			t.Errorf("%s: no error under the empty department", name)
		}
	}
}

func TestWizardGoalHintIsLive(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	w := openWizard(t, u)
	g := step[*goalStep](t, w)
	test.Type(g.goalText, "Tăng doanh thu")
	if !g.hints.Visible() || !strings.Contains(g.hints.Text, "Thêm con số") || !strings.Contains(g.hints.Text, "Thêm thời hạn") {
		t.Errorf("hints for a goal with neither: %q", g.hints.Text)
	}
	test.Type(g.goalText, " 20%")
	if strings.Contains(g.hints.Text, "Thêm con số") || !strings.Contains(g.hints.Text, "Thêm thời hạn") {
		t.Errorf("hints once a number is typed: %q", g.hints.Text)
	}
	test.Type(g.goalText, " trong 6 tháng")
	if g.hints.Visible() {
		t.Errorf("hints for a complete goal: %q", g.hints.Text)
	}
}

func TestWizardGroupSumLabel(t *testing.T) {
	u, _ := wizTestUI(t, "en")
	w := openWizard(t, u)
	fillGoal(t, u, w)
	test.Tap(w.next)
	test.Tap(w.next)
	fillTargets(t, u, w)
	test.Tap(w.next)
	g := step[*groupsStep](t, w)
	cases := []struct {
		a, b, c string
		want    string
		ok      bool
	}{
		{"50", "30", "20", "Total: 100 of 100 ✓", true},
		{"60", "30", "20", "Total: 110 — the group weights must add up to 100", false},
		{"60", "25", "15", "Total: 100 of 100 ✓", true},
		{"60", "25", "12.5", "Total: 97.5 — the group weights must add up to 100", false},
	}
	for _, c := range cases {
		retype(u, entryOf(g.weights[app.GroupA]), c.a)
		retype(u, entryOf(g.weights[app.GroupB]), c.b)
		retype(u, entryOf(g.weights[app.GroupC]), c.c)
		imp := widget.SuccessImportance
		if !c.ok {
			imp = widget.DangerImportance
		}
		if g.sum.Text != c.want || g.sum.Importance != imp {
			t.Errorf("%s/%s/%s: %q (importance %d), want %q", c.a, c.b, c.c, g.sum.Text, g.sum.Importance, c.want)
		}
	}
	test.Tap(w.next)
	if w.d.Step() != wizard.Groups || !strings.Contains(w.message.Text, "100") {
		t.Errorf("Next with weights summing to 97.5 moved to %s: %q", w.d.Step(), w.message.Text)
	}
	// k1's share: group A 60 × 1 / 2 KPIs of weight 1 = 30 %.
	if got := g.shares["k1"].Text; got != "30.0%" {
		t.Errorf("share of k1 %q, want 30.0%%", got)
	}
}

// goldenDraft is a draft at the SMART step whose KPIs do not depend on the
// library's wording: two custom KPIs, one filled in, one not.
func goldenDraft(t *testing.T, u *UI) *wizard.Draft {
	d := wizard.New(u.lib, "vi", wizToday)
	d.Plan.Person.Name, d.Plan.Person.Department = "Nguyễn Thị Lan", "Marketing"
	d.Plan.Goal.Text = "Tăng doanh thu từ khách hàng mới 20% trong 6 tháng"
	d.SetGoalType("lead-generation")
	d.Plan.KPIs = nil
	a, _ := d.AddCustom("Doanh thu từ khách hàng mới")
	d.AddCustom("Số cuộc gọi")
	k := d.Plan.KPI(a)
	k.Unit, k.Baseline, k.Target, k.DataSource, k.Owner = app.Currency, app.Float(800), 1000, "accounting", "Lan"
	d.Place(a, app.High, app.High)
	if d.Next() != nil || d.Next() != nil || d.Step() != wizard.SMART {
		t.Fatalf("golden draft stuck at %s", d.Step())
	}
	return d
}

func TestWizardStep3Golden(t *testing.T) {
	u, _ := wizTestUI(t, "vi")
	w := &wizardScreen{u: u, d: goldenDraft(t, u)}
	win := test.NewWindow(w.view())
	defer win.Close()
	win.Resize(fyne.NewSize(1000, 640))
	test.AssertImageMatches(t, "wizard_step3_vi.png", win.Canvas().Capture())
}
