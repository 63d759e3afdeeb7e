package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// assignDialog picks people (unit subtree, position, level, employee
// codes) and a cycle year for a template, previews the assignment and
// writes it.
type assignDialog struct {
	s                       *templatesScreen
	t                       *app.Template
	units                   []app.OrgUnit
	unit                    *widget.Select
	position, level, people *widget.Entry
	year                    *widget.Entry
	existing                *widget.RadioGroup
	summary                 *widget.Label
	preview                 *template.Assignment
	apply                   *widget.Button
	dlg                     dialog.Dialog
}

func (s *templatesScreen) onAssign() {
	if s.draft == nil {
		return
	}
	u := s.u
	var units []app.OrgUnit
	u.async(func() (err error) { units, err = u.ws.Units(); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		s.dialog = newAssignDialog(s, s.list[s.sel], units)
	})
}

func newAssignDialog(s *templatesScreen, t *app.Template, units []app.OrgUnit) *assignDialog {
	u := s.u
	d := &assignDialog{s: s, t: t, units: units, position: widget.NewEntry(), level: widget.NewEntry(),
		people: widget.NewEntry(), year: widget.NewEntry(), summary: widget.NewLabel("")}
	names := []string{u.T("Whole company")}
	for _, x := range units {
		names = append(names, x.Code+" · "+x.Name)
	}
	d.unit = widget.NewSelect(names, nil)
	d.unit.SetSelectedIndex(0)
	d.position.SetText(t.Position)
	d.level.SetText(strconv.Itoa(t.Level))
	d.people.SetPlaceHolder(u.T("employee codes, separated by commas"))
	d.year.SetText(strconv.Itoa(u.ws.Today().Time().Year()))
	d.existing = widget.NewRadioGroup([]string{u.T("Skip them"), u.T("Replace their KPIs"), u.T("Add the KPIs to their plan")}, nil)
	d.existing.SetSelected(d.existing.Options[0])
	d.summary.Wrapping = fyne.TextWrapWord
	previewBtn := widget.NewButton(u.T("Preview"), d.onPreview)
	d.apply = widget.NewButton(u.T("Create plans"), d.onApply)
	d.apply.Importance = widget.HighImportance
	d.apply.Disable()
	form := widget.NewForm(
		widget.NewFormItem(u.T("Unit and the units below it"), d.unit),
		widget.NewFormItem(u.T("Position"), d.position),
		widget.NewFormItem(u.T("Level (0: every level)"), d.level),
		widget.NewFormItem(u.T("Only these people"), d.people),
		widget.NewFormItem(u.T("Cycle (year)"), d.year),
		widget.NewFormItem(u.T("People who already have a plan"), d.existing))
	body := container.NewVBox(form, container.NewHBox(previewBtn, d.apply), cappedMessage(d.summary, 4, true))
	d.dlg = dialog.NewCustom(u.T("Assign %s", t.Label()), u.T("Close"), body, u.win)
	d.dlg.Resize(fyne.NewSize(760, 460))
	d.dlg.Show()
	return d
}

// choice reads the dialog's selection, cycle and existing-plan mode.
func (d *assignDialog) choice() (template.Selection, app.Cycle, template.Existing, error) {
	sel := template.Selection{Position: strings.TrimSpace(d.position.Text)}
	if i := d.unit.SelectedIndex(); i > 0 {
		sel.Unit = d.units[i-1].UID
	}
	lv, err := strconv.Atoi(strings.TrimSpace(d.level.Text))
	if err != nil || lv < 0 {
		return sel, app.Cycle{}, "", &app.FieldError{Field: "level", Msg: app.M("must be between 0 and 99")}
	}
	sel.Level = lv
	y, err := strconv.Atoi(strings.TrimSpace(d.year.Text))
	if err != nil || y < 1900 || y > 9999 {
		return sel, app.Cycle{}, "", &app.FieldError{Field: "cycle", Msg: app.M("is not a year")}
	}
	cycle := app.Cycle{Start: app.NewDate(y, 1, 1), End: app.NewDate(y, 12, 31), Frequency: app.Monthly}
	mode := []template.Existing{template.Skip, template.Replace, template.Add}[max(0, d.existingIndex())]
	return sel, cycle, mode, nil
}

func (d *assignDialog) existingIndex() int {
	for i, o := range d.existing.Options {
		if o == d.existing.Selected {
			return i
		}
	}
	return 0
}

// onPreview works the assignment out in the background and shows its sentence.
func (d *assignDialog) onPreview() {
	u := d.s.u
	sel, cycle, mode, err := d.choice()
	if err != nil {
		u.showError(err)
		return
	}
	codes := strings.TrimSpace(d.people.Text)
	var a *template.Assignment
	u.async(func() error {
		if codes != "" {
			uids, err := peopleByCode(u, codes)
			if err != nil {
				return err
			}
			sel.People = uids
		}
		a, err = u.ws.PreviewAssign(d.t, sel, cycle, mode)
		return err
	}, func(err error) {
		if err != nil {
			d.preview = nil
			d.apply.Disable()
			d.summary.SetText(u.tr.Err(err))
			return
		}
		d.preview = a
		text := u.T("%d people chosen; %s", a.Chosen, u.tr.Msg(a.Summary()))
		if len(a.Left) > 0 {
			text += "\n" + u.T("%d plans are left alone (approved, closed or holding actuals).", len(a.Left))
		}
		d.summary.SetText(text)
		enable(d.apply, len(a.New)+len(a.Changed) > 0)
	})
}

// peopleByCode returns the uids of the comma-separated employee codes.
func peopleByCode(u *UI, codes string) ([]app.UID, error) {
	all, err := u.ws.People()
	if err != nil {
		return nil, err
	}
	by := map[string]app.UID{}
	for _, e := range all {
		by[e.Code] = e.UID
	}
	var out []app.UID
	for _, c := range strings.Split(codes, ",") {
		uid, ok := by[strings.TrimSpace(c)]
		if !ok {
			return nil, &app.RuleError{Kind: app.ErrNotFound, Msg: app.M("no person with the code %s", strings.TrimSpace(c))}
		}
		out = append(out, uid)
	}
	return out, nil
}

// onApply writes the previewed assignment in the background.
func (d *assignDialog) onApply() {
	u := d.s.u
	a := d.preview
	if a == nil {
		return
	}
	d.apply.Disable()
	var made, changed int
	u.async(func() (err error) { made, changed, err = u.ws.Assign(a); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.preview = nil
		d.summary.SetText(u.T("Created %d draft plans, changed %d.", made, changed))
		u.notify(u.T("Created %d draft plans, changed %d.", made, changed))
	})
}
