package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/smart"
)

// smartStep is step 3: a form per KPI beside its live S-M-A-R-T checklist.
type smartStep struct {
	w           *wizardScreen
	list        *widget.List
	sel         int // index of the KPI shown
	formBox     *fyne.Container
	form        *wizForm
	header      *widget.Label // the KPI's name above the form
	checks      *fyne.Container
	checkScroll *container.Scroll
	touched     map[string]bool // fields edited since the form was built
	showAll     bool            // Next was refused: show every problem
}

func newSmartStep(w *wizardScreen) *smartStep { return &smartStep{w: w} }

// kpi returns the KPI shown.
func (s *smartStep) kpi() *app.KPI { return &s.w.d.Plan.KPIs[s.sel] }

func (s *smartStep) view() fyne.CanvasObject {
	u := s.w.u
	if len(s.w.d.Plan.KPIs) == 0 {
		return wizNote(u.T("Choose at least one KPI from the library or add your own."))
	}
	s.list = widget.NewList(s.length, s.newRow, s.updateRow)
	s.list.OnSelected = s.onSelect
	s.formBox = container.NewStack()
	s.checks = container.NewVBox()
	s.checkScroll = container.NewVScroll(s.checks)
	s.buildForm()
	s.list.Select(0)
	left := container.NewBorder(wizTitle(u.T("KPIs")), nil, nil, nil, s.list)
	right := container.NewBorder(wizTitle(u.T("SMART checklist")), nil, nil, nil, s.checkScroll)
	form := wizAtLeast(360, container.NewVScroll(s.formBox))
	return container.NewBorder(nil, nil, wizFixed(190, left), wizFixed(270, right), form)
}

func (s *smartStep) length() int { return len(s.w.d.Plan.KPIs) }

func (s *smartStep) newRow() fyne.CanvasObject {
	name := widget.NewLabel("KPI name")
	name.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, name)
}

func (s *smartStep) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	k := s.w.d.Plan.KPIs[i]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(k.Name)
	box.Objects[1].(*widget.Icon).SetResource(verdictIcon(s.w.d.Verdict(k.ID)))
}

