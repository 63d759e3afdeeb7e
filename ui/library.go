package ui

import (
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

// libraryScreen browses and searches the KPI library, and manages the
// user's own entries.
type libraryScreen struct {
	u        *UI
	entries  []app.LibraryEntry
	selected string

	search *keyEntry
	dept   *widget.Select
	list   *widget.List
	detail *widget.RichText
	hide   *widget.Button
	count  *widget.Label
}

func (u *UI) openLibrary() {
	u.selectNav(navLibrary)
	u.show(newLibraryScreen(u))
}

func newLibraryScreen(u *UI) *libraryScreen {
	s := &libraryScreen{u: u}
	s.search = newKeyEntry()
	s.search.SetPlaceHolder(u.T("Search KPIs (accents optional)"))
	s.search.OnChanged = func(string) { s.refresh() }
	var depts []string
	for _, d := range library.Departments {
		depts = append(depts, d.Name.In(u.tr.Lang()))
	}
	s.dept = widget.NewSelect(depts, func(string) { s.refresh() })
	s.dept.PlaceHolder = u.T("All departments")
	s.count = widget.NewLabel("")
	s.detail = widget.NewRichText()
	s.detail.Wrapping = fyne.TextWrapWord
	s.list = widget.NewList(func() int { return len(s.entries) }, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelected
	s.hide = widget.NewButtonWithIcon(u.T("Hide"), theme.VisibilityOffIcon(), s.onHide)
	s.hide.Disable()
	s.refresh()
	return s
}

func (s *libraryScreen) view() fyne.CanvasObject {
	u := s.u
	add := widget.NewButtonWithIcon(u.T("Add your own KPI…"), theme.ContentAddIcon(), s.onAdd)
	exp := widget.NewButtonWithIcon(u.T("Export my KPIs…"), theme.DocumentSaveIcon(), s.onExport)
	imp := widget.NewButtonWithIcon(u.T("Import KPIs…"), theme.FolderOpenIcon(), s.onImport)
	clear := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.search.SetText(""); s.dept.ClearSelected() })
	title := widget.NewLabelWithStyle(u.T("KPI library"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(container.NewBorder(nil, nil, title, s.count),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.dept, clear), s.search),
		container.NewHBox(add, exp, imp))
	right := container.NewBorder(nil, container.NewHBox(s.hide), nil, nil, container.NewVScroll(s.detail))
	split := container.NewHSplit(s.list, right)
	split.Offset = 0.45
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *libraryScreen) focusSearch() { s.u.win.Canvas().Focus(s.search) }

func (s *libraryScreen) filter() library.Filter {
	f := library.Filter{Query: s.search.Text}
	for _, d := range library.Departments {
		if d.Name.In(s.u.tr.Lang()) == s.dept.Selected {
			f.Department = d.ID
		}
	}
	return f
}

func (s *libraryScreen) refresh() {
	s.entries = s.u.lib.Filter(s.filter())
	s.count.SetText(s.u.T("%d KPIs", len(s.entries)))
	s.list.UnselectAll()
	s.list.Refresh()
}

func (s *libraryScreen) newRow() fyne.CanvasObject {
	name := widget.NewLabel("Chi phí thu hút khách hàng (CAC)")
	name.Truncation = fyne.TextTruncateEllipsis
	dept := widget.NewLabel("Marketing kỹ thuật số")
	// Your own KPIs are marked with an icon (the bundled font has no ★).
	mine := widget.NewIcon(theme.AccountIcon())
	mine.Hide()
	return container.NewBorder(nil, nil, mine, dept, name)
}

func (s *libraryScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	e := s.entries[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(e.Name.In(s.u.tr.Lang()))
	if mine := box.Objects[1]; e.Custom {
		mine.Show()
	} else {
		mine.Hide()
	}
	box.Objects[2].(*widget.Label).SetText(s.u.tr.Name(e.Department))
}

func (s *libraryScreen) onSelected(i widget.ListItemID) {
	e := s.entries[i]
	s.selected = e.ID
	s.hide.Enable()
	s.detail.ParseMarkdown(s.markdown(e))
}

// markdown describes an entry for the detail pane.
func (s *libraryScreen) markdown(e app.LibraryEntry) string {
	u, lang := s.u, s.u.tr.Lang()
	kind := u.T("Lagging indicator")
	if e.Leading {
		kind = u.T("Leading indicator")
	}
	md := fmt.Sprintf("## %s\n\n%s\n\n**%s:** %s\n\n", e.Name.In(lang), e.Description.In(lang), u.T("Formula"), e.Formula.In(lang))
	rows := [][2]string{
		{u.T("Department"), u.tr.Name(e.Department)},
		{u.T("Unit"), u.tr.Name(e.Unit)},
		{u.T("Direction"), u.tr.Name(e.Direction)},
		{u.T("Aggregation"), u.tr.Name(e.Aggregation)},
		{u.T("Funnel stage"), u.tr.Name(e.Stage)},
		{u.T("Perspective"), u.tr.Name(e.Perspective)},
		{u.T("Tier"), u.tr.Name(e.Tier)},
		{u.T("Type"), kind},
		{u.T("Data source"), u.tr.Name(e.DataSource)},
		{u.T("Suggested group"), string(app.SuggestGroup(e.Effort, e.Impact))},
	}
	for _, r := range rows {
		if r[1] != "" {
			md += fmt.Sprintf("- **%s:** %s\n", r[0], r[1])
		}
	}
	if e.Vanity {
		md += "\n> " + u.T("A vanity metric: it looks good but may not move the goal. Use it only when it is tied to the goal.") + "\n"
	}
	return md
}

func (s *libraryScreen) onHide() {
	u, id := s.u, s.selected
	if id == "" {
		return
	}
	u.async(func() error {
		if err := library.Hide(u.ws.Store(), id); err != nil {
			return err
		}
		return s.reloadLibrary()
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Hidden from the library: %s", id))
		s.selected = ""
		s.hide.Disable()
		s.refresh()
	})
}

// reloadLibrary merges the stored user entries into the UI's library again.
func (s *libraryScreen) reloadLibrary() error {
	user, err := s.u.ws.Store().LibraryEntries()
	if err != nil {
		return err
	}
	return s.u.lib.Merge(user)
}

func (s *libraryScreen) onExport() {
	u := s.u
	u.chooseSaveFile("kpi-library.json", func() string { return ".json" }, func(t saveTarget) {
		var n int
		u.async(func() error {
			return u.files.WriteDocument(t.path, func(w io.Writer) error {
				var err error
				n, err = u.lib.Export(w)
				return err
			})
		}, func(err error) {
			if err != nil {
				dropPlaceholder(t, nil)
				u.showError(err)
				return
			}
			dropPlaceholder(t, []string{t.path})
			u.notify(u.T("Exported %d KPIs to %s", n, t.path))
		})
	})
}

func (s *libraryScreen) onImport() {
	u := s.u
	u.chooseOpenFile([]string{".json"}, func(path string) {
		var n int
		u.async(func() error {
			err := u.files.ReadDocument(path, func(r io.Reader) error {
				var err error
				n, err = library.Import(u.ws.Store(), filepath.Base(path), r)
				return err
			})
			if err != nil {
				return err
			}
			return s.reloadLibrary()
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(u.T("Imported %d KPIs", n))
			s.refresh()
		})
	})
}
