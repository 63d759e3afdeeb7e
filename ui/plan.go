package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/planedit"
	"kpiplanner/app/score"
	"kpiplanner/app/template"
)

// planExport exports the open plan. It is nil until the export feature
// (issue 5) sets it; the plan screen's Export… button shows only then.
var planExport func(s *planScreen)

// planImport imports actuals or KPI definitions into the open plan; the
// Import… button shows only when the import feature (issue 5) sets it.
var planImport func(s *planScreen)

// planScreen shows one plan: its KPIs, the actuals grid and the live scorecard.
type planScreen struct {
	u  *UI
	id app.PlanID

	mu    sync.Mutex // guards plan, which actuals are saved into off the UI goroutine
	plan  *app.Plan  // the plan as stored
	snap  *app.Plan  // a copy of plan for the UI goroutine: the grid and the scorecard
	draft *app.Plan  // the KPI table's working copy; Save stores it
	dirty bool

	choices  []score.Choice // the scoring windows offered
	choice   score.Choice   // the chosen one; the official window at first
	period   *widget.Select
	saveBtn  *widget.Button
	unsaved  *widget.Label
	exporter *widget.Button
	importer *widget.Button
	kpis     *kpiTable
	grid     *actualsGrid
	card     *scorecard
	tabs     *container.AppTabs

	statusLabel *widget.Label                 // the plan's status
	steps       map[app.Action]*widget.Button // the lifecycle steps allowed now
	history     *historyTab
	coverage    *coverageTab // cascade: on a unit's plan only
	// rolled counts, by KPI id, the plans a unit plan's rolled-up KPIs come
	// from: their cells are read-only (ui/plan_rolled.go).
	rolled map[string]int
	tmpl   planTemplate // the template the plan was made from (ui/plan_template.go)
}

// openPlan opens a saved plan (a draft reopens in the wizard).
func (u *UI) openPlan(id app.PlanID) {
	var p *app.Plan
	var rolled map[string]int
	var tmpl *app.Template
	var overrides []template.Override
	u.async(func() error {
		var err error
		if p, err = u.ws.Plan(id); err != nil {
			return err
		}
		if rolled, err = u.ws.RolledUp(p); err != nil { // cascade: rolled-up KPIs are read-only
			return err
		}
		tmpl, overrides, err = u.ws.TemplateOf(p) // template: its version and the fields adjusted
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if p.Status == app.Draft {
			u.resumeDraft(id)
			return
		}
		u.selectNav(navPlans)
		s := newPlanScreen(u, p)
		s.setRolled(rolled)
		s.setTemplate(tmpl, overrides)
		u.show(s)
	})
}

func newPlanScreen(u *UI, p *app.Plan) *planScreen {
	s := &planScreen{u: u, id: p.ID, plan: p, snap: p.Clone(), draft: p.Clone()}
	s.tmpl.line = newTemplateLine()
	s.kpis = newKPITable(s)
	s.grid = newActualsGrid(s)
	s.card = newScorecard(u, p.Person.Currency)
	s.unsaved = widget.NewLabel(u.T("Unsaved changes"))
	s.unsaved.Importance = widget.WarningImportance
	s.unsaved.Hide()
	s.saveBtn = widget.NewButtonWithIcon(u.T("Save"), theme.DocumentSaveIcon(), s.save)
	s.saveBtn.Importance = widget.HighImportance
	s.saveBtn.Disable()
	s.exporter = widget.NewButtonWithIcon(u.T("Export…"), theme.DownloadIcon(), s.onExport)
	if planExport == nil {
		s.exporter.Hide()
	}
	s.importer = widget.NewButtonWithIcon(u.T("Import…"), theme.UploadIcon(), s.onImport)
	if planImport == nil {
		s.importer.Hide()
	}
	s.period = widget.NewSelect(nil, nil)
	s.fillPeriods()
	s.period.OnChanged = s.onPeriodChanged
	s.history = newHistoryTab(s)
	s.kpis.build(s.draft)
	s.grid.build(s.snap)
	s.rescore(s.snap)
	s.loadHistory()
	return s
}

