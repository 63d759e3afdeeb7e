package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/progress"
	"kpiplanner/app/workspace"
)

// previewView is the last step: what the import would do, before anything is saved.
func (w *sheetWizard) previewView() fyne.CanvasObject {
	u := w.u
	w.counts = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.counts.Wrapping = fyne.TextWrapWord
	w.problem = widget.NewLabel("")
	w.problem.Wrapping = fyne.TextWrapWord
	w.problem.Importance = widget.DangerImportance
	w.list = widget.NewList(func() int { return len(w.lines) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(w.lines[i]) })
	w.saveAs = widget.NewButtonWithIcon(u.T("Save mapping as…"), theme.DocumentSaveIcon(), w.onSaveAs)
	return container.NewBorder(container.NewVBox(w.counts, w.problem), container.NewHBox(w.saveAs), nil, nil, w.list)
}

// mapping returns the mapping the steps' choices make.
func (w *sheetWizard) mapping() (*importmap.Mapping, error) {
	u := w.u
	m := *w.sugg // keeps the person, percent and CSV settings suggested or saved
	m.Version, m.Sheet, m.HeaderRow = importmap.MappingVersion, w.table.Sheet, w.header.Row+1
	m.Layout = w.chosenLayout()
	m.AllSheets = m.Layout == allSheets
	if m.AllSheets {
		m.Layout = importmap.KPIsDown
	}
	start, err := u.tr.ParseDate(w.start.Text)
	if err != nil {
		return nil, &app.FieldError{Field: "cycle start", Msg: app.M("%q is not a date", w.start.Text)}
	}
	end, err := u.tr.ParseDate(w.end.Text)
	if err != nil {
		return nil, &app.FieldError{Field: "cycle end", Msg: app.M("%q is not a date", w.end.Text)}
	}
	m.Cycle = importmap.CycleSpec{Start: start, End: end, Frequency: app.Monthly}
	for _, f := range app.Frequencies {
		if u.tr.Name(f) == w.freq.Selected {
			m.Cycle.Frequency = f
		}
	}
	m.Columns = w.columns(m.Layout, m.Cycle.Cycle())
	return &m, m.Check()
}

// columns returns the columns mapped: each Select's field, with the
// period of a period column; columns left out stay out of the mapping
// (so the preview names them) unless the suggestion knew them as left out.
func (w *sheetWizard) columns(l importmap.Layout, cycle app.Cycle) []importmap.ColumnMap {
	was := map[string]importmap.ColumnMap{}
	for _, c := range w.sugg.Columns {
		was[c.Column] = c
	}
	var out []importmap.ColumnMap
	for i, hc := range w.header.Cols {
		name := importmap.ColName(hc.Col)
		cm := importmap.ColumnMap{Column: name, Header: hc.Label(), Field: w.fieldOf(w.fields[i].Selected)}
		old, known := was[name]
		if cm.Field == importmap.Ignore && !(known && old.Field == importmap.Ignore) {
			continue
		}
		if l != importmap.Long && periodColumn(cm.Field) {
			cm.Period = old.Period
			if cm.Period == 0 && hc.Period != nil {
				if p, _, ok := hc.Period.Index(cycle); ok {
					cm.Period = p + 1
				}
			}
		}
		out = append(out, cm)
	}
	return out
}

// periodColumn reports whether a column of field f holds one period's values in a wide layout.
func periodColumn(f importmap.Field) bool {
	switch f {
	case importmap.FActual, importmap.FPeriodTgt, importmap.FNumerator, importmap.FDenominator:
		return true
	}
	return false
}

// buildPreview reads the sheet (every visible one for one sheet per
// person) with the mapping chosen and compares it with the workspace, off
// the UI goroutine; nothing is saved.
func (w *sheetWizard) buildPreview() {
	u := w.u
	m, err := w.mapping()
	if err != nil {
		u.showError(err)
		return
	}
	tab, path, sheets := w.table, w.path, w.sheets
	var pv *importmap.Preview
	t := u.newTask(u.T("Import"), u.T("Preparing the preview of %s…", filepath.Base(path)))
	t.run(func(ctx context.Context, _ progress.Func) error {
		rd, err := w.read(ctx, m, tab, sheets)
		if err != nil {
			return err
		}
		st, err := u.ws.SheetImportState()
		if err != nil {
			return err
		}
		pv = importmap.BuildPreview(rd, m, st)
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		w.setPreview(m, pv)
	})
}

