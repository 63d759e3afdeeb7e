package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/importmap"
)

// The steps of the sheet import wizard, in order.
const (
	stepFile = iota
	stepSheet
	stepHeader
	stepColumns
	stepLayout
	stepPreview
	stepCount
)

// sheetWizard brings a workbook KPI Planner did not write in as plans:
// file, sheet, header row, column mapping, layout and cycle, preview, then
// one ApplySheetImport. Nothing is saved before Import; files are read and
// previews built off the UI goroutine.
type sheetWizard struct {
	u     *UI
	d     *dialog.CustomDialog
	title *widget.Label
	body  *fyne.Container // the current step's view
	views [stepCount]fyne.CanvasObject
	step  int

	back, next, cancel *widget.Button

	// The file step.
	path     string
	fileNote *widget.Label
	saved    *widget.Select     // the saved mappings' names
	savedMap *importmap.Mapping // the saved mapping chosen, applied on Next

	// The sheet step.
	sheets    []importmap.SheetInfo
	sheetPick *widget.RadioGroup

	// The header step.
	table      *importmap.Table
	header     *importmap.Header
	rows       *widget.Table // the first rows of the sheet
	headerNote *widget.Label

	// The columns step: one row per header column.
	sugg     *importmap.Mapping // the mapping suggested (or saved) for the header
	fields   []*widget.Select
	colsBox  *fyne.Container
	colsNote *widget.Label

	// The layout step.
	layout *widget.RadioGroup
	start  *widget.Entry
	end    *widget.Entry
	freq   *widget.Select

	// The preview step.
	m       *importmap.Mapping // the mapping previewed
	pv      *importmap.Preview
	checked error // pv.Check()
	counts  *widget.Label
	problem *widget.Label
	lines   []string
	list    *widget.List
	saveAs  *widget.Button
}

// openSheetWizard opens the import wizard for a workbook of the company's own.
func (u *UI) openSheetWizard() {
	w := newSheetWizard(u)
	w.d.Show()
	w.fit()
	w.loadSavedNames()
}

// newSheetWizard builds the wizard's dialog at its first step.
func newSheetWizard(u *UI) *sheetWizard {
	w := &sheetWizard{u: u}
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.back = widget.NewButtonWithIcon(u.T("Back"), theme.NavigateBackIcon(), w.onBack)
	w.next = widget.NewButtonWithIcon(u.T("Next"), theme.NavigateNextIcon(), w.onNext)
	w.next.Importance = widget.HighImportance
	w.cancel = widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), w.onCancel)
	w.views = [stepCount]fyne.CanvasObject{w.fileView(), w.sheetView(), w.headerView(), w.columnsView(), w.layoutView(), w.previewView()}
	w.body = container.NewStack()
	content := container.NewBorder(w.title, nil, nil, nil, w.body)
	w.d = dialog.NewCustomWithoutButtons(u.T("Import a workbook"), content, u.win)
	w.d.SetButtons([]fyne.CanvasObject{w.cancel, w.back, w.next})
	dialogKeys(u.win, w.d, w.onNext)
	w.show(stepFile)
	return w
}

// fit sizes the dialog to the window: 1024×600 leaves room for the buttons.
func (w *sheetWizard) fit() {
	s := w.u.win.Canvas().Size()
	w.d.Resize(fyne.NewSize(min(860, s.Width-40), min(540, s.Height-40)))
}

// stepTitles are the titles of the steps, untranslated.
var stepTitles = [stepCount]string{
	"Step %d of %d: the file", "Step %d of %d: the sheet", "Step %d of %d: the header row",
	"Step %d of %d: the columns", "Step %d of %d: layout and cycle", "Step %d of %d: preview",
}

// show makes step the current one.
func (w *sheetWizard) show(step int) {
	u := w.u
	w.step = step
	w.title.SetText(u.T(stepTitles[step], step+1, stepCount))
	w.body.Objects = []fyne.CanvasObject{w.views[step]}
	w.body.Refresh()
	if step == stepFile {
		w.back.Disable()
	} else {
		w.back.Enable()
	}
	w.next.SetText(u.T("Next"))
	w.next.SetIcon(theme.NavigateNextIcon())
	if step == stepPreview {
		w.next.SetText(u.T("Import"))
		w.next.SetIcon(theme.UploadIcon())
	}
	w.updateNext()
}

// updateNext enables Next when the step has what it needs.
func (w *sheetWizard) updateNext() {
	ok := true
	switch w.step {
	case stepFile:
		ok = w.path != ""
	case stepSheet:
		ok = w.sheetPick.Selected != ""
	case stepHeader:
		ok = w.header != nil
	case stepPreview:
		ok = w.pv != nil && w.checked == nil
	}
	if ok {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
}

// onBack goes one step back; nothing is lost.
func (w *sheetWizard) onBack() {
	if w.step > stepFile {
		w.show(w.step - 1)
	}
}

// onCancel closes the wizard: nothing was saved.
func (w *sheetWizard) onCancel() { w.d.Hide() }

// onNext does what the step's Next does: read, suggest, preview or import.
func (w *sheetWizard) onNext() {
	if w.next.Disabled() {
		return
	}
	switch w.step {
	case stepFile:
		w.readSheets()
	case stepSheet:
		w.readSheet(w.sheetName(), nil)
	case stepHeader, stepColumns:
		w.show(w.step + 1)
	case stepLayout:
		w.buildPreview()
	case stepPreview:
		w.onImport()
	}
}
