package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app/wizard"
)

// smartOnFirstKPI walks a new wizard to step 3 with the library's first KPIs.
func smartOnFirstKPI(t *testing.T) (*UI, *wizardScreen, *smartStep) {
	t.Helper()
	u, _ := wizTestUI(t, "en")
	w := openWizard(t, u)
	fillGoal(t, u, w)
	test.Tap(w.next)
	k := step[*kpisStep](t, w)
	ctr, _ := u.lib.Get("ctr")
	test.Tap(findCheck(t, k, ctr.Name.EN))
	test.Tap(w.next)
	return u, w, step[*smartStep](t, w)
}

// leave focuses a field as a click would (the field itself, not the Entry
// inside it), then moves the keyboard away.
func leave(u *UI, f *wizField) {
	u.win.Canvas().Focus(f.input.(fyne.Focusable))
	u.win.Canvas().Unfocus()
}

// Regression: the baseline error showed before any target was typed, and
// shifted the form so the next click landed elsewhere.
func TestWizardBaselineErrorWaitsForTheTarget(t *testing.T) {
	u, w, s := smartOnFirstKPI(t)
	if w.d.Step() != wizard.SMART {
		t.Fatalf("at %s", w.d.Step())
	}
	s.w.d.Plan.KPIs[s.sel].Target = 0
	s.buildForm()
	base, target := fieldOf(t, s.form, "baseline"), fieldOf(t, s.form, "target")
	h := base.box().MinSize().Height
	retype(u, entryOf(base), "200")
	leave(u, base)
	if base.err.Text != "" {
		t.Errorf("baseline error %q before a target was typed", base.err.Text)
	}
	retype(u, entryOf(target), "100") // below the baseline of a higher-is-better KPI
	leave(u, target)
	if base.err.Text == "" {
		t.Error("no baseline error once the target is below it")
	}
	if got := base.box().MinSize().Height; got != h {
		t.Errorf("the baseline field went from %.0f to %.0f high when its error showed", h, got)
	}
	retype(u, entryOf(target), "300")
	if base.err.Text != "" {
		t.Errorf("baseline error %q stays after the fix", base.err.Text)
	}
}

// Regression: a number being typed was flagged before the field was left.
func TestWizardParseErrorShowsOnLeavingTheField(t *testing.T) {
	u, _, s := smartOnFirstKPI(t)
	target := fieldOf(t, s.form, "target")
	retype(u, entryOf(target), "1.5x")
	if target.err.Text != "" {
		t.Errorf("error %q while still typing", target.err.Text)
	}
	leave(u, target)
	if target.err.Text == "" {
		t.Error("no error after leaving the field")
	}
	retype(u, entryOf(target), "150")
	if target.err.Text != "" {
		t.Errorf("error %q stays after the fix", target.err.Text)
	}
}

// Regression: the red "complete this step" message stayed after the fix.
func TestWizardRefusalClearsWhenFixed(t *testing.T) {
	u, _ := wizTestUI(t, "en")
	w := openWizard(t, u)
	test.Tap(w.next)
	if w.message.Text == "" || w.d.Step() != wizard.Goal {
		t.Fatalf("Next on an empty goal: step %s, message %q", w.d.Step(), w.message.Text)
	}
	fillGoal(t, u, w)
	if w.message.Text != "" {
		t.Errorf("message %q stays after every field was filled", w.message.Text)
	}
}
