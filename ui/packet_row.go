package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// mergeRow is one line of the merge preview: three columns of text (or, for
// a packet, its whole-packet choices) and, for a conflict, its choice.
type mergeRow struct {
	widget.BaseWidget
	p       *mergePreview
	line    mergeLine
	cells   [3]*widget.Label
	ours    *widget.Button // keep ours for the whole packet
	theirs  *widget.Button // take theirs for the whole packet
	choice  *widget.RadioGroup
	refused *widget.Label
	content fyne.CanvasObject
	setting bool // set is putting the radio to the recorded choice
}

func newMergeRow(p *mergePreview) *mergeRow {
	u := p.u
	r := &mergeRow{p: p}
	for i := range r.cells {
		r.cells[i] = widget.NewLabel("")
		r.cells[i].Truncation = fyne.TextTruncateEllipsis
	}
	r.ours = widget.NewButton(u.T("Keep all ours"), func() { p.chooseAll(r.line.packet, packet.Ours) })
	r.theirs = widget.NewButton(u.T("Take all theirs"), func() { p.chooseAll(r.line.packet, packet.Theirs) })
	r.choice = widget.NewRadioGroup([]string{u.T("Keep ours"), u.T("Take theirs")}, r.onChoice)
	r.choice.Horizontal = true
	r.refused = widget.NewLabel(u.T("Refused"))
	r.refused.Importance = widget.DangerImportance
	whole := container.NewHBox(r.ours, r.theirs)
	w := max(r.choice.MinSize().Width, whole.MinSize().Width)
	right := container.NewGridWrap(fyne.NewSize(w, r.choice.MinSize().Height), container.NewStack(r.choice, r.refused, whole))
	r.content = container.NewBorder(nil, nil, nil, right, container.NewGridWithColumns(3, r.cells[0], r.cells[1], r.cells[2]))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer draws the row's content.
func (r *mergeRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// onChoice records the side picked for the row's conflict.
func (r *mergeRow) onChoice(label string) {
	if r.setting || r.line.kind != lineConflict || label == "" {
		return
	}
	side := packet.Ours
	if label == r.p.u.T("Take theirs") {
		side = packet.Theirs
	}
	r.p.choose(r.line.conflict, side)
}

// set shows line l (row i of the list).
func (r *mergeRow) set(_ int, l mergeLine) {
	r.line = l
	texts, bold := r.p.lineTexts(l)
	for i, c := range r.cells {
		c.TextStyle.Bold = bold
		c.SetText(texts[i])
		c.Refresh()
	}
	whole := l.kind == linePacket && r.p.conflictsOf(l.packet) > 0
	showIf(r.ours, whole)
	showIf(r.theirs, whole)
	showIf(r.refused, l.kind == lineRefusal)
	showIf(r.choice, l.kind == lineConflict)
	if l.kind == lineConflict {
		sel := ""
		switch r.p.choices.Side(l.conflict) {
		case packet.Ours:
			sel = r.p.u.T("Keep ours")
		case packet.Theirs:
			sel = r.p.u.T("Take theirs")
		}
		if r.choice.Selected != sel {
			r.setting = true
			r.choice.SetSelected(sel)
			r.setting = false
		}
	}
}

// showIf shows o when on, else hides it.
func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// lineTexts returns the three column texts of l, and whether they are bold.
func (p *mergePreview) lineTexts(l mergeLine) ([3]string, bool) {
	u := p.u
	switch l.kind {
	case linePacket:
		s := p.m.Packets[l.packet]
		made := u.T("from %s (%s), made %s", s.Maker.User, s.Maker.Device, u.tr.FormatDate(app.DateOf(s.MadeAt.Local())))
		if s.AlreadyMerged {
			made = u.T("%s; merged before", made)
		}
		return [3]string{filepath.Base(s.File), made, u.T("%d conflicts", p.conflictsOf(l.packet))}, true
	case linePlan:
		pm := l.plan
		if pm.New {
			return [3]string{pm.Name, u.T("a new plan"), u.T("added as the packet has it")}, true
		}
		return [3]string{pm.Name, u.T("%d changes, %d conflicts", len(pm.Changes), len(pm.Conflicts)), u.T("%d refused", len(pm.Refusals))}, true
	case lineChange:
		c := l.change
		return [3]string{p.what(l.plan, c.Path), u.T("was %s", p.value(c.Path, c.Old)), u.T("now %s", p.value(c.Path, c.New))}, false
	case lineConflict:
		c := l.conflict
		field := u.T("%s (both started from %s)", p.what(l.plan, c.Path), p.value(c.Path, c.Base))
		return [3]string{field, u.T("ours: %s", p.value(c.Path, c.Ours)), u.T("theirs: %s", p.value(c.Path, c.Theirs))}, false
	}
	r := l.refusal
	return [3]string{p.what(l.plan, r.Path), u.T("was %s, the packet has %s", p.value(r.Path, r.Old), p.value(r.Path, r.New)), u.tr.Msg(r.Why)}, false
}

// conflictsOf counts the conflicts of packet i.
func (p *mergePreview) conflictsOf(i int) int {
	n := 0
	for j := range p.m.Plans {
		if p.m.Plans[j].Packet == i {
			n += len(p.m.Plans[j].Conflicts)
		}
	}
	return n
}

// what names the field at path of plan pm in words.
func (p *mergePreview) what(pm *packet.PlanMerge, path string) string {
	return p.u.historyWhat(path, p.names[string(pm.UID)])
}

// value writes a value at path the user's way, "(none)" when empty.
func (p *mergePreview) value(path, v string) string {
	if v == "" {
		return p.u.T("(none)")
	}
	return p.u.historyValue(path, v)
}