func (s *planScreen) view() fyne.CanvasObject {
	u := s.u
	split := container.NewHSplit(s.grid.view(), s.card.view())
	split.Offset = 0.68 // the grid shows 6 months at 1366 wide
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(u.T("Actuals and scorecard"), theme.GridIcon(),
			container.NewBorder(nil, s.grid.messages(), nil, nil, split)),
		container.NewTabItemWithIcon(u.T("KPIs"), theme.DocumentCreateIcon(), s.kpis.view()),
		container.NewTabItemWithIcon(u.T("History"), theme.HistoryIcon(), s.history.view()),
	)
	if s.snap.IsUnitPlan() { // cascade: the unit plan's coverage
		s.coverage = newCoverageTab(s)
		s.tabs.Append(s.coverage.item())
		s.coverage.reload()
	}
	return container.NewBorder(s.header(), nil, nil, nil, s.tabs)
}

// header shows who and what the plan is for, the period selector and the actions.
func (s *planScreen) header() fyne.CanvasObject {
	u, p := s.u, s.snap
	name := p.Name
	if name == "" {
		name = p.Person.Name
	}
	title := widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	who := widget.NewLabel(joinNonEmpty(" · ", p.Person.Name, p.Person.Position, p.Person.Department))
	who.Truncation = fyne.TextTruncateEllipsis
	cycle := widget.NewLabel(u.T("Cycle %s (%s)", u.cycleText(p.Cycle), u.tr.Name(p.Cycle.Frequency)))
	goal := widget.NewLabel(u.T("Goal: %s", p.Goal.Text))
	goal.Truncation = fyne.TextTruncateEllipsis
	undo := widget.NewButtonWithIcon(u.T("Undo"), theme.ContentUndoIcon(), u.onUndo)
	back := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), u.openHome)
	back.Importance = widget.LowImportance
	// Issue 5 (export): the Export… button sits between Undo and Save.
	actions := container.NewHBox(s.unsaved, undo, s.importer, s.exporter, s.saveBtn)
	periodBox := container.NewHBox(widget.NewLabel(u.T("Scoring window")), s.period)
	return container.NewVBox(
		container.NewBorder(nil, nil, back, actions, container.NewBorder(nil, nil, nil,
			container.NewHBox(s.tmpl.line, s.originMark()), title)), // from HR: ui/packet_marker.go; template: ui/plan_template.go
		// the person stays in sight beside the review status and its steps;
		// the goal gives way to the cycle when the window is small
		container.NewBorder(nil, nil, nil, s.lifecycleBar(), who),
		container.NewBorder(nil, nil, cycle, periodBox, goal),
		widget.NewSeparator(),
	)
}

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// fillPeriods offers the official window (which moves as actuals are
// typed), the whole cycle and each period as the scoring window's end.
func (s *planScreen) fillPeriods() {
	s.choices = score.PlanChoices(s.snap)
	setOptions(s.period, s.u.choiceLabels(s.choices))
	s.period.SetSelectedIndex(choiceIndex(s.choices, s.choice))
}

func (s *planScreen) onPeriodChanged(string) {
	if i := s.period.SelectedIndex(); i >= 0 && i < len(s.choices) {
		s.choice = s.choices[i]
		s.rescore(s.snap)
	}
}

// rescore shows p's score over the chosen window.
func (s *planScreen) rescore(p *app.Plan) {
	s.snap = p
	r := s.result(p)
	s.card.update(r)
	s.card.markNotes(p, r)
}

// result scores p over the chosen window.
func (s *planScreen) result(p *app.Plan) score.Result {
	return score.In(p, s.choice.Pick(s.u.ws.Today())(p))
}

// current returns a copy of the plan as stored now.
func (s *planScreen) current() *app.Plan {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.plan.Clone()
}

// commitTyping saves what the focused cell holds before the grid is rebuilt.
func (s *planScreen) commitTyping() {
	if _, ok := s.u.win.Canvas().Focused().(*cellEntry); ok {
		s.u.win.Canvas().Unfocus()
	}
}

// setDirty shows whether the KPI table has unsaved changes.
func (s *planScreen) setDirty(d bool) {
	s.dirty = d
	s.updateSave()
}

// saveActual records one typed cell (in one transaction, with undo) and
// rescores; done gets a copy of the plan as saved.
// An actual of a reopened period needs a reason: it is asked for and the
// save tried again.
func (s *planScreen) saveActual(kpiID string, in planedit.Input, done func(*app.Plan, error)) {
	s.saveActualWhy(kpiID, in, "", done)
}

