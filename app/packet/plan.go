package packet

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
)

// Merge plans the merge of packets into plans held here: ours returns our
// version of a plan by uid (nil when there is none), judge rules on each
// clean change and each conflict's theirs side (nil: everything allowed).
// Packets are planned in order, each against ours with the clean changes of
// the earlier ones, so non-conflicting packets give the same result in any
// order. Plans a packet leaves as they are here are not listed. It is pure:
// nothing is read or written.
func Merge(packets []*Packet, ours func(app.UID) *app.Plan, judge Judge) *MergePlan {
	g := NewMerger(ours, judge)
	for _, pk := range packets {
		g.Add(pk)
	}
	return g.Plan()
}

// Merger plans a merge one packet at a time, so that a packet can be
// dropped once it is planned: Merge is NewMerger, Add of each packet in
// order, then Plan.
type Merger struct {
	m       *MergePlan
	virtual map[app.UID]*app.Plan
	ours    func(app.UID) *app.Plan
	judge   Judge
}

// NewMerger returns a Merger planning into ours with judge, as Merge does.
func NewMerger(ours func(app.UID) *app.Plan, judge Judge) *Merger {
	return &Merger{m: &MergePlan{}, virtual: map[app.UID]*app.Plan{}, ours: ours, judge: judge}
}

// Add plans pk against ours with the clean changes of the packets added
// before, and returns the plans it lists (the merge plan's last ones; the
// caller may fill in their BaseFingerprint).
func (g *Merger) Add(pk *Packet) []PlanMerge {
	pi, first := len(g.m.Packets), len(g.m.Plans)
	g.m.Packets = append(g.m.Packets, Source{File: pk.File, Hash: pk.Hash, Kind: pk.Kind, Maker: pk.Maker, MadeAt: pk.MadeAt, For: pk.For})
	for _, it := range pk.Items {
		pm := planOne(pk, pi, it, g.virtual, g.ours, g.judge)
		if pm.New || len(pm.Changes)+len(pm.Conflicts)+len(pm.Refusals) > 0 {
			g.m.Plans = append(g.m.Plans, pm)
		}
	}
	return g.m.Plans[first:]
}

// Plan numbers the conflicts and returns the merge plan of the packets
// added.
func (g *Merger) Plan() *MergePlan {
	m := g.m
	id := 0
	for i := range m.Plans {
		for j := range m.Plans[i].Conflicts {
			m.Plans[i].Conflicts[j].ID = id
			id++
		}
	}
	return m
}

// planOne plans one item of packet pi against our current version of its
// plan, which it then moves on by the clean changes.
func planOne(pk *Packet, pi int, it Item, virtual map[app.UID]*app.Plan, ours func(app.UID) *app.Plan, judge Judge) PlanMerge {
	uid := it.Plan.UID
	pm := PlanMerge{Packet: pi, UID: uid, Theirs: it.Plan, Name: it.Plan.Name}
	cur, own := virtual[uid], true
	if cur == nil {
		cur, own = ours(uid), false // cloned only when a change is to be made to it
	}
	if cur == nil {
		pm.New = true
		virtual[uid] = it.Plan.Clone()
		return pm
	}
	pm.Name, pm.OursRevision = cur.Name, cur.Revision
	var allow Allow
	if judge != nil {
		allow = func(e app.Edit) (bool, app.Msg) { return judge(pk, cur, e) }
	}
	pm.Changes, pm.Conflicts, pm.Refusals = MergeOne(it.Base, cur, it.Plan, allow)
	if len(pm.Changes) > 0 && !own {
		cur = cur.Clone()
		virtual[uid] = cur
	}
	var kept []Change
	for _, c := range pm.Changes {
		if err := app.Patch(cur, it.Plan, c.Path); err != nil {
			pm.Refusals = append(pm.Refusals, Refusal{Path: c.Path, Old: c.Old, New: c.New, Why: app.M("it cannot be applied: %v", err)})
			continue
		}
		kept = append(kept, c)
	}
	pm.Changes = kept
	for i := range pm.Conflicts {
		pm.Conflicts[i].Packet, pm.Conflicts[i].Plan, pm.Conflicts[i].PlanName = pi, uid, pm.Name
	}
	for i := range pm.Refusals {
		pm.Refusals[i].Packet, pm.Refusals[i].Plan, pm.Refusals[i].PlanName = pi, uid, pm.Name
	}
	return pm
}

