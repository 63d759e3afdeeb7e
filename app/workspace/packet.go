package workspace

import (
	"context"
	"errors"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/packet"
	"kpiplanner/app/progress"
)

// SettingWorkspaceID is the settings key of the workspace's own random id,
// made once (WorkspaceID) and written into every packet it makes.
const SettingWorkspaceID = "workspace.uid"

// errNotYet marks what is declared but not written yet.
var errNotYet = errors.New("workspace: packets not yet implemented")

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

// ExportPackets writes one packet per unit head or chosen person into dir
// (file names from the unit or person code), through docs, and returns the
// files written. Every code must be known and every unit must have a head;
// nothing is written otherwise. The plans are carried with themselves as
// their base.
func (w *Workspace) ExportPackets(ctx context.Context, docs files.Documents, sel PacketSelection, dir string, o PacketOptions) ([]WrittenPacket, error) {
	return nil, errNotYet
}

// ReadPacket reads and checks the packet file at path through docs (see
// packet.Read for the errors of a refused file) and sets its File.
func ReadPacket(docs files.Documents, path, password string) (*packet.Packet, error) {
	return nil, errNotYet
}

// OpenedPacket is what opening a packet did.
type OpenedPacket struct {
	From    packet.Maker
	Added   []*app.Plan // plans new to the workspace
	Updated []*app.Plan // plans received before and not changed here since: replaced by the packet's version
	// Kept are plans received before and changed here since: left as they
	// are; merge the packet (PlanMerge) to take its changes.
	Kept   []*app.Plan
	People int // people added to the registry
	Units  int // units added to the registry
}

// OpenPacket brings a packet's plans into the workspace (the manager's
// side), in one transaction: plans matched by uid, never replacing a plan
// of another person (refused); each plan remembered as coming from the
// packet's maker, with the received version kept as its base for the
// return (PacketBases); the people and units the plans refer to added to
// the registry when missing.
func (w *Workspace) OpenPacket(p *packet.Packet) (*OpenedPacket, error) {
	return nil, errNotYet
}

// PacketBases returns, by plan uid, where each plan that travelled in a
// packet came from: the GUI marks those plans "from <From>".
func (w *Workspace) PacketBases() (map[app.UID]app.PacketBase, error) {
	return nil, errNotYet
}

// ReturnPacket writes the return packet to path through docs: every plan
// received in a packet, as it is now, with its base, plus the workspace's
// own plans (with the version last returned as their base, or none). The
// versions written become the plans' new bases, so a second return builds
// on the first.
func (w *Workspace) ReturnPacket(docs files.Documents, path string, o PacketOptions) (*WrittenPacket, error) {
	return nil, errNotYet
}

// PlanMerge plans the merge of packets into the workspace (HR's side)
// without changing anything: per plan the clean changes, the conflicts and
// the refusals (changes the lifecycle or a closed period forbids).
func (w *Workspace) PlanMerge(packets ...*packet.Packet) (*packet.MergePlan, error) {
	return nil, errNotYet
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
var ErrUnresolved = errors.New("unresolved conflicts")

// ApplyMerge lands m in one transaction: the clean changes, the conflicts
// resolved by ch, new plans and registry records, with history entries
// naming the packet file, its maker and device. It refuses (an error
// wrapping ErrUnresolved) when a conflict has no side, and when a plan
// changed since m was planned; then nothing is saved.
func (w *Workspace) ApplyMerge(m *packet.MergePlan, ch packet.Choices) (*MergeResult, error) {
	return nil, errNotYet
}
