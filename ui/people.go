package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/roster"
)

// peopleScreen lists the people registry with search, filters, sorting by
// Vietnamese rules, and the actions on one person or a selection.
type peopleScreen struct {
	u      *UI
	reg    *roster.Roster
	rows   []*app.Employee // the people shown, filtered and sorted
	picked map[app.UID]bool
	cur    app.UID // the person of the highlighted row

	search   *keyEntry
	unit     *widget.Select
	position *widget.Select
	level    *widget.Select
	status   *widget.Select
	byGiven  *widget.Check
	all      *widget.Check // picks every person shown
	table    *rowTable
	count    *widget.Label
	detail   *widget.Label
	add      *widget.Button
	clear    *widget.Button // clears the search and filters
	edit     *widget.Button // need a highlighted person
	archive  *widget.Button
	plans    *widget.Button // the highlighted person's plans, in the plans list
	bulk     *widget.Button // needs a selection
	send     *widget.Button // packets for the selected people (ui/packet_send.go)
	root     fyne.CanvasObject

	form        *personForm  // the add or edit form while it is open
	bulkForm    *bulkForm    // the bulk edit while it is open
	archiveForm *archiveForm // the leave date question while it is open
}

func (u *UI) openPeople() {
	u.selectNav(navPeople)
	s := newPeopleScreen(u)
	u.show(s)
	s.reload()
}

func newPeopleScreen(u *UI) *peopleScreen {
	s := &peopleScreen{u: u, reg: roster.New(nil, nil), picked: map[app.UID]bool{}}
	s.search = newKeyEntry()
	s.search.SetPlaceHolder(u.T("Search code, name, position or unit"))
	s.search.OnChanged = func(string) { s.applyFilter() }
	s.unit = widget.NewSelect(nil, func(string) { s.applyFilter() })
	s.unit.PlaceHolder = u.T("All units")
	s.position = widget.NewSelect(nil, func(string) { s.applyFilter() })
	s.position.PlaceHolder = u.T("All positions")
	s.level = widget.NewSelect(nil, func(string) { s.applyFilter() })
	s.level.PlaceHolder = u.T("All levels")
	s.status = widget.NewSelect([]string{u.T("Everyone"), u.T("Employed"), u.T("Left")}, nil)
	s.status.SetSelectedIndex(int(roster.Employed))
	s.status.OnChanged = func(string) { s.applyFilter() }
	s.byGiven = widget.NewCheck(u.T("Sort by given name"), func(bool) { s.applyFilter() })
	s.all = widget.NewCheck(u.T("Select all shown"), s.onPickAll)
	s.count = widget.NewLabel("")
	s.detail = widget.NewLabel("")
	s.detail.Wrapping = fyne.TextWrapWord
	s.detail.Importance = widget.LowImportance
	s.table = s.newTable()
	s.root = s.build()
	return s
}

func (s *peopleScreen) view() fyne.CanvasObject { return s.root }

func (s *peopleScreen) focusSearch() { s.u.win.Canvas().Focus(s.search) }

func (s *peopleScreen) build() fyne.CanvasObject {
	u := s.u
	s.add = widget.NewButtonWithIcon(u.T("Add person"), theme.ContentAddIcon(), s.onAdd)
	s.add.Importance = widget.HighImportance
	s.edit = widget.NewButtonWithIcon(u.T("Edit"), theme.DocumentCreateIcon(), s.onEdit)
	s.archive = widget.NewButtonWithIcon(u.T("Archive"), theme.LogoutIcon(), s.onArchive)
	s.bulk = widget.NewButtonWithIcon(u.T("Edit selected…"), theme.ListIcon(), s.onBulk)
	s.plans = widget.NewButtonWithIcon(u.T("Plans"), theme.DocumentIcon(), s.onPlans)
	imp := widget.NewButtonWithIcon(u.T("Import…"), theme.UploadIcon(), u.importPeople)
	exp := widget.NewButtonWithIcon(u.T("Export…"), theme.DownloadIcon(), u.exportPeople)
	s.clear = widget.NewButtonWithIcon("", theme.ContentClearIcon(), s.onClearFilters)
	s.send = widget.NewButtonWithIcon(u.T("Send packets to the selected…"), theme.MailSendIcon(), s.onSendPackets)
	title := widget.NewLabelWithStyle(u.T("Staff"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	filters := container.NewGridWithColumns(4, s.unit, s.position, s.level, s.status)
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, s.count),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.byGiven, s.clear), s.search),
		filters,
		container.NewBorder(nil, nil, container.NewHBox(s.add, s.edit, s.archive, s.bulk, s.plans), container.NewHBox(imp, exp)),
		container.NewBorder(nil, nil, nil, s.send, s.all),
	)
	s.updateActions()
	return container.NewBorder(top, cappedMessage(s.detail, 2, true), nil, nil, s.table)
}