// verdictIcon is a tick, a warning sign or a cross in the verdict's colour.
func verdictIcon(v smart.Verdict) fyne.Resource {
	switch v {
	case smart.Pass:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case smart.Warn:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewErrorThemedResource(theme.CancelIcon())
}

func (s *smartStep) onSelect(i widget.ListItemID) {
	if i == s.sel {
		return
	}
	s.sel = i
	s.buildForm()
}

// buildForm shows the form of the selected KPI.
func (s *smartStep) buildForm() {
	u, k := s.w.u, s.kpi()
	s.touched = map[string]bool{}
	f := newWizForm(s.w)
	s.form = f
	f.add(u.T("Name"), wizText("name", k.Name, s.onName))
	f.add(u.T("Unit"), newWizField("unit", wizEnum(u, app.Units, k.Unit, s.onUnit)))
	f.add(u.T("Direction"), newWizField("direction", wizEnum(u, app.Directions, k.Direction, s.onDirection)))
	f.add(u.T("Aggregation"), newWizField("aggregation", wizEnum(u, app.Aggregations, k.Aggregation, s.onAggregation)))
	base := 0.0
	if k.Baseline != nil {
		base = *k.Baseline
	}
	f.add(u.T("Baseline"), s.w.number("baseline", base, k.Baseline == nil, s.onBaseline))
	if k.Direction == app.Higher || k.Direction == app.Lower {
		f.add(u.T("Target"), s.w.number("target", k.Target, k.Target == 0, s.onTarget))
		ref := 0.0 // targets per period and reference value (issue 12)
		if k.Reference != nil {
			ref = *k.Reference
		}
		f.add(u.T("Reference value"), s.w.number("reference", ref, k.Reference == nil, s.onReference))
	}
	if k.Direction == app.Range {
		f.add(u.T("Range low"), s.w.number("range_low", k.RangeLow, false, s.onRangeLow))
		f.add(u.T("Range high"), s.w.number("range_high", k.RangeHigh, false, s.onRangeHigh))
		f.add(u.T("Tolerance"), s.w.number("tolerance", k.Tolerance, k.Tolerance == 0, s.onTolerance))
	}
	src := newKeySelectEntry(s.w.d.DataSourceNames())
	src.SetText(s.w.d.DataSourceName(k.DataSource))
	src.OnChanged = s.onDataSource
	f.add(u.T("Data source"), newWizField("data_source", src))
	f.add(u.T("Owner"), wizText("owner", k.Owner, s.onOwner))
	f.add(u.T("Deadline"), s.w.date("deadline", k.Deadline, s.onDeadline))
	why := wizText("rationale", k.Rationale, s.onRationale)
	why.entry().SetPlaceHolder(u.T("How does this KPI move the goal?"))
	f.add(u.T("Rationale"), why)
	s.w.submitOn(f.fields...)
	for _, fl := range f.fields {
		fl.left = func() { s.leave(fl.key) }
	}
	if s.showAll {
		f.arm()
	}
	s.header = wizTitle(k.Name)
	s.header.Wrapping = fyne.TextWrapWord
	desc := wizNote(k.Description)
	if k.Description == "" {
		desc.Hide()
	}
	s.formBox.Objects = []fyne.CanvasObject{container.NewPadded(container.NewVBox(s.header, desc, f.grid))}
	s.refresh()
	s.w.relayout()
}

// changed refreshes the checklist and errors after field was edited.
func (s *smartStep) changed(string) { s.refresh() }

// leave marks a field visited when the keyboard leaves it: its problems show from now on.
func (s *smartStep) leave(field string) {
	s.touched[field] = true
	s.refresh()
}

// shows reports whether a problem is shown yet: a baseline compared with
// the target waits until there is a target (typed, or set already).
func (s *smartStep) shows(e *app.FieldError) bool {
	if s.showAll {
		return true
	}
	return e.Field != "baseline" || s.kpi().Target != 0 || s.touched["target"]
}

// refresh re-checks the KPI: checklist, list icon and in-place problems.
func (s *smartStep) refresh() {
	s.showChecks()
	s.list.RefreshItem(s.sel)
	var errs []*app.FieldError
	for _, e := range s.w.d.KPIProblems(s.w.d.Step(), s.kpi().ID) {
		if s.shows(e) {
			errs = append(errs, e)
		}
	}
	s.form.showProblems(s.kpi().ID, errs)
	s.w.edited()
}

func (s *smartStep) showChecks() {
	u := s.w.u
	s.checks.Objects = nil
	for _, c := range s.w.d.Checks(s.kpi().ID) {
		head := widget.NewLabelWithStyle(u.T("%s — %s", string(c.Letter), s.letterName(c.Letter)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		reason := wizNote(u.tr.Msg(c.Reason))
		s.checks.Add(container.NewBorder(nil, nil, container.NewVBox(widget.NewIcon(verdictIcon(c.Verdict))), nil,
			container.NewVBox(head, reason)))
	}
	s.checkScroll.Refresh()
}

func (s *smartStep) letterName(l smart.Letter) string {
	u := s.w.u
	switch l {
	case smart.Specific:
		return u.T("Specific")
	case smart.Measurable:
		return u.T("Measurable")
	case smart.Achievable:
		return u.T("Achievable")
	case smart.Relevant:
		return u.T("Relevant")
	}
	return u.T("Time-bound")
}

func (s *smartStep) onName(v string) {
	s.kpi().Name = v
	s.header.SetText(v)
	s.changed("name")
}

func (s *smartStep) onUnit(v app.Unit) {
	s.kpi().Unit = v
	s.changed("unit")
}

func (s *smartStep) onDirection(v app.Direction) {
	s.w.d.SetDirection(s.kpi().ID, v)
	s.buildForm() // the range and target fields depend on it
	s.touched["direction"] = true
}

func (s *smartStep) onAggregation(v app.Aggregation) {
	s.kpi().Aggregation = v
	s.changed("aggregation")
}

func (s *smartStep) onBaseline(v float64, empty bool) {
	if empty {
		s.kpi().Baseline = nil
	} else {
		s.kpi().Baseline = app.Float(v)
	}
	s.changed("baseline")
}

// onReference sets the value the target is compared with (last year's
// actual); empty removes it.
func (s *smartStep) onReference(v float64, empty bool) {
	if empty {
		s.kpi().Reference = nil
	} else {
		s.kpi().Reference = app.Float(v)
	}
	s.changed("reference")
}

func (s *smartStep) onTarget(v float64, _ bool) {
	s.kpi().Target = v
	s.changed("target")
}

func (s *smartStep) onRangeLow(v float64, _ bool) {
	s.kpi().RangeLow = v
	s.changed("range_low")
}

func (s *smartStep) onRangeHigh(v float64, _ bool) {
	s.kpi().RangeHigh = v
	s.changed("range_high")
}

func (s *smartStep) onTolerance(v float64, _ bool) {
	s.kpi().Tolerance = v
	s.changed("tolerance")
}

func (s *smartStep) onDataSource(v string) {
	s.w.d.SetDataSource(s.kpi().ID, v)
	s.changed("data_source")
}

func (s *smartStep) onOwner(v string) {
	s.kpi().Owner = v
	s.changed("owner")
}

func (s *smartStep) onDeadline(d app.Date) {
	s.kpi().Deadline = d
	s.changed("deadline")
}

func (s *smartStep) onRationale(v string) {
	s.kpi().Rationale = v
	s.changed("rationale")
}

func (s *smartStep) invalid() bool { return s.form != nil && s.form.invalid() }

// showProblems shows every problem, opens the first KPI that has one, and
// returns the problems of the other KPIs.
func (s *smartStep) showProblems(errs []*app.FieldError) []*app.FieldError {
	s.showAll = true
	if s.form == nil {
		return errs
	}
	s.form.arm()
	for i, k := range s.w.d.Plan.KPIs {
		if len(errs) > 0 && k.ID == errs[0].KPI && i != s.sel {
			s.list.Select(i)
			break
		}
	}
	s.refresh()
	var rest []*app.FieldError
	for _, e := range errs {
		if e.KPI != s.kpi().ID {
			rest = append(rest, e)
		}
	}
	return rest
}

func (s *smartStep) focus() {
	if s.form != nil && len(s.form.fields) > 0 {
		if e, ok := s.form.fields[0].input.(fyne.Focusable); ok {
			s.w.u.win.Canvas().Focus(e)
		}
	}
}
