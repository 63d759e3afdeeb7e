package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/dashboard"
	"kpiplanner/app/files"
	"kpiplanner/app/progress"
	"kpiplanner/app/score"
)

// companyExporter exports the company bonus sheet and its detail.
type companyExporter struct {
	u     *UI
	plans []*app.Plan         // every plan that is not a draft
	shown map[app.PlanID]bool // the plans the list shows when a filter narrows it; nil = no filter
	only  *widget.Check       // export only the shown plans
	form  *exportForm
}

// openCompanyExport loads every plan off the UI goroutine, then opens the
// company export dialog over the home screen h.
func openCompanyExport(h *homeScreen) {
	u := h.u
	newCompanyExporter(h).load(u.newTask(u.T("Export the company"), u.T("Loading the plans…")))
}

// newCompanyExporter prepares the company export from the home screen h,
// noting the plans its list shows when a filter narrows it.
func newCompanyExporter(h *homeScreen) *companyExporter {
	e := &companyExporter{u: h.u}
	if len(h.rows) < len(h.all) {
		e.shown = map[app.PlanID]bool{}
		for _, r := range h.rows {
			e.shown[r.ID] = true
		}
	}
	return e
}

// load reads every plan as task t and opens the dialog.
func (e *companyExporter) load(t *task) {
	u := e.u
	var plans []*app.Plan
	t.run(func(context.Context, progress.Func) error {
		var err error
		plans, err = u.ws.Store().Plans()
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			return
		case err != nil:
			u.showError(err)
			return
		}
		e.plans = activePlans(plans, nil)
		if len(e.plans) == 0 {
			showMessage(u.win, u.T("Export the company"), u.T("There is no plan to export yet: drafts are not exported."))
			return
		}
		e.open()
	})
}

// open shows the export dialog.
func (e *companyExporter) open() {
	u := e.u
	e.form = newExportForm(u, u.T("Export the company"), dashboard.Choices(e.plans), score.Choice{}, e.onChoose)
	e.form.note(u.T("A bonus sheet with one row per person, the scoring rules, and every actual (person × KPI × period). Drafts are left out."), widget.MediumImportance)
	if e.shown != nil {
		e.only = widget.NewCheck(u.T("Only the plans the list shows (its filters are on)"), nil)
		e.only.SetChecked(true)
		e.form.extra.Add(e.only)
	}
	e.form.show()
}

// chosen returns the plans to export.
func (e *companyExporter) chosen() []*app.Plan {
	if e.only != nil && e.only.Checked {
		return activePlans(e.plans, e.shown)
	}
	return e.plans
}

// onChoose asks where to save the company workbook chosen c.
func (e *companyExporter) onChoose(c exportChoice) {
	e.u.chooseSaveFile(e.u.exportFileName(exportCompany, e.u.exportDate())+c.ext(), c.ext, func(t saveTarget) { e.exportTo(t, c) })
}

// exportTo writes the company workbook to target behind a progress dialog.
func (e *companyExporter) exportTo(target saveTarget, c exportChoice) {
	u := e.u
	plans := e.chosen()
	e.exportWith(u.newTask(u.T("Exporting"), u.T("Writing the bonus sheet of %s people…", u.tr.FormatNumber(float64(len(plans)), 0))), target, c, plans)
}

// exportWith writes plans' company workbook as task t.
func (e *companyExporter) exportWith(t *task, target saveTarget, c exportChoice, plans []*app.Plan) {
	e.u.runExport(t, target, c.password, func(ctx context.Context, path string, o files.Options) ([]string, error) {
		return e.u.files.WriteCompany(ctx, path, plans, c.window.Pick(e.u.ws.Today()), o)
	})
}

// activePlans returns the plans that are not drafts, and when only is not
// nil, that it holds.
func activePlans(plans []*app.Plan, only map[app.PlanID]bool) []*app.Plan {
	var out []*app.Plan
	for _, p := range plans {
		if p.Status != app.Draft && (only == nil || only[p.ID]) {
			out = append(out, p)
		}
	}
	return out
}
