package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// fillForm types values into the entries of the dialog on top, in order,
// and taps button.
func fillForm(t *testing.T, u *UI, values []string, button string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var entries []*widget.Entry
	var ok *widget.Button
	for _, o := range test.LaidOutObjects(top) {
		switch w := o.(type) {
		case *widget.Entry:
			entries = append(entries, w)
		case *widget.Button:
			if w.Text == button {
				ok = w
			}
		}
	}
	if len(entries) < len(values) || ok == nil {
		t.Fatalf("the dialog has %d entries and no %s button: %s", len(entries), button, overlayText(u))
	}
	for i, v := range values {
		entries[i].SetText(v)
	}
	test.Tap(ok)
}

// TestTemplateScreenCreateAssignUpdate creates a template on the Templates
// screen, assigns it to the two sales staff of KD-MN (seedOrg: NV0002 and
// NV0004), sees their plans, then saves a new version with a higher target
// and sees both plans take it.
func TestTemplateScreenCreateAssignUpdate(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		u, store := testUI(t, lang)
		seedOrg(t, u)
		u.openTemplates()
		s := u.cur.(*templatesScreen)
		s.onNewBlank()
		fillForm(t, u, []string{"Sales L2", "Nhân viên kinh doanh", "2", "Doanh thu"}, u.T("Create"))
		if len(s.list) != 1 || s.draft == nil || s.draft.Name != "Sales L2" {
			t.Fatalf("%s: templates %d, selected %+v", lang, len(s.list), s.draft)
		}
		s.draft.KPIs[0].Target = 100
		s.onSaveVersion()
		if s.update == nil || !strings.Contains(s.update.summary.Text, u.T("%d plans hold this template; %d have overrides.", 0, 0)) {
			t.Fatalf("%s: update dialog %v", lang, s.update)
		}
		s.update.onApply()
		if s.list[0].Version != 2 {
			t.Fatalf("%s: version %d after saving", lang, s.list[0].Version)
		}
		s.onAssign()
		d := s.dialog
		d.year.SetText("2026")
		d.onPreview()
		want := u.T("%d people chosen; %s", 2, u.T("creates %d plans", 2))
		if d.summary.Text != want {
			t.Fatalf("%s: preview %q, want %q", lang, d.summary.Text, want)
		}
		checkFits(t, u, lang+" assign dialog")
		d.onApply()
		plans, err := store.Plans()
		if err != nil || len(plans) != 2 || plans[0].TemplateUID != s.list[0].UID || plans[0].KPIs[0].Target != 100 {
			t.Fatalf("%s: plans %d %v", lang, len(plans), err)
		}
		d.dlg.Hide()
		// A higher target: both plans take it.
		s.draft.KPIs[0].Target = 120
		s.onSaveVersion()
		if !strings.Contains(s.update.summary.Text, u.T("%d plans hold this template; %d have overrides.", 2, 0)) {
			t.Fatalf("%s: update summary %q", lang, s.update.summary.Text)
		}
		checkFits(t, u, lang+" update dialog")
		s.update.onApply()
		plans, _ = store.Plans()
		for _, p := range plans {
			if p.KPIs[0].Target != 120 || p.TemplateVersion != 3 {
				t.Errorf("%s: plan %s target %g v%d, want 120 v3", lang, p.Name, p.KPIs[0].Target, p.TemplateVersion)
			}
		}
		checkFits(t, u, lang+" templates screen")
		_ = app.Draft
	}
}
