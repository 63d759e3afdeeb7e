package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// The history table's columns, in order.
const (
	hcolWhen = iota
	hcolWho
	hcolWhat
	hcolOld
	hcolNew
	hcolWhy
	hcolCount
)

var historyWidths = [hcolCount]float32{136, 110, 200, 90, 90, 320}

// historyTab is the plan's change history, newest first, filterable by KPI.
type historyTab struct {
	s       *planScreen
	all     []app.HistoryEntry // newest first, bookkeeping left out
	rows    []app.HistoryEntry // as filtered
	names   map[string]string  // KPI names by id, also of removed KPIs
	kpiIDs  []string           // by filter option after "All"
	kpi     *widget.Select
	table   *rowTable
	count   *widget.Label
	detail  *widget.Label
	root    fyne.CanvasObject
	lastErr error
}

func newHistoryTab(s *planScreen) *historyTab {
	u := s.u
	h := &historyTab{s: s, names: map[string]string{}}
	h.kpi = widget.NewSelect(nil, func(string) { h.applyFilter() })
	h.kpi.PlaceHolder = u.T("All changes")
	h.count = widget.NewLabel("")
	h.detail = widget.NewLabel("")
	h.detail.Wrapping = fyne.TextWrapWord
	h.detail.Importance = widget.LowImportance
	h.table = newRowTable(func() (int, int) { return len(h.rows), hcolCount },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Doanh thu từ khách hàng mới")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		}, h.updateCell, h.onRow)
	h.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	h.table.UpdateHeader = h.updateHeader
	bold := fyne.TextStyle{Bold: true}
	for i, w := range historyWidths {
		title := fyne.MeasureText(h.titles()[i], theme.TextSize(), bold).Width + 2*theme.InnerPadding() + 3*theme.Padding()
		h.table.SetColumnWidth(i, max(w, title)) // a header is never cut: "Người thực hiện"
	}
	top := container.NewBorder(nil, nil, widget.NewLabel(u.T("Show")), h.count, h.kpi)
	h.root = container.NewBorder(top, cappedMessage(h.detail, 2, true), nil, nil, h.table)
	return h
}

func (h *historyTab) view() fyne.CanvasObject { return h.root }

// loadHistory reads the plan's history in the background, then refreshes the
// History tab and the markers beside changed targets.
func (s *planScreen) loadHistory() {
	var entries []app.HistoryEntry
	s.u.async(func() error {
		var err error
		entries, err = s.u.ws.History(s.id)
		return err
	}, func(err error) {
		s.history.lastErr = err
		if err != nil {
			fyne.LogError("read the history of plan", err)
			s.history.count.SetText(s.u.tr.Err(err))
			return
		}
		s.history.show(entries)
		s.kpis.setMarkers(s.targetMarkers(entries))
	})
}

// show lists entries (oldest first, as stored) newest first.
func (h *historyTab) show(entries []app.HistoryEntry) {
	h.names = map[string]string{}
	for _, k := range h.s.snap.KPIs {
		h.names[k.ID] = kpiName(h.s.u, &k)
	}
	h.all = h.all[:0]
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		if strings.HasSuffix(e.Path, "].period") {
			continue // an actual's period index: its label is already in the path
		}
		if id := app.KPIOf(e.Path); id != "" && e.Path == "kpis["+id+"]" && h.names[id] == "" {
			h.names[id] = e.Old + e.New // a removed KPI is known by the name it had
		}
		h.all = append(h.all, e)
	}
	h.fillChoices()
	h.applyFilter()
}

