package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/text/unicode/norm"
)

// Vietnamese input methods send text composed (one rune per letter, as
// Unikey does by default) or decomposed (a base letter then its marks, as
// some ibus/fcitx set-ups and macOS do). Either way it is stored in NFC.
func TestVietnameseTypedComposedOrDecomposedIsStoredInNFC(t *testing.T) {
	const person, plan, kpi = "Nguyễn Thị Hồng Nhung", "Kế hoạch quý 2", "Doanh thu từ khách hàng mới"
	for _, form := range []norm.Form{norm.NFC, norm.NFD} {
		u, store := wizTestUI(t, "vi")
		w := openWizard(t, u)
		g := step[*goalStep](t, w)
		retype(u, entryOf(g.name), form.String(person))
		u.win.Canvas().Focus(g.planName)
		test.Type(g.planName, form.String(plan))
		pressShortcut(u, ctrlKey(fyne.KeyS))
		plans, err := store.Plans()
		if err != nil || len(plans) != 1 {
			t.Fatalf("%d plans after Ctrl+S: %v", len(plans), err)
		}
		if p := plans[0]; p.Person.Name != person || p.Name != plan {
			t.Errorf("form %v: wizard stored %q / %q, not NFC", form, p.Person.Name, p.Name)
		}

		u2, store2, s := planTestUI(t, "vi", planFixture())
		name := kpiRowOf(t, s, "k4").entries["name"]
		u2.win.Canvas().Focus(name)
		name.SetText("")
		test.Type(name, form.String(kpi))
		pressShortcut(u2, ctrlKey(fyne.KeyS))
		if got := storedPlan(t, store2, s.id).KPI("k4").Name; got != kpi {
			t.Errorf("form %v: KPI table stored %q, not NFC", form, got)
		}
	}
}
