package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
)

// updateDialog shows what saving the edited template as a new version does:
// the diff against the previous version, the plans holding the template
// with their override counts and the plans left alone, and applies it to
// all plans, to those without overrides, or to a selection.
type updateDialog struct {
	s       *templatesScreen
	pv      *workspace.UpdatePreview
	force   *widget.Check
	reason  *widget.Entry
	to      *widget.RadioGroup
	checked map[app.PlanID]bool
	plans   *widget.List
	summary *widget.Label
	dlg     dialog.Dialog
}

func (s *templatesScreen) onSaveVersion() {
	if s.draft == nil {
		return
	}
	next := s.draft.Clone()
	next.Version = 0
	s.previewUpdate(next, false, "")
}

// previewUpdate works the update preview out in the background and shows
// (or refreshes) the dialog.
func (s *templatesScreen) previewUpdate(next *app.Template, force bool, reason string) {
	u := s.u
	var pv *workspace.UpdatePreview
	u.async(func() (err error) { pv, err = u.ws.PreviewUpdate(next, force, reason); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if s.update != nil {
			s.update.pv = pv
			s.update.refresh()
			return
		}
		s.update = newUpdateDialog(s, pv)
	})
}

func newUpdateDialog(s *templatesScreen, pv *workspace.UpdatePreview) *updateDialog {
	u := s.u
	d := &updateDialog{s: s, pv: pv, checked: map[app.PlanID]bool{}, summary: widget.NewLabel(""), reason: widget.NewEntry()}
	d.summary.Wrapping = fyne.TextWrapWord
	d.force = widget.NewCheck(u.T("Overridden fields take the new value too"), func(bool) { d.again() })
	d.reason.SetPlaceHolder(u.T("Reason (needed for plans approved before)"))
	d.reason.OnSubmitted = func(string) { d.again() }
	d.to = widget.NewRadioGroup([]string{u.T("All plans"), u.T("Plans without overrides"), u.T("Plans ticked below")}, nil)
	d.to.Horizontal = true
	d.to.SetSelected(d.to.Options[0])
	d.plans = widget.NewList(func() int { return len(d.pv.Plans) }, func() fyne.CanvasObject {
		c := widget.NewCheck("Nguyễn Văn An — 2026 · 2 overrides · would change", nil)
		return c
	}, d.updateRow)
	apply := widget.NewButton(u.T("Save and apply"), d.onApply)
	apply.Importance = widget.HighImportance
	top := container.NewVBox(cappedMessage(d.summary, 6, true), d.force, d.reason, d.to)
	body := container.NewBorder(top, apply, nil, nil, d.plans)
	d.dlg = dialog.NewCustom(u.T("Save %s as a new version", pv.Previous.Name), u.T("Close"), body, u.win)
	d.dlg.SetOnClosed(func() { s.update = nil })
	d.dlg.Resize(fyne.NewSize(820, 520))
	d.refresh()
	d.dlg.Show()
	return d
}

// again recomputes the preview with the dialog's force and reason.
func (d *updateDialog) again() {
	d.s.previewUpdate(d.pv.Next, d.force.Checked, d.reason.Text)
}

// refresh shows the preview's diff, counts and plans.
func (d *updateDialog) refresh() {
	u := d.s.u
	var b strings.Builder
	if len(d.pv.Diff) == 0 {
		b.WriteString(u.T("No change to the template: plans of older versions are brought up to it."))
	}
	for i, e := range d.pv.Diff {
		if i == 4 {
			b.WriteString(u.T("and %d more changes", len(d.pv.Diff)-4))
			break
		}
		b.WriteString(u.T("%s: %s to %s", e.Path, e.Old, e.New) + "\n")
	}
	b.WriteString("\n" + u.T("%d plans hold this template; %d have overrides.", len(d.pv.Plans), d.pv.Overridden()))
	for _, c := range d.pv.Counts {
		b.WriteString("\n" + u.T("%d have overridden %s of %s", c.Plans, c.Field, c.Name))
	}
	if n := len(d.pv.Blocked()); n > 0 {
		b.WriteString("\n" + u.T("%d approved or closed plans are left alone.", n))
	}
	d.summary.SetText(b.String())
	d.plans.Refresh()
}

func (d *updateDialog) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	u := d.s.u
	pu := d.pv.Plans[i]
	state := u.T("would change")
	switch {
	case !pu.Changes():
		state = u.T("unchanged")
	case pu.Blocked != nil:
		state = u.T("left alone")
	}
	c := o.(*widget.Check)
	c.OnChanged = nil
	c.SetText(joinNonEmpty(" · ", pu.Plan.Name, u.T("%d overrides", len(pu.Overrides)), state))
	c.SetChecked(d.checked[pu.Plan.ID])
	id := pu.Plan.ID
	c.OnChanged = func(on bool) { d.checked[id] = on }
}

// choice is what the radio buttons and ticks say.
func (d *updateDialog) choice() workspace.UpdateChoice {
	switch d.to.Selected {
	case d.to.Options[1]:
		return workspace.UpdateChoice{To: workspace.ApplyUnoverridden}
	case d.to.Options[2]:
		c := workspace.UpdateChoice{To: workspace.ApplySelected}
		for _, pu := range d.pv.Plans {
			if d.checked[pu.Plan.ID] {
				c.Plans = append(c.Plans, pu.Plan.ID)
			}
		}
		return c
	}
	return workspace.UpdateChoice{To: workspace.ApplyAll}
}

// onApply saves the version and updates the chosen plans in the background.
func (d *updateDialog) onApply() {
	u, s := d.s.u, d.s
	pv, c := d.pv, d.choice()
	if strings.TrimSpace(d.reason.Text) != pv.Reason || d.force.Checked != pv.Force {
		d.again() // the preview must match what is applied
		return
	}
	var res workspace.UpdateResult
	u.async(func() (err error) { res, err = u.ws.ApplyUpdate(pv, c, d.reason.Text); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		d.dlg.Hide()
		u.notify(u.T("Version %d saved; %d plans changed, %d left alone.", res.Version, res.Changed, res.Left))
		s.reload()
	})
}