// MergeOne plans the three-way merge of one plan: base (nil: none), ours
// (must not be nil) and theirs, returning the clean changes, conflicts
// (without ID, Packet and Plan) and refusals; allow rules on each clean
// change and each conflict's theirs side, and may be nil (everything allowed). A KPI added or removed whole on one side and changed on the
// other is one conflict about the whole KPI (kpis[k3]).
func MergeOne(base, ours, theirs *app.Plan, allow Allow) ([]Change, []Conflict, []Refusal) {
	mine := indexEdits(app.Diff(base, ours))
	var (
		changes   []Change
		conflicts []Conflict
		refusals  []Refusal
		wholeDone = map[string]bool{}
	)
	allowed := func(e app.Edit) bool {
		if allow == nil {
			return true
		}
		ok, why := allow(e)
		if !ok {
			refusals = append(refusals, Refusal{Path: e.Path, Old: e.Old, New: e.New, Why: why})
		}
		return ok
	}
	for _, e := range app.Diff(base, theirs) {
		id := app.KPIOf(e.Path)
		whole := id != "" && e.Path == kpiPath(id)
		if id != "" && (whole && mine.touched[id] || mine.whole[id]) {
			if !wholeDone[id] {
				wholeDone[id] = true
				conflicts = append(conflicts, wholeConflict(base, ours, theirs, id, allowed)...)
			}
			continue
		}
		if o, ok := mine.at[e.Path]; ok {
			if !sameValue(o.New, e.New) && allowed(app.Edit{Path: e.Path, Old: o.New, New: e.New}) {
				conflicts = append(conflicts, Conflict{Path: e.Path, Base: e.Old, Ours: o.New, Theirs: e.New})
			}
			continue
		}
		if allowed(e) {
			changes = append(changes, Change(e))
		}
	}
	return changes, conflicts, refusals
}

// sameValue reports whether two sides' texts of a field mean the same: equal,
// or one absent and the other zero — a field of an element one side cleared
// and the other kept reads "0", and taking the clearing side leaves it 0.
func sameValue(a, b string) bool {
	return a == b || a == "" && b == "0" || a == "0" && b == ""
}

// wholeConflict is the conflict about KPI id as a whole (added or removed
// on one side, changed on the other), unless both sides have it alike or
// the change is not allowed.
func wholeConflict(base, ours, theirs *app.Plan, id string, allowed func(app.Edit) bool) []Conflict {
	if sameKPI(ours, theirs, id) {
		return nil
	}
	w := app.Edit{Path: kpiPath(id), Old: kpiName(base, id), New: kpiName(theirs, id)}
	if !allowed(w) {
		return nil
	}
	return []Conflict{{Path: w.Path, Base: w.Old, Ours: kpiName(ours, id), Theirs: w.New}}
}

// edits indexes our side's edits: by path, and by KPI (touched: any path of
// the KPI; whole: the KPI added or removed).
type edits struct {
	at      map[string]app.Edit
	touched map[string]bool
	whole   map[string]bool
}

func indexEdits(es []app.Edit) edits {
	x := edits{at: make(map[string]app.Edit, len(es)), touched: map[string]bool{}, whole: map[string]bool{}}
	for _, e := range es {
		x.at[e.Path] = e
		if id := app.KPIOf(e.Path); id != "" {
			x.touched[id] = true
			if e.Path == kpiPath(id) {
				x.whole[id] = true
			}
		}
	}
	return x
}

func kpiPath(id string) string { return "kpis[" + id + "]" }

// kpiName is how a conflict about a whole KPI shows a side: the KPI's name,
// "" when the side has no such KPI.
func kpiName(p *app.Plan, id string) string {
	if p == nil {
		return ""
	}
	if k := p.KPI(id); k != nil {
		return k.Name
	}
	return ""
}

// sameKPI reports whether a and b have the same KPI id, field for field
// (or both lack it).
func sameKPI(a, b *app.Plan, id string) bool {
	ka, kb := a.KPI(id), b.KPI(id)
	if ka == nil || kb == nil {
		return ka == nil && kb == nil
	}
	pa := &app.Plan{Cycle: b.Cycle, KPIs: []app.KPI{*ka}}
	pb := &app.Plan{Cycle: b.Cycle, KPIs: []app.KPI{*kb}}
	return len(app.Diff(pa, pb)) == 0
}

// ErrUnresolved is the error of Apply for a conflict left without a side.
var ErrUnresolved = errors.New("unresolved conflict")

// Apply makes the merge of one plan on cur (our plan, changed in place):
// every clean change, and each conflict resolved to theirs by ch, takes the
// packet's value (app.Patch); a conflict left unresolved is an error
// wrapping ErrUnresolved, and cur is then partly patched (work on a clone).
func Apply(cur *app.Plan, pm *PlanMerge, ch Choices) error {
	for _, c := range pm.Conflicts {
		if ch.Side(c) == "" {
			return fmt.Errorf("plan %s, %s: %w", pm.Name, c.Path, ErrUnresolved)
		}
	}
	for _, c := range pm.Changes {
		if err := app.Patch(cur, pm.Theirs, c.Path); err != nil {
			return err
		}
	}
	for _, c := range pm.Conflicts {
		if ch.Side(c) == Theirs {
			if err := app.Patch(cur, pm.Theirs, c.Path); err != nil {
				return err
			}
		}
	}
	return nil
}

// Fingerprint returns a short text that is the same for two versions of a
// plan exactly when their plan documents are (every field a packet
// carries): the SHA-256 of the plan's compact plan document, without its
// local id. nil gives "".
func Fingerprint(p *app.Plan) string {
	if p == nil {
		return ""
	}
	c := *p
	c.ID = 0
	doc, err := plandoc.MarshalCompact([]*app.Plan{&c})
	if err != nil {
		return "unencodable " + string(p.UID)
	}
	sum := sha256.Sum256(doc)
	return hex.EncodeToString(sum[:16])
}
