// Package wizard is the new-plan wizard's logic: a draft plan walked through
// six steps (goal, KPIs, SMART, groups, scoring & bonus, review), what each
// step needs before the next, live hints, sums and examples, and the final
// activation. The GUI shows it and holds no rules of its own.
//
// Resuming a draft: app.Plan has no field for the wizard's step, so the GUI
// stores the step of each draft in the setting StepSetting(id)
// ("wizard.step.<id>") whenever it saves the draft, and clears it when the
// plan is activated. Resume starts at that step, or at the first incomplete
// step when that comes earlier (the saved step cannot be trusted past a step
// that no longer validates); without a setting the step is derived from
// completeness alone.
package wizard

import (
	"fmt"
	"strings"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

// Step is one of the wizard's six steps.
type Step int

// The steps, in order.
const (
	Goal Step = iota
	KPIs
	SMART
	Groups
	Scoring
	Review
)

// Steps lists the steps in order.
var Steps = []Step{Goal, KPIs, SMART, Groups, Scoring, Review}

// stepNames are the stable names steps are stored under.
var stepNames = [...]string{"goal", "kpis", "smart", "groups", "scoring", "review"}

// stepTitles are the steps' titles, as translation keys.
var stepTitles = [...]app.Msg{app.M("Goal"), app.M("KPIs"), app.M("SMART"), app.M("Groups"),
	app.M("Scoring & bonus"), app.M("Review")}

// String returns the step's stable name ("goal", "kpis"…).
func (s Step) String() string {
	if s < Goal || s > Review {
		return fmt.Sprintf("step(%d)", int(s))
	}
	return stepNames[s]
}

// Title returns the step's title as a translatable message.
func (s Step) Title() app.Msg {
	if s < Goal || s > Review {
		return app.M(s.String())
	}
	return stepTitles[s]
}

// ParseStep reads a step stored with String.
func ParseStep(s string) (Step, bool) {
	for i, n := range stepNames {
		if n == s {
			return Step(i), true
		}
	}
	return 0, false
}

// StepSetting is the store setting that remembers the step of draft id.
func StepSetting(id app.PlanID) string { return fmt.Sprintf("wizard.step.%d", id) }

// Draft is a plan being written in the wizard, with the step shown.
type Draft struct {
	Plan     *app.Plan
	step     Step
	lib      *library.Library
	lang     string // the language KPIs taken from the library are named in
	autoName bool   // the plan's name follows DefaultName
}

// New returns a draft for a new plan: the quarter holding today as its
// cycle, monthly reviews, VND, the default rules, at the goal step. KPIs
// taken from lib are named in lang ("vi" or "en").
func New(lib *library.Library, lang string, today app.Date) *Draft {
	p := app.NewPlan()
	p.Cycle = QuarterOf(today)
	p.Cycle.Frequency = app.Monthly
	p.Person.Currency = DefaultCurrency
	return &Draft{Plan: p, lib: lib, lang: lang, autoName: true}
}

// DefaultCurrency is the currency of a new plan's bonus.
const DefaultCurrency = "VND"

// Resume returns a draft over a saved plan p, at the step saved in its
// StepSetting (saved; "" when unset) or the first incomplete step,
// whichever comes first.
func Resume(p *app.Plan, lib *library.Library, lang, saved string) *Draft {
	d := &Draft{Plan: p, lib: lib, lang: lang}
	d.autoName = p.Name == "" || p.Name == d.DefaultName()
	d.step = d.FirstIncomplete()
	if s, ok := ParseStep(saved); ok && s < d.step {
		d.step = s
	}
	return d
}

// QuarterOf returns the calendar quarter holding day as a cycle (with no
// frequency).
func QuarterOf(day app.Date) app.Cycle {
	t := day.Time()
	first := time.Month((int(t.Month())-1)/3*3 + 1)
	start := app.NewDate(t.Year(), first, 1)
	end := app.NewDate(t.Year(), first+3, 1).AddDays(-1)
	return app.Cycle{Start: start, End: end}
}

// Step returns the step shown.
func (d *Draft) Step() Step { return d.step }

// Next checks the current step and moves to the next one when it has no
// problems; it returns the problems otherwise. Rating bands and step bands
// are put in order first.
func (d *Draft) Next() []*app.FieldError {
	d.tidy()
	if errs := d.Problems(d.step); len(errs) > 0 {
		return errs
	}
	if d.step < Review {
		d.step++
	}
	return nil
}

// Back moves to the previous step.
func (d *Draft) Back() {
	if d.step > Goal {
		d.step--
	}
}

// CanGoTo reports whether the step indicator may jump to s: any step up to
// the current one, or a later one when every step before it is complete.
func (d *Draft) CanGoTo(s Step) bool {
	if s < Goal || s > Review {
		return false
	}
	return s <= d.step || d.FirstIncomplete() >= s
}

// GoTo jumps to s when CanGoTo allows it.
func (d *Draft) GoTo(s Step) bool {
	if !d.CanGoTo(s) {
		return false
	}
	d.tidy()
	d.step = s
	return true
}

// Complete reports whether step s has no problems.
func (d *Draft) Complete(s Step) bool { return len(d.Problems(s)) == 0 }

// FirstIncomplete returns the first step with problems, or Review when
// every step before it is complete.
func (d *Draft) FirstIncomplete() Step {
	for _, s := range Steps[:Review] {
		if !d.Complete(s) {
			return s
		}
	}
	return Review
}

// SetName sets the plan's name; an empty name makes it follow DefaultName.
func (d *Draft) SetName(name string) {
	name = strings.TrimSpace(name)
	d.autoName = name == ""
	d.Plan.Name = name
}

// AutoName reports whether the plan's name follows DefaultName.
func (d *Draft) AutoName() bool { return d.autoName }

// DefaultName returns the name a plan gets when none is typed: the person
// and the cycle, e.g. "Nguyễn Văn An — Q1 2026".
func (d *Draft) DefaultName() string {
	c := CycleName(d.Plan.Cycle)
	if n := strings.TrimSpace(d.Plan.Person.Name); n != "" {
		if c == "" {
			return n
		}
		return n + " — " + c
	}
	return c
}

// CycleName names a cycle the short way: "Q1 2026" for a calendar quarter,
// "2026" for a calendar year, "2026-03" for a month, else "start – end".
func CycleName(c app.Cycle) string {
	if c.Start.IsZero() || c.End.IsZero() {
		return ""
	}
	s := c.Start.Time()
	lastOf := func(months int) bool {
		return s.Day() == 1 && c.End == app.NewDate(s.Year(), s.Month()+time.Month(months), 1).AddDays(-1)
	}
	switch {
	case s.Month() == time.January && lastOf(12):
		return fmt.Sprint(s.Year())
	case (s.Month()-1)%3 == 0 && lastOf(3):
		return fmt.Sprintf("Q%d %d", (int(s.Month())-1)/3+1, s.Year())
	case lastOf(1):
		return fmt.Sprintf("%d-%02d", s.Year(), int(s.Month()))
	}
	return c.Start.String() + " – " + c.End.String()
}

// PrepareSave readies the plan to be stored as a draft: it names it when
// its name follows DefaultName.
func (d *Draft) PrepareSave() {
	if d.autoName {
		d.Plan.Name = d.DefaultName()
	}
}

// Activate hands the plan in (submitted, the first step of the review
// lifecycle) when no step has problems and the plan validates; otherwise it leaves it a draft and returns the problems as a
// *app.ValidationError.
func (d *Draft) Activate() error {
	d.tidy()
	d.PrepareSave()
	if errs := d.Problems(Review); len(errs) > 0 {
		return &app.ValidationError{Plan: d.Plan.Name, Fields: errs}
	}
	d.Plan.Status = app.Submitted
	if err := d.Plan.Validate(); err != nil {
		d.Plan.Status = app.Draft
		return err
	}
	return nil
}

// tidy puts rating bands (highest first) and step bands (lowest first) in
// the order validation wants.
func (d *Draft) tidy() {
	sortBands(d.Plan.Rules.Bands)
	for i := range d.Plan.KPIs {
		sortSteps(d.Plan.KPIs[i].Steps)
	}
}
