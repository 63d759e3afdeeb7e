package ui

import (
	"errors"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// simDelay is how long the simulator waits after the last keystroke before it recomputes.
const simDelay = 250 * time.Millisecond

// simTab is the what-if simulator: bands, multipliers, group weights and the
// pool changed in the form give the new cost, ratings, totals and the
// biggest winners and losers at once; nothing is saved until Apply.
type simTab struct {
	s     *bonusScreen
	stale bool

	mu      sync.Mutex // guards sim, which is not safe for concurrent use
	sim     *bonus.Simulator
	policy  bonus.Policy
	bands   []app.Band // the plans' bands, highest first, as they are
	groups  [3]float64 // the group weights as they are
	base    map[*keyEntry]string
	seq     int  // the last change scheduled; older results are dropped
	filling bool // the form is being filled: no change to run
	timer   *time.Timer
	sc      bonus.Scenario // the scenario shown
	out     bonus.Outcome

	mins, mults []*keyEntry
	weights     [3]*keyEntry
	pool        *keyEntry
	bandBox     *fyne.Container
	cost        *widget.Label
	problem     *widget.Label
	ratings     *distRow
	totals      *distRow
	winners     *widget.Label
	losers      *widget.Label
	apply       *widget.Button
	reset       *widget.Button
	root        fyne.CanvasObject
}

func newSimTab(s *bonusScreen) *simTab {
	u := s.u
	t := &simTab{s: s, stale: true, base: map[*keyEntry]string{}}
	for i := range t.weights {
		t.weights[i] = t.entry()
	}
	t.pool = t.entry()
	t.bandBox = container.NewGridWithColumns(3)
	t.cost = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.cost.Wrapping = fyne.TextWrapWord
	t.problem = widget.NewLabel("")
	t.problem.Importance = widget.DangerImportance
	t.problem.Wrapping = fyne.TextWrapWord
	t.ratings, t.totals = newDistRow(), newDistRow()
	t.winners, t.losers = widget.NewLabel(""), widget.NewLabel("")
	t.apply = widget.NewButtonWithIcon(u.T("Apply…"), theme.ConfirmIcon(), t.onApply)
	t.apply.Importance = widget.HighImportance
	t.reset = widget.NewButtonWithIcon(u.T("Reset"), theme.ContentUndoIcon(), t.onReset)
	groups := container.New(layout.NewFormLayout(),
		widget.NewLabel(u.T("Group weights")), container.NewGridWithColumns(3,
			container.NewBorder(nil, nil, widget.NewLabel("A"), nil, t.weights[0]),
			container.NewBorder(nil, nil, widget.NewLabel("B"), nil, t.weights[1]),
			container.NewBorder(nil, nil, widget.NewLabel("C"), nil, t.weights[2])),
		widget.NewLabel(u.T("Pool")), t.pool)
	controls := container.NewGridWithColumns(2,
		container.NewVBox(widget.NewLabelWithStyle(u.T("Bands: name, minimum, multiplier"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), t.bandBox),
		container.NewVBox(groups, container.NewHBox(t.apply, t.reset), t.cost, t.problem))
	charts := container.NewGridWithColumns(2,
		container.NewVBox(widget.NewLabel(u.T("Ratings")), t.ratings),
		container.NewVBox(widget.NewLabel(u.T("Totals (scores)")), t.totals))
	lists := container.NewGridWithColumns(2,
		container.NewBorder(widget.NewLabelWithStyle(u.T("Biggest winners"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, container.NewVScroll(t.winners)),
		container.NewBorder(widget.NewLabelWithStyle(u.T("Biggest losers"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, container.NewVScroll(t.losers)))
	t.root = container.NewBorder(container.NewVBox(controls, charts), nil, nil, nil, lists)
	return t
}

// entry is a number field that recomputes the outcome as it changes.
func (t *simTab) entry() *keyEntry {
	e := newKeyEntry()
	e.OnChanged = func(string) { t.changed() }
	return e
}

// simLoad is what the simulator reads when it opens.
type simLoad struct {
	policy bonus.Policy
	sim    *bonus.Simulator
	in     []bonus.Input
	out    bonus.Outcome
}

// load prepares the simulator over the scope's people as they are today.
func (t *simTab) load() {
	c, unit, ok := t.s.scope()
	if !ok {
		return
	}
	t.stale = false
	u := t.s.u
	var l simLoad
	u.async(func() (err error) {
		if l.policy, err = u.ws.BonusPolicy(c); err != nil {
			return err
		}
		if l.in, err = u.ws.BonusInputs(c, l.policy, unit); err != nil {
			return err
		}
		l.sim = bonus.NewSimulator(l.in, l.policy, 10)
		l.out = l.sim.Run(bonus.Scenario{})
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		t.mu.Lock()
		t.sim, t.policy = l.sim, l.policy
		t.mu.Unlock()
		t.bands = boardBands(l.in)
		reverseBands(t.bands) // highest first, as plans keep them
		if len(l.in) > 0 {
			t.groups = l.in[0].Weights
		}
		t.fill()
		t.show(bonus.Scenario{}, l.out)
	})
}

// reverseBands reverses bands in place.
func reverseBands(b []app.Band) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

// fill shows the rules as they are in the form, which then holds no change.
func (t *simTab) fill() {
	u := t.s.u
	t.mins, t.mults = nil, nil
	t.bandBox.Objects = nil
	for _, b := range t.bands {
		mn, mu := t.entry(), t.entry()
		t.mins, t.mults = append(t.mins, mn), append(t.mults, mu)
		t.bandBox.Objects = append(t.bandBox.Objects, widget.NewLabel(u.T(b.Name)), mn, mu)
	}
	t.bandBox.Refresh()
	t.filling = true // the texts set below are not changes
	set := func(e *keyEntry, x float64) {
		text := u.tr.FormatNumber(x, -1)
		t.base[e] = text
		e.SetText(text)
	}
	for i, b := range t.bands {
		set(t.mins[i], b.Min)
		set(t.mults[i], b.Multiplier)
	}
	for i, e := range t.weights {
		set(e, t.groups[i])
	}
	set(t.pool, t.policy.Pool)
	t.filling = false
}

// changed schedules a recompute after the typing pauses (at once in Sync mode).
func (t *simTab) changed() {
	if t.sim == nil || t.filling {
		return
	}
	t.seq++
	seq := t.seq
	if t.s.u.opts.Sync {
		t.recompute(seq)
		return
	}
	if t.timer != nil {
		t.timer.Stop()
	}
	t.timer = time.AfterFunc(simDelay, func() { fyne.Do(func() { t.recompute(seq) }) })
}

// recompute runs the form's scenario off the UI goroutine and shows it unless a newer change came.
func (t *simTab) recompute(seq int) {
	if seq != t.seq {
		return
	}
	sc, err := t.scenario()
	if err != nil {
		t.problem.SetText(err.Error())
		return
	}
	t.problem.SetText("")
	var out bonus.Outcome
	t.s.u.async(func() error {
		t.mu.Lock()
		defer t.mu.Unlock()
		out = t.sim.Run(sc)
		return nil
	}, func(error) {
		if seq == t.seq {
			t.show(sc, out)
		}
	})
}

// scenario reads the form: only what differs from the rules as they are is changed.
func (t *simTab) scenario() (bonus.Scenario, error) {
	u := t.s.u
	var sc bonus.Scenario
	var bad []string
	num := func(name string, e *keyEntry) float64 {
		x, err := u.tr.ParseNumber(e.Text)
		if err != nil {
			bad = append(bad, u.T("%s: %s", name, u.tr.Err(err)))
		}
		return x
	}
	if t.edited(append(append([]*keyEntry(nil), t.mins...), t.mults...)...) {
		sc.Bands = make([]app.Band, len(t.bands))
		for i, b := range t.bands {
			sc.Bands[i] = app.Band{Name: b.Name, Min: num(u.T(b.Name), t.mins[i]), Multiplier: num(u.T(b.Name), t.mults[i])}
		}
	}
	if t.edited(t.weights[:]...) {
		sc.GroupWeights = map[app.Group]float64{}
		for i, g := range app.Groups {
			sc.GroupWeights[g] = num(u.T("Group %s", string(g)), t.weights[i])
		}
	}
	if t.edited(t.pool) {
		p := num(u.T("Pool"), t.pool)
		sc.Pool = &p
	}
	if len(bad) > 0 {
		return sc, errors.New(strings.Join(bad, "; "))
	}
	return sc, nil
}

// edited reports whether any of es differs from the rules as they are.
func (t *simTab) edited(es ...*keyEntry) bool {
	for _, e := range es {
		if e.Text != t.base[e] {
			return true
		}
	}
	return false
}
