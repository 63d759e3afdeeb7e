package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/importmap"
)

// The header step's table: how many rows and columns of the sheet it shows.
const (
	headerRowsShown = 30
	headerColsShown = 10
)

// fieldLabels name the fields the way the column step offers them, untranslated.
var fieldLabels = map[importmap.Field]string{
	importmap.Ignore: i18n.N("(not imported)"), importmap.FCode: i18n.N("Employee code"),
	importmap.FPerson: i18n.N("Person name"), importmap.FUnit: i18n.N("Org unit"),
	importmap.FKPICode: i18n.N("KPI code"), importmap.FKPI: i18n.N("KPI name"),
	importmap.FMeasure: i18n.N("Unit of measure"), importmap.FDirection: i18n.N("Direction"),
	importmap.FTarget: i18n.N("Target of the cycle"), importmap.FBaseline: i18n.N("Baseline"),
	importmap.FWeight: i18n.N("Weight"), importmap.FGroup: i18n.N("Group"),
	importmap.FAggregation: i18n.N("Aggregation"), importmap.FValueType: i18n.N("Value type (actual, numerator, denominator)"),
	importmap.FPeriod: i18n.N("Period or date"), importmap.FActual: i18n.N("Actual"),
	importmap.FNumerator: i18n.N("Numerator"), importmap.FDenominator: i18n.N("Denominator"),
	importmap.FComment: i18n.N("Comment"), importmap.FReference: i18n.N("Reference value (last year)"),
	importmap.FPeriodTgt: i18n.N("Target of the period"),
}

// fieldOptions returns the fields' labels in the order the Select offers them.
func (w *sheetWizard) fieldOptions() []string {
	out := []string{w.u.T(fieldLabels[importmap.Ignore])}
	for _, f := range importmap.Fields {
		out = append(out, w.u.T(fieldLabels[f]))
	}
	return out
}

// fieldOf returns the field a Select's label names.
func (w *sheetWizard) fieldOf(label string) importmap.Field {
	for f, l := range fieldLabels {
		if w.u.T(l) == label {
			return f
		}
	}
	return importmap.Ignore
}

// headerView is the third step: the first rows of the sheet, the detected header row marked.
func (w *sheetWizard) headerView() fyne.CanvasObject {
	w.headerNote = widget.NewLabel("")
	w.headerNote.Wrapping = fyne.TextWrapWord
	w.rows = widget.NewTable(w.rowsSize, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, w.updateRowCell)
	w.rows.ShowHeaderColumn = true
	w.rows.CreateHeader = func() fyne.CanvasObject { return widget.NewLabel("") }
	w.rows.UpdateHeader = w.updateRowHeader
	w.rows.OnSelected = func(id widget.TableCellID) { w.pickHeader(id.Row) }
	for c := 0; c < headerColsShown; c++ {
		w.rows.SetColumnWidth(c, 110)
	}
	return container.NewBorder(w.headerNote, nil, nil, nil, w.rows)
}

// rowsSize is the size of the header step's table.
func (w *sheetWizard) rowsSize() (int, int) {
	if w.table == nil {
		return 0, 0
	}
	return min(len(w.table.Rows), headerRowsShown), min(w.table.Width(), headerColsShown)
}

// updateRowCell shows one cell of the sheet, bold on the header row.
func (w *sheetWizard) updateRowCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.TextStyle.Bold = w.header != nil && id.Row >= w.header.Row && id.Row < w.header.DataStart()
	l.SetText(w.table.At(id.Row, id.Col).Text)
}

// updateRowHeader names the table's rows by number and its columns by letter.
func (w *sheetWizard) updateRowHeader(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Col < 0 {
		l.SetText(strconv.Itoa(id.Row + 1))
		return
	}
	l.SetText(importmap.ColName(id.Col))
}

// pickHeader makes row r (0-based) the header and suggests its columns again.
func (w *sheetWizard) pickHeader(r int) {
	if w.table == nil || (w.header != nil && w.header.Row == r) {
		return
	}
	tab, today := w.table, w.u.ws.Today()
	var h *importmap.Header
	var m *importmap.Mapping
	w.u.async(func() error {
		h = importmap.HeaderAt(tab, r)
		m = importmap.SuggestAt(tab, h, today)
		return nil
	}, func(error) { w.setTable(tab, h, m) })
}