func (s *planScreen) saveActualWhy(kpiID string, in planedit.Input, reason string, done func(*app.Plan, error)) {
	var snap *app.Plan
	s.u.async(func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		var err error
		if in.Clear {
			err = s.u.ws.ClearActual(s.plan, kpiID, in.Actual.Period)
		} else {
			err = s.u.ws.SetActualWhy(s.plan, kpiID, in.Actual, reason)
		}
		snap = s.plan.Clone()
		return err
	}, func(err error) {
		if err == nil {
			s.rescore(snap) // first: done reads the plan as saved
			done(snap, err)
			s.loadHistory()
			return
		}
		done(snap, err)
		if !in.Clear { // a clear takes no reason: the workspace's error stays on the cell
			s.askWhy(err, func(r string) { s.saveActualWhy(kpiID, in, r, done) })
		}
	})
}

// save stores the KPI table's changes (Ctrl+S), keeping the actuals typed
// since; with no KPI changes it stores the value typed in the focused cell.
func (s *planScreen) save() {
	u := s.u
	if !s.dirty {
		s.commitTyping()
		return
	}
	if !s.kpis.validate() {
		s.tabs.SelectIndex(1)
		u.notify(u.T("Fix the fields marked in red, then save again."))
		return
	}
	s.commitTyping()
	p := s.draft.Clone()
	stored := s.current()
	planedit.MergeActuals(p, stored)
	u.confirmLosses(app.ActualsLosses(stored, p),
		u.T("These KPI changes affect KPIs that have recorded actuals, which would then be dropped or read differently:"),
		u.T("Save anyway? You can undo this with Ctrl+Z."), func() { s.storeWhy(p, "") })
}

// onRemoveKPI asks, then removes a KPI and its actuals (saved at once, undo with Ctrl+Z).
func (s *planScreen) onRemoveKPI(id string) {
	u := s.u
	k := s.draft.KPI(id)
	if k == nil {
		return
	}
	name := kpiName(u, k)
	u.confirm(u.T("Remove KPI"), u.T("Remove the KPI %s and its actuals from this plan? You can undo this with Ctrl+Z.", name), func() {
		s.removeKPI(id, name)
	})
}

func (s *planScreen) removeKPI(id, name string) { s.removeKPIWhy(id, name, "") }

// removeKPIWhy is removeKPI with a reason, which an approved-once plan needs.
func (s *planScreen) removeKPIWhy(id, name, reason string) {
	u := s.u
	s.commitTyping()
	stored := false // the KPI was in the stored plan
	u.async(func() error {
		s.mu.Lock()
		defer s.mu.Unlock()
		p := s.plan.Clone()
		if !planedit.RemoveKPI(p, id) {
			return nil // never saved: only the table has it
		}
		if err := u.ws.Change(p, reason); err != nil {
			return err
		}
		s.plan, stored = p, true
		return nil
	}, func(err error) {
		if s.askWhy(err, func(r string) { s.removeKPIWhy(id, name, r) }) {
			return
		}
		if err != nil {
			s.refused(err)
			return
		}
		planedit.RemoveKPI(s.draft, id)
		s.loadHistory()
		s.kpis.removeRow(id)
		if !stored {
			u.notify(u.T("Removed %s.", name))
			return
		}
		now := s.current()
		s.grid.build(now)
		s.rescore(now)
		u.notify(u.T("Removed %s. Press Ctrl+Z to undo.", name))
	})
}

// afterUndo reloads the plan as the undo left it.
func (s *planScreen) afterUndo() {
	u := s.u
	s.commitTyping()
	u.async(func() error {
		p, err := u.ws.Plan(s.id)
		if err == nil {
			s.mu.Lock()
			s.plan = p
			s.mu.Unlock()
		}
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		now := s.current()
		s.draft = now.Clone()
		s.setDirty(false)
		s.kpis.build(s.draft)
		s.grid.build(now)
		s.rescore(now)
		s.loadHistory()
	})
}

func (s *planScreen) onExport() {
	if planExport != nil {
		planExport(s)
	}
}

func (s *planScreen) onImport() {
	if planImport != nil {
		planImport(s)
	}
}
