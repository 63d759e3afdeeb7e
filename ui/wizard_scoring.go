package ui

import (
	"cmp"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/wizard"
)

// scoringStep is step 5: cap and floor, optional step bands, rating bands
// with multipliers, the base bonus, and a live example.
type scoringStep struct {
	w         *wizardScreen
	form      *wizForm
	linearCap *wizField
	stepsOn   *widget.Check
	steps     []wizard.StepRow
	stepRows  *fyne.Container
	bandRows  *fyne.Container
	rowFields []*wizField // fields of the step and band rows
	examplePc float64
	exampleIn *wizField
	example   *widget.Label
}

func newScoringStep(w *wizardScreen) *scoringStep {
	return &scoringStep{w: w, examplePc: wizard.DefaultExamplePercent}
}

// Column widths of the band and step tables.
var (
	wizBandColumns = []float32{100, 0, 100, 40}
	wizStepColumns = []float32{130, 130, 40}
)

func (s *scoringStep) view() fyne.CanvasObject {
	u, d := s.w.u, s.w.d
	f := newWizForm(s.w)
	s.form = f
	f.add(u.T("Achievement cap (%%)"), s.w.number("rules.cap", d.CapPercent(), false, s.onCap))
	f.add(u.T("Achievement floor (%%)"), s.w.number("rules.floor", d.FloorPercent(), false, s.onFloor))
	f.add(u.T("Base bonus"), s.w.number("person.base_bonus", d.Plan.Person.BaseBonus, false, s.onBaseBonus))
	cur := newKeySelectEntry([]string{"VND", "USD", "EUR"})
	cur.SetText(d.Plan.Person.Currency)
	cur.OnChanged = s.onCurrency
	f.add(u.T("Currency"), newWizField("person.currency", cur))
	mode := wizEnum(u, []app.BonusMode{app.BonusBand, app.BonusLinear}, d.Plan.Rules.BonusMode, s.onBonusMode)
	f.add(u.T("Bonus mode"), newWizField("rules.bonus_mode", mode))
	s.linearCap = f.add(u.T("Highest bonus (%% of base)"), s.w.number("rules.linear_cap", d.LinearCapPercent(), false, s.onLinearCap))
	s.showLinearCap()
	step := s.w.number("rules.rounding_step", d.Plan.Rules.RoundingStep, true, s.onRoundingStep)
	if e := step.entry(); d.Plan.Rules.RoundingStep > 0 {
		e.SetText(u.tr.FormatNumber(d.Plan.Rules.RoundingStep, -1))
	} else {
		e.SetPlaceHolder(u.T("The currency's unit (1 ₫)"))
	}
	f.add(u.T("Round bonuses to"), step)
	missing := wizEnum(u, app.MissingDataRules, cmp.Or(d.Plan.Rules.MissingData, app.MissingExclude), s.onMissingData)
	f.add(u.T("A KPI without data"), newWizField("rules.missing_data", missing))
	s.exampleIn = s.w.number("example", s.examplePc, false, s.onExample)
	s.example = wizNote("")
	s.example.TextStyle = fyne.TextStyle{Bold: true}
	s.w.submitOn(f.fields...)
	s.w.submitOn(s.exampleIn)
	for _, fl := range append(f.fields, s.exampleIn) {
		fl.invalid = s.refresh
	}

	example := container.NewVBox(wizTitle(u.T("Live example")),
		container.NewBorder(nil, nil, widget.NewLabel(u.T("If every KPI achieves (%%)")), nil, wizFixed(110, s.exampleIn.box())),
		s.example)
	left := container.NewVBox(f.grid, widget.NewSeparator(), example)
	right := container.NewVBox(s.bandsBox(), widget.NewSeparator(), s.stepsBox())
	s.refresh()
	return container.NewVScroll(container.NewPadded(container.NewGridWithColumns(2, left, right)))
}

func (s *scoringStep) bandsBox() fyne.CanvasObject {
	u := s.w.u
	s.bandRows = container.NewVBox()
	s.fillBands()
	add := widget.NewButtonWithIcon(u.T("Add band"), theme.ContentAddIcon(), s.onAddBand)
	return container.NewVBox(wizTitle(u.T("Rating bands")),
		wizNote(u.T("A total at or above the threshold earns the band's rating and bonus multiplier.")),
		s.bandRows, container.NewHBox(add))
}

