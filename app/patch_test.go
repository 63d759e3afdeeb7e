package app_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/internal/planrand"
)

// TestPatchEveryDiffPathGivesTheOtherPlan is the path setter's property:
// for random plans a and b (b a random edit of a, or an unrelated plan
// with the same KPI ids), patching a with b at every path of Diff(a, b)
// leaves no difference, and leaves b as it was.
func TestPatchEveryDiffPathGivesTheOtherPlan(t *testing.T) {
	for seed := range uint64(250) {
		r := rand.New(rand.NewPCG(seed, 7))
		a := planrand.Plan(r)
		var b *app.Plan
		if seed%3 == 0 {
			b = planrand.Plan(r)
			b.Cycle = a.Cycle       // labels of actuals must mean the same periods…
			for i := range b.KPIs { // …and name periods of the cycle
				k := &b.KPIs[i]
				k.Actuals = slices.DeleteFunc(k.Actuals, func(x app.Actual) bool { return x.Period >= a.Cycle.NumPeriods() })
			}
		} else {
			b = a.Clone()
			planrand.Edit(r, b, 1+r.IntN(20), "e")
		}
		bBefore := b.Clone()
		edits := app.Diff(a, b)
		for _, e := range edits {
			if err := app.Patch(a, b, e.Path); err != nil {
				t.Fatalf("seed %d: Patch(%s): %v", seed, e.Path, err)
			}
		}
		if left := app.Diff(a, b); len(left) > 0 {
			t.Fatalf("seed %d: after patching %d paths, %d differ still, first %+v", seed, len(edits), len(left), left[0])
		}
		if changed := app.Diff(bBefore, b); len(changed) > 0 {
			t.Fatalf("seed %d: Patch changed its source: %+v", seed, changed[0])
		}
	}
}

// TestPatchSharesNothingWithTheSource checks that a patched pointer or
// slice is a copy: editing the source afterwards leaves the patched plan.
func TestPatchSharesNothingWithTheSource(t *testing.T) {
	a := &app.Plan{KPIs: []app.KPI{{ID: "k1"}}}
	b := &app.Plan{KPIs: []app.KPI{{ID: "k1", Baseline: app.Float(5)}, {ID: "k2", Steps: []app.StepBand{{From: 1, Score: 100}}}}}
	for _, path := range []string{"kpis[k1].baseline", "kpis[k2]"} {
		if err := app.Patch(a, b, path); err != nil {
			t.Fatal(err)
		}
	}
	*b.KPIs[0].Baseline = 6
	b.KPIs[1].Steps[0].Score = 50
	if got := *a.KPI("k1").Baseline; got != 5 {
		t.Errorf("patched baseline = %v, want 5 (the source's value when patched)", got)
	}
	if got := a.KPI("k2").Steps[0].Score; got != 100 {
		t.Errorf("patched step score = %v, want 100", got)
	}
}

// TestPatchRefusesBadPaths checks paths that name nothing are errors.
func TestPatchRefusesBadPaths(t *testing.T) {
	a, b := app.NewPlan(), app.NewPlan()
	for _, path := range []string{"", "nosuch", "revision", "uid", "kpis[k1", "goal.text.more", "status[1]", "rules.group_weights[A].x"} {
		if err := app.Patch(a, b, path); err == nil {
			t.Errorf("Patch(%q) = nil, want an error", path)
		}
	}
}