// read reads tab, or every visible sheet of the file for one sheet per
// person, with m (off the UI goroutine).
func (w *sheetWizard) read(ctx context.Context, m *importmap.Mapping, tab *importmap.Table, sheets []importmap.SheetInfo) (*importmap.Reading, error) {
	if !m.AllSheets {
		return importmap.Read(tab, m)
	}
	var rs []*importmap.Reading
	for _, s := range sheets {
		if s.Hidden {
			continue
		}
		t, err := w.u.files.ReadTable(ctx, w.path, s.Name, "", m.Encoding, firstRune(m.Separator))
		if err != nil {
			return nil, err
		}
		rd, err := importmap.Read(t, m)
		if err != nil {
			return nil, err
		}
		rs = append(rs, rd)
	}
	return importmap.MergeReadings(rs), nil
}

// setPreview shows the preview pv of mapping m; an import that would change
// nothing is the app's error, naming the columns not understood.
func (w *sheetWizard) setPreview(m *importmap.Mapping, pv *importmap.Preview) {
	u := w.u
	w.m, w.pv, w.checked = m, pv, pv.Check()
	w.counts.SetText(u.T("%d new plans, %d changed, %d unchanged, %d refused; %d new people",
		pv.Count(importmap.PlanNew), pv.Count(importmap.PlanChanged), pv.Count(importmap.PlanUnchanged),
		pv.Count(importmap.PlanRefused), len(pv.NewPeople)))
	w.problem.SetText("")
	w.problem.Hide()
	if w.checked != nil {
		w.problem.SetText(u.tr.Err(w.checked))
		w.problem.Show()
	}
	w.lines = w.previewLines(pv)
	w.list.Refresh()
	w.show(stepPreview)
	if w.checked != nil {
		u.showError(w.checked)
	}
}

// onImport saves the previewed import in one transaction, then sums it up.
func (w *sheetWizard) onImport() {
	u := w.u
	if w.checked != nil {
		u.showError(w.checked)
		return
	}
	pv, path := w.pv, w.path
	var res workspace.SheetImportResult
	t := u.newTask(u.T("Import"), u.T("Importing %s…", filepath.Base(path)))
	t.run(func(context.Context, progress.Func) error {
		var err error
		res, err = u.ws.ApplySheetImport(path, "", pv)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		w.d.Hide()
		u.home.reload()
		msg := u.T("Imported %s: %d plans created, %d changed, %d people created.", filepath.Base(path), res.Created, res.Changed, res.People)
		u.notify(msg)
		showMessage(u.win, u.T("Import"), msg)
	})
}

// onSaveAs asks for a name and saves the mapping under it, for next month's file.
func (w *sheetWizard) onSaveAs() {
	u := w.u
	name := widget.NewEntry()
	if w.m != nil {
		name.SetText(w.m.Name)
	}
	items := []*widget.FormItem{widget.NewFormItem(u.T("Name"), name)}
	d := dialog.NewForm(u.T("Save mapping as…"), u.T("Save"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			w.saveMapping(strings.TrimSpace(name.Text))
		}
	}, u.win)
	u.formKeys(d, items)
	d.Show()
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
}

// saveMapping saves the mapping chosen under name, off the UI goroutine.
func (w *sheetWizard) saveMapping(name string) {
	u := w.u
	m, err := w.mapping()
	if err != nil {
		u.showError(err)
		return
	}
	m.Name = name
	var names []string
	u.async(func() error {
		if err := u.ws.SaveMapping(m); err != nil {
			return err
		}
		var err error
		names, err = u.ws.MappingNames()
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		w.saved.SetOptions(names)
		u.notify(u.T("Mapping %s saved: choose it under Use a saved mapping next time.", name))
	})
}
