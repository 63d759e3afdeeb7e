package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/planedit"
)

// lifecycleBar shows the plan's status and one button per lifecycle step
// app.ActionsFrom allows from it; the domain decides, the bar only asks.
func (s *planScreen) lifecycleBar() fyne.CanvasObject {
	u := s.u
	s.statusLabel = widget.NewLabel(u.T("Status: %s", u.tr.Name(s.snap.Status)))
	box := container.NewHBox(s.statusLabel)
	s.steps = map[app.Action]*widget.Button{}
	for _, a := range app.ActionsFrom(s.snap.Status) {
		b := widget.NewButtonWithIcon(u.actionLabel(a), actionIcon(a), func() { s.onAction(a) })
		if a != app.Reopen {
			b.Importance = widget.HighImportance
		}
		s.steps[a] = b
		box.Add(b)
	}
	return box
}

// actionLabel is a lifecycle step's button text.
func (u *UI) actionLabel(a app.Action) string {
	switch a {
	case app.Submit:
		return u.T("Submit")
	case app.Approve:
		return u.T("Approve")
	case app.Close:
		return u.T("Close plan")
	}
	return u.T("Reopen…")
}

func actionIcon(a app.Action) fyne.Resource {
	switch a {
	case app.Submit:
		return theme.MailSendIcon()
	case app.Approve:
		return theme.ConfirmIcon()
	case app.Close:
		return theme.CheckButtonCheckedIcon()
	}
	return theme.ContentUndoIcon()
}

// onAction takes lifecycle step a: reopen asks why (and keeps unsaved KPI
// changes, to be saved once reopened), close asks to confirm; the other
// steps take the plan as stored, so they want the KPI changes saved first.
func (s *planScreen) onAction(a app.Action) {
	u := s.u
	if s.dirty && a != app.Reopen {
		u.notify(u.T("Save or undo the KPI changes first."))
		return
	}
	name := s.snap.Name
	switch a {
	case app.Reopen:
		u.askReason(u.T("Reopen %s", name), u.T("Why must the plan %s be reopened? The reason is kept in its history.", name),
			func(reason string) { s.transition(a, reason) })
	case app.Close:
		u.confirm(u.T("Close plan"), u.T("Close the plan %s? Its result becomes final: a closed plan refuses every change until it is reopened with a reason.", name),
			func() { s.transition(a, "") })
	default:
		s.transition(a, "")
	}
}

// transition applies step a and shows the plan as it now is.
func (s *planScreen) transition(a app.Action, reason string) {
	u := s.u
	s.commitTyping()
	var p *app.Plan
	u.async(func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		var err error
		p, err = u.ws.Transition(s.id, a, reason)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("%s is now %s", p.Name, u.tr.Name(p.Status)))
		s.replace(p)
	})
}

// replace shows a fresh plan screen for p, on the same tab, keeping the
// KPI table's unsaved changes.
func (s *planScreen) replace(p *app.Plan) {
	tab := 0
	if s.tabs != nil {
		tab = s.tabs.SelectedIndex()
	}
	n := newPlanScreen(s.u, p)
	if s.dirty {
		d := s.draft.Clone()
		d.Status, d.Revision, d.ApprovedOnce = p.Status, p.Revision, p.ApprovedOnce
		n.draft = d
		n.kpis.build(d)
		n.setDirty(true)
	}
	s.u.show(n)
	n.tabs.SelectIndex(tab)
}

// askWhy handles a refusal that only wants a reason: it asks for one and
// calls retry with it, reporting true; other errors report false.
func (s *planScreen) askWhy(err error, retry func(reason string)) bool {
	u := s.u
	if !errors.Is(err, app.ErrReasonRequired) {
		return false
	}
	u.askReason(u.T("Why this change?"), u.tr.Err(err), retry)
	return true
}

// storeWhy is store with a reason, which changes after approval need.
func (s *planScreen) storeWhy(p *app.Plan, reason string) {
	u := s.u
	u.async(func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		planedit.MergeActuals(p, s.plan)
		if err := u.ws.Change(p, reason); err != nil {
			return err
		}
		s.plan = p.Clone()
		return nil
	}, func(err error) {
		if s.askWhy(err, func(r string) { s.storeWhy(p, r) }) {
			return
		}
		if err != nil {
			s.refused(err)
			return
		}
		s.draft = p.Clone()
		s.setDirty(false)
		now := s.current()
		s.grid.build(now)
		s.rescore(now)
		s.loadHistory()
		u.notify(u.T("Saved %s", p.Name))
	})
}

// refused shows why the workspace refused a change; a plan whose status
// refuses it says how to go on.
func (s *planScreen) refused(err error) {
	u := s.u
	if !errors.Is(err, app.ErrRefused) {
		u.showError(err)
		return
	}
	msg := u.tr.Err(err)
	if _, ok := s.steps[app.Reopen]; ok {
		msg += "\n\n" + u.T("Use Reopen… at the top of the plan, give the reason, then change it.")
	}
	showMessage(u.win, u.T("Change refused"), msg)
}