func (s *scoringStep) fillBands() {
	u, bands := s.w.u, s.w.d.Plan.Rules.Bands
	s.bandRows.Objects = []fyne.CanvasObject{wizRow(wizBandColumns, wizTitle(u.T("From (points)")),
		wizTitle(u.T("Rating")), wizTitle(u.T("Multiplier")), widget.NewLabel(""))}
	s.rowFields = s.rowFields[:0]
	for i, b := range bands {
		minF := s.w.number("rules.bands", b.Min, false, func(v float64, _ bool) { s.onBandMin(i, v) })
		name := newKeyEntry()
		name.SetText(u.T(b.Name))
		name.OnChanged = func(v string) { s.onBandName(i, v) }
		mult := s.w.number("rules.bands", b.Multiplier, false, func(v float64, _ bool) { s.onBandMultiplier(i, v) })
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.onRemoveBand(i) })
		rm.Importance = widget.LowImportance
		if len(bands) == 1 {
			rm.Disable()
		}
		minF.invalid, mult.invalid = s.refresh, s.refresh
		s.rowFields = append(s.rowFields, minF, mult)
		s.w.submitOn(minF, mult)
		s.bandRows.Add(wizRow(wizBandColumns, minF.box(), container.NewVBox(name), mult.box(), container.NewVBox(rm))) // top-aligned with the number fields
	}
	s.bandRows.Refresh()
	s.w.relayout()
}

func (s *scoringStep) stepsBox() fyne.CanvasObject {
	u := s.w.u
	s.steps = s.w.d.Steps()
	s.stepRows = container.NewVBox()
	s.stepsOn = widget.NewCheck(u.T("Score KPIs by step bands instead of 100 × achievement"), nil)
	s.stepsOn.SetChecked(s.w.d.UsesSteps())
	s.stepsOn.OnChanged = s.onUseSteps
	s.fillSteps()
	return container.NewVBox(wizTitle(u.T("Step bands (optional)")), s.stepsOn, s.stepRows)
}

func (s *scoringStep) fillSteps() {
	u := s.w.u
	s.stepRows.Objects = nil
	if !s.stepsOn.Checked {
		s.stepRows.Refresh()
		s.w.relayout()
		return
	}
	s.stepRows.Add(wizRow(wizStepColumns, wizTitle(u.T("From (%% achieved)")), wizTitle(u.T("Score")), widget.NewLabel("")))
	for i, r := range s.steps {
		from := s.w.number("steps", r.FromPercent, false, func(v float64, _ bool) { s.onStepFrom(i, v) })
		sc := s.w.number("steps", r.Score, false, func(v float64, _ bool) { s.onStepScore(i, v) })
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { s.onRemoveStep(i) })
		rm.Importance = widget.LowImportance
		from.invalid, sc.invalid = s.refresh, s.refresh
		s.rowFields = append(s.rowFields, from, sc)
		s.w.submitOn(from, sc)
		s.stepRows.Add(wizRow(wizStepColumns, from.box(), sc.box(), container.NewVBox(rm)))
	}
	add := widget.NewButtonWithIcon(u.T("Add step"), theme.ContentAddIcon(), s.onAddStep)
	s.stepRows.Add(container.NewHBox(add))
	s.stepRows.Refresh()
	s.w.relayout()
}

func (s *scoringStep) onCap(v float64, _ bool) {
	s.w.d.SetCapPercent(v)
	s.refresh()
}

func (s *scoringStep) onFloor(v float64, _ bool) {
	s.w.d.SetFloorPercent(v)
	s.refresh()
}

func (s *scoringStep) onBaseBonus(v float64, _ bool) {
	s.w.d.Plan.Person.BaseBonus = v
	s.refresh()
}

func (s *scoringStep) onCurrency(v string) {
	s.w.d.Plan.Person.Currency = v
	s.refresh()
}

func (s *scoringStep) onBonusMode(m app.BonusMode) {
	s.w.d.Plan.Rules.BonusMode = m
	s.showLinearCap()
	s.refresh()
}

