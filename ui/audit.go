package ui

import (
	"cmp"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/audit"
	"kpiplanner/app/i18n"
)

// auditScreen lists the problems the company's KPI-quality audit finds,
// with a count per problem, a unit filter and a sort; a row opens its plan
// at the KPI in question.
type auditScreen struct {
	u        *UI
	unit     *widget.Select
	problem  *widget.Select
	sortBy   *widget.Select
	summary  *widget.Label
	list     *widget.List
	units    []app.OrgUnit // the choices of unit, after "All units"
	shown    []audit.Finding
	counts   []audit.Count
	names    map[app.UID]string // unit names
	loadedAt int                // bumps with every load, so a late result is dropped
}

// auditColumnWidths are the list's columns: problem, plan, person, KPI, detail.
var auditColumnWidths = []float32{200, 190, 150, 170, 0}

// auditSorts are the sort choices, in the order shown.
var auditSorts = []struct {
	label string
	col   audit.Column
}{{i18n.N("Problem"), audit.ByProblem}, {i18n.N("Plan"), audit.ByPlan}, {i18n.N("Person"), audit.ByPerson}, {i18n.N("KPI"), audit.ByKPI}}

func (u *UI) openAudit() {
	u.selectNav(navAudit)
	s := newAuditScreen(u)
	u.show(s)
	s.reload()
}

func newAuditScreen(u *UI) *auditScreen {
	s := &auditScreen{u: u, names: map[app.UID]string{}}
	s.unit = widget.NewSelect([]string{u.T("All units")}, nil)
	s.unit.SetSelectedIndex(0)
	s.unit.OnChanged = func(string) { s.reload() }
	s.problem = widget.NewSelect([]string{u.T("All problems")}, nil)
	s.problem.SetSelectedIndex(0)
	s.problem.OnChanged = func(string) { s.reload() }
	sorts := make([]string, len(auditSorts))
	for i, o := range auditSorts {
		sorts[i] = u.T(o.label)
	}
	s.sortBy = widget.NewSelect(sorts, nil)
	s.sortBy.SetSelectedIndex(0)
	s.sortBy.OnChanged = func(string) { s.reload() }
	s.summary = widget.NewLabel("")
	s.summary.Truncation = fyne.TextTruncateEllipsis
	s.list = widget.NewList(s.length, s.createRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	return s
}

func (s *auditScreen) view() fyne.CanvasObject {
	u := s.u
	filters := container.NewHBox(widget.NewLabel(u.T("Unit")), s.unit, widget.NewLabel(u.T("Problem")), s.problem,
		widget.NewLabel(u.T("Sort by")), s.sortBy)
	head := container.New(&columnsLayout{widths: auditColumnWidths})
	for _, h := range []string{"Problem", "Plan", "Person", "KPI", "Detail"} {
		l := widget.NewLabelWithStyle(u.T(h), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		head.Add(l)
	}
	top := container.NewVBox(widget.NewLabelWithStyle(u.T("KPI audit"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHScroll(filters), s.summary, head)
	return container.NewBorder(top, nil, nil, nil, s.list)
}

// auditQuery is what the screen asks of an audit, read from its widgets.
type auditQuery struct {
	unit    app.UID
	problem audit.Problem
	col     audit.Column
}

func (s *auditScreen) query() auditQuery {
	q := auditQuery{col: auditSorts[max(s.sortBy.SelectedIndex(), 0)].col}
	if i := s.unit.SelectedIndex(); i > 0 && i-1 < len(s.units) {
		q.unit = s.units[i-1].UID
	}
	if i := s.problem.SelectedIndex(); i > 0 && i-1 < len(s.counts) {
		q.problem = s.counts[i-1].Problem
	}
	return q
}

// auditResult is an audit made in the background.
type auditResult struct {
	units  []app.OrgUnit
	report audit.Report
	shown  []audit.Finding
}

// reload audits every plan in the background, then shows the findings.
func (s *auditScreen) reload() {
	q := s.query()
	s.loadedAt++
	at := s.loadedAt
	var res auditResult
	s.u.async(func() error { return s.run(q, &res) }, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if at == s.loadedAt {
			s.show(q, &res)
		}
	})
}

// run is the audit itself: off the UI goroutine.
func (s *auditScreen) run(q auditQuery, res *auditResult) error {
	store := s.u.ws.Store()
	plans, err := store.Plans()
	if err != nil {
		return err
	}
	if res.units, err = store.Units(); err != nil {
		return err
	}
	o := audit.Options{Catalog: s.u.lib, Today: s.u.ws.Today()}
	if q.unit != "" {
		in := app.NewOrg(res.units).Subtree(q.unit)
		o.Keep = func(p *app.Plan) bool { return in[cmp.Or(p.UnitUID, p.Person.Unit)] }
	}
	res.report = audit.Run(plans, o)
	res.shown = audit.Only(res.report.Findings, q.problem)
	audit.Sort(res.shown, q.col, false)
	return nil
}

// show puts a result into the widgets, keeping the choices made.
func (s *auditScreen) show(q auditQuery, res *auditResult) {
	u := s.u
	s.units = res.units
	slices.SortFunc(s.units, func(a, b app.OrgUnit) int { return cmp.Compare(a.Code, b.Code) })
	opts := []string{u.T("All units")}
	sel := 0
	for i, unit := range s.units {
		s.names[unit.UID] = unit.Name
		opts = append(opts, unit.Code+" "+unit.Name)
		if unit.UID == q.unit {
			sel = i + 1
		}
	}
	setChoices(s.unit, opts, sel)
	s.counts = res.report.Counts
	probs := []string{u.T("All problems")}
	sel = 0
	for i, c := range s.counts {
		probs = append(probs, u.T("%s (%d)", u.T(c.Problem.Label()), c.N))
		if c.Problem == q.problem {
			sel = i + 1
		}
	}
	setChoices(s.problem, probs, sel)
	s.shown = res.shown
	plans := map[app.PlanID]bool{}
	for _, f := range res.report.Findings {
		plans[f.Plan] = true
	}
	s.summary.SetText(u.T("%d problems in %d plans; %d shown. Select a row to open its plan.", len(res.report.Findings), len(plans), len(s.shown)))
	s.list.UnselectAll()
	s.list.Refresh()
}

// setChoices replaces a select's options and selection without firing OnChanged.
func setChoices(sel *widget.Select, opts []string, i int) {
	on := sel.OnChanged
	sel.OnChanged = nil
	sel.Options = opts
	sel.SetSelectedIndex(i)
	sel.OnChanged = on
}

func (s *auditScreen) length() int { return len(s.shown) }

func (s *auditScreen) createRow() fyne.CanvasObject {
	row := container.New(&columnsLayout{widths: auditColumnWidths})
	for range auditColumnWidths {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		row.Add(l)
	}
	return row
}

func (s *auditScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	f := s.shown[i]
	u := s.u
	texts := []string{u.T(f.Problem.Label()), f.Name, f.Person, f.KPIName, u.tr.Msg(f.Detail)}
	for j, obj := range o.(*fyne.Container).Objects {
		obj.(*widget.Label).SetText(texts[j])
	}
}

func (s *auditScreen) onSelect(i widget.ListItemID) {
	if i < 0 || i >= len(s.shown) {
		return
	}
	f := s.shown[i]
	s.u.openPlanAt(f.Plan, f.KPI)
}
