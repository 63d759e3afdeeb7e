package app

import "time"

// PacketBase records that a plan of this workspace travelled in a packet:
// from whom it came (or to whom it was returned) and its base, the version
// the next return packet carries so that the receiver's merge can tell who
// changed what. The store keeps one per plan uid.
type PacketBase struct {
	Plan UID // the plan's uid
	// From is who made the packet the plan came in; empty for a plan made
	// here and only returned.
	From      string
	Device    string // the maker's device
	Workspace UID    // the maker's workspace id
	File      string // the packet file's name
	Hash      string // the packet's content SHA-256
	// BaseOf is set on the side that merged a return packet: the
	// fingerprint (packet.Fingerprint) of the packet's base the plan was
	// merged against. A later packet from the same workspace with the same
	// base is merged against Base instead, so only what changed since counts.
	BaseOf string
	At     time.Time
	// Base is the plan as received, or as last returned.
	Base *Plan
}
