package ui

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/progress"
)

// extXLSM is the extension of a macro-enabled workbook, which the wizard reads too.
const extXLSM = ".xlsm"

// fileView is the first step: the file, and a saved mapping to reuse.
func (w *sheetWizard) fileView() fyne.CanvasObject {
	u := w.u
	choose := widget.NewButtonWithIcon(u.T("Choose a file…"), theme.FolderOpenIcon(), w.onChoose)
	w.fileNote = widget.NewLabel(u.T("No file chosen yet."))
	w.fileNote.Truncation = fyne.TextTruncateEllipsis
	hint := widget.NewLabel(u.T("Excel (.xlsx, .xlsm) or CSV (.csv), laid out as your company keeps it. Nothing is saved before you have seen the preview and pressed Import."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	w.saved = widget.NewSelect(nil, w.onSaved)
	w.saved.PlaceHolder = u.T("(map the columns yourself)")
	savedHint := widget.NewLabel(u.T("Use a saved mapping: last month's choices of sheet, header row, columns and layout, applied in one click."))
	savedHint.Wrapping = fyne.TextWrapWord
	savedHint.Importance = widget.LowImportance
	return container.NewVBox(container.NewBorder(nil, nil, choose, nil, w.fileNote), hint,
		widget.NewSeparator(), widget.NewLabel(u.T("Use a saved mapping")), w.saved, savedHint)
}

// onChoose asks for the workbook.
func (w *sheetWizard) onChoose() {
	w.u.chooseOpenFile([]string{extXLSX, extXLSM, extCSV}, w.setFile)
}

// setFile makes path the file to import.
func (w *sheetWizard) setFile(path string) {
	w.path, w.sheets, w.table, w.header = path, nil, nil, nil
	w.fileNote.SetText(filepath.Base(path))
	w.updateNext()
}

// loadSavedNames lists the saved mappings, read off the UI goroutine.
func (w *sheetWizard) loadSavedNames() {
	var names []string
	w.u.async(func() error {
		var err error
		names, err = w.u.ws.MappingNames()
		return err
	}, func(err error) {
		if err != nil {
			w.u.showError(err)
			return
		}
		w.saved.SetOptions(names)
	})
}

// onSaved reads the saved mapping chosen; Next then applies it.
func (w *sheetWizard) onSaved(name string) {
	if name == "" {
		w.savedMap = nil
		return
	}
	var m *importmap.Mapping
	w.u.async(func() error {
		var err error
		m, err = w.u.ws.Mapping(name)
		return err
	}, func(err error) {
		if err != nil {
			w.u.showError(err)
			return
		}
		w.savedMap = m
	})
}

// readSheets lists the workbook's sheets behind a progress dialog, then
// shows the sheet step, or, with a saved mapping, reads its sheet.
func (w *sheetWizard) readSheets() {
	u, path := w.u, w.path
	var sheets []importmap.SheetInfo
	t := u.newTask(u.T("Import"), u.T("Reading %s…", filepath.Base(path)))
	t.run(func(ctx context.Context, _ progress.Func) error {
		var err error
		sheets, err = u.files.Sheets(ctx, path, "")
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		w.setSheets(sheets)
		if w.savedMap != nil {
			w.readSheet(w.savedSheet(), w.savedMap)
			return
		}
		w.show(stepSheet)
	})
}

// setSheets lists the sheets, hidden ones marked, the first visible one chosen.
func (w *sheetWizard) setSheets(sheets []importmap.SheetInfo) {
	w.sheets = sheets
	labels := make([]string, len(sheets))
	pick := ""
	for i, s := range sheets {
		labels[i] = w.sheetLabel(s)
		if pick == "" && !s.Hidden {
			pick = labels[i]
		}
	}
	w.sheetPick.Options = labels
	w.sheetPick.Selected = ""
	w.sheetPick.SetSelected(pick)
}

// sheetLabel is how the sheet list names s.
func (w *sheetWizard) sheetLabel(s importmap.SheetInfo) string {
	if s.Hidden {
		return w.u.T("%s (hidden)", s.Name)
	}
	return s.Name
}

// sheetName returns the name of the sheet chosen.
func (w *sheetWizard) sheetName() string {
	for _, s := range w.sheets {
		if w.sheetLabel(s) == w.sheetPick.Selected {
			return s.Name
		}
	}
	return ""
}

// savedSheet returns the saved mapping's sheet when the workbook has it,
// else the sheet chosen (next month's file may name it otherwise).
func (w *sheetWizard) savedSheet() string {
	for _, s := range w.sheets {
		if s.Name == w.savedMap.Sheet {
			w.sheetPick.SetSelected(w.sheetLabel(s))
			return s.Name
		}
	}
	return w.sheetName()
}

// sheetView is the second step: the workbook's sheets.
func (w *sheetWizard) sheetView() fyne.CanvasObject {
	w.sheetPick = widget.NewRadioGroup(nil, func(string) { w.updateNext() })
	w.sheetPick.Required = true
	hint := widget.NewLabel(w.u.T("Choose the sheet that holds the KPIs. Hidden sheets are listed too, marked hidden."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewBorder(hint, nil, nil, nil, container.NewVScroll(w.sheetPick))
}

// readSheet reads the sheet name behind a progress dialog and suggests its
// mapping (or applies saved, going straight to the preview).
func (w *sheetWizard) readSheet(name string, saved *importmap.Mapping) {
	u, path := w.u, w.path
	var tab *importmap.Table
	var h *importmap.Header
	var m *importmap.Mapping
	enc, sep := "", rune(0)
	if saved != nil {
		enc, sep = saved.Encoding, firstRune(saved.Separator)
	}
	today := u.ws.Today()
	t := u.newTask(u.T("Import"), u.T("Reading %s…", filepath.Base(path)))
	t.run(func(ctx context.Context, _ progress.Func) error {
		var err error
		if tab, err = u.files.ReadTable(ctx, path, name, "", enc, sep); err != nil {
			return err
		}
		h, m = suggestFor(tab, saved, today)
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		w.setTable(tab, h, m)
		if saved != nil {
			w.buildPreview()
			return
		}
		w.show(stepHeader)
	})
}

// firstRune returns the first character of s, or 0.
func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// suggestFor returns the header and mapping of tab: saved's (with this
// sheet), else the suggested ones, else the first row with no field mapped.
func suggestFor(tab *importmap.Table, saved *importmap.Mapping, today app.Date) (*importmap.Header, *importmap.Mapping) {
	if saved != nil {
		m := *saved
		m.Sheet = tab.Sheet
		row := m.HeaderRow - 1
		if row < 0 {
			if h, ok := importmap.DetectHeader(tab); ok {
				row = h.Row
			}
		}
		h := importmap.HeaderAt(tab, max(row, 0))
		if d, ok := importmap.DetectHeader(tab); ok && !headerMatches(h, &m) {
			h, m.HeaderRow = d, d.Row+1 // next month's file has its header elsewhere
		}
		return h, &m
	}
	m, h, err := importmap.Suggest(tab, today)
	if err != nil {
		h = importmap.HeaderAt(tab, 0)
		m = importmap.SuggestAt(tab, h, today)
	}
	return h, m
}

// colsNoteText says what the columns step shows.
func (w *sheetWizard) colsNoteText() string {
	return w.u.T("One row per column of the header: its text, a value from the first data row, and the field it fills. The suggestions come from the header words; change any of them.")
}

// sample returns the first non-empty value of column c below the header.
func sample(t *importmap.Table, h *importmap.Header, c int) string {
	for r := h.DataStart(); r < len(t.Rows) && r < h.DataStart()+20; r++ {
		if s := strings.TrimSpace(t.At(r, c).Text); s != "" {
			return s
		}
	}
	return ""
}

// headerMatches reports whether some column of h reads as the mapping says
// its header reads (a mapping without headers matches any).
func headerMatches(h *importmap.Header, m *importmap.Mapping) bool {
	heads := map[string]string{}
	for _, c := range h.Cols {
		heads[importmap.ColName(c.Col)] = importmap.Fold(c.Label())
	}
	named := false
	for _, c := range m.Columns {
		if c.Header == "" {
			continue
		}
		named = true
		if heads[c.Column] == importmap.Fold(c.Header) {
			return true
		}
	}
	return !named
}