func (s *scoringStep) showLinearCap() {
	s.linearCap.setVisible(s.w.d.Plan.Rules.BonusMode == app.BonusLinear)
}

func (s *scoringStep) onRoundingStep(v float64, _ bool) {
	s.w.d.Plan.Rules.RoundingStep = v
	s.refresh()
}

func (s *scoringStep) onMissingData(m app.MissingData) {
	s.w.d.Plan.Rules.MissingData = m
	s.refresh()
}

func (s *scoringStep) onLinearCap(v float64, _ bool) {
	s.w.d.SetLinearCapPercent(v)
	s.refresh()
}

func (s *scoringStep) onBandMin(i int, v float64) {
	s.w.d.Plan.Rules.Bands[i].Min = v
	s.refresh()
}

func (s *scoringStep) onBandName(i int, v string) {
	s.w.d.Plan.Rules.Bands[i].Name = v
	s.refresh()
}

func (s *scoringStep) onBandMultiplier(i int, v float64) {
	s.w.d.Plan.Rules.Bands[i].Multiplier = v
	s.refresh()
}

func (s *scoringStep) onAddBand() {
	s.w.d.AddBand()
	s.fillBands()
	s.refresh()
}

func (s *scoringStep) onRemoveBand(i int) {
	s.w.d.RemoveBand(i)
	s.fillBands()
	s.refresh()
}

func (s *scoringStep) onUseSteps(on bool) {
	s.w.d.SetUseSteps(on)
	s.steps = s.w.d.Steps()
	s.fillSteps()
	s.refresh()
}

func (s *scoringStep) onStepFrom(i int, v float64) {
	s.steps[i].FromPercent = v
	s.w.d.SetSteps(s.steps)
	s.refresh()
}

func (s *scoringStep) onStepScore(i int, v float64) {
	s.steps[i].Score = v
	s.w.d.SetSteps(s.steps)
	s.refresh()
}

func (s *scoringStep) onAddStep() {
	s.steps = append(s.steps, wizard.StepRow{})
	s.w.d.SetSteps(s.steps)
	s.fillSteps()
	s.refresh()
}

func (s *scoringStep) onRemoveStep(i int) {
	s.steps = append(s.steps[:i], s.steps[i+1:]...)
	s.w.d.SetSteps(s.steps)
	if len(s.steps) == 0 {
		s.stepsOn.SetChecked(false) // calls onUseSteps
		return
	}
	s.fillSteps()
	s.refresh()
}

func (s *scoringStep) onExample(v float64, _ bool) {
	s.examplePc = v
	s.refresh()
}

// refresh recomputes the live example and the in-place problems.
func (s *scoringStep) refresh() {
	u, d := s.w.u, s.w.d
	ex := d.Example(s.examplePc)
	switch {
	case s.invalid():
		// Never compute from a half-typed value ("10 0" read as 10).
		s.example.SetText(u.T("The example shows once the fields marked in red are fixed."))
	case ex.HasTotal:
		s.example.SetText(u.T("At %s achievement this person scores %s points (%s) and earns %s.",
			u.tr.FormatPercent(ex.Percent, -1), u.tr.FormatNumber(ex.Total, 2), u.T(ex.Rating.Name),
			u.tr.FormatMoney(ex.Bonus, d.Plan.Person.Currency)))
	default:
		s.example.SetText(u.T("No example yet: the plan needs KPIs with weights above 0."))
	}
	s.form.showProblems("", d.Problems(d.Step()))
	s.w.edited()
}

func (s *scoringStep) invalid() bool {
	if s.form.invalid() || s.exampleIn.bad {
		return true
	}
	for _, f := range s.rowFields {
		if f.bad {
			return true
		}
	}
	return false
}

func (s *scoringStep) showProblems(errs []*app.FieldError) []*app.FieldError {
	s.form.arm()
	s.exampleIn.arm()
	for _, f := range s.rowFields {
		f.arm()
	}
	return s.form.showProblems("", errs)
}

func (s *scoringStep) focus() {
	s.w.u.win.Canvas().Focus(s.form.fields[0].input.(*wizEntry))
}
