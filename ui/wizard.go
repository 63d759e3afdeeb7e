package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/wizard"
)

// wizardScreen walks a manager from a goal to a saved plan in six steps,
// saving the draft after every step.
type wizardScreen struct {
	u  *UI
	id app.PlanID // the draft being edited; 0 for a new one
	d  *wizard.Draft

	root     *fyne.Container // the whole screen (a loading label until the draft is read)
	stepBtns []*widget.Button
	heading  *widget.Label
	body     *fyne.Container // the current step's view
	message  *widget.Label   // why Next refused, or that the draft was saved
	back     *widget.Button
	next     *widget.Button
	bar      *fyne.Container // Back, the message and Next
	cur      wizardStep

	failed  bool                       // Next was refused: the message says why until the step is complete
	watched map[fyne.CanvasObject]bool // inputs whose changes call edited

	saving   bool // a draft save is running
	resave   bool // save again when it is done
	finished bool // Save was pressed while a draft save was running
}

// wizardMinHeight is the least height a step gets, so that its lists and
// forms stay usable in the smallest window.
const wizardMinHeight = 300

// wizardStep is the view of one step.
type wizardStep interface {
	view() fyne.CanvasObject
	// invalid reports whether a field holds text that does not parse.
	invalid() bool
	// showProblems shows the step's problems next to their fields and
	// returns those it has no place for.
	showProblems(errs []*app.FieldError) []*app.FieldError
	// focus puts the keyboard focus on the step's first field.
	focus()
}

// newPlan opens the wizard on a new draft.
func (u *UI) newPlan() {
	u.selectNav(navNew)
	w := &wizardScreen{u: u, d: wizard.New(u.lib, u.tr.Lang(), app.DateOf(time.Now()))}
	u.show(w)
	w.focus()
}

// resumeDraft opens the wizard on a saved draft, at the step it was left at.
func (u *UI) resumeDraft(id app.PlanID) {
	w := &wizardScreen{u: u, id: id}
	u.show(w)
	var p *app.Plan
	var step string
	u.async(func() error {
		var err error
		if p, err = u.ws.Plan(id); err != nil {
			return err
		}
		step, err = u.ws.Store().Setting(wizard.StepSetting(id))
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			u.openHome()
			return
		}
		w.d = wizard.Resume(p, u.lib, u.tr.Lang(), step)
		w.build()
		w.focus()
	})
}

func (w *wizardScreen) view() fyne.CanvasObject {
	if w.root == nil {
		w.root = container.NewStack(widget.NewLabel(w.u.T("Loading…")))
		if w.d != nil {
			w.build()
		}
	}
	return w.root
}

// build lays out the indicator, the step and the buttons once the draft is known.
func (w *wizardScreen) build() {
	u := w.u
	w.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.heading.Truncation = fyne.TextTruncateEllipsis
	w.stepBtns = nil
	for _, s := range wizard.Steps {
		b := widget.NewButton(fmt.Sprintf("%d %s", int(s)+1, u.tr.Msg(s.Title())), func() { w.onIndicator(s) })
		w.stepBtns = append(w.stepBtns, b)
	}
	indicator := container.New(wizShare{})
	for _, b := range w.stepBtns {
		indicator.Add(b)
	}
	w.message = widget.NewLabel("")
	w.message.Wrapping = fyne.TextWrapWord
	msg := cappedMessage(w.message, 2, true) // two lines, always: the buttons never move
	w.back = widget.NewButtonWithIcon(u.T("Back"), theme.NavigateBackIcon(), w.onBack)
	w.next = widget.NewButtonWithIcon(u.T("Next"), theme.NavigateNextIcon(), w.onNext)
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.next.Importance = widget.HighImportance
	w.body = container.NewStack()
	w.bar = container.NewBorder(nil, nil, container.NewCenter(w.back), container.NewCenter(w.next), msg)
	top := container.NewVBox(w.heading, indicator, widget.NewSeparator())
	body := container.New(wizWidth{height: wizardMinHeight}, w.body)
	w.root.Objects = []fyne.CanvasObject{container.NewBorder(top, container.NewVBox(widget.NewSeparator(), w.bar), nil, nil, body)}
	w.root.Refresh()
	w.showStep()
}

// showStep builds the current step's view from the draft and updates the
// indicator and the buttons.
func (w *wizardScreen) showStep() {
	u, s := w.u, w.d.Step()
	w.cur = w.newStep(s)
	w.body.Objects = []fyne.CanvasObject{w.cur.view()}
	w.body.Refresh()
	w.heading.SetText(u.T("New plan — step %d of %d: %s", int(s)+1, len(wizard.Steps), u.tr.Msg(s.Title())))
	for i, b := range w.stepBtns {
		st := wizard.Steps[i]
		b.Importance = widget.MediumImportance
		if st == s {
			b.Importance = widget.HighImportance
		}
		if w.d.CanGoTo(st) {
			b.Enable()
		} else {
			b.Disable()
		}
		b.Refresh()
	}
	if s == wizard.Goal {
		w.back.Disable()
	} else {
		w.back.Enable()
	}
	if s == wizard.Review {
		w.next.SetText(u.T("Save plan"))
		w.next.SetIcon(theme.DocumentSaveIcon())
	} else {
		w.next.SetText(u.T("Next"))
		w.next.SetIcon(theme.NavigateNextIcon())
	}
	w.bar.Refresh()
	w.setMessage("", widget.MediumImportance)
}

func (w *wizardScreen) newStep(s wizard.Step) wizardStep {
	switch s {
	case wizard.Goal:
		return newGoalStep(w)
	case wizard.KPIs:
		return newKPIsStep(w)
	case wizard.SMART:
		return newSmartStep(w)
	case wizard.Groups:
		return newGroupsStep(w)
	case wizard.Scoring:
		return newScoringStep(w)
	}
	return newReviewStep(w)
}

