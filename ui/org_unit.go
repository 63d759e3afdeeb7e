package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
)

// unitDialog asks for what changes about one unit and stores it; the
// workspace's refusal shows in the dialog, which stays open until it is
// accepted or cancelled.
type unitDialog struct {
	o       *orgScreen
	code    *widget.Entry // add and rename
	name    *widget.Entry
	parent  *unitPicker   // add and move
	head    *personPicker // set head
	problem *widget.Label
	dlg     *dialog.ConfirmDialog
	unit    func() (*app.OrgUnit, error) // the unit to store, from the fields
}

// open shows the dialog with the given form rows.
func (d *unitDialog) open(title, ok string, items ...*widget.FormItem) {
	u := d.o.u
	d.problem = widget.NewLabel("")
	d.problem.Importance = widget.DangerImportance
	d.problem.Wrapping = fyne.TextWrapWord
	d.problem.Hide()
	d.dlg = dialog.NewCustomConfirm(title, ok, u.T("Cancel"), container.NewVBox(widget.NewForm(items...), d.problem),
		func(yes bool) {
			if yes {
				d.apply()
			} else {
				d.o.dialog = nil
			}
		}, u.win)
	d.dlg.Resize(fyne.NewSize(560, 300))
	d.o.dialog = d
	d.dlg.Show()
}

// apply stores the unit; a refusal shows the dialog again with the reason.
func (d *unitDialog) apply() {
	u := d.o.u
	unit, err := d.unit()
	if err != nil {
		d.refused(err)
		return
	}
	u.async(func() error { return u.ws.SaveUnit(unit) }, func(err error) {
		if err != nil {
			d.refused(err)
			return
		}
		d.o.dialog = nil
		d.o.sel = unit.UID
		u.notify(u.T("Saved unit %s (%s)", unit.Name, unit.Code))
		d.o.reload()
	})
}

func (d *unitDialog) refused(err error) {
	tr := d.o.u.tr
	var fe *app.FieldError
	if errors.As(err, &fe) {
		d.problem.SetText(tr.Msg(fe.Msg))
	} else {
		d.problem.SetText(tr.Err(err))
	}
	d.problem.Show()
	d.dlg.Show()
}

// onAdd asks for a new unit, under the selected one by default.
func (o *orgScreen) onAdd() {
	u := o.u
	d := &unitDialog{o: o, code: widget.NewEntry(), name: widget.NewEntry(),
		parent: newUnitPicker(u, o.reg, u.T("none (top level)"), nil)}
	d.parent.set(o.sel)
	d.code.SetPlaceHolder("KD-MN")
	d.unit = func() (*app.OrgUnit, error) {
		return &app.OrgUnit{Code: d.code.Text, Name: d.name.Text, Parent: d.parent.value()}, nil
	}
	d.open(u.T("Add unit"), u.T("Add"),
		widget.NewFormItem(u.T("Unit code"), d.code),
		widget.NewFormItem(u.T("Name"), d.name),
		widget.NewFormItem(u.T("Part of"), d.parent.sel))
}

// onRename asks for the selected unit's new code and name.
func (o *orgScreen) onRename() {
	unit := o.selected()
	if unit == nil {
		return
	}
	u := o.u
	d := &unitDialog{o: o, code: textEntry(unit.Code), name: textEntry(unit.Name)}
	d.unit = func() (*app.OrgUnit, error) {
		unit.Code, unit.Name = d.code.Text, d.name.Text
		return unit, nil
	}
	d.open(u.T("Rename %s", unit.Name), u.T("Save"),
		widget.NewFormItem(u.T("Unit code"), d.code),
		widget.NewFormItem(u.T("Name"), d.name))
}

// onMove asks for the selected unit's new parent among the units not inside it.
func (o *orgScreen) onMove() {
	unit := o.selected()
	if unit == nil {
		return
	}
	u := o.u
	d := &unitDialog{o: o, parent: newUnitPicker(u, o.reg, u.T("none (top level)"), o.reg.Org.Subtree(unit.UID))}
	d.parent.set(o.parentOf(unit.UID))
	d.unit = func() (*app.OrgUnit, error) {
		unit.Parent = d.parent.value()
		return unit, nil
	}
	d.open(u.T("Move %s", unit.Name), u.T("Move"), widget.NewFormItem(u.T("Part of"), d.parent.sel))
}

// onHead asks for the person who heads the selected unit.
func (o *orgScreen) onHead() {
	unit := o.selected()
	if unit == nil {
		return
	}
	u := o.u
	d := &unitDialog{o: o, head: newPersonPicker(u, o.reg, "")}
	d.head.set(unit.Head)
	d.unit = func() (*app.OrgUnit, error) {
		h, err := d.head.value()
		if err != nil {
			return nil, err
		}
		unit.Head = h
		return unit, nil
	}
	d.open(u.T("Head of %s", unit.Name), u.T("Save"), widget.NewFormItem(u.T("Head"), d.head.entry))
}
