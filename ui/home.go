package ui

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/wizard"
	"kpiplanner/app/workspace"
)

// homeExport exports the company's plans; the Export company… button shows
// only when the export feature (issue 5) sets it.
var homeExport func(h *homeScreen)

// homeScreen lists every plan with filters, sorting and plan actions.
type homeScreen struct {
	u        *UI
	all      []workspace.Summary
	rows     []workspace.Summary
	units    []app.OrgUnit // the registry's units: the department filter picks a subtree
	selected app.PlanID
	sortCol  workspace.Column
	sortDesc bool

	search  *keyEntry
	dept    *widget.Select
	year    *widget.Select
	table   *rowTable
	count   *widget.Label
	detail  *widget.Label    // the selected plan in full, however narrow its columns
	widths  []float32        // the table's column widths, as fitted to their texts
	actions []*widget.Button // need a selected plan
	stack   *fyne.Container  // the list, or the first-run welcome
	list    fyne.CanvasObject
	welcome fyne.CanvasObject
	// welcomeUndo undoes the last action (e.g. deleting the last plan)
	// from the welcome screen; hidden when there is nothing to undo.
	welcomeUndo *widget.Button
	origins     map[app.PlanID]string // plans that came in a packet: from whom (ui/packet_marker.go)
}

// homeColumns are the table's columns, in order: the official total and
// rating come right after the person, so they stay in sight on a small screen.
var homeColumns = []workspace.Column{workspace.ByPerson, workspace.ByTotal, workspace.ByRating, workspace.ByBonus,
	workspace.ByDepartment, workspace.ByStatus, workspace.ByCycle, workspace.ByName}

func newHomeScreen(u *UI) *homeScreen {
	h := &homeScreen{u: u}
	h.search = newKeyEntry()
	h.search.undo = true
	h.search.SetPlaceHolder(u.T("Search person, plan or department"))
	h.search.OnChanged = func(string) { h.applyFilter() }
	h.dept = widget.NewSelect(nil, func(string) { h.applyFilter() })
	h.dept.PlaceHolder = u.T("All departments")
	h.year = widget.NewSelect(nil, func(string) { h.applyFilter() })
	h.year.PlaceHolder = u.T("All years")
	h.count = widget.NewLabel("")
	h.detail = widget.NewLabel("")
	h.detail.Wrapping = fyne.TextWrapWord
	h.detail.Importance = widget.LowImportance
	h.table = h.newTable()
	h.list = h.buildList()
	h.welcome = h.buildWelcome()
	h.stack = container.NewStack(h.list)
	return h
}

func (h *homeScreen) view() fyne.CanvasObject { return h.stack }

func (h *homeScreen) focusSearch() { h.u.win.Canvas().Focus(h.search) }

func (h *homeScreen) afterUndo() { h.reload() }

func (h *homeScreen) buildList() fyne.CanvasObject {
	u := h.u
	open := widget.NewButtonWithIcon(u.T("Open"), theme.DocumentIcon(), h.onOpen)
	dup := widget.NewButtonWithIcon(u.T("Duplicate"), theme.ContentCopyIcon(), h.onDuplicate)
	del := widget.NewButtonWithIcon(u.T("Delete"), theme.DeleteIcon(), h.onDelete)
	h.actions = []*widget.Button{open, dup, del}
	newBtn := widget.NewButtonWithIcon(u.T("New plan"), theme.ContentAddIcon(), u.newPlan)
	newBtn.Importance = widget.HighImportance
	undo := widget.NewButtonWithIcon(u.T("Undo"), theme.ContentUndoIcon(), u.onUndo)
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), h.onClearFilters)
	filters := container.NewBorder(nil, nil, nil, container.NewHBox(h.dept, h.year, clear), h.search)
	bar := container.NewHBox(newBtn, widget.NewSeparator(), open, dup, del, undo)
	bar.Add(widget.NewButtonWithIcon(u.T("Packets…"), theme.MailComposeIcon(), u.showPackets)) // ui/packet_open.go
	if homeExport != nil {
		bar.Add(widget.NewSeparator())
		bar.Add(widget.NewButtonWithIcon(u.T("Export company…"), theme.DownloadIcon(), func() { homeExport(h) }))
	}
	title := widget.NewLabelWithStyle(u.T("Plans"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	imp := widget.NewButtonWithIcon(u.T("Import…"), theme.UploadIcon(), u.openSheetWizard) // ui/import_wizard.go
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(title, imp), h.count), filters, bar)
	h.updateActions()
	return container.NewBorder(top, cappedMessage(h.detail, 2, true), nil, nil, h.table)
}

