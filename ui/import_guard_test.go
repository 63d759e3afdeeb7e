package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
)

func TestImportPasswordProtectedXLSXAsksForThePassword(t *testing.T) {
	u, store, s := planTestUI(t, "en", planFixture())
	f := excelize.NewFile()
	for ref, v := range map[string]any{"A1": "KPI code", "B1": "Period", "C1": "Actual", "A2": "k1", "B2": "2026-01", "C2": 1000} {
		_ = f.SetCellValue("Sheet1", ref, v)
	}
	path := filepath.Join(t.TempDir(), "secret.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "s3cret"}); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	im := newPlanImporter(s)
	im.readWith(u.newTask("Import", "…"), path)
	if im.passDialog == nil || !strings.Contains(overlayText(u), "This file is password-protected") {
		t.Fatalf("no password prompt: %q", overlayText(u))
	}
	enter := func(pw string) { t.Helper(); typePassword(t, u, im.passDialog, pw) }
	enter("wrong")
	if im.passDialog == nil || !strings.Contains(overlayText(u), "Wrong password") {
		t.Fatalf("no second prompt after a wrong password: %q", overlayText(u))
	}
	enter("s3cret")
	if im.preview == nil || im.count() != 1 {
		t.Fatalf("no preview after the right password; status %q", u.status.Text)
	}
	test.Tap(im.preview.importBtn)
	if p := storedPlan(t, store, s.id); len(p.KPI("k1").Actuals) != 1 {
		t.Errorf("stored %+v", p.KPI("k1").Actuals)
	}
}

func TestImportKPISheetChangingAggregationAsksForConfirmation(t *testing.T) {
	p := submittedFixture()
	p.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 500}, {Period: 1, Value: 700}}
	u, store, s := planTestUI(t, "en", p)
	path := filepath.Join(t.TempDir(), "kpis.csv")
	if err := os.WriteFile(path, []byte("KPI code,Aggregation\r\nk1,Ratio\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	im := newPlanImporter(s)
	im.what.SetSelected(im.kpiOpt)
	im.readWith(u.newTask("Import", "…"), path)
	if im.preview == nil || im.preview.importBtn.Disabled() {
		t.Fatalf("no preview; problems %q", problemTexts(im.preview))
	}
	test.Tap(im.preview.importBtn)
	text := overlayText(u)
	if !strings.Contains(text, "changes KPIs that have recorded actuals") || !strings.Contains(text, "k1 (Doanh thu mới)") {
		t.Fatalf("no confirmation naming k1: %q", text)
	}
	if got := storedPlan(t, store, s.id).KPI("k1"); got.Aggregation != app.Sum {
		t.Fatalf("saved before the confirmation: %s", got.Aggregation)
	}
	var yes *widget.Button
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == u.T("Yes") {
			yes = b
		}
	}
	if yes == nil {
		t.Fatal("no Yes button")
	}
	test.Tap(yes)
	if got := storedPlan(t, store, s.id).KPI("k1"); got.Aggregation != app.Ratio {
		t.Errorf("after Yes: %s", got.Aggregation)
	}
	if !strings.Contains(u.status.Text, "dropped or reinterpreted") {
		t.Errorf("status %q", u.status.Text)
	}
}

// typePassword types pw into the password prompt on top and submits it.
func typePassword(t *testing.T, u *UI, d *dialog.FormDialog, pw string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			e.SetText(pw)
			d.Submit()
			return
		}
	}
	t.Fatal("no password entry in the prompt")
}