// fillChoices offers every KPI the history mentions, by name.
func (h *historyTab) fillChoices() {
	u := h.s.u
	keep := h.selectedKPI()
	seen := map[string]bool{}
	h.kpiIDs = nil
	for _, k := range h.s.snap.KPIs {
		seen[k.ID] = true
		h.kpiIDs = append(h.kpiIDs, k.ID)
	}
	for _, e := range h.all {
		if id := app.KPIOf(e.Path); id != "" && !seen[id] {
			seen[id] = true
			h.kpiIDs = append(h.kpiIDs, id)
		}
	}
	labels := []string{u.T("All changes"), u.T("Plan only (status, rules, goal)")}
	for _, id := range h.kpiIDs {
		labels = append(labels, h.names[id])
	}
	h.kpi.OnChanged = nil
	h.kpi.SetOptions(labels)
	h.kpi.SetSelectedIndex(0)
	if i := slices.Index(h.kpiIDs, keep); i >= 0 {
		h.kpi.SetSelectedIndex(i + 2)
	}
	h.kpi.OnChanged = func(string) { h.applyFilter() }
}

// selectedKPI is the KPI the filter shows: "" for all, "-" for the plan's own fields.
func (h *historyTab) selectedKPI() string {
	switch i := h.kpi.SelectedIndex(); {
	case i <= 0:
		return ""
	case i == 1:
		return "-"
	case i-2 < len(h.kpiIDs):
		return h.kpiIDs[i-2]
	}
	return ""
}

func (h *historyTab) applyFilter() {
	want := h.selectedKPI()
	h.rows = h.rows[:0]
	for _, e := range h.all {
		id := app.KPIOf(e.Path)
		if want == "" || want == "-" && id == "" || id == want {
			h.rows = append(h.rows, e)
		}
	}
	h.count.SetText(h.s.u.T("%d of %d changes", len(h.rows), len(h.all)))
	if len(h.all) == 0 {
		h.count.SetText(h.s.u.T("No change recorded yet"))
	}
	h.table.clearRow()
	h.detail.SetText("")
	h.table.Refresh()
}

// titles are the History table's column headers in the UI's language.
func (h *historyTab) titles() [hcolCount]string {
	u := h.s.u
	return [hcolCount]string{u.T("When"), u.T("Who"), u.T("What"), u.T("Before"), u.T("After"), u.T("Why")}
}

func (h *historyTab) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	titles := h.titles()
	l := o.(*widget.Label)
	if id.Col < 0 {
		l.SetText("")
		return
	}
	l.SetText(titles[id.Col])
}

func (h *historyTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	if id.Row >= len(h.rows) {
		l.SetText("")
		return
	}
	l.SetText(h.cellText(h.rows[id.Row], id.Col))
}

// cellText is what column col shows of entry e.
func (h *historyTab) cellText(e app.HistoryEntry, col int) string {
	u := h.s.u
	switch col {
	case hcolWhen:
		return u.timeText(e)
	case hcolWho:
		return e.User
	case hcolWhat:
		return u.historyWhat(e.Path, h.names)
	case hcolOld:
		return u.historyValue(e.Path, e.Old)
	case hcolNew:
		return u.historyValue(e.Path, e.New)
	case hcolWhy:
		return e.Reason
	}
	return ""
}

func (h *historyTab) onRow(row int) {
	if row < 0 || row >= len(h.rows) {
		return
	}
	e := h.rows[row]
	u := h.s.u
	text := u.T("%s, %s on %s (%s): %s, from %q to %q", u.timeText(e), e.User, e.Device, u.sourceText(e.Source),
		u.historyWhat(e.Path, h.names), u.historyValue(e.Path, e.Old), u.historyValue(e.Path, e.New))
	if e.Reason != "" {
		text += ". " + u.T("Why: %s", e.Reason)
	}
	h.detail.SetText(text)
}

// sourceText says how a change was made: on the screen, with the kpi
// command, or from the named file.
func (u *UI) sourceText(source string) string {
	switch source {
	case "screen":
		return u.T("on the screen")
	case "cli":
		return u.T("with the kpi command")
	case "":
		return "—"
	}
	return u.T("from %s", source)
}

// timeText is when an entry was written, in local time: 12/03/2026 14:05.
func (u *UI) timeText(e app.HistoryEntry) string {
	t := e.At.Local()
	return u.tr.FormatDate(app.DateOf(t)) + " " + t.Format("15:04")
}
