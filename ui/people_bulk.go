package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

// bulkForm sets the unit, position, level or manager of every selected person at once.
type bulkForm struct {
	s                *peopleScreen
	uids             []app.UID
	setUnit, setPos  *widget.Check
	setLevel, setMgr *widget.Check
	unit             *unitPicker
	position         *widget.SelectEntry
	level            *widget.Entry
	manager          *personPicker
	problem          *widget.Label
	dlg              *dialog.ConfirmDialog
}

func (s *peopleScreen) onBulk() {
	uids := s.selection()
	if len(uids) == 0 {
		return
	}
	u := s.u
	f := &bulkForm{s: s, uids: uids,
		setUnit: widget.NewCheck(u.T("Unit"), nil), setPos: widget.NewCheck(u.T("Position"), nil),
		setLevel: widget.NewCheck(u.T("Level"), nil), setMgr: widget.NewCheck(u.T("Manager"), nil),
		unit: newUnitPicker(u, s.reg, u.T("No unit"), nil), position: widget.NewSelectEntry(s.reg.Positions()),
		level: widget.NewEntry(), manager: newPersonPicker(u, s.reg, ""), problem: widget.NewLabel("")}
	// choosing a value ticks its box
	f.unit.sel.OnChanged = func(string) { f.setUnit.SetChecked(true) }
	f.position.OnChanged = func(string) { f.setPos.SetChecked(true) }
	f.level.OnChanged = func(string) { f.setLevel.SetChecked(true) }
	refresh := f.manager.entry.OnChanged
	f.manager.entry.OnChanged = func(t string) { refresh(t); f.setMgr.SetChecked(true) }
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(u.T("Set the ticked fields on the %d people selected; the others stay as they are.", len(uids)))
	intro.Wrapping = fyne.TextWrapWord
	grid := container.New(&columnsLayout{widths: []float32{140, 0}},
		f.setUnit, f.unit.sel)
	rows := container.NewVBox(intro, grid,
		container.New(&columnsLayout{widths: []float32{140, 0}}, f.setPos, f.position),
		container.New(&columnsLayout{widths: []float32{140, 0}}, f.setLevel, f.level),
		container.New(&columnsLayout{widths: []float32{140, 0}}, f.setMgr, f.manager.entry),
		f.problem)
	f.dlg = dialog.NewCustomConfirm(u.T("Edit %d people", len(uids)), u.T("Apply"), u.T("Cancel"), rows, func(ok bool) {
		if ok {
			f.apply()
		}
	}, u.win)
	f.dlg.Resize(fyne.NewSize(600, 400))
	s.bulkForm = f
	f.dlg.Show()
}

// edit returns the change the ticked fields describe.
func (f *bulkForm) edit() (workspace.PersonEdit, error) {
	var e workspace.PersonEdit
	if f.setUnit.Checked {
		v := f.unit.value()
		e.Unit = &v
	}
	if f.setPos.Checked {
		v := strings.TrimSpace(f.position.Text)
		e.Position = &v
	}
	if f.setLevel.Checked {
		v := 0
		if t := strings.TrimSpace(f.level.Text); t != "" {
			n, err := strconv.Atoi(t)
			if err != nil {
				return e, &app.FieldError{Field: "level", Msg: app.M("write a whole number, e.g. 3")}
			}
			v = n
		}
		e.Level = &v
	}
	if f.setMgr.Checked {
		v, err := f.manager.value()
		if err != nil {
			return e, err
		}
		e.Manager = &v
	}
	return e, nil
}

// apply stores the change; a refusal reopens the form with the reason.
func (f *bulkForm) apply() {
	u := f.s.u
	e, err := f.edit()
	if err != nil {
		f.refused(err)
		return
	}
	var n int
	u.async(func() error {
		var err error
		n, err = u.ws.BulkEdit(f.uids, e)
		return err
	}, func(err error) {
		if err != nil {
			f.refused(err)
			return
		}
		f.s.bulkForm = nil
		u.notify(u.T("Changed %d of %d people", n, len(f.uids)))
		f.s.picked = map[app.UID]bool{}
		f.s.all.SetChecked(false)
		f.s.reload()
	})
}

// refused shows why the change was refused, in the form shown again.
func (f *bulkForm) refused(err error) {
	f.problem.SetText(f.s.u.tr.Err(err))
	f.dlg.Show()
}

// archiveForm asks for a leaver's leave date.
type archiveForm struct {
	s    *peopleScreen
	e    *app.Employee
	date *widget.Entry
	dlg  *dialog.ConfirmDialog
	note *widget.Label
}

func (s *peopleScreen) onArchive() {
	e := s.reg.ByUID[s.cur]
	if e == nil || e.Archived() {
		return
	}
	u := s.u
	f := &archiveForm{s: s, e: e, date: textEntry(u.tr.FormatDate(u.ws.Today())), note: widget.NewLabel("")}
	f.note.Importance = widget.DangerImportance
	f.note.Wrapping = fyne.TextWrapWord
	q := widget.NewLabel(u.T("Archive %s (%s) as a leaver? Their plans and history stay; they leave the active list.", e.Name, e.Code))
	q.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(u.T("Leave date"), f.date))
	f.dlg = dialog.NewCustomConfirm(u.T("Archive person"), u.T("Archive"), u.T("Cancel"),
		container.NewVBox(q, form, f.note), func(ok bool) {
			if ok {
				f.apply()
			}
		}, u.win)
	f.dlg.Resize(fyne.NewSize(520, 260))
	s.archiveForm = f
	f.dlg.Show()
}

func (f *archiveForm) apply() {
	u := f.s.u
	d, err := u.tr.ParseDate(f.date.Text)
	if err != nil {
		f.note.SetText(u.tr.Err(err))
		f.dlg.Show()
		return
	}
	u.async(func() error { return u.ws.ArchivePerson(f.e.UID, d) }, func(err error) {
		if err != nil {
			f.note.SetText(u.tr.Err(err))
			f.dlg.Show()
			return
		}
		f.s.archiveForm = nil
		u.notify(u.T("Archived %s: left on %s", f.e.Name, d))
		f.s.reload()
	})
}
