package workspace_test

import (
	"errors"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/workspace"
)

// company sets up a workspace with a company, a sales unit, one person
// (NV0001 Lan, in sales) and a draft monthly 2026 plan for her with one KPI,
// target 100 a month (sum, 1 200 for the year).
func company(t *testing.T) (*workspace.Workspace, *app.Plan) {
	t.Helper()
	w := open(t)
	w.Now = func() time.Time { return time.Date(2026, 3, 12, 9, 30, 0, 0, time.UTC) }
	w.Clock = func() app.Date { return app.NewDate(2026, 3, 12) }
	if err := w.SetIdentity("Lan", "lan-laptop"); err != nil {
		t.Fatal(err)
	}
	co := &app.OrgUnit{Code: "CO", Name: "Công ty"}
	if err := w.SaveUnit(co); err != nil {
		t.Fatal(err)
	}
	sales := &app.OrgUnit{Code: "SALES", Name: "Kinh doanh", Parent: co.UID}
	if err := w.SaveUnit(sales); err != nil {
		t.Fatal(err)
	}
	lan := &app.Employee{Code: "NV0001", Name: "Nguyễn Thị Lan", Unit: sales.UID, Position: "Sales", Level: 2, BaseBonus: 10_000_000, Currency: "VND"}
	if err := w.SavePerson(lan); err != nil {
		t.Fatal(err)
	}
	p := app.NewPlan()
	p.Name, p.PersonUID = "Lan 2026", lan.UID
	p.Person = app.Person{Name: lan.Name, BaseBonus: lan.BaseBonus, Currency: "VND"}
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	p.Rules.GroupWeights = map[app.Group]float64{app.GroupA: 100}
	p.KPIs = []app.KPI{{ID: "k1", Name: "Doanh thu", Unit: app.Count, Direction: app.Higher, Aggregation: app.Sum, Target: 1200, Weight: 1, Group: app.GroupA}}
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	return w, p
}

func mustStep(t *testing.T, w *workspace.Workspace, id app.PlanID, a app.Action, reason string) *app.Plan {
	t.Helper()
	p, err := w.Transition(id, a, reason)
	if err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	return p
}

// TestApprovedTargetIsRefusedUntilReopenedWithAReason is the walk:
// submit, approve, try to change an approved target (refused), reopen with a
// reason, change it with a reason, and find both in the history.
func TestApprovedTargetIsRefusedUntilReopenedWithAReason(t *testing.T) {
	w, p := company(t)
	if p.Person.Department != "Kinh doanh" || p.Person.Code != "NV0001" {
		t.Fatalf("person view = %+v, want the registry's unit name and code", p.Person)
	}
	mustStep(t, w, p.ID, app.Submit, "")
	p = mustStep(t, w, p.ID, app.Approve, "")
	if p.Status != app.Approved || !p.ApprovedOnce {
		t.Fatalf("after approve: %s, approved once %v", p.Status, p.ApprovedOnce)
	}
	p.KPIs[0].Target = 1440
	if err := w.Save(p); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("changing an approved target: %v, want refused", err)
	}
	if _, err := w.Transition(p.ID, app.Reopen, " "); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("reopen without a reason: %v", err)
	}
	p = mustStep(t, w, p.ID, app.Reopen, "market shrank")
	p.KPIs[0].Target = 1440
	if err := w.Change(p, ""); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("changing a target after approval without a reason: %v", err)
	}
	p.KPIs[0].Target = 1440
	if err := w.Change(p, "market shrank"); err != nil {
		t.Fatal(err)
	}
	h, err := w.History(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	// created, submitted, approved, reopened, target changed: five entries.
	want := []struct{ path, old, new, reason string }{
		{"plan", "", "Lan 2026", ""}, {"status", "draft", "submitted", ""}, {"status", "submitted", "approved", ""},
		{"status", "approved", "submitted", "market shrank"}, {"kpis[k1].target", "1200", "1440", "market shrank"},
	}
	if len(h) != len(want) {
		t.Fatalf("history has %d entries, want %d: %+v", len(h), len(want), h)
	}
	for i, e := range want {
		g := h[i]
		if g.Path != e.path || g.Old != e.old || g.New != e.new || g.Reason != e.reason || g.User != "Lan" || g.Device != "lan-laptop" || g.Seq != uint64(i+1) {
			t.Errorf("entry %d = %+v, want %+v by Lan", i, g, e)
		}
	}
	if stored, _ := w.Plan(p.ID); stored.Revision != 5 || stored.KPIs[0].Target != 1440 {
		t.Fatalf("stored revision %d target %v, want 5 and 1440", stored.Revision, stored.KPIs[0].Target)
	}
}

