package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/wizard"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// wizToday is the day the wizard tests start their plans on: Q2 2026.
var wizToday = app.NewDate(2026, 5, 9)

// wizTestUI opens a UI in lang over a new bbolt file.
func wizTestUI(t *testing.T, lang string) (*UI, *storage.DB) {
	t.Helper()
	return testUI(t, lang)
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
func retype(u *UI, e textInput, text string) {
	u.win.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, text)
}

// textInput is an entry as a test types into it.
type textInput interface {
	fyne.Focusable
	SetText(string)
}

func entryOf(f *wizField) textInput { return f.input.(textInput) }

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
	retype(u, g.dept.input.(*keySelectEntry), "Marketing")
	lg, _ := u.lib.GoalType("lead-generation")
	g.goalType.SetSelected(lg.Name.In(u.tr.Lang()))
	u.win.Canvas().Focus(g.goalText)
	test.Type(g.goalText, "Tăng số khách hàng tiềm năng đủ điều kiện 20% trong quý 2")
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
	if w.d.Step() != wizard.SMART || fieldOf(t, s.form, "target").err.Text == "" {
		t.Fatalf("Next without targets moved to %s", w.d.Step())
	}
	retype(u, entryOf(fieldOf(t, s.form, "baseline")), "200")
	retype(u, entryOf(fieldOf(t, s.form, "target")), "1.5x")
	if tf := fieldOf(t, s.form, "target"); !tf.bad || tf.err.Text == "" {
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
	if w.d.Step() != wizard.Groups || !strings.Contains(w.message.Text, w.d.Plan.KPIs[len(w.d.Plan.KPIs)-1].Name) {
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
	retype(u, entryOf(fieldOf(t, sc.form, "rules.rounding_step")), "1.000")
	if want := "Nếu đạt 95 %, nhân viên này được 95,00 điểm (Tốt) và nhận thưởng 10.000.000 ₫."; sc.example.Text != want {
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
	if p.Status != app.Submitted || p.Name != "Nguyễn Thị Lan — Q2 2026" || p.Person.Department != "Marketing" {
		t.Errorf("saved %q status %s, department %q", p.Name, p.Status, p.Person.Department)
	}
	if p.Cycle.Start != app.NewDate(2026, 4, 1) || p.Cycle.Frequency != app.Monthly || p.Goal.Type != "lead-generation" {
		t.Errorf("cycle %+v, goal %+v", p.Cycle, p.Goal)
	}
	if len(p.KPIs) != 8 || p.KPIs[0].Target != 1260 || p.KPIs[0].Weight != 2 || p.KPIs[7].Group != app.GroupB {
		t.Errorf("KPIs: %d, first target %g weight %g, custom in %s", len(p.KPIs), p.KPIs[0].Target, p.KPIs[0].Weight, p.KPIs[7].Group)
	}
	gw := p.Rules.GroupWeights
	if gw[app.GroupA] != 60 || gw[app.GroupB] != 25 || gw[app.GroupC] != 15 || p.Rules.Floor != 0.5 || p.Rules.RoundingStep != 1000 || p.Rules.MissingData != app.MissingProvisional || p.Person.BaseBonus != 10_000_000 {
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
	u2 := New(u.app, store, u.lib, Options{Sync: true, Lang: "en", Files: xlsx.Files{}})
	rows, err := u2.ws.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, r := range rows {
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
