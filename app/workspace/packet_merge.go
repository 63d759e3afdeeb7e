package workspace

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// settingMerged is the settings key prefix recording each packet merged
// (by content hash), so the same packet merged again is known as such.
const settingMerged = "packet.merged."

// PlanMerge plans the merge of packets into the workspace without changing
// anything: per plan the clean changes, the conflicts and the refusals
// (changes the lifecycle or a closed period forbids the maker of a return
// packet; a change of the person a plan belongs to, from any packet).
// People and units the packets bring are matched by uid, then by code;
// those the workspace lacks are listed to add. A packet merged before (the
// same hash) is listed AlreadyMerged and plans nothing. A return packet is
// merged against what the workspace merged last from the same workspace
// and base, else against the packet's base; a packet to managers against
// the base this workspace received before, else as it is.
func (w *Workspace) PlanMerge(packets ...*packet.Packet) (*packet.MergePlan, error) {
	mp, err := w.newMergePlanner()
	if err != nil {
		return nil, err
	}
	for _, pk := range packets {
		if err := mp.add(pk); err != nil {
			return nil, err
		}
	}
	return mp.plan(), nil
}

// mergePlanner is PlanMerge one packet at a time: what it reads of the
// workspace once, and the merge planned so far. Our plans are read per
// packet, only those it carries (and not left out as unchanged), and let
// go once the packet is planned: the merge keeps its own copy of those it
// changes.
type mergePlanner struct {
	w      *Workspace
	exists map[app.UID]bool      // the uids of our plans
	ours   map[app.UID]*app.Plan // our plans the packet being planned carries
	bases  map[app.UID]app.PacketBase
	reg    *adoption
	tpls   *packetTemplates
	g      *packet.Merger
	done   []packet.Source // packets merged before
}

func (w *Workspace) newMergePlanner() (*mergePlanner, error) {
	uids, err := w.store.PlanUIDs()
	if err != nil {
		return nil, fmt.Errorf("plan merge: %w", err)
	}
	exists := make(map[app.UID]bool, len(uids))
	for _, u := range uids {
		exists[u] = true
	}
	bases, err := w.PacketBases()
	if err != nil {
		return nil, fmt.Errorf("plan merge: %w", err)
	}
	reg, err := w.newAdoption()
	if err != nil {
		return nil, fmt.Errorf("plan merge: %w", err)
	}
	look, err := w.loadCloses()
	if err != nil {
		return nil, fmt.Errorf("plan merge: %w", err)
	}
	tpls, err := w.newPacketTemplates()
	if err != nil {
		return nil, fmt.Errorf("plan merge: %w", err)
	}
	mp := &mergePlanner{w: w, exists: exists, bases: bases, reg: reg, tpls: tpls}
	mp.g = packet.NewMerger(func(uid app.UID) *app.Plan { return mp.ours[uid] }, judge(look))
	return mp, nil
}

// add plans pk; pk is not kept (only the plans its merge lists).
func (mp *mergePlanner) add(pk *packet.Packet) error {
	if v, _ := mp.w.store.Setting(settingMerged + pk.Hash); v != "" && pk.Hash != "" {
		mp.done = append(mp.done, packet.Source{File: pk.File, Hash: pk.Hash, Kind: pk.Kind, Maker: pk.Maker,
			MadeAt: pk.MadeAt, For: pk.For, AlreadyMerged: true})
		return nil
	}
	if err := mp.tpls.add(pk); err != nil {
		return err
	}
	var uids []app.UID
	for _, it := range pk.Items {
		if mp.exists[it.Plan.UID] {
			uids = append(uids, it.Plan.UID)
		}
	}
	ours, err := mp.w.store.PlansByUID(uids)
	if err != nil {
		return fmt.Errorf("plan merge: %w", err)
	}
	mp.ours = ours
	mp.reg.add(pk)
	listed := mp.g.Add(prepare(pk, mp.reg, mp.bases))
	for i := range listed {
		listed[i].BaseFingerprint = baseKey(pk.Plan(listed[i].UID).Base)
	}
	mp.ours = nil
	return nil
}

// skip says whether a plan a return packet's maker left as its base can be
// left unread: we have it, and no base recorded here replaces the packet's
// (prepare), so the merge would change nothing.
func (mp *mergePlanner) skip(maker packet.Maker, uid app.UID) bool {
	if !mp.exists[uid] {
		return false
	}
	b, ok := mp.bases[uid]
	return !ok || b.BaseOf == "" || b.Workspace != maker.Workspace
}

// plan returns the merge planned.
func (mp *mergePlanner) plan() *packet.MergePlan {
	mp.reg.finish()
	m := mp.g.Plan()
	m.Packets = append(m.Packets, mp.done...)
	m.People, m.Units = mp.reg.newPeople, mp.reg.newUnits
	m.Templates = mp.tpls.toAdd
	return m
}

