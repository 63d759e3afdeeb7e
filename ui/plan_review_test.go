package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
)

// curPlan returns the plan screen shown now (a lifecycle step replaces it).
func curPlan(t *testing.T, u *UI) *planScreen {
	t.Helper()
	s, ok := u.cur.(*planScreen)
	if !ok {
		t.Fatalf("showing %T, want the plan screen", u.cur)
	}
	return s
}

func stepsOf(s *planScreen) []app.Action {
	var out []app.Action
	for _, a := range app.Actions {
		if _, ok := s.steps[a]; ok {
			out = append(out, a)
		}
	}
	return out
}

// The story: approve, try to change an approved target (refused,
// saying to reopen), reopen with a reason, change it with a reason, and see
// both reasons in the History tab and the change beside the target.
func TestPlanApproveRefuseReopenChangeAndHistory(t *testing.T) {
	u, store, s := planTestUI(t, "en", submittedFixture())
	if err := u.ws.SetIdentity("Lan", "hr-laptop"); err != nil {
		t.Fatal(err)
	}
	if got := stepsOf(s); !slices.Equal(got, []app.Action{app.Approve, app.Reopen}) {
		t.Fatalf("a submitted plan offers %v", got)
	}
	test.Tap(s.steps[app.Approve])
	s = curPlan(t, u)
	if s.statusLabel.Text != "Status: Approved" || !slices.Equal(stepsOf(s), []app.Action{app.Close, app.Reopen}) {
		t.Fatalf("after Approve: %q, steps %v", s.statusLabel.Text, stepsOf(s))
	}
	if got := storedPlan(t, store, s.id).Status; got != app.Approved {
		t.Fatalf("stored status %s", got)
	}

	s.tabs.SelectIndex(1)
	if h := s.kpis.hint.Text; h != "This plan is Approved: its targets, weights, groups and KPIs change only after Reopen…" {
		t.Errorf("KPI tab hint %q", h)
	}
	kpiRowOf(t, s, "k1").entries["target"].SetText("7,500")
	s.save()
	msg := overlayText(u)
	if !strings.Contains(msg, "is approved: reopen it to change its terms") || !strings.Contains(msg, "Reopen…") {
		t.Errorf("refusal %q does not say to reopen", msg)
	}
	if got := storedPlan(t, store, s.id).KPI("k1").Target; got != 6000 {
		t.Fatalf("an approved target changed to %g", got)
	}
	tapButton(t, u, "OK")

	test.Tap(s.steps[app.Reopen])
	typeReason(t, u, "market shrank")
	s = curPlan(t, u)
	if got := storedPlan(t, store, s.id).Status; got != app.Submitted {
		t.Fatalf("after Reopen the plan is %s, want submitted", got)
	}
	if !s.dirty || s.draft.KPI("k1").Target != 7500 {
		t.Fatalf("the unsaved target was lost on reopen: dirty %v, %g", s.dirty, s.draft.KPI("k1").Target)
	}
	s.save() // changes after approval need a reason: asked for, then saved
	typeReason(t, u, "the market shrank after the new competitor opened")
	if got := storedPlan(t, store, s.id).KPI("k1").Target; got != 7500 || s.dirty {
		t.Fatalf("target %g dirty %v after the reasoned save", got, s.dirty)
	}

	h := s.history
	if len(h.rows) < 4 {
		t.Fatalf("history has %d rows", len(h.rows))
	}
	first := h.rows[0]
	if got := []string{h.cellText(first, hcolWho), h.cellText(first, hcolWhat), h.cellText(first, hcolOld),
		h.cellText(first, hcolNew), h.cellText(first, hcolWhy)}; !slices.Equal(got,
		[]string{"Lan", "Doanh thu mới: Target", "6,000", "7,500", "the market shrank after the new competitor opened"}) {
		t.Errorf("newest entry %v", got)
	}
	second := h.rows[1]
	if h.cellText(second, hcolWhat) != "Status" || h.cellText(second, hcolOld) != "Approved" ||
		h.cellText(second, hcolNew) != "Submitted" || h.cellText(second, hcolWhy) != "market shrank" {
		t.Errorf("reopen entry %v", second)
	}
	h.kpi.SetSelected("Khách hàng mới") // k2 was never changed after creation
	for _, e := range h.rows {
		if app.KPIOf(e.Path) != "k2" {
			t.Errorf("filtered by k2, shows %s", e.Path)
		}
	}
	h.kpi.SetSelected("Doanh thu mới")
	if len(h.rows) == 0 || h.rows[0].Path != "kpis[k1].target" {
		t.Errorf("filtered by k1: %v", h.rows)
	}
	h.kpi.SetSelectedIndex(1) // the plan's own fields
	if len(h.rows) == 0 || h.rows[0].Path != "status" {
		t.Errorf("plan only: %v", h.rows)
	}

	mark := kpiRowOf(t, s, "k1").mark
	if !mark.Visible() || !strings.Contains(mark.text, "6,000 to 7,500 on ") ||
		!strings.Contains(mark.text, "by Lan: the market shrank after the new competitor opened") {
		t.Errorf("marker %q (shown %v)", mark.text, mark.Visible())
	}
	if kpiRowOf(t, s, "k2").mark.Visible() {
		t.Error("an unchanged target is marked")
	}
	for _, c := range []rune{'→', '−', '▼', '≤', '≥'} {
		if strings.ContainsRune(mark.text, c) {
			t.Errorf("marker %q contains %c", mark.text, c)
		}
	}
}

