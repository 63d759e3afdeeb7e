package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestExportImportScreenshots writes the export dialogs, the import
// chooser, the progress dialog and the import previews, in both languages,
// to $IO_SHOTS for a person to look at.
func TestExportImportScreenshots(t *testing.T) {
	dir := os.Getenv("IO_SHOTS")
	if dir == "" {
		t.Skip("set IO_SHOTS to a directory to write the export and import screenshots")
	}
	for _, lang := range []string{"vi", "en"} {
		shot := func(u *UI, name string) {
			for size, sz := range map[string]fyne.Size{"full": fyne.NewSize(1200, 760), "min": u.win.Content().MinSize()} {
				u.win.Resize(sz.AddWidthHeight(1, 1))
				u.win.Resize(sz)
				writePNG(t, filepath.Join(dir, name+"_"+lang+"_"+size+".png"), u.win)
			}
			u.win.Resize(fyne.NewSize(1200, 760))
		}
		u, _, s := planTestUI(t, lang, planWithActuals())
		u.win.Resize(fyne.NewSize(1200, 760))
		shot(u, "plan_header")
		e := newPlanExporter(s)
		e.form.show()
		shot(u, "export_plan")
		e.form.format.SetSelected(e.form.csvOpt)
		shot(u, "export_plan_csv")
		e.form.d.Hide()

		task := u.newTask(u.T("Exporting"), u.T("Writing the bonus sheet of %s people…", u.tr.FormatNumber(10000, 0)))
		task.wait.Start()
		task.d.Show()
		task.d.Resize(fyne.NewSize(440, task.d.MinSize().Height))
		task.show(420_000, 1_000_000)
		shot(u, "progress")
		task.d.Hide()

		im := newPlanImporter(s)
		im.chooser.Show()
		shot(u, "import_chooser")
		im.chooser.Hide()

		path := writeTemplateFile(t, u, s, t.TempDir())
		setCells(t, path, map[string]any{"E4": 1000, "F4": "abc", "G4": "12,5x", "H5": 7, "E6": "3", "E10": "x"})
		im.readWith(u.newTask("Import", "…"), path)
		shot(u, "import_preview_errors")
		setCells(t, path, map[string]any{"F4": 1100, "G4": 900, "E10": nil})
		test.Tap(buttonIn(t, im.preview, u.T("Read the file again")))
		shot(u, "import_preview_ok")
		im.preview.d.Hide()

		kim := newPlanImporter(s)
		kim.what.SetSelected(kim.kpiOpt)
		kim.chooser.Show()
		shot(u, "import_chooser_kpis")
		kim.chooser.Hide()
		kpis := filepath.Join(t.TempDir(), "kpis.csv")
		csv := "Mã KPI;Tên KPI;Đơn vị;Mục tiêu;Trọng số;Nhóm\nk2;;;80;;\n;Khách hàng quay lại;Số lượng;30;1;B\n;Chi phí quảng cáo;Tiền;abc;-1;D\n"
		if err := os.WriteFile(kpis, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		kim.readWith(u.newTask("Import", "…"), kpis)
		shot(u, "import_preview_kpis")
		kim.preview.d.Hide()

		cu, _ := companyUI(t, lang, 12)
		cu.home.dept.SetSelectedIndex(0)
		ce := newCompanyExporter(cu.home)
		ce.load(cu.newTask("Export", "…"))
		shot(cu, "export_company")
	}
}

func TestExportImportGolden(t *testing.T) {
	u, _, s := planTestUI(t, "vi", planWithActuals())
	e := newPlanExporter(s)
	w := test.NewWindow(e.form.root)
	defer w.Close()
	w.Resize(fyne.NewSize(561, 301))
	w.Resize(fyne.NewSize(560, 300))
	test.AssertImageMatches(t, "export_form_vi.png", w.Canvas().Capture())

	path := writeTemplateFile(t, u, s, t.TempDir())
	setCells(t, path, map[string]any{"E4": 1000, "F4": "abc", "E5": 12, "G5": "7,5"})
	im := newPlanImporter(s)
	im.readWith(u.newTask("Import", "…"), path)
	im.preview.d.Hide()
	pw := test.NewWindow(im.preview.root)
	defer pw.Close()
	pw.Resize(fyne.NewSize(761, 421)) // the test canvas lays out again only on a resize
	pw.Resize(fyne.NewSize(760, 420))
	test.AssertImageMatches(t, "import_preview_vi.png", pw.Canvas().Capture())
}