// setTable shows the sheet read, its header and the mapping suggested or saved.
func (w *sheetWizard) setTable(tab *importmap.Table, h *importmap.Header, m *importmap.Mapping) {
	w.table, w.header, w.sugg = tab, h, m
	w.headerNote.SetText(w.u.T("The header is row %d. If another row holds the column names, click it.", h.Row+1))
	w.rows.Refresh()
	w.setColumns()
	w.setLayout(m)
	w.updateNext()
}

// columnsView is the fourth step: which field each column fills.
func (w *sheetWizard) columnsView() fyne.CanvasObject {
	w.colsNote = widget.NewLabel(w.colsNoteText())
	w.colsNote.Wrapping = fyne.TextWrapWord
	w.colsBox = container.NewVBox()
	return container.NewBorder(w.colsNote, nil, nil, nil, container.NewVScroll(w.colsBox))
}

// setColumns lists the header's columns, each with its field preselected.
func (w *sheetWizard) setColumns() {
	u := w.u
	picked := map[string]importmap.Field{}
	for _, c := range w.sugg.Columns {
		picked[c.Column] = c.Field
	}
	heads := container.NewGridWithColumns(3, bold(u.T("Column")), bold(u.T("Sample value")), bold(u.T("Field")))
	w.colsBox.Objects = []fyne.CanvasObject{heads}
	w.fields = w.fields[:0]
	opts := w.fieldOptions()
	for _, c := range w.header.Cols {
		head := widget.NewLabel(importmap.ColName(c.Col) + ": " + c.Label())
		head.Truncation = fyne.TextTruncateEllipsis
		val := widget.NewLabel(sample(w.table, w.header, c.Col))
		val.Truncation = fyne.TextTruncateEllipsis
		sel := widget.NewSelect(opts, nil)
		sel.SetSelected(u.T(fieldLabels[picked[importmap.ColName(c.Col)]]))
		w.fields = append(w.fields, sel)
		w.colsBox.Add(container.NewGridWithColumns(3, head, val, sel))
	}
	w.colsBox.Refresh()
}

// bold returns a bold label.
func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// The layouts the layout step offers; allSheets is KPIs down on every visible sheet.
const allSheets importmap.Layout = "all_sheets"

// layoutLabels name the layouts, untranslated.
var layoutLabels = []struct {
	l    importmap.Layout
	text string
}{
	{importmap.Long, i18n.N("Long: one row per person, KPI and period")},
	{importmap.Wide, i18n.N("Wide: one row per person and KPI, one column per period")},
	{importmap.KPIsDown, i18n.N("KPIs down: one person per sheet or per block, one row per KPI")},
	{allSheets, i18n.N("One sheet per person: every visible sheet, KPIs down")},
}

// layoutView is the fifth step: the layout and the cycle of the plans.
func (w *sheetWizard) layoutView() fyne.CanvasObject {
	u := w.u
	opts := make([]string, len(layoutLabels))
	for i, l := range layoutLabels {
		opts[i] = u.T(l.text)
	}
	w.layout = widget.NewRadioGroup(opts, nil)
	w.layout.Required = true
	w.start, w.end = widget.NewEntry(), widget.NewEntry()
	freqs := make([]string, len(app.Frequencies))
	for i, f := range app.Frequencies {
		freqs[i] = u.tr.Name(f)
	}
	w.freq = widget.NewSelect(freqs, nil)
	form := widget.NewForm(widget.NewFormItem(u.T("Cycle starts"), w.start), widget.NewFormItem(u.T("Cycle ends"), w.end),
		widget.NewFormItem(u.T("Reviewed"), w.freq))
	hint := widget.NewLabel(u.T("The layout and cycle are suggested from the header; plans that do not exist yet are created for this cycle."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	return container.NewVBox(w.layout, form, hint)
}

// setLayout shows the layout and cycle of m.
func (w *sheetWizard) setLayout(m *importmap.Mapping) {
	l := m.Layout
	if m.AllSheets {
		l = allSheets
	}
	for _, o := range layoutLabels {
		if o.l == l {
			w.layout.SetSelected(w.u.T(o.text))
		}
	}
	w.start.SetText(w.u.tr.FormatDate(m.Cycle.Start))
	w.end.SetText(w.u.tr.FormatDate(m.Cycle.End))
	w.freq.SetSelected(w.u.tr.Name(m.Cycle.Frequency))
}

// chosenLayout returns the layout chosen.
func (w *sheetWizard) chosenLayout() importmap.Layout {
	for _, o := range layoutLabels {
		if w.u.T(o.text) == w.layout.Selected {
			return o.l
		}
	}
	return importmap.Wide
}
