package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
)

func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Units then people from CSV files, with a problem fixed in between: the
// preview lists each change, Import stays off while a problem remains, and
// applying lands everything.
func TestImportUnitsThenPeopleWithPreview(t *testing.T) {
	u, _ := testUI(t, "vi")
	s := openPeopleScreen(t, u)
	units := writeFile(t, "units.csv", "Mã đơn vị;Tên đơn vị;Mã đơn vị cha\nCTY;Công ty;\nKD;Kinh doanh;CTY\n")
	im := &registryImport{u: u}
	im.read(units)
	v := im.preview
	if v == nil {
		t.Fatalf("no preview; status %q", u.status.Text)
	}
	if !strings.Contains(v.changes.Text, "Dòng 2: thêm đơn vị Công ty (CTY)") || !strings.Contains(v.changes.Text, "Dòng 3: thêm đơn vị Kinh doanh (KD)") {
		t.Errorf("changes %q", v.changes.Text)
	}
	if v.importBtn.Disabled() {
		t.Fatalf("Import is disabled: %q", v.problems.Text)
	}
	test.Tap(v.importBtn)
	if got := unitByCode(t, u, "KD"); got.Parent != unitByCode(t, u, "CTY").UID {
		t.Errorf("KD %+v", got)
	}

	people := writeFile(t, "people.csv", "Mã nhân viên;Họ và tên;Mã đơn vị;Chức danh;Cấp bậc;Mã quản lý\n"+
		"NV0001;Trần Văn Hùng;KD;Trưởng phòng;3;\nNV0002;Lê Thị Hoa;XX;Nhân viên;1;NV0001\n")
	im = &registryImport{u: u, people: true}
	im.read(people)
	v = im.preview
	if !v.importBtn.Disabled() || !strings.Contains(v.problems.Text, "XX") || !strings.Contains(v.problems.Text, "dòng 3") {
		t.Fatalf("a row with an unknown unit: problems %q, import disabled %v", v.problems.Text, v.importBtn.Disabled())
	}
	if ps, _ := u.ws.People(); len(ps) != 0 {
		t.Fatalf("the preview stored %d people", len(ps))
	}
	if err := os.WriteFile(people, []byte(strings.Replace(readText(t, people), ";XX;", ";KD;", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	test.Tap(buttonInDialog(t, u, u.T("Read the file again")))
	if v = im.preview; v.importBtn.Disabled() {
		t.Fatalf("still refused: %q", v.problems.Text)
	}
	test.Tap(v.importBtn)
	hoa := personByCode(t, u, "NV0002")
	if hoa.Unit != unitByCode(t, u, "KD").UID || hoa.Manager != personByCode(t, u, "NV0001").UID || hoa.Level != 1 {
		t.Errorf("imported %+v", hoa)
	}
	if len(s.rows) != 2 {
		t.Errorf("the People screen shows %d people after the import", len(s.rows))
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// buttonInDialog returns the button labelled text in the dialog on top.
func buttonInDialog(t *testing.T, u *UI, text string) *widget.Button {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %s button on top: %s", text, overlayText(u))
	return nil
}

// The export writes the columns the import reads: importing it back changes nothing.
func TestExportPeopleReadsBackUnchanged(t *testing.T) {
	u, _ := testUI(t, "en")
	seedOrg(t, u)
	for _, people := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "registry.xlsx")
		u.writeRegistry(u.newTask("Export", "…"), saveTarget{path: path}, people)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("people %v: %v (status %q)", people, err, u.status.Text)
		}
		im := &registryImport{u: u, people: people}
		im.read(path)
		if im.pv == nil || im.pv.Changes() != 0 || im.pv.UnchangedPeople+im.pv.UnchangedUnits != 4 {
			t.Errorf("people %v: read back %+v", people, im.pv)
		}
		if !im.preview.importBtn.Disabled() {
			t.Errorf("people %v: Import is enabled with nothing to import", people)
		}
	}
}

func TestImportPreviewNamesFieldsAsTheForms(t *testing.T) {
	u, _ := testUI(t, "vi")
	got := u.editsText([]app.Edit{{Path: "people[NV0001].level", Old: "2", New: "3"},
		{Path: "people[NV0001].manager", Old: "NV0004"}, {Path: "units[KD].parent", Old: "CTY", New: "NS"}})
	if want := "Cấp bậc: từ 2 thành 3; Quản lý: từ NV0004 thành (trống); Thuộc: từ CTY thành NS"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestImportPasswordProtectedPeopleFileAsksForThePassword: a protected
// workbook of people asks for its password (again after a wrong one) and
// then previews, as the plan imports do (it used to stop at the error).
func TestImportPasswordProtectedPeopleFileAsksForThePassword(t *testing.T) {
	u, _ := testUI(t, "en")
	f := excelize.NewFile()
	for ref, v := range map[string]any{"A1": "Unit code", "B1": "Unit name", "A2": "CO", "B2": "ABC Company"} {
		_ = f.SetCellValue("Sheet1", ref, v)
	}
	path := filepath.Join(t.TempDir(), "units.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "s3cret"}); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	im := &registryImport{u: u}
	im.read(path)
	if im.passDialog == nil || !strings.Contains(overlayText(u), "This file is password-protected") {
		t.Fatalf("no password prompt: %q", overlayText(u))
	}
	enter := func(pw string) { t.Helper(); typePassword(t, u, im.passDialog, pw) }
	enter("wrong")
	if im.passDialog == nil || !strings.Contains(overlayText(u), "Wrong password") {
		t.Fatalf("no second prompt after a wrong password: %q", overlayText(u))
	}
	enter("s3cret")
	if im.preview == nil || len(im.pv.AddUnits) != 1 {
		t.Fatalf("no preview after the right password; status %q", u.status.Text)
	}
	test.Tap(im.preview.importBtn)
	if got := unitByCode(t, u, "CO"); got.Name != "ABC Company" {
		t.Errorf("imported %+v", got)
	}
}
