package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/smart"
	"kpiplanner/app/wizard"
)

// reviewStep is step 6: the whole plan, every problem and warning, then Save.
type reviewStep struct {
	w        *wizardScreen
	problems *fyne.Container
	warnings *fyne.Container
}

func newReviewStep(w *wizardScreen) *reviewStep { return &reviewStep{w: w} }

// wizReviewColumns are the widths of the review's KPI table; the name takes the rest.
var wizReviewColumns = []float32{24, 0, 90, 130, 130, 110}

func (r *reviewStep) view() fyne.CanvasObject {
	u := r.w.u
	r.problems = container.NewVBox()
	r.warnings = container.NewVBox()
	r.fillProblems()
	r.fillWarnings()
	return container.NewVScroll(container.NewPadded(container.NewVBox(
		r.summary(),
		wizTitle(u.T("KPIs")), r.kpiTable(),
		wizTitle(u.T("Scoring & bonus")), r.rules(),
		widget.NewSeparator(), r.problems,
		wizTitle(u.T("Warnings")), r.warnings,
	)))
}

func (r *reviewStep) summary() fyne.CanvasObject {
	u, p := r.w.u, r.w.d.Plan
	f := newWizForm(r.w)
	line := func(label, text string) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		f.addRow(label, l)
	}
	name := p.Name
	if r.w.d.AutoName() {
		name = r.w.d.DefaultName()
	}
	line(u.T("Plan name"), name)
	line(u.T("Employee"), joinNonEmpty(" · ", p.Person.Name, p.Person.Position, p.Person.Department))
	line(u.T("Cycle"), u.T("%s (%s)", u.cycleText(p.Cycle), u.tr.Name(p.Cycle.Frequency)))
	if g, ok := u.lib.GoalType(p.Goal.Type); ok {
		line(u.T("Goal type"), g.Name.In(u.tr.Lang()))
	}
	line(u.T("Business goal"), p.Goal.Text)
	return f.grid
}

func (r *reviewStep) kpiTable() fyne.CanvasObject {
	u, d := r.w.u, r.w.d
	head := func(s string) fyne.CanvasObject {
		l := wizTitle(s)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	box := container.NewVBox(wizRow(wizReviewColumns, widget.NewLabel(""), head(u.T("KPI")), head(u.T("Group")),
		head(u.T("Share of total")), head(u.T("Target")), head(u.T("Deadline"))))
	for _, k := range d.Plan.KPIs {
		name := widget.NewLabel(k.Name)
		name.Truncation = fyne.TextTruncateEllipsis
		icon := container.NewCenter(wizFixed(20, widget.NewIcon(verdictIcon(d.Verdict(k.ID)))))
		box.Add(wizRow(wizReviewColumns, icon, name,
			widget.NewLabel(u.tr.Name(k.Group)), widget.NewLabel(u.tr.FormatPercent(d.Share(k.ID), 1)),
			widget.NewLabel(r.targetText(&k)), widget.NewLabel(u.tr.FormatDate(k.Deadline))))
	}
	return box
}

// targetText shows a KPI's target the way its direction reads it.
func (r *reviewStep) targetText(k *app.KPI) string {
	u := r.w.u
	switch k.Direction {
	case app.Milestone:
		return u.tr.Name(app.Milestone)
	case app.Range:
		return u.T("%s – %s", u.tr.FormatNumber(k.RangeLow, -1), u.tr.FormatNumber(k.RangeHigh, -1))
	case app.Lower:
		return u.T("at most %s", u.tr.FormatNumber(k.Target, -1))
	}
	return u.T("at least %s", u.tr.FormatNumber(k.Target, -1))
}

func (r *reviewStep) rules() fyne.CanvasObject {
	u, d := r.w.u, r.w.d
	rl := d.Plan.Rules
	f := newWizForm(r.w)
	line := func(label, text string) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		f.addRow(label, l)
	}
	line(u.T("Group weights"), u.T("A %s · B %s · C %s", u.tr.FormatNumber(rl.GroupWeights[app.GroupA], -1),
		u.tr.FormatNumber(rl.GroupWeights[app.GroupB], -1), u.tr.FormatNumber(rl.GroupWeights[app.GroupC], -1)))
	line(u.T("Achievement"), u.T("floor %s, cap %s", u.tr.FormatPercent(d.FloorPercent(), -1), u.tr.FormatPercent(d.CapPercent(), -1)))
	var bands []string
	for _, b := range rl.Bands {
		bands = append(bands, u.T("%s from %s (×%s)", u.T(b.Name), u.tr.FormatNumber(b.Min, -1), u.tr.FormatNumber(b.Multiplier, -1)))
	}
	line(u.T("Rating bands"), joinNonEmpty(" · ", bands...))
	if d.UsesSteps() {
		var steps []string
		for _, s := range d.Steps() {
			steps = append(steps, u.T("from %s: %s points", u.tr.FormatPercent(s.FromPercent, -1), u.tr.FormatNumber(s.Score, -1)))
		}
		line(u.T("Step bands"), joinNonEmpty(" · ", steps...))
	}
	line(u.T("Base bonus"), u.T("%s (%s)", u.tr.FormatMoney(d.Plan.Person.BaseBonus, d.Plan.Person.Currency), u.tr.Name(rl.BonusMode)))
	ex := d.Example(wizard.DefaultExamplePercent)
	if ex.HasTotal {
		line(u.T("Example"), u.T("At %s achievement this person scores %s points (%s) and earns %s.",
			u.tr.FormatPercent(ex.Percent, -1), u.tr.FormatNumber(ex.Total, 2), u.T(ex.Rating.Name),
			u.tr.FormatMoney(ex.Bonus, d.Plan.Person.Currency)))
	}
	return f.grid
}

// fillProblems lists what must be fixed before saving, with a way there.
func (r *reviewStep) fillProblems() {
	u := r.w.u
	r.problems.Objects = nil
	errs := r.w.d.Problems(wizard.Review)
	if len(errs) == 0 {
		ok := widget.NewLabelWithStyle(u.T("The plan is complete: save it to start recording actuals."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		ok.Importance = widget.SuccessImportance
		r.problems.Add(ok)
		return
	}
	r.problems.Add(wizTitle(u.T("To fix before saving")))
	for _, e := range errs {
		msg := widget.NewLabel(r.w.problemText(e))
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		step := wizard.StepOf(e)
		goTo := widget.NewButton(u.T("Go to step %d", int(step)+1), func() { r.w.onIndicator(step) })
		r.problems.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), goTo, msg))
	}
}

// fillWarnings lists the plan's warnings and each KPI's weak SMART letters.
func (r *reviewStep) fillWarnings() {
	u := r.w.u
	ws := r.w.d.Warnings()
	if len(ws) == 0 {
		r.warnings.Add(widget.NewLabel(u.T("No warnings: every KPI passes the SMART checks.")))
		return
	}
	for _, w := range ws {
		text := u.tr.Msg(w.Msg)
		if w.Letter != "" {
			text = u.T("%s — %s: %s", w.Name, string(w.Letter), text)
		}
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		v := w.Verdict
		if v == "" {
			v = smart.Warn
		}
		r.warnings.Add(container.NewBorder(nil, nil, widget.NewIcon(verdictIcon(v)), nil, l))
	}
}

func (r *reviewStep) invalid() bool { return false }

// showProblems lists every problem on the review itself.
func (r *reviewStep) showProblems([]*app.FieldError) []*app.FieldError {
	r.fillProblems()
	return nil
}

func (r *reviewStep) focus() {}
