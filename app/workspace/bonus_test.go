package workspace_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
	"kpiplanner/app/demo"
	"kpiplanner/app/workspace"
)

// bonusWorkspace is a demo company of 40 people with registry people and units.
func bonusWorkspace(t *testing.T) (*workspace.Workspace, app.Cycle) {
	t.Helper()
	w := open(t)
	w.Now = func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	if _, err := demo.Save(w.Store(), 40, 1, "en"); err != nil {
		t.Fatal(err)
	}
	cycles, err := w.BonusCycles()
	if err != nil || len(cycles) == 0 {
		t.Fatalf("cycles %v %v", cycles, err)
	}
	return w, cycles[0]
}

func TestBonusPolicySolveAndSignOff(t *testing.T) {
	w, c := bonusWorkspace(t)
	p, err := w.BonusPolicy(c)
	if err != nil || p.Mode != bonus.ModeNone {
		t.Fatalf("default policy %+v %v", p, err)
	}
	p.Mode, p.Pool, p.Step = bonus.ModeFit, 1_234_567_000, 1000
	p.Cap = bonus.Limit{Times: 3}
	if err := w.SaveBonusPolicy(p); err != nil {
		t.Fatal(err)
	}
	bad := p
	bad.Mode = "sometimes"
	if err := w.SaveBonusPolicy(bad); !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("a bad mode was saved: %v", err)
	}
	in, got, res, err := w.Bonus(c, "")
	if err != nil || got.Pool != 1_234_567_000 || len(in) == 0 || len(res.Rows) != len(in) {
		t.Fatalf("bonus: %d inputs, policy %+v, %v", len(in), got, err)
	}
	if !res.Feasible || res.Total != 1_234_567_000 {
		t.Fatalf("total %.0f feasible %v, want the pool exactly", res.Total, res.Feasible)
	}
	so, err := w.SignOff(c, "")
	if err != nil || so.Total != res.Total {
		t.Fatal(err)
	}
	// a later policy change does not move the signed amounts
	p.Pool = 1_300_000_000
	if err := w.SaveBonusPolicy(p); err != nil {
		t.Fatal(err)
	}
	if _, _, res2, _ := w.Bonus(c, ""); res2.Total != 1_234_567_000 {
		t.Fatalf("signed total moved to %.0f", res2.Total)
	}
	if _, err := w.Override(c, "", in[0].Person, "Excellent", "why not"); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("override while signed off: %v", err)
	}
	if err := w.ReopenCalibration(c, "", ""); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("reopen without a reason: %v", err)
	}
	if err := w.ReopenCalibration(c, "", "new budget"); err != nil {
		t.Fatal(err)
	}
	if _, _, res3, _ := w.Bonus(c, ""); res3.Total != 1_300_000_000 {
		t.Fatalf("after reopen total %.0f, want the new pool", res3.Total)
	}
	cal, _ := w.Calibration(c, "")
	if len(cal.Reopened) != 1 || cal.Reopened[0].Reason != "new budget" || cal.Signed() {
		t.Fatalf("calibration %+v", cal)
	}
}

func TestOverrideRecordedAndUndone(t *testing.T) {
	w, c := bonusWorkspace(t)
	p, _ := w.BonusPolicy(c)
	in, err := w.BonusInputs(c, p, "")
	if err != nil {
		t.Fatal(err)
	}
	var who bonus.Input
	for _, x := range in {
		if x.HasScore && x.Band != "Excellent" {
			who = x
			break
		}
	}
	if _, err := w.Override(c, "", who.Person, "Excellent", " "); !errors.Is(err, app.ErrReasonRequired) {
		t.Fatalf("override without a reason: %v", err)
	}
	ov, err := w.Override(c, "", who.Person, "Excellent", "led the launch")
	if err != nil || ov.From != who.Band || ov.To != "Excellent" {
		t.Fatalf("override %+v %v", ov, err)
	}
	after, _ := w.BonusInputs(c, p, "")
	row := find(after, who.Person)
	if row.Band != "Excellent" || row.Multiplier != 1.5 || !row.Overridden || row.Score != who.Score {
		t.Fatalf("after the override %+v", row)
	}
	h := planHistory(t, w, who.Plan)
	last := h[len(h)-1]
	if last.Path != "calibration["+bonus.Key(c)+"].band" || last.Old != who.Band || last.New != "Excellent" || last.Reason != "led the launch" {
		t.Fatalf("history %+v", last)
	}
	if err := w.UndoOverride(c, "", who.Person); err != nil {
		t.Fatal(err)
	}
	back, _ := w.BonusInputs(c, p, "")
	if r := find(back, who.Person); r.Band != who.Band || r.Overridden {
		t.Fatalf("after undo %+v", r)
	}
	h = planHistory(t, w, who.Plan)
	if last := h[len(h)-1]; last.Old != "Excellent" || last.New != who.Band {
		t.Fatalf("undo history %+v", last)
	}
}

