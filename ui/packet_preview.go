package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/packet"
)

// lineKind is what one line of the merge preview shows.
type lineKind int

const (
	linePacket   lineKind = iota // a packet, with its whole-packet choices
	linePlan                     // a plan, with its counts
	lineChange                   // a clean change
	lineConflict                 // a conflict, with its choice
	lineRefusal                  // a refused change, with why
)

// mergeLine is one line of the merge preview.
type mergeLine struct {
	kind     lineKind
	packet   int // index into MergePlan.Packets
	plan     *packet.PlanMerge
	change   packet.Change
	conflict packet.Conflict
	refusal  packet.Refusal
}

// mergePreview shows what merging packets would do, per packet and plan:
// the clean changes (was, now), the conflicts side by side with a choice
// each (and per packet), and the refused changes with why; nothing is saved
// until Apply.
type mergePreview struct {
	u       *UI
	m       *packet.MergePlan
	choices packet.Choices
	lines   []mergeLine
	names   map[string]map[string]string // KPI names by id, by plan uid
	list    *widget.List
	summary *widget.Label
	detail  *widget.Label // the selected line in full, however narrow its columns
	apply   *widget.Button
	root    fyne.CanvasObject
}

func newMergePreview(u *UI, m *packet.MergePlan) *mergePreview {
	p := &mergePreview{u: u, m: m, choices: packet.Choices{Packets: map[int]packet.Side{}, Conflicts: map[int]packet.Side{}}}
	p.names = map[string]map[string]string{}
	for i := range m.Plans {
		pm := &m.Plans[i]
		if pm.Theirs != nil {
			names := map[string]string{}
			for _, k := range pm.Theirs.KPIs {
				names[k.ID] = k.Name
			}
			p.names[string(pm.UID)] = names
		}
	}
	p.lines = previewLines(m)
	p.list = widget.NewList(func() int { return len(p.lines) }, func() fyne.CanvasObject { return newMergeRow(p) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*mergeRow).set(i, p.lines[i]) })
	p.list.OnSelected = p.onSelect
	p.detail = widget.NewLabel(u.T("Select a line to read it in full."))
	p.detail.Wrapping = fyne.TextWrapWord
	p.detail.Importance = widget.LowImportance
	p.summary = widget.NewLabel("")
	p.summary.Wrapping = fyne.TextWrapWord
	p.apply = widget.NewButtonWithIcon(u.T("Apply"), theme.ConfirmIcon(), p.onApply)
	p.apply.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(u.T("Cancel"), theme.CancelIcon(), p.onCancel)
	title := widget.NewLabelWithStyle(u.T("Collect packets: what would change"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	note := widget.NewLabel(u.T("Nothing is saved until you press Apply."))
	note.Importance = widget.LowImportance
	bottom := container.NewVBox(cappedMessage(p.detail, 2, true), widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewHBox(cancel, p.apply), p.summary))
	p.root = container.NewBorder(container.NewBorder(nil, nil, title, note), bottom, nil, nil, p.list)
	p.refreshSummary()
	return p
}

func (p *mergePreview) view() fyne.CanvasObject { return p.root }

// onSelect shows line i in full below the list.
func (p *mergePreview) onSelect(i widget.ListItemID) {
	texts, _ := p.lineTexts(p.lines[i])
	p.detail.SetText(joinNonEmpty(" · ", texts[:]...))
}

// previewLines lays m out: each packet, then each of its plans that changes
// something, with its changes, conflicts and refusals.
func previewLines(m *packet.MergePlan) []mergeLine {
	var out []mergeLine
	for i := range m.Packets {
		out = append(out, mergeLine{kind: linePacket, packet: i})
		for j := range m.Plans {
			pm := &m.Plans[j]
			if pm.Packet != i || !pm.New && len(pm.Changes)+len(pm.Conflicts)+len(pm.Refusals) == 0 {
				continue
			}
			out = append(out, mergeLine{kind: linePlan, packet: i, plan: pm})
			for _, c := range pm.Changes {
				out = append(out, mergeLine{kind: lineChange, packet: i, plan: pm, change: c})
			}
			for _, c := range pm.Conflicts {
				out = append(out, mergeLine{kind: lineConflict, packet: i, plan: pm, conflict: c})
			}
			for _, r := range pm.Refusals {
				out = append(out, mergeLine{kind: lineRefusal, packet: i, plan: pm, refusal: r})
			}
		}
	}
	return out
}

// choose resolves conflict c to side.
func (p *mergePreview) choose(c packet.Conflict, side packet.Side) {
	if p.choices.Side(c) == side {
		return
	}
	p.choices.Conflicts[c.ID] = side
	p.refreshSummary()
}

// chooseAll resolves every conflict of packet i to side.
func (p *mergePreview) chooseAll(i int, side packet.Side) {
	p.choices.Packets[i] = side
	for _, c := range p.m.Conflicts() {
		if c.Packet == i {
			delete(p.choices.Conflicts, c.ID)
		}
	}
	p.list.Refresh()
	p.refreshSummary()
}

// refreshSummary counts what Apply would do and what is left to choose.
func (p *mergePreview) refreshSummary() {
	u := p.u
	created, changes, conflicts, refusals := p.m.Counts()
	left := len(p.choices.Unresolved(p.m))
	text := u.T("%d packets: %d new plans, %d changes that merge cleanly, %d conflicts (%d without a choice), %d changes refused.",
		len(p.m.Packets), created, changes, conflicts, left, refusals)
	if len(p.m.People)+len(p.m.Units) > 0 {
		text += " " + u.T("%d people and %d units will be added to the registry.", len(p.m.People), len(p.m.Units))
	}
	p.summary.SetText(text)
}

// onCancel leaves the preview; nothing was saved.
func (p *mergePreview) onCancel() {
	p.u.openHome()
	p.u.notify(p.u.T("Nothing was merged."))
}
