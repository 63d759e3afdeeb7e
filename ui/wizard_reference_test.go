package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// labelTexts returns the text of every label under o.
func labelTexts(o fyne.CanvasObject) []string {
	switch v := o.(type) {
	case *widget.Label:
		return []string{v.Text}
	case *fyne.Container:
		var out []string
		for _, c := range v.Objects {
			out = append(out, labelTexts(c)...)
		}
		return out
	}
	return nil
}

func TestWizardReferenceValueFeedsTheAchievableCheck(t *testing.T) {
	u, _, s := smartOnFirstKPI(t)
	k := s.kpi()
	ref := fieldOf(t, s.form, "reference")
	retype(u, entryOf(fieldOf(t, s.form, "target")), "2")
	retype(u, entryOf(ref), "3") // target 2 below last year's 3 (a higher-is-better KPI)
	leave(u, ref)
	if k.Reference == nil || *k.Reference != 3 {
		t.Fatalf("reference = %v, want 3", k.Reference)
	}
	checks := strings.Join(labelTexts(s.checks), "\n")
	if !strings.Contains(checks, "The target 2 is below the reference value 3") {
		t.Errorf("the Achievable check does not say the target is below the reference:\n%s", checks)
	}
	retype(u, entryOf(ref), "")
	if k.Reference != nil {
		t.Errorf("emptied reference = %v, want none", *k.Reference)
	}
}
