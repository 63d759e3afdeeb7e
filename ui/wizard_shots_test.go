package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/wizard"
)

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
			if w.d.Step() == wizard.Scoring {
				sc := step[*scoringStep](t, w)
				sc.stepsOn.SetChecked(true)
				sc.onBonusMode(app.BonusLinear)
				writeWizShot(t, dir, "wizard_"+lang+"_5_steps", u.win)
			}
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
