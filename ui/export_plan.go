package ui

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/score"
)

// planExporter exports the open plan's scorecard.
type planExporter struct {
	u    *UI
	plan *app.Plan // the plan as stored when the dialog opened
	form *exportForm
}

// openPlanExport opens the export dialog of the plan screen s.
func openPlanExport(s *planScreen) { newPlanExporter(s).form.show() }

// newPlanExporter prepares the export dialog of the plan screen s, scoring
// up to the period the screen shows.
func newPlanExporter(s *planScreen) *planExporter {
	u := s.u
	e := &planExporter{u: u, plan: s.current()}
	e.form = newExportForm(u, u.T("Export the scorecard"), score.PlanChoices(e.plan), s.choice, e.onChoose)
	if s.dirty {
		e.form.note(u.T("The KPI table has unsaved changes: the export holds the plan as last saved."), widget.WarningImportance)
	}
	return e
}

// onChoose asks where to save the scorecard chosen c.
func (e *planExporter) onChoose(c exportChoice) {
	e.u.chooseSaveFile(e.u.exportFileName(exportScorecard, planTitle(e.plan))+c.ext(), c.ext, func(t saveTarget) { e.exportTo(t, c) })
}

// exportTo writes the scorecard to target behind a progress dialog.
func (e *planExporter) exportTo(target saveTarget, c exportChoice) {
	u := e.u
	e.exportWith(u.newTask(u.T("Exporting"), u.T("Writing the scorecard of %s…", planTitle(e.plan))), target, c)
}

// exportWith writes the scorecard as task t.
func (e *planExporter) exportWith(t *task, target saveTarget, c exportChoice) {
	p := e.plan
	e.u.runExport(t, target, c.password, func(ctx context.Context, path string, o files.Options) ([]string, error) {
		return e.u.files.WriteScorecards(ctx, path, []*app.Plan{p}, c.window.Pick(e.u.ws.Today()), o)
	})
}

// planTitle is the plan's name, or its person's when it has none.
func planTitle(p *app.Plan) string {
	if p.Name != "" {
		return p.Name
	}
	return p.Person.Name
}

// downloadTemplate asks where to save the import template of p — the
// actuals template (with the actuals so far when filled) or the KPI sheet —
// and writes it.
func (u *UI) downloadTemplate(p *app.Plan, kpis, filled bool) {
	kind := exportActualsTemplate
	switch {
	case kpis:
		kind = exportKPISheet
	case filled:
		kind = exportActualsFilled
	}
	u.chooseSaveFile(u.exportFileName(kind, planTitle(p))+extXLSX, func() string { return "" }, func(t saveTarget) {
		u.writeTemplate(u.newTask(u.T("Exporting"), u.T("Writing the template…")), t, p, kpis, filled)
	})
}

// writeTemplate writes p's import template to target as task t.
func (u *UI) writeTemplate(t *task, target saveTarget, p *app.Plan, kpis, filled bool) {
	u.runExport(t, target, "", func(ctx context.Context, path string, o files.Options) ([]string, error) {
		if kpis {
			return u.files.WriteKPISheet(ctx, path, p, o)
		}
		return u.files.WriteActualsTemplate(ctx, path, p, filled, o)
	})
}