func TestClosedPeriodRefusesActualsUntilReopened(t *testing.T) {
	w, p := company(t)
	if err := w.SetActual(p, "k1", app.Actual{Period: 0, Value: 100}); err != nil {
		t.Fatal(err)
	}
	if err := w.SetActual(p, "k1", app.Actual{Period: 1, Value: 80}); err != nil {
		t.Fatal(err)
	}
	if err := w.ClosePeriod("", "2026-01"); err != nil {
		t.Fatal(err)
	}
	p, _ = w.Plan(p.ID)
	if p.ClosedPeriods != 1 {
		t.Fatalf("closed periods = %d, want 1", p.ClosedPeriods)
	}
	// Official window: through the latest closed period (Jan), not Feb.
	if win := score.Official(p, w.Today()); win.Label != "2026-01" {
		t.Fatalf("official window = %s, want 2026-01", win.Label)
	}
	if err := w.SetActual(p, "k1", app.Actual{Period: 0, Value: 90}); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("editing a closed period: %v, want refused", err)
	}
	if p.KPIs[0].Actuals[0].Value != 100 {
		t.Fatalf("a refused edit changed the plan in memory: %+v", p.KPIs[0].Actuals)
	}
	if err := w.ReopenPeriod("", "2026-01", ""); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("reopen without a reason: %v", err)
	}
	if err := w.ReopenPeriod("", "2026-01", "invoice found late"); err != nil {
		t.Fatal(err)
	}
	p, _ = w.Plan(p.ID)
	if err := w.SetActual(p, "k1", app.Actual{Period: 0, Value: 90}); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("editing a reopened period without a reason: %v", err)
	}
	if err := w.SetActualWhy(p, "k1", app.Actual{Period: 0, Value: 90}, "invoice found late"); err != nil {
		t.Fatal(err)
	}
	log, err := w.Store().WorkspaceLog()
	if err != nil {
		t.Fatal(err)
	}
	var closes int
	for _, e := range log {
		if e.Path == "periods[2026-01]" {
			closes++
		}
	}
	if closes != 2 {
		t.Fatalf("workspace log has %d period entries, want 2 (close, reopen): %+v", closes, log)
	}
}

func TestClosedPlanRefusesEveryChange(t *testing.T) {
	w, p := company(t)
	for _, a := range []app.Action{app.Submit, app.Approve, app.Close} {
		p = mustStep(t, w, p.ID, a, "")
	}
	p.Name = "renamed"
	if err := w.Save(p); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("renaming a closed plan: %v", err)
	}
	if err := w.Delete(p.ID); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("deleting a closed plan: %v", err)
	}
}

