package packet

import (
	"time"

	"kpiplanner/app"
)

// Side is one side of a conflict: ours (the plan as it is in this
// workspace) or theirs (the packet's).
type Side string

// The sides a conflict can be resolved to.
const (
	Ours   Side = "ours"
	Theirs Side = "theirs"
)

// Source is one packet of a merge, as the merge plan shows it.
type Source struct {
	File   string // the packet file
	Hash   string // its content's SHA-256
	Kind   Kind
	Maker  Maker
	MadeAt time.Time
	For    Recipient
	// AlreadyMerged is set when this very packet (same hash) was merged
	// into the workspace before: its plans are planned again, which changes
	// nothing that was taken then.
	AlreadyMerged bool
}

// Change is one field a packet changes cleanly: changed on its side since
// the base and not here. Path is an app.Diff path (kpis[k3].target,
// kpis[k3].actuals[2026-03].value, status…); Old is our value, New theirs,
// as history writes them.
type Change struct {
	Path     string
	Old, New string
}

// Conflict is one field changed on both sides since the base, to different
// values.
type Conflict struct {
	ID       int     // its index in MergePlan.Conflicts order, from 0; the key of Choices.Conflicts
	Packet   int     // index into MergePlan.Packets
	Plan     app.UID // the plan
	PlanName string
	Path     string
	Base     string // the value at the base
	Ours     string // our value
	Theirs   string // the packet's value
}

// Refusal is a change the packet's sender had no right to make (a target of
// an approved plan, an actual of a closed period…): listed, never applied.
type Refusal struct {
	Packet   int
	Plan     app.UID
	PlanName string
	Path     string
	Old, New string  // our value, the packet's value
	Why      app.Msg // why it is refused
}

// PlanMerge is what merging one packet does to one plan.
type PlanMerge struct {
	Packet int     // index into MergePlan.Packets
	UID    app.UID // the plan's uid
	Name   string  // the plan's name (ours, or theirs for a new plan)
	// New is set for a plan this workspace does not have: it is created as
	// the packet has it, and Changes is empty.
	New bool
	// OursRevision is the revision of our plan the merge was planned on; a
	// plan changed since then makes ApplyMerge refuse, so plan again.
	OursRevision uint64
	Theirs       *app.Plan // the packet's version, where the values come from
	// BaseFingerprint identifies the packet's own base of the plan, which
	// the merging side records (app.PacketBase.BaseOf); set by the caller.
	BaseFingerprint string
	Changes         []Change
	Conflicts       []Conflict
	Refusals        []Refusal
}

// MergePlan is what merging some packets would do, before anything is saved.
type MergePlan struct {
	Packets []Source
	Plans   []PlanMerge // in packet order, then in the packet's plan order
	// People and Units are the registry records the packets bring that this
	// workspace does not have (matched by uid, then by code); they are added.
	People []app.Employee
	Units  []app.OrgUnit
	// Templates are the template versions the packets bring that this
	// workspace does not have; they are saved as they are (same uid and
	// version).
	Templates []*app.Template
}

// Conflicts returns every conflict of m, in ID order.
func (m *MergePlan) Conflicts() []Conflict {
	var out []Conflict
	for i := range m.Plans {
		out = append(out, m.Plans[i].Conflicts...)
	}
	return out
}

// Counts returns how many plans m creates, how many clean changes it
// makes, and how many conflicts and refusals it lists.
func (m *MergePlan) Counts() (created, changes, conflicts, refusals int) {
	for i := range m.Plans {
		pm := &m.Plans[i]
		if pm.New {
			created++
		}
		changes += len(pm.Changes)
		conflicts += len(pm.Conflicts)
		refusals += len(pm.Refusals)
	}
	return created, changes, conflicts, refusals
}

// Choices resolves conflicts: Conflicts by Conflict.ID first, then Packets
// by packet index, then Default; a conflict left with no side is unresolved.
type Choices struct {
	Default   Side
	Packets   map[int]Side
	Conflicts map[int]Side
}

// Side returns the side chosen for c, or "" when none is.
func (ch Choices) Side(c Conflict) Side {
	if s, ok := ch.Conflicts[c.ID]; ok && s != "" {
		return s
	}
	if s, ok := ch.Packets[c.Packet]; ok && s != "" {
		return s
	}
	return ch.Default
}

// Unresolved returns the conflicts of m that ch leaves without a side.
func (ch Choices) Unresolved(m *MergePlan) []Conflict {
	var out []Conflict
	for _, c := range m.Conflicts() {
		if ch.Side(c) == "" {
			out = append(out, c)
		}
	}
	return out
}

// Judge says whether the maker of packet pk may make edit e to ours (the
// plan as it is here, with the changes planned so far): ok, or why not.
type Judge func(pk *Packet, ours *app.Plan, e app.Edit) (ok bool, why app.Msg)

// Allow is a Judge's ruling for one packet and plan: ok, or why not.
type Allow func(e app.Edit) (ok bool, why app.Msg)
