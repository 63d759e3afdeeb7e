package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/wizard"
)

// goalStep is step 1: who the plan is for, its cycle and its business goal.
type goalStep struct {
	w        *wizardScreen
	form     *wizForm
	name     *wizField
	nameBox  *keySelectEntry
	dept     *wizField
	deptBox  *keySelectEntry
	position *wizEntry
	people   []wizard.PersonChoice
	nameOpts []string // the registry's people, as offered
	deptOpts []string // the org units, as offered; nil without a registry
	org      *app.Org
	start    *wizField
	end      *wizField
	goalType *widget.Select
	goalText *keyEntry
	hints    *widget.Label
	example  *widget.Label
	planName *keyEntry
	types    []library.GoalType
}

func newGoalStep(w *wizardScreen) *goalStep { return &goalStep{w: w} }

func (g *goalStep) view() fyne.CanvasObject {
	u, p := g.w.u, g.w.d.Plan
	f := newWizForm(g.w)
	g.form = f
	g.nameBox = newKeySelectEntry(nil)
	g.nameBox.SetText(p.Person.Name)
	g.nameBox.OnChanged = g.onName
	g.nameBox.SetPlaceHolder(u.T("Type a name or pick a person"))
	g.name = f.add(u.T("Employee name"), newWizField("person.name", g.nameBox))
	g.dept = f.add(u.T("Department"), newWizField("person.department", g.deptEntry()))
	pos := wizText("person.position", p.Person.Position, g.onPosition)
	g.position, _ = pos.input.(*wizEntry)
	f.add(u.T("Position"), pos)
	g.start = f.add(u.T("Cycle start"), g.w.date("cycle.start", p.Cycle.Start, g.onStart))
	g.end = f.add(u.T("Cycle end"), g.w.date("cycle.end", p.Cycle.End, g.onEnd))
	freq := wizEnum(u, app.Frequencies, p.Cycle.Frequency, g.onFrequency)
	f.add(u.T("Review frequency"), newWizField("cycle.frequency", freq))
	f.add(u.T("Goal type"), newWizField("goal.type", g.typeSelect()))
	f.add(u.T("Business goal"), newWizField("goal.text", g.goalBox()))
	g.planName = newKeyEntry()
	if !g.w.d.AutoName() {
		g.planName.SetText(p.Name)
	}
	g.planName.OnChanged = g.onPlanName
	f.add(u.T("Plan name"), newWizField("name", g.planName))
	g.refreshName()
	g.onGoalText(p.Goal.Text)
	g.w.watch(g.goalText)
	g.w.submitOn(f.fields...)
	intro := wizNote(u.T("Who is this plan for, over which period, and what business goal should the KPIs serve?"))
	return container.NewVScroll(container.NewPadded(container.NewVBox(intro, f.grid)))
}

func (g *goalStep) deptEntry() *keySelectEntry {
	u := g.w.u
	var names []string
	for _, d := range library.Departments {
		names = append(names, d.Name.In(u.tr.Lang()))
	}
	e := newKeySelectEntry(names)
	e.SetText(g.w.d.Plan.Person.Department)
	e.OnChanged = g.onDepartment
	g.deptBox = e
	g.loadRegistry()
	return e
}

func (g *goalStep) typeSelect() *widget.Select {
	u := g.w.u
	g.types = u.lib.GoalTypes()
	var names []string
	for _, t := range g.types {
		names = append(names, t.Name.In(u.tr.Lang()))
	}
	g.goalType = widget.NewSelect(names, nil)
	g.goalType.PlaceHolder = u.T("Choose the kind of goal…")
	for _, t := range g.types {
		if t.ID == g.w.d.Plan.Goal.Type {
			g.goalType.SetSelected(t.Name.In(u.tr.Lang()))
		}
	}
	g.goalType.OnChanged = g.onGoalType
	return g.goalType
}

