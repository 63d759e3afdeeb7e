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
	At        time.Time
	// Base is the plan as received, or as last returned.
	Base *Plan
}
