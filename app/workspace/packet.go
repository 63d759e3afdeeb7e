package workspace

import (
	"errors"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/app/progress"
)

// SettingWorkspaceID is the settings key of the workspace's own random id,
// made once (WorkspaceID) and written into every packet it makes.
const SettingWorkspaceID = "workspace.uid"

// WorkspaceID returns the workspace's id, creating and saving it the first
// time it is asked for.
func (w *Workspace) WorkspaceID() (app.UID, error) {
	id, err := w.store.Setting(SettingWorkspaceID)
	if err != nil {
		return "", err
	}
	if uid, err := app.ParseUID(strings.TrimSpace(id)); err == nil {
		return uid, nil
	}
	uid := app.NewUID()
	if err := w.store.Update(func(tx app.Tx) error { return tx.SetSetting(SettingWorkspaceID, string(uid)) }); err != nil {
		return "", err
	}
	return uid, nil
}

// PacketSelection is whom ExportPackets makes packets for: one packet per
// unit (to its head) for Units, one per person for People; codes as the
// registry has them.
type PacketSelection struct {
	Units  []string // unit codes: each packet carries the plans of the unit and its sub-units, its head's own plans left out
	People []string // employee codes: each packet carries that person's own plans
}

// PacketOptions tune the writing of packets.
type PacketOptions struct {
	Password string        // encrypts the packets when set
	Progress progress.Func // told how many packets have been written; may be nil
}

// WrittenPacket is one packet file written.
type WrittenPacket struct {
	Path  string
	For   packet.Recipient
	Plans int // how many plans it carries
}

// OpenedPacket is what opening a packet did.
type OpenedPacket struct {
	From    packet.Maker
	Added   []*app.Plan // plans new to the workspace
	Updated []*app.Plan // plans received before: the packet's changes taken
	// Kept are plans changed both here and in the packet: the packet's
	// other changes are taken, the conflicting fields keep ours; the merge
	// plan OpenPacket returns lists them.
	Kept   []*app.Plan
	People int // people added to the registry
	Units  int // units added to the registry
}

// MergeResult is what applying a merge did.
type MergeResult struct {
	Created int // plans created
	Updated int // plans changed
	Changes int // fields changed (history entries written)
	People  int // people added to the registry
	Units   int // units added to the registry
}

// ErrUnresolved is the error of ApplyMerge when conflicts are left without
// a side; nothing is saved.
var ErrUnresolved = packet.ErrUnresolved

// ErrPlanChanged is the error of ApplyMerge when a plan changed since the
// merge was planned; nothing is saved: plan the merge again.
var ErrPlanChanged = errors.New("a plan changed since the merge was planned")
