// Package packet is the manager packet: one self-describing file (.kpip,
// format "kpiplanner/packet@1", docs/packet-format.md) that carries plans
// between workspaces, with the base of each plan (the plan as its receiver
// got it) so that a later merge can tell who changed what; and the pure
// three-way merge planning of returned packets (merge.go). Reading and
// writing the files themselves is the caller's: Read and Write work on
// readers and writers.
package packet

import (
	"time"

	"kpiplanner/app"
)

// Format is the value of the "format" field of every packet this version
// writes and the only one it reads.
const Format = "kpiplanner/packet@1"

// Ext is the file name extension of packets.
const Ext = ".kpip"

// Kind says which way a packet travels.
type Kind string

// The packet kinds.
const (
	// ToManagers is a packet HR sends out: plans for a unit head or a person.
	ToManagers Kind = "to-managers"
	// Return is a packet sent back: the plans received, as edited, plus the
	// sender's own plans.
	Return Kind = "return"
)

// Maker is who made a packet, on which device, in which workspace.
type Maker struct {
	User      string
	Device    string
	Workspace app.UID // the maker's workspace id (workspace.WorkspaceID)
}

// Recipient is whom a packet is for: the head of a unit, or chosen people.
type Recipient struct {
	Unit   string   // the unit's code, for a packet to its head; "" otherwise
	People []string // employee codes: the unit head, or the chosen person
	Name   string   // the recipient's name as shown, e.g. the head's name
}

// Item is one plan a packet carries, with its base.
type Item struct {
	Plan *app.Plan // the plan as the maker has it (uid and revision included)
	// Base is the plan as the maker received it (from the packet it came
	// in, or as it was last returned); nil when the plan was made by the
	// maker and never sent. A packet to managers carries each plan as its
	// own base.
	Base *app.Plan
}

// Packet is the content of a packet file.
type Packet struct {
	Kind   Kind
	Maker  Maker
	MadeAt time.Time // UTC, to the second
	For    Recipient
	Items  []Item
	People []app.Employee // the people the plans refer to
	Units  []app.OrgUnit  // the units those people belong to, with their parents
	// Templates are the template versions (uid and version) the carried
	// plans were made from, so their receiver sees the plans' overrides.
	Templates []*app.Template
	// Hash is the hex SHA-256 of the packet's content as written: set by
	// Write and checked and set by Read.
	Hash string
	// Unchanged counts the plans ReadOptions.Skip left out of Items (their
	// maker left them as their bases).
	Unchanged int
	// File is the file the packet was read from, for messages and history;
	// set by the caller that reads it.
	File string
}

// Plan returns the item of the plan with the given uid, or nil.
func (p *Packet) Plan(uid app.UID) *Item {
	for i := range p.Items {
		if p.Items[i].Plan.UID == uid {
			return &p.Items[i]
		}
	}
	return nil
}
