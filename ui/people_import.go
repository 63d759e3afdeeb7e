package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/progress"
	"kpiplanner/app/registry"
	"kpiplanner/app/sheet"
)

// registryImport imports people or org units from a spreadsheet: choose
// what and the file, read and check it off the UI goroutine, preview every
// change and problem, then apply it all in one transaction.
type registryImport struct {
	u       *UI
	people  bool // a people table rather than a units table
	what    *widget.RadioGroup
	chooser *dialog.CustomDialog
	path    string
	pv      *registry.Preview
	preview *registryPreview
	// password opens a protected workbook at path; asked for when needed.
	password   string
	passDialog *dialog.FormDialog
}

// importPeople opens the import of people or units.
func (u *UI) importPeople() {
	im := &registryImport{u: u, people: true}
	peopleOpt, unitsOpt := u.T("Staff"), u.T("Org units")
	im.what = widget.NewRadioGroup([]string{peopleOpt, unitsOpt}, func(s string) { im.people = s != unitsOpt })
	im.what.Horizontal = true
	im.what.Required = true
	im.what.SetSelected(peopleOpt)
	explain := widget.NewLabel(u.T("One row per person (employee code, name, unit code, position, level, manager code, join date, base bonus…) or per unit (unit code, name, parent code, head code), with a header naming the columns. Rows are matched by code: a new code adds, a known one updates. A column the file lacks is left as it is."))
	explain.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(u.T("Excel (.xlsx) or CSV (.csv). Nothing is saved before you have seen the preview."))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), func() { im.chooser.Hide() })
	choose := widget.NewButtonWithIcon(u.T("Choose a file…"), theme.FolderOpenIcon(), im.onChoose)
	choose.Importance = widget.HighImportance
	im.chooser = dialog.NewCustomWithoutButtons(u.T("Import people or units"), container.NewVBox(im.what, explain, hint), u.win)
	im.chooser.SetButtons([]fyne.CanvasObject{cancel, choose})
	im.chooser.Resize(fyne.NewSize(600, 300))
	im.chooser.Show()
}

func (im *registryImport) onChoose() {
	im.chooser.Hide()
	im.u.chooseOpenFile([]string{extXLSX, extCSV}, im.read)
}

// read reads and checks the file at path against the registry as stored now.
func (im *registryImport) read(path string) {
	u := im.u
	t := u.newTask(u.T("Import"), u.T("Reading %s…", filepath.Base(path)))
	people, opts := im.people, registry.Options{T: u.tr.T, ParseNumber: u.tr.ParseNumber}
	pass := im.password
	if path != im.path {
		pass = ""
	}
	var pv *registry.Preview
	t.run(func(ctx context.Context, _ progress.Func) error {
		g, err := u.files.ReadGrid(ctx, path, pass)
		if err != nil {
			return err
		}
		var cur registry.Current
		if cur.People, err = u.ws.People(); err != nil {
			return err
		}
		if cur.Units, err = u.ws.Units(); err != nil {
			return err
		}
		if people {
			pv = registry.Parse(cur, nil, g, opts)
		} else {
			pv = registry.Parse(cur, g, nil, opts)
		}
		return nil
	}, func(err error) {
		switch {
		case t.stopped:
			u.notify(u.T("Import cancelled: nothing was saved."))
		case isPasswordError(err):
			im.path = path
			im.passDialog = u.askPassword(err, func(pw string) {
				im.passDialog, im.password = nil, pw
				im.read(path)
			}, func() { im.passDialog = nil })
		case err != nil:
			u.showError(err)
		default:
			im.path, im.pv = path, pv
			if im.preview == nil {
				im.preview = newRegistryPreview(im)
				im.preview.d.Show()
			}
			im.preview.refresh()
		}
	})
}

