package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// overlayObjects are the shown objects of the window's top overlay.
func overlayObjects(u *UI) []fyne.CanvasObject {
	return shownObjects(u.win.Canvas().Overlays().Top())
}

// Regression: Fyne's file dialog (the fallback when the system has none)
// listed "Home" and "Computer" in English in the Vietnamese UI.
func TestFyneFileDialogPlacesAreTranslated(t *testing.T) {
	u, _ := testUI(t, "vi")
	u.win.Resize(fyne.NewSize(1024, 600))
	FyneDialogs{}.Save(u.win, FileRequest{Dir: t.TempDir(), Name: "Phiếu.xlsx"}, func(FileChoice, error) {})
	var labels []string
	for _, o := range overlayObjects(u) {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l.Text)
		}
	}
	all := "|" + strings.Join(labels, "|") + "|"
	for _, en := range []string{"Home", "Computer", "Documents", "Downloads"} {
		if strings.Contains(all, "|"+en+"|") {
			t.Errorf("the dialog lists %q in English: %s", en, all)
		}
	}
	if !strings.Contains(all, "|Thư mục riêng|") {
		t.Errorf("the dialog does not list the home folder in Vietnamese: %s", all)
	}
}

// Regression: a folder made with the file dialog's New folder button was
// not entered, so a file was saved beside it instead of in it.
func TestFyneFileDialogEntersTheFolderJustCreated(t *testing.T) {
	u, _ := testUI(t, "vi")
	u.win.Resize(fyne.NewSize(1024, 600))
	dir := t.TempDir()
	var got FileChoice
	FyneDialogs{}.Save(u.win, FileRequest{Dir: dir, Name: "Phiếu.xlsx"}, func(c FileChoice, err error) { got = c })
	var newFolder *widget.Button
	for _, o := range overlayObjects(u) {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == theme.FolderNewIcon().Name() {
			newFolder = b
		}
	}
	if newFolder == nil {
		t.Fatal("no New folder button")
	}
	test.Tap(newFolder)
	var name *widget.Entry
	var create *widget.Button
	for _, o := range overlayObjects(u) {
		switch x := o.(type) {
		case *widget.Entry:
			name = x
		case *widget.Button:
			if x.Text == "Tạo thư mục" {
				create = x
			}
		}
	}
	if name == nil || create == nil {
		t.Fatal("the New folder form has no name entry or Create button in Vietnamese")
	}
	test.Type(name, "Quý 2")
	test.Tap(create)
	made := filepath.Join(dir, "Quý 2")
	if st, err := os.Stat(made); err != nil || !st.IsDir() {
		t.Fatalf("folder not made: %v", err)
	}
	if pref := fyne.CurrentApp().Preferences().String(fyneLastFolderKey); !strings.HasSuffix(pref, "/Quý 2") {
		t.Fatalf("the dialog shows %q, not the new folder", pref)
	}
	var save *widget.Button
	for _, o := range overlayObjects(u) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Lưu" {
			save = b
		}
	}
	if save == nil {
		t.Fatal("no Save button")
	}
	test.Tap(save)
	if filepath.Dir(got.Path) != made {
		t.Errorf("saved to %q, want inside %q", got.Path, made)
	}
}