// goalBox is the goal statement with its live hints and the example.
func (g *goalStep) goalBox() fyne.CanvasObject {
	u := g.w.u
	g.goalText = newKeyMultiLineEntry()
	g.goalText.Wrapping = fyne.TextWrapWord
	g.goalText.SetMinRowsVisible(3)
	g.goalText.SetText(g.w.d.Plan.Goal.Text)
	g.goalText.OnChanged = g.onGoalText
	g.hints = widget.NewLabel("")
	g.hints.Importance = widget.WarningImportance
	g.hints.Wrapping = fyne.TextWrapWord
	g.example = widget.NewLabel("")
	g.example.Wrapping = fyne.TextWrapWord
	g.example.TextStyle = fyne.TextStyle{Italic: true}
	use := widget.NewButtonWithIcon(u.T("Use the example"), theme.ContentPasteIcon(), g.onUseExample)
	g.refreshExample()
	return container.NewVBox(g.goalText, g.hints, container.NewBorder(nil, nil, nil, use, g.example))
}

// exampleText is the goal type's example, or a general one.
func (g *goalStep) exampleText() string {
	if ex := g.w.d.GoalExample(); ex != "" {
		return ex
	}
	return g.w.u.T("Increase revenue from new customers by 20%% in 6 months")
}

func (g *goalStep) refreshExample() {
	ex := g.exampleText()
	g.example.SetText(g.w.u.T("Example: %s", ex))
	g.goalText.SetPlaceHolder(ex)
}

func (g *goalStep) refreshName() { g.planName.SetPlaceHolder(g.w.d.DefaultName()) }

func (g *goalStep) onName(s string) {
	for i := range g.people {
		if g.people[i].Label == s {
			g.pickPerson(&g.people[i].Employee)
			return
		}
	}
	g.w.d.SetPersonName(s)
	g.refreshName()
}

func (g *goalStep) onDepartment(s string) { g.w.d.SetDepartment(s) }

func (g *goalStep) onPosition(s string) { g.w.d.Plan.Person.Position = s }

func (g *goalStep) onStart(d app.Date) {
	g.w.d.SetCycle(d, g.w.d.Plan.Cycle.End)
	g.refreshName()
}

func (g *goalStep) onEnd(d app.Date) {
	g.w.d.SetCycle(g.w.d.Plan.Cycle.Start, d)
	g.refreshName()
}

func (g *goalStep) onFrequency(f app.Frequency) { g.w.d.Plan.Cycle.Frequency = f }

func (g *goalStep) onGoalType(name string) {
	for _, t := range g.types {
		if t.Name.In(g.w.u.tr.Lang()) == name {
			g.w.d.SetGoalType(t.ID)
		}
	}
	g.refreshExample()
}

func (g *goalStep) onGoalText(s string) {
	g.w.d.Plan.Goal.Text = s
	text := ""
	for i, h := range wizard.GoalHints(s) {
		if i > 0 {
			text += "\n"
		}
		text += g.w.u.tr.Msg(h)
	}
	if text == g.hints.Text && g.hints.Visible() == (text != "") {
		return
	}
	g.hints.SetText(text)
	if text == "" {
		g.hints.Hide()
	} else {
		g.hints.Show()
	}
	g.w.relayout()
}

func (g *goalStep) onUseExample() { g.goalText.SetText(g.exampleText()) }

func (g *goalStep) onPlanName(s string) { g.w.d.SetName(s) }

func (g *goalStep) invalid() bool { return g.form.invalid() }

func (g *goalStep) showProblems(errs []*app.FieldError) []*app.FieldError {
	g.form.arm()
	return g.form.showProblems("", errs)
}

// recheck updates the problems under the fields after an edit.
func (g *goalStep) recheck() { g.form.showProblems("", g.w.d.Problems(wizard.Goal)) }

func (g *goalStep) focus() { g.w.u.win.Canvas().Focus(g.nameBox) }