// apply writes the previewed import in one transaction.
func (im *registryImport) apply() {
	u, pv, path := im.u, im.pv, im.path
	u.async(func() error { return u.ws.ApplyRegistryImport(pv, path) }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		im.preview.d.Hide()
		im.preview = nil
		u.notify(u.T("Imported from %s: %d added, %d updated", filepath.Base(path),
			len(pv.AddUnits)+len(pv.AddPeople), len(pv.UpdateUnits)+len(pv.UpdatePeople)))
		u.reloadRegistryScreen()
	})
}

// reloadRegistryScreen reloads the People or Organisation screen shown.
func (u *UI) reloadRegistryScreen() {
	switch s := u.cur.(type) {
	case *peopleScreen:
		s.reload()
	case *orgScreen:
		s.reload()
	}
}

// registryPreview lists what an import adds and updates and every problem;
// Import stays disabled while there is a problem or nothing to change.
type registryPreview struct {
	im        *registryImport
	d         *dialog.CustomDialog
	summary   *widget.Label
	problems  *widget.Label
	changes   *widget.Label
	importBtn *widget.Button
}

func newRegistryPreview(im *registryImport) *registryPreview {
	u := im.u
	v := &registryPreview{im: im, summary: widget.NewLabel(""), problems: widget.NewLabel(""), changes: widget.NewLabel("")}
	v.summary.Wrapping = fyne.TextWrapWord
	v.problems.Wrapping = fyne.TextWrapWord
	v.problems.Importance = widget.DangerImportance
	v.changes.Wrapping = fyne.TextWrapWord
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), func() { v.d.Hide(); im.preview = nil })
	again := widget.NewButtonWithIcon(u.T("Read the file again"), theme.ViewRefreshIcon(), func() { im.read(im.path) })
	v.importBtn = widget.NewButtonWithIcon(u.T("Import"), theme.UploadIcon(), im.apply)
	v.importBtn.Importance = widget.HighImportance
	body := container.NewBorder(v.summary, nil, nil, nil, container.NewVScroll(container.NewVBox(v.problems, v.changes)))
	v.d = dialog.NewCustomWithoutButtons(u.T("Preview of the people and units import"), body, u.win)
	v.d.SetButtons([]fyne.CanvasObject{cancel, again, v.importBtn})
	v.d.Resize(fyne.NewSize(820, 540))
	return v
}

// refresh shows the preview read last.
func (v *registryPreview) refresh() {
	u, pv := v.im.u, v.im.pv
	name := filepath.Base(v.im.path)
	v.summary.SetText(u.T("%s: %d to add, %d to update, %d unchanged.", name, len(pv.AddUnits)+len(pv.AddPeople),
		len(pv.UpdateUnits)+len(pv.UpdatePeople), pv.UnchangedUnits+pv.UnchangedPeople))
	errs := append(append(sheet.Errors{}, pv.UnitErrors...), pv.PeopleErrors...)
	lines := make([]string, 0, min(len(errs), maxShownProblems)+1)
	for i, e := range errs {
		if i == maxShownProblems {
			break
		}
		lines = append(lines, "• "+u.tr.Msg(e.Message()))
	}
	if len(errs) > 0 {
		lines = append([]string{u.T("%d problems: fix them in the file, save it and read it again. Nothing is imported while a problem remains.", len(errs))}, lines...)
	}
	v.problems.SetText(strings.Join(lines, "\n"))
	v.problems.Hidden = len(errs) == 0
	v.changes.SetText(v.changeLines())
	err := pv.Err()
	if errors.Is(err, registry.ErrNothing) {
		v.summary.SetText(u.tr.Err(err))
	}
	enable(v.importBtn, err == nil)
	v.problems.Refresh()
}