// baseKey is what a merge record remembers of the packet's base of a plan:
// its fingerprint, or "new" for a plan its maker made (no base).
func baseKey(base *app.Plan) string {
	if base == nil {
		return "new"
	}
	return packet.Fingerprint(base)
}

// prepare returns a copy of pk whose plans refer to this workspace's people
// (reg's uid mapping) and whose bases are the ones to merge against.
func prepare(pk *packet.Packet, reg *adoption, bases map[app.UID]app.PacketBase) *packet.Packet {
	cp := *pk
	cp.Items = make([]packet.Item, len(pk.Items))
	for i, it := range pk.Items {
		plan, base := it.Plan, it.Base
		if to := reg.person(plan.PersonUID); to != plan.PersonUID {
			plan = plan.Clone() // the packet's own plans stay as read
			plan.PersonUID = to
		}
		if b, ok := bases[plan.UID]; ok {
			switch {
			case pk.Kind == packet.ToManagers && b.BaseOf == "" && b.From != "":
				base = b.Base // what we received last time: HR's changes since then count
			case pk.Kind == packet.Return && b.BaseOf != "" && b.Workspace == pk.Maker.Workspace && b.BaseOf == baseKey(it.Base):
				base = b.Base // what we merged from them last time: only their changes since count
			}
		}
		if base != nil && reg.person(base.PersonUID) != base.PersonUID {
			base = base.Clone()
			base.PersonUID = reg.person(base.PersonUID)
		}
		cp.Items[i] = packet.Item{Plan: plan, Base: base}
	}
	return &cp
}

// judge rules on what a packet's maker may change: nobody may move a plan
// to another person; the maker of a return packet may only make the
// changes the plan's status here allows (no approved targets, nothing of a
// closed plan), no actual of a closed period, and only lifecycle steps. A
// packet to managers comes from HR, whose changes stand.
func judge(look closeLookup) packet.Judge {
	return func(pk *packet.Packet, ours *app.Plan, e app.Edit) (bool, app.Msg) {
		if e.Path == "person_uid" {
			return false, app.M("the plan belongs to another person here")
		}
		if pk.Kind != packet.Return {
			return true, app.Msg{}
		}
		if e.Path == "status" {
			return statusStep(ours, app.Status(e.New))
		}
		kind := kindOf(e.Path)
		if isActual(e.Path) && !isComment(e.Path) {
			if err := checkActual(ours, e.Path, "packet", look); err != nil {
				return false, msgOf(err)
			}
			kind = app.ChangeActuals
		}
		if !ours.Status.Allows(kind) {
			return false, app.M("the plan is %s here: its %s cannot change", ours.Status.Word(), kindWord(kind))
		}
		return true, app.Msg{}
	}
}

// statusStep allows a status change that is one lifecycle step from ours.
func statusStep(ours *app.Plan, to app.Status) (bool, app.Msg) {
	for _, a := range app.ActionsFrom(ours.Status) {
		if next, _ := ours.Status.Next(a); next == to {
			return true, app.Msg{}
		}
	}
	return false, app.M("a plan that is %s here cannot become %s in one step", ours.Status.Word(), to.Word())
}

func kindWord(c app.Change) app.Msg {
	switch c {
	case app.ChangeTerms:
		return app.M("terms")
	case app.ChangeText:
		return app.M("text")
	}
	return app.M("actuals")
}

// msgOf returns an error's translatable message.
func msgOf(err error) app.Msg {
	var m interface{ Message() app.Msg }
	if errors.As(err, &m) {
		return m.Message()
	}
	return app.Msg{Key: err.Error()}
}

