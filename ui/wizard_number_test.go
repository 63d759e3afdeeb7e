package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kpiplanner/app/wizard"
)

// scoringWizard walks a new plan to the scoring step (lead-generation goal,
// a target for every KPI).
func scoringWizard(t *testing.T, lang string) (*UI, *wizardScreen, *scoringStep) {
	t.Helper()
	u, _ := wizTestUI(t, lang)
	w := openWizard(t, u)
	fillGoal(t, u, w)
	for w.d.Step() != wizard.Scoring {
		if w.d.Step() == wizard.SMART {
			fillTargets(t, u, w)
		}
		before := w.d.Step()
		test.Tap(w.next)
		if w.d.Step() == before {
			t.Fatalf("Next from %s: %s", before, w.message.Text)
		}
	}
	return u, w, step[*scoringStep](t, w)
}

func TestBonusTypedWithSpaceGroupsIsANumber(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		for _, typed := range []string{"10 000 000", "10\u00a0000\u00a0000", "10\u202f000\u202f000 ₫"} {
			u, w, sc := scoringWizard(t, lang)
			bonus := fieldOf(t, sc.form, "person.base_bonus")
			retype(u, entryOf(bonus), typed)
			if bonus.bad || bonus.err.Text != "" {
				t.Fatalf("%s %q refused: %s", lang, typed, bonus.err.Text)
			}
			if got := w.d.Plan.Person.BaseBonus; got != 10_000_000 {
				t.Fatalf("%s %q read as %g, want 10 000 000", lang, typed, got)
			}
			if !strings.Contains(sc.example.Text, u.tr.FormatNumber(10_000_000, 0)) {
				t.Errorf("%s %q: example %q does not use 10 000 000", lang, typed, sc.example.Text)
			}
		}
	}
}

func TestLiveExampleIgnoresAHalfTypedBonus(t *testing.T) {
	u, w, sc := scoringWizard(t, "vi")
	bonus := fieldOf(t, sc.form, "person.base_bonus")
	e := entryOf(bonus)
	u.win.Canvas().Focus(e)
	e.SetText("")
	test.Type(e, "10 0") // on the way to "10 000 000": "10" was read a keystroke ago
	if !bonus.bad {
		t.Fatal(`"10 0" accepted`)
	}
	if strings.Contains(sc.example.Text, "₫") {
		t.Fatalf("while the bonus is half typed the example promises %q", sc.example.Text)
	}
	test.Type(e, "00 000")
	if bonus.bad || w.d.Plan.Person.BaseBonus != 10_000_000 {
		t.Fatalf("%q: bad %v, bonus %g", bonus.err.Text, bonus.bad, w.d.Plan.Person.BaseBonus)
	}
	if !strings.Contains(sc.example.Text, "10.000.000 ₫") {
		t.Errorf("example %q once the bonus is typed", sc.example.Text)
	}
}