func (h *homeScreen) buildWelcome() fyne.CanvasObject {
	u := h.u
	title := widget.NewLabelWithStyle(u.T("Welcome to KPI Planner"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(u.T("Go from a business goal to SMART KPIs in A/B/C groups, record actuals and read scores and bonuses."))
	intro.Wrapping = fyne.TextWrapWord
	intro.Alignment = fyne.TextAlignCenter
	sample := widget.NewButtonWithIcon(u.T("Open the sample company"), theme.FolderOpenIcon(), h.onSample)
	first := widget.NewButtonWithIcon(u.T("Create your first plan"), theme.ContentAddIcon(), u.newPlan)
	first.Importance = widget.HighImportance
	h.welcomeUndo = widget.NewButtonWithIcon(u.T("Undo"), theme.ContentUndoIcon(), u.onUndo)
	h.welcomeUndo.Hide()
	packets := widget.NewButtonWithIcon(u.T("Packets…"), theme.MailComposeIcon(), u.showPackets) // a manager's first plans come in a packet
	imp := widget.NewButtonWithIcon(u.T("Import…"), theme.UploadIcon(), u.openSheetWizard)       // a company's own KPI workbook (ui/import_wizard.go)
	box := container.NewVBox(title, intro, container.NewCenter(container.NewHBox(first, sample, packets, imp, h.welcomeUndo)))
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 200), box))
}

// reload reads every plan in the background and refreshes the list.
func (h *homeScreen) reload() {
	var rows []workspace.Summary
	var units []app.OrgUnit
	var origins map[app.PlanID]string
	h.u.async(func() error {
		var err error
		if rows, err = h.u.ws.Summaries(); err != nil {
			return err
		}
		origins = h.u.packetOrigins()
		if units, err = h.u.ws.Units(); err != nil {
			fyne.LogError("read the org units for the plans list", err)
		}
		return nil
	}, func(err error) {
		if err != nil {
			h.u.showError(err)
			return
		}
		h.all, h.units, h.origins = rows, units, origins
		h.sizeColumns()
		h.refreshChoices()
		h.applyFilter()
		h.u.trace(fmt.Sprintf("plans list shown (%d plans)", len(rows)))
	})
}

func (h *homeScreen) refreshChoices() {
	depts := workspace.Departments(h.all)
	if names := wizard.UnitNames(h.units); len(names) > 0 {
		slices.SortFunc(names, i18n.NewSorter().Compare)
		depts = names // a unit filters its whole subtree
	}
	h.dept.SetOptions(depts)
	var years []string
	for _, y := range workspace.Years(h.all) {
		years = append(years, strconv.Itoa(y))
	}
	h.year.SetOptions(years)
}

func (h *homeScreen) filter() workspace.Filter {
	f := workspace.Filter{Department: h.dept.Selected, Text: h.search.Text}
	if units := workspace.UnitFilter(h.units, h.dept.Selected); units != nil {
		f.Department, f.Units = "", units
	}
	f.Year, _ = strconv.Atoi(h.year.Selected)
	return f
}

func (h *homeScreen) applyFilter() {
	h.rows = workspace.Apply(h.all, h.filter(), h.sortCol, h.sortDesc)
	h.count.SetText(h.u.T("%d of %d plans", len(h.rows), len(h.all)))
	h.table.Refresh()
	h.keepSelection()
	if len(h.all) == 0 {
		if _, ok := h.u.ws.CanUndo(); ok {
			h.welcomeUndo.Show()
		} else {
			h.welcomeUndo.Hide()
		}
		h.stack.Objects = []fyne.CanvasObject{h.welcome}
	} else {
		h.stack.Objects = []fyne.CanvasObject{h.list}
	}
	h.stack.Refresh()
	h.updateActions()
}

func (h *homeScreen) onClearFilters() {
	h.search.SetText("")
	h.dept.ClearSelected()
	h.year.ClearSelected()
}

func (h *homeScreen) updateActions() {
	if h.selected == 0 {
		h.detail.SetText("")
	}
	for _, b := range h.actions {
		if h.selected == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (h *homeScreen) selectedSummary() (workspace.Summary, bool) {
	for _, r := range h.all {
		if r.ID == h.selected {
			return r, true
		}
	}
	return workspace.Summary{}, false
}

func (h *homeScreen) onOpen() {
	if h.selected != 0 {
		h.u.openPlan(h.selected)
	}
}

func (h *homeScreen) onDuplicate() {
	s, ok := h.selectedSummary()
	if !ok {
		return
	}
	name := h.u.T("Copy of %s", s.Name)
	h.u.async(func() error { _, err := h.u.ws.Duplicate(s.ID, name); return err }, func(err error) {
		if err != nil {
			h.u.showError(err)
			return
		}
		h.u.notify(h.u.T("Duplicated %s as a draft", s.Name))
		h.reload()
	})
}

func (h *homeScreen) onDelete() {
	s, ok := h.selectedSummary()
	if !ok {
		return
	}
	u := h.u
	u.confirm(u.T("Delete plan"), u.T("Delete the plan %s of %s? You can undo this with Ctrl+Z.", s.Name, s.Person), func() {
		u.async(func() error { return u.ws.Delete(s.ID) }, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			h.selected = 0
			u.notify(u.T("Deleted %s. Press Ctrl+Z to undo.", s.Name))
			h.reload()
		})
	})
}

// onSample opens the sample company in a workspace of its own.
func (h *homeScreen) onSample() { h.u.openSample() }

// cycleText shows a cycle as "01/01/2026 – 31/12/2026".
func (u *UI) cycleText(c app.Cycle) string {
	return fmt.Sprintf("%s – %s", u.tr.FormatDate(c.Start), u.tr.FormatDate(c.End))
}