// relayout lays the current step out again after a part of it grew or
// shrank (an error line or a hint appeared). Twice, because a wrapped
// label's height depends on the width the first pass gives it.
func (w *wizardScreen) relayout() {
	if w.body != nil {
		w.body.Refresh()
		w.body.Refresh()
	}
}

func (w *wizardScreen) focus() {
	if w.cur != nil {
		w.cur.focus()
	}
}

func (w *wizardScreen) setMessage(text string, imp widget.Importance) {
	w.failed = imp == widget.DangerImportance
	w.message.Importance = imp
	w.message.SetText(text)
}

// watch makes a change of input call edited.
func (w *wizardScreen) watch(input fyne.CanvasObject) {
	if w.watched == nil {
		w.watched = map[fyne.CanvasObject]bool{}
	}
	if w.watched[input] {
		return
	}
	w.watched[input] = true
	chain := func(f func(string)) func(string) {
		return func(s string) {
			if f != nil {
				f(s)
			}
			w.edited()
		}
	}
	switch e := input.(type) {
	case *wizEntry:
		e.OnChanged = chain(e.OnChanged)
	case *keyEntry:
		e.OnChanged = chain(e.OnChanged)
	case *widget.Entry:
		e.OnChanged = chain(e.OnChanged)
	case *widget.SelectEntry:
		e.OnChanged = chain(e.OnChanged)
	case *widget.Select:
		e.OnChanged = chain(e.OnChanged)
	}
}

// rechecker is a step that shows its problems again after an edit.
type rechecker interface{ recheck() }

// edited clears the refusal message as soon as the step is complete, and
// lets the step update the problems it shows.
func (w *wizardScreen) edited() {
	if w.d == nil || w.cur == nil {
		return
	}
	if r, ok := w.cur.(rechecker); ok {
		r.recheck()
	}
	if w.failed && !w.cur.invalid() && len(w.d.Problems(w.d.Step())) == 0 {
		w.setMessage("", widget.MediumImportance)
	}
}

// refuse shows the step's problems in place and says in the message bar
// why Next was refused, naming only what no field shows.
func (w *wizardScreen) refuse(errs []*app.FieldError) {
	rest := w.cur.showProblems(errs)
	if len(rest) == 0 {
		w.setMessage(w.u.T("Correct the fields marked in red first."), widget.DangerImportance)
		return
	}
	texts := make([]string, len(rest))
	for i, e := range rest {
		texts[i] = w.problemText(e)
	}
	w.setMessage(w.u.T("Complete this step first: %s", strings.Join(texts, "; ")), widget.DangerImportance)
}

// onNext checks the step, saves the draft and moves on; on the review step
// it saves the plan.
func (w *wizardScreen) onNext() {
	if w.d.Step() == wizard.Review {
		w.onSave()
		return
	}
	if w.cur.invalid() {
		w.cur.showProblems(w.d.Problems(w.d.Step()))
		w.setMessage(w.u.T("Correct the fields marked in red first."), widget.DangerImportance)
		return
	}
	if errs := w.d.Next(); len(errs) > 0 {
		w.refuse(errs)
		return
	}
	w.saveDraft()
	w.showStep()
	w.focus()
}

func (w *wizardScreen) onBack() {
	w.d.Back()
	w.saveDraft()
	w.showStep()
	w.focus()
}

func (w *wizardScreen) onIndicator(s wizard.Step) {
	if s == w.d.Step() || !w.d.GoTo(s) {
		return
	}
	w.saveDraft()
	w.showStep()
	w.focus()
}

// save saves the draft as it is (Ctrl+S).
func (w *wizardScreen) save() {
	if w.d != nil {
		w.saveDraft()
		w.setMessage(w.u.T("Draft saved."), widget.SuccessImportance)
	}
}

// saveDraft stores a copy of the draft and its step in the background. One
// save runs at a time, so a new plan gets one id.
func (w *wizardScreen) saveDraft() {
	if w.saving {
		w.resave = true
		return
	}
	w.saving = true
	w.d.PrepareSave()
	c := w.d.Plan.Clone()
	step := w.d.Step().String()
	w.u.async(func() error {
		if err := w.u.ws.SaveDraft(c); err != nil {
			return err
		}
		return w.u.ws.Store().SetSetting(wizard.StepSetting(c.ID), step)
	}, func(err error) {
		w.saving = false
		if err != nil {
			w.u.showError(err)
			return
		}
		w.d.Plan.ID, w.id = c.ID, c.ID
		switch {
		case w.resave:
			w.resave = false
			w.saveDraft()
		case w.finished:
			w.finished = false
			w.onSave()
		}
	})
}

// onSave activates the plan, saves it and opens it.
func (w *wizardScreen) onSave() {
	u := w.u
	if w.saving {
		w.finished = true
		return
	}
	if err := w.d.Activate(); err != nil {
		w.cur.showProblems(nil)
		w.setMessage(u.T("The plan cannot be saved yet: %s", u.tr.Err(err)), widget.DangerImportance)
		return
	}
	c := w.d.Plan.Clone()
	w.next.Disable()
	u.async(func() error {
		if err := u.ws.Save(c); err != nil {
			return err
		}
		return u.ws.Store().SetSetting(wizard.StepSetting(c.ID), "")
	}, func(err error) {
		w.next.Enable()
		if err != nil {
			w.d.Reopen()
			u.showError(err)
			return
		}
		u.notify(u.T("Plan %s saved.", c.Name))
		u.openPlan(c.ID)
	})
}