// changeLines lists each unit and person added or updated, with the fields that change.
func (v *registryPreview) changeLines() string {
	u, pv := v.im.u, v.im.pv
	var out []string
	for _, c := range pv.AddUnits {
		out = append(out, u.T("Row %d: add unit %s (%s)", c.Row, c.Unit.Name, c.Unit.Code))
	}
	for _, c := range pv.UpdateUnits {
		out = append(out, u.T("Row %d: update unit %s: %s", c.Row, c.Unit.Code, u.editsText(c.Edits)))
	}
	for _, c := range pv.AddPeople {
		out = append(out, u.T("Row %d: add %s (%s)", c.Row, c.Person.Name, c.Person.Code))
	}
	for _, c := range pv.UpdatePeople {
		out = append(out, u.T("Row %d: update %s: %s", c.Row, c.Person.Code, u.editsText(c.Edits)))
	}
	return strings.Join(out, "\n")
}

// editsText writes field changes as "position: Rep to Senior rep; level: 1 to 2".
func (u *UI) editsText(edits []app.Edit) string {
	parts := make([]string, len(edits))
	for i, e := range edits {
		field := e.Path
		if j := strings.LastIndex(field, "]."); j >= 0 {
			field = field[j+2:]
		}
		parts[i] = u.T("%s: %s to %s", u.registryField(strings.HasPrefix(e.Path, "units["), field), orNone(u, e.Old), orNone(u, e.New))
	}
	return strings.Join(parts, "; ")
}

// registryField names a field of a person (or of a unit) as the forms do.
func (u *UI) registryField(unit bool, field string) string {
	if unit {
		switch field {
		case "code":
			return u.T("Unit code")
		case "parent":
			return u.T("Part of")
		case "head":
			return u.T("Head")
		}
		return u.T("Name")
	}
	names := map[string]string{"code": u.T("Employee code"), "name": u.T("Full name"), "unit": u.T("Unit"),
		"position": u.T("Position"), "level": u.T("Level"), "manager": u.T("Manager"), "joined": u.T("Join date"),
		"left": u.T("Leave date"), "base_bonus": u.T("Base bonus"), "currency": u.T("Currency"), "email": u.T("E-mail")}
	if n, ok := names[field]; ok {
		return n
	}
	return field
}

func orNone(u *UI, s string) string {
	if s == "" {
		return u.T("(none)")
	}
	return s
}

// exportPeople writes the people or the org units to a spreadsheet in the
// columns the import reads.
func (u *UI) exportPeople() {
	var d dialog.Dialog
	pick := func(people bool) func() {
		return func() {
			d.Hide()
			u.exportRegistry(people)
		}
	}
	people := widget.NewButtonWithIcon(u.T("Export people…"), theme.AccountIcon(), pick(true))
	units := widget.NewButtonWithIcon(u.T("Export org units…"), theme.StorageIcon(), pick(false))
	note := widget.NewLabel(u.T("The file reads back with Import…: change it in Excel, then import it."))
	note.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom(u.T("Export people or units"), u.T("Cancel"), container.NewVBox(note, container.NewHBox(people, units)), u.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// exportRegistry asks where, then writes the people (or units) table there.
func (u *UI) exportRegistry(people bool) {
	name := u.T("Employees")
	if !people {
		name = u.T("Org units")
	}
	u.chooseSaveFile(safeFileName(name)+extXLSX, func() string { return "" }, func(t saveTarget) {
		u.writeRegistry(u.newTask(u.T("Exporting"), u.T("Writing %s…", name)), t, people)
	})
}

// writeRegistry writes the people (or units) table to target as task t.
func (u *UI) writeRegistry(t *task, target saveTarget, people bool) {
	tr := u.tr
	u.runExport(t, target, "", func(ctx context.Context, path string, o files.Options) ([]string, error) {
		ps, err := u.ws.People()
		if err != nil {
			return nil, err
		}
		us, err := u.ws.Units()
		if err != nil {
			return nil, err
		}
		table := registry.UnitsSheet(us, ps, tr.T)
		if people {
			table = registry.PeopleSheet(ps, us, tr.T)
		}
		return u.files.WriteTable(ctx, path, table, o)
	})
}