// ApplyMerge lands m in one transaction: the people and units to add, new
// plans, the clean changes and the conflicts resolved by ch, with history
// entries naming the packet file and its maker and device (User, Device,
// Source "packet FILE"); each merged plan's packet base is recorded, and
// each packet as merged. It refuses, saving nothing, when a conflict has
// no side (an error wrapping ErrUnresolved) or a plan changed since m was
// planned (ErrPlanChanged).
func (w *Workspace) ApplyMerge(m *packet.MergePlan, ch packet.Choices) (*MergeResult, error) {
	if left := ch.Unresolved(m); len(left) > 0 {
		return nil, fmt.Errorf("%d conflict(s) have no side chosen, so nothing was saved: %w", len(left), ErrUnresolved)
	}
	me, dev := w.Identity()
	at := w.now()
	res := &MergeResult{}
	err := w.store.Update(func(tx app.Tx) error {
		*res = MergeResult{}
		if err := addRecords(tx, m, app.Who{User: me, Device: dev, Source: "packet"}, at, res); err != nil {
			return err
		}
		if err := saveTemplates(tx, m); err != nil {
			return err
		}
		a := applier{tx: tx, m: m, ch: ch, res: res, cur: map[app.UID]*app.Plan{}, created: map[app.UID]bool{}}
		a.reason = fmt.Sprintf("merged by %s on %s", me, dev)
		for i := range m.Plans {
			if err := a.plan(&m.Plans[i], at); err != nil {
				return err
			}
		}
		for _, s := range m.Packets {
			if !s.AlreadyMerged && s.Hash != "" {
				if err := tx.SetSetting(settingMerged+s.Hash, at.UTC().Format("2006-01-02T15:04:05Z")); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// applier applies a merge plan's plans inside one transaction.
type applier struct {
	tx      app.Tx
	m       *packet.MergePlan
	ch      packet.Choices
	res     *MergeResult
	reason  string
	cur     map[app.UID]*app.Plan // plans read or written so far
	created map[app.UID]bool
}

// plan applies one plan's merge and records its packet base.
func (a *applier) plan(pm *packet.PlanMerge, at time.Time) error {
	src := a.m.Packets[pm.Packet]
	who := app.Who{User: src.Maker.User, Device: src.Maker.Device, Source: "packet " + filepath.Base(src.File), Reason: a.reason}
	cur, err := a.current(pm)
	if err != nil {
		return err
	}
	if cur == nil {
		p := pm.Theirs.Clone()
		p.ID = 0
		if err := a.tx.SavePlan(p); err != nil {
			return err
		}
		a.cur[p.UID], a.created[p.UID] = p, true
		a.res.Created++
		if err := a.tx.AppendHistory(who.Entries(p.UID, at, []app.Edit{{Path: "plan", New: p.Name}})); err != nil {
			return err
		}
		return a.base(pm, src, at)
	}
	before := cur.Clone()
	if err := packet.Apply(cur, pm, a.ch); err != nil {
		return err
	}
	edits := app.Diff(before, cur)
	if len(edits) > 0 {
		cur.Revision = max(before.Revision, pm.Theirs.Revision) + 1
		cur.ApprovedOnce = cur.ApprovedOnce || cur.Status == app.Approved || cur.Status == app.Closed
		if err := a.tx.SavePlan(cur); err != nil {
			return err
		}
		if err := a.tx.AppendHistory(who.Entries(cur.UID, at, edits)); err != nil {
			return err
		}
		a.res.Updated++
		a.res.Changes += len(edits)
	}
	return a.base(pm, src, at)
}

// current returns our plan pm merges into (nil: to create), checking a
// stored plan is still at the revision the merge was planned on.
func (a *applier) current(pm *packet.PlanMerge) (*app.Plan, error) {
	if p := a.cur[pm.UID]; p != nil {
		return p, nil
	}
	p, err := a.tx.PlanByUID(pm.UID)
	switch {
	case errors.Is(err, app.ErrNotFound):
		if !pm.New {
			return nil, fmt.Errorf("plan %s was deleted since the merge was planned: %w", pm.Name, ErrPlanChanged)
		}
		return nil, nil
	case err != nil:
		return nil, err
	case pm.New || p.Revision != pm.OursRevision:
		return nil, fmt.Errorf("plan %s changed since the merge was planned (revision %d, planned on %d): plan the merge again: %w",
			p.Name, p.Revision, pm.OursRevision, ErrPlanChanged)
	}
	a.cur[pm.UID] = p
	return p, nil
}

// base records where the merged plan came from: for a packet to managers
// the version received, the base of the next return; for a return packet
// what was merged, against which base, for the next merge from the same
// workspace.
func (a *applier) base(pm *packet.PlanMerge, src packet.Source, at time.Time) error {
	b := app.PacketBase{Plan: pm.UID, From: src.Maker.User, Device: src.Maker.Device, Workspace: src.Maker.Workspace,
		File: filepath.Base(src.File), Hash: src.Hash, At: at.UTC(), Base: pm.Theirs.Clone()}
	if src.Kind == packet.Return {
		b.BaseOf = pm.BaseFingerprint
	}
	return a.tx.SavePacketBase(b)
}

// OpenPacket brings a packet's plans into the workspace (the manager's
// side) in one transaction: it is PlanMerge and ApplyMerge with every
// conflict keeping ours. Plans are matched by uid, never moved to another
// person; each is remembered as coming from the packet's maker, the
// received version kept as its base for the return (PacketBases); the
// people and units the plans refer to are added when missing. A plan with
// conflicts is listed in Kept with the merge plan, for a closer look.
func (w *Workspace) OpenPacket(pk *packet.Packet) (*OpenedPacket, *packet.MergePlan, error) {
	m, err := w.PlanMerge(pk)
	if err != nil {
		return nil, nil, err
	}
	res, err := w.ApplyMerge(m, packet.Choices{Default: packet.Ours})
	if err != nil {
		return nil, m, err
	}
	out := &OpenedPacket{From: pk.Maker, People: res.People, Units: res.Units}
	for i := range m.Plans {
		pm := &m.Plans[i]
		switch {
		case pm.New:
			out.Added = append(out.Added, pm.Theirs)
		case len(pm.Conflicts) > 0:
			out.Kept = append(out.Kept, pm.Theirs)
		case len(pm.Changes) > 0:
			out.Updated = append(out.Updated, pm.Theirs)
		}
	}
	return out, m, nil
}