// reload reads the registry in the background and refreshes the list.
func (s *peopleScreen) reload() {
	u := s.u
	var reg *roster.Roster
	u.async(func() (err error) {
		reg, err = u.loadRoster()
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		s.reg = reg
		s.refreshChoices()
		s.applyFilter()
	})
}

// loadRoster reads the people and units and indexes them (off the UI
// goroutine: sorting keys for 50 000 names takes a while).
func (u *UI) loadRoster() (*roster.Roster, error) {
	people, err := u.ws.People()
	if err != nil {
		return nil, err
	}
	units, err := u.ws.Units()
	if err != nil {
		return nil, err
	}
	return roster.New(people, units), nil
}

// refreshChoices fills the unit, position and level filters from the registry.
func (s *peopleScreen) refreshChoices() {
	// not setOptions: the filters keep their "All …" placeholders
	s.unit.SetOptions(s.reg.UnitLabels())
	s.position.SetOptions(s.reg.Positions())
	s.level.SetOptions(levelChoices(s.reg))
}

// filter returns the list's filter as chosen.
func (s *peopleScreen) filter() roster.Filter {
	f := roster.Filter{Text: s.search.Text, Position: s.position.Selected, Status: roster.Status(s.status.SelectedIndex())}
	if i := s.unit.SelectedIndex(); i >= 0 && i < len(s.reg.UnitOrder) {
		f.Unit = s.reg.UnitOrder[i]
	}
	f.Level = -1
	if i := s.level.SelectedIndex(); i >= 0 {
		f.Level = s.reg.LevelValues()[i]
	}
	return f
}

func (s *peopleScreen) applyFilter() {
	s.rows = s.reg.Filter(s.filter(), s.byGiven.Checked)
	s.count.SetText(s.u.T("%d of %d people", len(s.rows), len(s.reg.People)))
	s.table.Refresh()
	s.keepHighlight()
	s.updateActions()
}

func (s *peopleScreen) onClearFilters() {
	s.search.SetText("")
	s.unit.ClearSelected()
	s.position.ClearSelected()
	s.level.ClearSelected()
	s.status.SetSelectedIndex(int(roster.Anyone))
}

// keepHighlight highlights the current person's row after the rows changed.
func (s *peopleScreen) keepHighlight() {
	for i, e := range s.rows {
		if e.UID == s.cur {
			s.table.selectRow(i)
			return
		}
	}
	s.cur = ""
	s.table.clearRow()
}

// onRow highlights the person of row.
func (s *peopleScreen) onRow(row int) {
	if row >= 0 && row < len(s.rows) {
		s.cur = s.rows[row].UID
		s.detail.SetText(describePerson(s.u, s.reg, s.rows[row]))
		s.updateActions()
	}
}

// onPick adds the person of row to the selection, or takes them out.
func (s *peopleScreen) onPick(row int, on bool) {
	if row < 0 || row >= len(s.rows) {
		return
	}
	if on {
		s.picked[s.rows[row].UID] = true
	} else {
		delete(s.picked, s.rows[row].UID)
	}
	s.updateActions()
}

func (s *peopleScreen) onPickAll(on bool) {
	for _, e := range s.rows {
		if on {
			s.picked[e.UID] = true
		} else {
			delete(s.picked, e.UID)
		}
	}
	s.table.Refresh()
	s.updateActions()
}

// selection returns the picked people, or the highlighted one when none is picked.
func (s *peopleScreen) selection() []app.UID {
	var out []app.UID
	for _, e := range s.reg.Sorted {
		if s.picked[e.UID] {
			out = append(out, e.UID)
		}
	}
	if len(out) == 0 && s.cur != "" {
		out = []app.UID{s.cur}
	}
	return out
}

func (s *peopleScreen) updateActions() {
	u := s.u
	if s.cur == "" {
		s.detail.SetText("")
	}
	cur := s.reg.ByUID[s.cur]
	enable(s.edit, cur != nil)
	enable(s.plans, cur != nil)
	enable(s.archive, cur != nil && !cur.Archived())
	n := len(s.selection())
	enable(s.bulk, n > 0)
	enable(s.send, n > 0)
	if len(s.picked) > 0 {
		s.bulk.SetText(u.T("Edit %d selected…", len(s.picked)))
	} else {
		s.bulk.SetText(u.T("Edit selected…"))
	}
}

// enable enables b when on, else disables it.
func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// onPlans shows the plans list searched for the highlighted person.
func (s *peopleScreen) onPlans() {
	e := s.reg.ByUID[s.cur]
	if e == nil {
		return
	}
	s.u.openHome()
	s.u.home.search.SetText(e.Name)
}

// onAdd opens the form for a new person, in the unit the list is filtered by.
func (s *peopleScreen) onAdd() {
	f := newPersonForm(s, nil)
	f.unit.set(s.filter().Unit)
	f.show()
}

func (s *peopleScreen) onEdit() {
	if e := s.reg.ByUID[s.cur]; e != nil {
		c := *e
		newPersonForm(s, &c).show()
	}
}
