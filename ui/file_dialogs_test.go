package ui

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/ncruces/zenity"
)

// recordDialogs is a FileDialogs that answers with choice and records what it was asked.
type recordDialogs struct {
	choice FileChoice
	asked  []FileRequest
	saves  int
}

func (d *recordDialogs) Save(_ fyne.Window, r FileRequest, done func(FileChoice, error)) {
	d.asked, d.saves = append(d.asked, r), d.saves+1
	done(d.choice, nil)
}

func (d *recordDialogs) Open(_ fyne.Window, r FileRequest, done func(FileChoice, error)) {
	d.asked = append(d.asked, r)
	done(d.choice, nil)
}

// answer waits for a dialog's done (the system's dialog answers from another goroutine).
func answer(t *testing.T, show func(done func(FileChoice, error))) FileChoice {
	t.Helper()
	got := make(chan FileChoice, 1)
	show(func(c FileChoice, err error) {
		if err != nil {
			t.Error(err)
		}
		got <- c
	})
	select {
	case c := <-got:
		return c
	case <-time.After(30 * time.Second): // a hang, not a speed check
		t.Fatal("the dialog never answered")
		return FileChoice{}
	}
}

func TestHeadlessTestsUseFyneDialogs(t *testing.T) {
	u, _ := testUI(t, "en")
	if _, ok := u.dialogs.(FyneDialogs); !ok {
		t.Errorf("a Sync UI uses %T: headless tests could open the system's dialog", u.dialogs)
	}
	if _, ok := defaultDialogs(false).(NativeDialogs); !ok {
		t.Error("the app does not use the system's file dialogs")
	}
}

// TestNativeDialogFallsBackToFyneWithoutZenity: with no system dialog (no
// zenity binary on Linux, CI) or when it fails, Fyne's dialog is shown; a
// cancelled system dialog is a cancel, and a chosen path comes back as is.
func TestNativeDialogFallsBackToFyneWithoutZenity(t *testing.T) {
	u, _ := testUI(t, "en")
	fallback := &recordDialogs{choice: FileChoice{Path: "/fyne/chose", Created: true}}
	r := FileRequest{Title: "Save as", Dir: "/tmp", Name: "Scorecard - Lan.xlsx", Exts: []string{".xlsx"}}
	var ran [][]zenity.Option
	native := func(avail bool, path string, err error) NativeDialogs {
		return NativeDialogs{Fallback: fallback, available: func() bool { return avail },
			run: func(save bool, opts []zenity.Option) (string, error) { ran = append(ran, opts); return path, err }}
	}
	if c := answer(t, func(done func(FileChoice, error)) { native(false, "", nil).Save(u.win, r, done) }); c.Path != "/fyne/chose" || len(ran) != 0 {
		t.Errorf("without zenity: %+v, zenity ran %d times", c, len(ran))
	}
	if c := answer(t, func(done func(FileChoice, error)) {
		native(true, "", errors.New("zenity: exit status 255")).Save(u.win, r, done)
	}); c.Path != "/fyne/chose" || fallback.saves != 2 {
		t.Errorf("failed zenity: %+v after %d Fyne dialogs", c, fallback.saves)
	}
	if c := answer(t, func(done func(FileChoice, error)) { native(true, "", zenity.ErrCanceled).Save(u.win, r, done) }); c.Path != "" || fallback.saves != 2 {
		t.Errorf("cancel: %+v, %d Fyne dialogs", c, fallback.saves)
	}
	if c := answer(t, func(done func(FileChoice, error)) { native(true, "/home/lan/Q1.xlsx", nil).Open(u.win, r, done) }); c != (FileChoice{Path: "/home/lan/Q1.xlsx"}) {
		t.Errorf("chosen: %+v", c)
	}
	if len(ran) != 3 || len(ran[0]) < 4 {
		t.Errorf("zenity ran %d times with %d options", len(ran), len(ran[0]))
	}
}

// TestChooseSaveFileProposesTheNameAndFolder: the dialog gets the proposed
// name, the last export folder and the extensions; a path chosen in the
// system's dialog has no placeholder to remove, Fyne's has.
func TestChooseSaveFileProposesTheNameAndFolder(t *testing.T) {
	u, _ := testUI(t, "vi")
	dir := t.TempDir()
	if err := u.ws.Store().SetSetting(settingExportDir, dir); err != nil {
		t.Fatal(err)
	}
	d := &recordDialogs{choice: FileChoice{Path: filepath.Join(dir, "Q1")}}
	u.dialogs = d
	var got saveTarget
	u.chooseSaveFile("Phiếu đánh giá KPI - Lan.xlsx", func() string { return extXLSX }, func(t saveTarget) { got = t })
	r := d.asked[0]
	if r.Name != "Phiếu đánh giá KPI - Lan.xlsx" || r.Dir != dir || !slices.Equal(r.Exts, []string{extXLSX}) || r.Title != "Lưu thành" {
		t.Errorf("asked %+v", r)
	}
	if got.path != filepath.Join(dir, "Q1.xlsx") || got.placeholder != nil {
		t.Errorf("system dialog: target %+v", got)
	}
	d.choice.Created = true
	u.chooseSaveFile("x.xlsx", func() string { return "" }, func(t saveTarget) { got = t })
	if got.placeholder == nil || got.placeholder.Path() != filepath.Join(dir, "Q1") || !slices.Equal(d.asked[1].Exts, []string{extXLSX, extCSV}) {
		t.Errorf("Fyne dialog: target %+v, exts %v", got, d.asked[1].Exts)
	}
}

// TestExportFileNamesDifferByKind: a scorecard, the actuals template (empty
// or filled), the KPI sheet and the company workbook each propose a file
// name of their own, in the user's language.
func TestExportFileNamesDifferByKind(t *testing.T) {
	kinds := []exportKind{exportScorecard, exportActualsTemplate, exportActualsFilled, exportKPISheet, exportCompany}
	want := map[string][]string{
		"en": {"Scorecard - Lan", "Actuals template - Lan", "Actuals so far - Lan", "KPI sheet - Lan", "Company bonus - Lan"},
		"vi": {"Phiếu đánh giá KPI - Lan", "Mẫu nhập số liệu - Lan", "Số liệu đến nay - Lan", "Bảng KPI - Lan", "Thưởng toàn công ty - Lan"},
	}
	for lang, names := range want {
		u, _ := testUI(t, lang)
		for i, k := range kinds {
			if got := u.exportFileName(k, "Lan"); got != names[i] {
				t.Errorf("%s kind %d: %q, want %q", lang, k, got, names[i])
			}
		}
		if got := u.exportFileName(exportScorecard, `Q1/2026: "Lan"`); got != "Scorecard - Q1_2026_ _Lan_" && lang == "en" {
			t.Errorf("unsafe characters kept: %q", got)
		}
		if got := u.exportDate(); got != "2026-03-15" {
			t.Errorf("export date %q, want 2026-03-15 (testToday)", got)
		}
	}
}
