package ui

import (
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/planedit"
)

// importPreview shows what an import would record and every problem the
// file has; Import stays disabled while there is a problem.
type importPreview struct {
	im        *planImporter
	d         *dialog.CustomDialog
	summary   *widget.Label
	problemsT *widget.Label // how many problems, and what to do
	problems  *widget.Label // the problems, one a line
	problemsV fyne.CanvasObject
	table     *rowTable
	heads     []string   // the table's column titles
	cells     [][]string // the table's rows
	widths    []float32
	body      *fyne.Container
	root      fyne.CanvasObject // the dialog's content
	importBtn *widget.Button
}

// maxShownProblems bounds the problems listed; the count says how many there are.
const maxShownProblems = 200

func newImportPreview(im *planImporter) *importPreview {
	u := im.s.u
	v := &importPreview{im: im}
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.problemsT = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.problemsT.Wrapping = fyne.TextWrapWord
	v.problemsT.Importance = widget.DangerImportance
	v.problems = widget.NewLabel("")
	v.problems.Wrapping = fyne.TextWrapWord
	v.problems.Selectable = true
	v.problemsV = container.NewBorder(v.problemsT, nil, nil, nil, container.NewVScroll(v.problems))
	v.body = container.NewStack()
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), v.onCancel)
	again := widget.NewButtonWithIcon(u.T("Read the file again"), theme.ViewRefreshIcon(), im.onReread)
	v.importBtn = widget.NewButtonWithIcon(u.T("Import"), theme.UploadIcon(), im.onImport)
	v.importBtn.Importance = widget.HighImportance
	title := u.T("Preview of the actuals import")
	if im.kpis {
		title = u.T("Preview of the KPI import")
	}
	v.root = container.NewBorder(v.summary, nil, nil, nil, v.body)
	v.d = dialog.NewCustomWithoutButtons(title, v.root, u.win)
	v.d.SetButtons([]fyne.CanvasObject{cancel, again, v.importBtn})
	return v
}

// fit sizes the dialog to most of the window.
func (v *importPreview) fit() {
	v.d.Resize(fyne.NewSize(900, 580))
}

func (v *importPreview) onCancel() {
	v.d.Hide()
	v.im.preview = nil
}

// refresh shows the file the importer read last.
func (v *importPreview) refresh() {
	im, u := v.im, v.im.s.u
	if im.kpis {
		v.kpiRows()
	} else {
		v.actualRows()
	}
	v.table = v.newTable()
	name := filepath.Base(im.path)
	switch {
	case im.kpis:
		v.summary.SetText(u.T("%s: %d KPIs to add or update.", name, im.count()))
	case im.actuals.Skipped > 0:
		v.summary.SetText(u.T("%s: %d actuals to record; %d rows of other people skipped.", name, im.count(), im.actuals.Skipped))
	default:
		v.summary.SetText(u.T("%s: %d actuals to record.", name, im.count()))
	}
	errs := im.problems()
	shown := errs
	if len(shown) > maxShownProblems {
		shown = shown[:maxShownProblems]
	}
	lines := make([]string, 0, len(shown))
	for _, e := range shown {
		lines = append(lines, "• "+u.tr.Msg(e.Message()))
	}
	v.problems.SetText(strings.Join(lines, "\n"))
	switch {
	case len(errs) > 0:
		v.problemsT.SetText(u.T("%d problems: fix them in the file, save it and read it again. Nothing is imported while a problem remains.", len(errs)))
		split := container.NewVSplit(v.problemsV, v.table)
		split.Offset = 0.45
		v.body.Objects = []fyne.CanvasObject{split}
		v.importBtn.Disable()
	case im.count() == 0:
		v.body.Objects = []fyne.CanvasObject{v.table}
		v.summary.SetText(u.T("%s holds nothing to import.", name))
		v.importBtn.Disable()
	default:
		v.body.Objects = []fyne.CanvasObject{v.table}
		v.importBtn.Enable()
	}
	v.body.Refresh()
}

// newTable returns a table of the preview's rows; each reading gets a new one.
func (v *importPreview) newTable() *rowTable {
	t := newRowTable(v.size, v.newCell, v.updateCell, nil)
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("Header", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = v.updateHeader
	for i, w := range v.widths {
		t.SetColumnWidth(i, w)
	}
	return t
}

// actualRows lists the actuals the import records: row, KPI, period, recorded → imported.
func (v *importPreview) actualRows() {
	u, p := v.im.s.u, v.im.s.current()
	v.heads = []string{u.T("Row"), u.T("KPI"), u.T("Period"), u.T("Recorded"), u.T("Imported")}
	v.widths = []float32{60, 330, 100, 150, 150}
	v.cells = v.cells[:0]
	for _, c := range v.im.actuals.Changes {
		k := p.KPI(c.KPI)
		if k == nil {
			continue
		}
		old := "—"
		if c.Old != nil {
			old = planedit.CellText(k, *c.Old, u.tr)
		}
		v.cells = append(v.cells, []string{strconv.Itoa(c.Row), c.Name, c.Label, old, planedit.CellText(k, c.Actual, u.tr)})
	}
}

// kpiRows lists the KPIs the import adds or updates.
func (v *importPreview) kpiRows() {
	u := v.im.s.u
	v.heads = []string{u.T("Row"), u.T("KPI code"), u.T("KPI"), u.T("Group"), u.T("Unit"), u.T("Direction"),
		u.T("Target"), u.T("Weight"), u.T("Change")}
	v.widths = []float32{50, 70, 190, 60, 90, 150, 80, 70, 90}
	v.cells = v.cells[:0]
	for _, r := range v.im.defs.Rows {
		k := r.KPI
		change := u.T("Updated")
		if r.New {
			change = u.T("Added")
		}
		v.cells = append(v.cells, []string{strconv.Itoa(r.Row), k.ID, k.Name, string(k.Group), u.tr.Name(k.Unit),
			u.tr.Name(k.Direction), u.tr.FormatNumber(k.Target, -1), u.tr.FormatNumber(k.Weight, -1), change})
	}
}

func (v *importPreview) size() (int, int) { return len(v.cells), len(v.heads) }

func (v *importPreview) newCell() fyne.CanvasObject {
	l := widget.NewLabel("Tỷ lệ chuyển đổi khách hàng")
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (v *importPreview) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row < 0 || id.Row >= len(v.cells) || id.Col >= len(v.cells[id.Row]) {
		l.SetText("")
		return
	}
	l.SetText(v.cells[id.Row][id.Col])
}

func (v *importPreview) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col < 0 || id.Col >= len(v.heads) {
		l.SetText("")
		return
	}
	l.SetText(v.heads[id.Col])
}