func TestApproveManySkipsPlansThatCannotTakeTheStep(t *testing.T) {
	w, p := company(t)
	q, err := w.Duplicate(p.ID, "copy")
	if err != nil {
		t.Fatal(err)
	}
	mustStep(t, w, p.ID, app.Submit, "")
	done, skipped, err := w.TransitionMany([]app.PlanID{p.ID, q.ID}, app.Approve, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(done) != 1 || done[0] != p.ID || len(skipped) != 1 || skipped[0].ID != q.ID || !errors.Is(skipped[0].Err, app.ErrRefused) {
		t.Fatalf("done %v skipped %+v: want p approved, the draft copy skipped", done, skipped)
	}
}

func TestSubmitNeedsCommentsOnRedKPIsOfClosedPeriods(t *testing.T) {
	w, p := company(t)
	// Jan: 50 of a monthly 100 → score 50 < 70.
	if err := w.SetActual(p, "k1", app.Actual{Period: 0, Value: 50}); err != nil {
		t.Fatal(err)
	}
	if err := w.ClosePeriod("", "2026-01"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Transition(p.ID, app.Submit, ""); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("submit with a red KPI and no comment: %v", err)
	}
	if err := w.ReopenPeriod("", "2026-01", "add the comment"); err != nil {
		t.Fatal(err)
	}
	p, _ = w.Plan(p.ID)
	if err := w.SetActualWhy(p, "k1", app.Actual{Period: 0, Value: 50, Comment: "supplier strike"}, "add the comment"); err != nil {
		t.Fatal(err)
	}
	if err := w.ClosePeriod("", "2026-01"); err != nil {
		t.Fatal(err)
	}
	mustStep(t, w, p.ID, app.Submit, "")
}

func TestUndoIsItselfHistory(t *testing.T) {
	w, p := company(t)
	p.KPIs[0].Target = 1300
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	h, _ := w.History(p.ID)
	last := h[len(h)-1]
	if last.Path != "kpis[k1].target" || last.Old != "1300" || last.New != "1200" || last.Reason != "undo" {
		t.Fatalf("last entry = %+v, want the undo 1300 to 1200", last)
	}
}

func TestRegistryRules(t *testing.T) {
	w, _ := company(t)
	if err := w.SavePerson(&app.Employee{Code: "NV0001", Name: "Someone else"}); !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("a duplicate code: %v", err)
	}
	people, _ := w.People()
	boss := &app.Employee{Code: "NV0002", Name: "Trần Văn Minh", Manager: people[0].UID}
	if err := w.SavePerson(boss); err != nil {
		t.Fatal(err)
	}
	lan := people[0]
	lan.Manager = boss.UID // Lan would report to her own report
	if err := w.SavePerson(&lan); !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("a manager cycle: %v", err)
	}
	units, _ := w.Units()
	co := units[0]
	if co.Code != "CO" {
		co = units[1]
	}
	var sales app.OrgUnit
	for _, u := range units {
		if u.Code == "SALES" {
			sales = u
		}
	}
	co.Parent = sales.UID
	if err := w.SaveUnit(&co); !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("moving a unit inside its subtree: %v", err)
	}
}

// TestSavedPlanIsLinkedToARegistryPerson: a plan handed in without a
// registry person gets the person of that name in that unit, or a new one.
func TestSavedPlanIsLinkedToARegistryPerson(t *testing.T) {
	w, lanPlan := company(t)
	mk := func(name, dept string) *app.Plan {
		p := lanPlan.Clone()
		p.ID, p.UID, p.PersonUID, p.Status, p.Revision, p.ApprovedOnce = 0, "", "", app.Submitted, 0, false
		p.Person = app.Person{Name: name, Department: dept, Currency: "VND"}
		if err := w.Save(p); err != nil {
			t.Fatal(err)
		}
		return p
	}
	same := mk("Nguyễn Thị Lan", "Kinh doanh")
	if same.PersonUID != lanPlan.PersonUID {
		t.Fatalf("Lan in Kinh doanh got a new person %s, want %s", same.PersonUID, lanPlan.PersonUID)
	}
	other := mk("Phạm Văn Đức", "Kho vận")
	people, _ := w.People()
	units, _ := w.Units()
	if len(people) != 2 || people[1].Code != "NV0002" || other.PersonUID != people[1].UID {
		t.Fatalf("people = %+v", people)
	}
	if len(units) != 3 || other.Person.Department != "Kho vận" || other.Person.Code != "NV0002" {
		t.Fatalf("units = %+v, person view %+v", units, other.Person)
	}
}

// TestSubmitBySaveNeedsTheSameCommentsAsTheButton: handing a plan in by
// saving it as submitted (the wizard's finish) checks what Transition checks.
func TestSubmitBySaveNeedsTheSameCommentsAsTheButton(t *testing.T) {
	w, p := company(t)
	if err := w.SetActual(p, "k1", app.Actual{Period: 0, Value: 50}); err != nil { // 50 % in January
		t.Fatal(err)
	}
	if err := w.ClosePeriod("", "2026-01"); err != nil {
		t.Fatal(err)
	}
	p, _ = w.Plan(p.ID)
	p.Status = app.Submitted
	if err := w.Save(p); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("submitting by save with a red KPI and no comment: %v", err)
	}
}