func TestPlanReopenToDraftThenSubmit(t *testing.T) {
	u, store, s := planTestUI(t, "vi", submittedFixture())
	test.Tap(s.steps[app.Reopen])
	typeReason(t, u, "thiếu KPI chăm sóc khách hàng")
	s = curPlan(t, u)
	if got := storedPlan(t, store, s.id).Status; got != app.Draft || !slices.Equal(stepsOf(s), []app.Action{app.Submit}) {
		t.Fatalf("after reopen: %s, steps %v", got, stepsOf(s))
	}
	if s.statusLabel.Text != "Trạng thái: Nháp" {
		t.Errorf("status %q", s.statusLabel.Text)
	}
	test.Tap(s.steps[app.Submit])
	if got := storedPlan(t, store, s.id).Status; got != app.Submitted {
		t.Errorf("after Submit: %s", got)
	}
}

func TestPlanReopenWithoutAReasonIsNotPossible(t *testing.T) {
	u, store, s := planTestUI(t, "en", submittedFixture())
	test.Tap(s.steps[app.Reopen])
	tapButton(t, u, "Cancel")
	if got := storedPlan(t, store, s.id).Status; got != app.Submitted {
		t.Errorf("a cancelled reopen moved the plan to %s", got)
	}
}

// Missing comments on red KPIs of closed periods are marked on the
// scorecard, and closing the plan is refused until they are written.
func TestScorecardMarksMissingCommentsAndCloseIsRefused(t *testing.T) {
	p := planFixture()
	p.Status = app.Approved
	p.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 100}} // 100 of 1 000 in January: red
	p.KPIs[1].Actuals = []app.Actual{{Period: 0, Value: 10, Comment: "ok"}}
	u, store := testUI(t, "en")
	if err := u.ws.Save(p); err != nil {
		t.Fatal(err)
	}
	if err := u.ws.ClosePeriod("", "2026-01"); err != nil {
		t.Fatal(err)
	}
	u.openPlan(p.ID)
	s := curPlan(t, u)
	var need []string
	for _, r := range s.card.kpis {
		if r.need.Visible() {
			need = append(need, r.name.Text+": "+r.need.Text)
		}
	}
	if !slices.Equal(need, []string{"Doanh thu mới: Needs a comment on " + p.Cycle.Label(0) + ": it scored below 70 there"}) {
		t.Errorf("marked %q", need)
	}
	test.Tap(s.steps[app.Close])
	tapButton(t, u, "Yes")
	if msg := overlayText(u); !strings.Contains(msg, "needs a comment before the plan is closed") {
		t.Errorf("close refusal %q", msg)
	}
	if got := storedPlan(t, store, p.ID).Status; got != app.Approved {
		t.Errorf("status %s after a refused close", got)
	}
	tapButton(t, u, "OK")

	// the comment, written in the closed period; the value stays as it was
	u.win.Canvas().Focus(s.grid.cells[0][0])
	test.Tap(s.grid.comment)
	typeInDialog(t, u, "the launch slipped to February", "Save")
	a, _ := storedPlan(t, store, p.ID).KPI("k1").ActualAt(0)
	if a.Comment != "the launch slipped to February" || a.Value != 100 {
		t.Fatalf("stored actual %+v", a)
	}
	if s.card.kpis[0].need.Visible() {
		t.Errorf("still marked after the comment: %q", s.card.kpis[0].need.Text)
	}
	if !strings.Contains(s.grid.hint.Text, "Comment: the launch slipped") {
		t.Errorf("hint %q", s.grid.hint.Text)
	}
	test.Tap(s.steps[app.Close])
	tapButton(t, u, "Yes")
	if got := storedPlan(t, store, p.ID).Status; got != app.Closed {
		t.Errorf("status %s after commenting and closing, want closed", got)
	}
}

// Retyping a value keeps its period's comment.
func TestRetypedValueKeepsItsComment(t *testing.T) {
	p := submittedFixture()
	p.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 900, Comment: "two big orders moved"}}
	u, store, s := planTestUI(t, "en", p)
	typeCell(u, s.grid.cells[0][0], "950", fyne.KeyReturn)
	if a, _ := storedPlan(t, store, p.ID).KPI("k1").ActualAt(0); a.Value != 950 || a.Comment != "two big orders moved" {
		t.Errorf("stored %+v", a)
	}
}

// Removing a KPI of a plan approved once is a change of its terms: it asks why.
func TestRemoveKPIAfterApprovalAsksWhy(t *testing.T) {
	u, store, s := planTestUI(t, "en", submittedFixture())
	for _, step := range []struct {
		a      app.Action
		reason string
	}{{app.Approve, ""}, {app.Reopen, "one KPI too many"}} {
		if _, err := u.ws.Transition(s.id, step.a, step.reason); err != nil {
			t.Fatal(err)
		}
	}
	u.openPlan(s.id)
	s = curPlan(t, u)
	s.onRemoveKPI("k4")
	tapButton(t, u, "Yes")
	typeReason(t, u, "complaints are tracked by customer service now")
	if p := storedPlan(t, store, s.id); p.KPI("k4") != nil {
		t.Fatal("the KPI was not removed")
	}
	if h := s.history.rows; len(h) == 0 || h[0].Path != "kpis[k4]" || h[0].Reason != "complaints are tracked by customer service now" {
		t.Errorf("newest history entry %+v", h[0])
	}
}