func find(in []bonus.Input, uid app.UID) bonus.Input {
	for _, x := range in {
		if x.Person == uid {
			return x
		}
	}
	return bonus.Input{}
}

func planHistory(t *testing.T, w *workspace.Workspace, uid app.UID) []app.HistoryEntry {
	t.Helper()
	h, err := w.Store().History(uid)
	if err != nil || len(h) == 0 {
		t.Fatalf("history of %s: %v", uid, err)
	}
	return h
}

func TestApplyScenarioWritesRulesAndPool(t *testing.T) {
	w, c := bonusWorkspace(t)
	pool := 777_000_000.0
	bands := []app.Band{{Min: 100, Name: "Excellent", Multiplier: 2}, {Min: 0, Name: "Good", Multiplier: 1}}
	sc := bonus.Scenario{Bands: bands, Pool: &pool, Mode: bonus.ModeFit}
	// the demo's plans are approved: their terms refuse the change, and nothing is saved
	if err := w.ApplyScenario(c, sc, "new bands for 2026"); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("applying to approved plans: %v", err)
	}
	if p, _ := w.BonusPolicy(c); p.Pool != 0 {
		t.Fatalf("the pool was saved by a refused apply: %.0f", p.Pool)
	}
	ids, err := w.PlansIn("", app.Approved)
	if err != nil || len(ids) == 0 {
		t.Fatalf("approved plans %v %v", ids, err)
	}
	for range 2 { // approved, submitted, draft
		if _, skipped, err := w.TransitionMany(ids, app.Reopen, "rules review"); err != nil || len(skipped) > 0 {
			t.Fatalf("reopen: %v %v", skipped, err)
		}
	}
	if err := w.ApplyScenario(c, sc, "new bands for 2026"); err != nil {
		t.Fatal(err)
	}
	if in, _ := w.BonusInputs(c, bonus.DefaultPolicy(c), ""); len(in) != 0 {
		t.Fatalf("draft plans take part in the bonus: %d inputs", len(in))
	}
	for _, a := range []app.Action{app.Submit, app.Approve} { // approved again, they pay a bonus
		if _, skipped, err := w.TransitionMany(ids, a, "new bands approved"); err != nil || len(skipped) > 0 {
			t.Fatalf("%s: %v %v", a, skipped, err)
		}
	}
	p, _ := w.BonusPolicy(c)
	in, _ := w.BonusInputs(c, p, "")
	if p.Pool != pool || p.Mode != bonus.ModeFit || len(in) == 0 {
		t.Fatalf("policy %+v, %d inputs", p, len(in))
	}
	for _, x := range in {
		if len(x.Bands) != 2 || x.HasScore && (x.Band == "Fair" || x.Multiplier < 1) {
			t.Fatalf("%s still rated by the old bands: %+v", x.Code, x)
		}
	}
	h := planHistory(t, w, in[0].Plan)
	i := slices.IndexFunc(h, func(e app.HistoryEntry) bool { return strings.HasPrefix(e.Path, "rules.bands") })
	if i < 0 || h[i].Reason != "new bands for 2026" {
		t.Fatalf("history %+v: no rules.bands entry with the reason", h)
	}
	if _, err := w.SignOff(c, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.ApplyScenario(c, bonus.Scenario{Pool: &pool}, "again"); !errors.Is(err, app.ErrRefused) {
		t.Fatalf("applying over a signed-off calibration: %v", err)
	}
}

// TestDraftPlansTakeNoPartInTheBonus is the regression test for the bonus
// screen counting a draft (the tour's new plan) beside its person's
// approved plan: only approved and closed plans of people pay a bonus.
func TestDraftPlansTakeNoPartInTheBonus(t *testing.T) {
	w, c := bonusWorkspace(t)
	before, err := w.BonusInputs(c, bonus.DefaultPolicy(c), "")
	if err != nil || len(before) < 2 {
		t.Fatalf("inputs %d, %v", len(before), err)
	}
	ids, err := w.PlansIn("", app.Approved)
	if err != nil || len(ids) == 0 {
		t.Fatalf("approved plans %v %v", ids, err)
	}
	// one approved plan back to submitted (waiting for approval): it leaves the bonus
	if _, skipped, err := w.TransitionMany(ids[:1], app.Reopen, "targets to review"); err != nil || len(skipped) > 0 {
		t.Fatalf("reopen: %v %v", skipped, err)
	}
	after, err := w.BonusInputs(c, bonus.DefaultPolicy(c), "")
	if err != nil || len(after) != len(before)-1 {
		t.Fatalf("inputs %d after reopening one plan, want %d (%v)", len(after), len(before)-1, err)
	}
}
