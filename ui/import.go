package ui

import (
	"context"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/progress"
	"kpiplanner/app/sheet"
)

// planImporter imports a spreadsheet of actuals or KPI definitions into the
// open plan: choose the file, read it off the UI goroutine, preview every
// change and problem, then save the plan in one transaction.
type planImporter struct {
	s    *planScreen
	kpis bool // KPI definitions rather than actuals

	// The chooser dialog.
	what    *widget.RadioGroup
	actOpt  string // the kinds' labels
	kpiOpt  string
	explain *widget.Label
	filled  *widget.Check
	chooser *dialog.CustomDialog

	// The file read last, and the password it was read with.
	path       string
	password   string
	passDialog *dialog.FormDialog
	actuals    *sheet.ActualsPreview
	defs       *sheet.KPIPreview
	preview    *importPreview
}

// openPlanImport opens the import dialog of the plan screen s.
func openPlanImport(s *planScreen) {
	u := s.u
	if s.dirty {
		showMessage(u.win, u.T("Import"), u.T("Save or undo the KPI table's changes first: an import saves the plan."))
		return
	}
	im := newPlanImporter(s)
	im.chooser.Show()
	im.chooser.Resize(fyne.NewSize(600, im.chooser.MinSize().Height))
}

// newPlanImporter prepares the import dialog of the plan screen s: what to
// import, a template to download, the file to choose.
func newPlanImporter(s *planScreen) *planImporter {
	u := s.u
	im := &planImporter{s: s, actOpt: u.T("Actuals"), kpiOpt: u.T("KPI definitions")}
	im.what = widget.NewRadioGroup([]string{im.actOpt, im.kpiOpt}, im.onWhat)
	im.what.Horizontal = true
	im.what.Required = true
	im.explain = widget.NewLabel("")
	im.explain.Wrapping = fyne.TextWrapWord
	im.filled = widget.NewCheck(u.T("Put the actuals recorded so far in the template"), nil)
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), func() { im.chooser.Hide() })
	template := widget.NewButtonWithIcon(u.T("Download a template…"), theme.DownloadIcon(), im.onTemplate)
	choose := widget.NewButtonWithIcon(u.T("Choose a file…"), theme.FolderOpenIcon(), im.onChooseFile)
	choose.Importance = widget.HighImportance
	hint := widget.NewLabel(u.T("Excel (.xlsx) or CSV (.csv). Nothing is saved before you have seen the preview."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	body := container.NewVBox(im.what, im.explain, im.filled, hint)
	im.chooser = dialog.NewCustomWithoutButtons(u.T("Import into %s", planTitle(s.snap)), body, u.win)
	im.chooser.SetButtons([]fyne.CanvasObject{cancel, template, choose})
	im.what.SetSelected(im.actOpt)
	return im
}

// onWhat explains the kind of file chosen.
func (im *planImporter) onWhat(string) {
	u := im.s.u
	im.kpis = im.what.Selected == im.kpiOpt
	if im.kpis {
		im.explain.SetText(u.T("One row per KPI with a header naming the columns: KPI code, name, unit, direction, baseline, target, weight, group… A row with the code of one of this plan's KPIs updates it; other rows add KPIs. Empty cells leave a field as it is."))
		im.filled.Hide()
	} else {
		im.explain.SetText(u.T("One row per KPI and one column per period, as in the template, or one row per KPI and period with a Period column. Ratio KPIs take a numerator row and a denominator row. Empty cells leave the recorded actuals unchanged."))
		im.filled.Show()
	}
	if im.chooser != nil {
		im.chooser.Resize(fyne.NewSize(600, im.chooser.MinSize().Height))
	}
}

// onTemplate writes the template of the chosen kind for this plan.
func (im *planImporter) onTemplate() {
	im.chooser.Hide()
	im.s.u.downloadTemplate(im.s.current(), im.kpis, im.filled.Checked)
}

// onChooseFile asks for the file to import.
func (im *planImporter) onChooseFile() {
	im.chooser.Hide()
	im.s.u.chooseOpenFile([]string{extXLSX, extCSV}, im.read)
}

// read reads and checks the file at path behind a progress dialog, then previews it.
func (im *planImporter) read(path string) {
	u := im.s.u
	im.readWith(u.newTask(u.T("Import"), u.T("Reading %s…", filepath.Base(path))), path)
}

// readWith reads and checks the file at path as task t: nothing is saved.
func (im *planImporter) readWith(t *task, path string) {
	u := im.s.u
	p, tr, kpis, pass := im.s.current(), u.tr, im.kpis, im.password
	if path != im.path {
		pass = ""
	}
	var actuals *sheet.ActualsPreview
	var defs *sheet.KPIPreview
	t.run(func(ctx context.Context, _ progress.Func) error {
		g, err := u.files.ReadGrid(ctx, path, pass)
		if err != nil {
			return err
		}
		o := sheet.ImportOptions{T: tr.T, ParseNumber: tr.ParseNumber, ParseDate: tr.ParseDate}
		if kpis {
			defs = sheet.ParseKPIs(p, g, o)
		} else {
			actuals = sheet.ParseActuals(p, g, o)
		}
		return nil
	}, func(err error) {
		switch {
		case t.stopped:
			u.notify(u.T("Import cancelled: nothing was saved."))
		case isPasswordError(err):
			im.path = path
			im.askPassword(path, err)
		case err != nil:
			u.showError(err)
		default:
			im.path, im.actuals, im.defs = path, actuals, defs
			im.showPreview()
		}
	})
}

// problems returns what the file's check found.
func (im *planImporter) problems() sheet.Errors {
	if im.kpis {
		return im.defs.Errors
	}
	return im.actuals.Errors
}

// count returns how many actuals or KPIs the import records.
func (im *planImporter) count() int {
	if im.kpis {
		return len(im.defs.Rows)
	}
	return len(im.actuals.Changes)
}

// showPreview shows what the file read would change, or refreshes the open preview.
func (im *planImporter) showPreview() {
	if im.preview == nil {
		im.preview = newImportPreview(im)
		im.preview.d.Show()
		im.preview.fit()
	}
	im.preview.refresh()
}

// onReread reads the file again, after the user fixed it.
func (im *planImporter) onReread() { im.read(im.path) }

// onImport records the previewed changes: the plan is saved in one
// transaction (Ctrl+Z undoes it) and the plan screen reloads.
func (im *planImporter) onImport() {
	s, u := im.s, im.s.u
	var updated *app.Plan
	var err error
	if im.kpis {
		updated, err = im.defs.Apply()
	} else {
		updated, err = im.actuals.Apply()
	}
	if err != nil {
		u.showError(err)
		return
	}
	if im.count() == 0 {
		showMessage(u.win, u.T("Import"), u.T("%s holds nothing to import.", filepath.Base(im.path)))
		return
	}
	var losses []app.ActualsLoss
	if im.kpis {
		losses = app.ActualsLosses(s.current(), updated)
	}
	im.confirmLosses(losses, func() { im.save(updated, len(losses)) })
}

// save stores the imported plan in one transaction and reloads the plan
// screen; dropped is how many KPIs had their actuals dropped or reinterpreted.
func (im *planImporter) save(updated *app.Plan, dropped int) { im.saveWhy(updated, dropped, "") }

// saveWhy is save with a reason, which changes after approval need: when
// one is wanted it is asked for and the save tried again.
func (im *planImporter) saveWhy(updated *app.Plan, dropped int, reason string) {
	s, u := im.s, im.s.u
	n, name := im.count(), filepath.Base(im.path)
	u.async(func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		if err := u.ws.Change(updated, reason); err != nil {
			return err
		}
		s.plan = updated.Clone()
		return nil
	}, func(err error) {
		if s.askWhy(err, func(r string) { im.saveWhy(updated, dropped, r) }) {
			return
		}
		if err != nil {
			s.refused(err)
			return
		}
		im.preview.d.Hide()
		im.preview = nil
		s.afterUndo() // reloads the plan as now stored
		switch {
		case im.kpis && dropped > 0:
			u.notify(u.T("Imported %d KPIs from %s; the recorded actuals of %d KPIs were dropped or reinterpreted. Press Ctrl+Z to undo.", n, name, dropped))
		case im.kpis:
			u.notify(u.T("Imported %d KPIs from %s. Press Ctrl+Z to undo.", n, name))
		default:
			u.notify(u.T("Imported %d actuals from %s. Press Ctrl+Z to undo.", n, name))
		}
	})
}
