package packet_test

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/internal/planrand"
)

// flatten is a plan as a map from Diff path to value text, every KPI also
// listed by a presence key "kpis[k]#": the oracle's view of a plan, made
// without the merge's code.
func flatten(p *app.Plan) map[string]string {
	skel := &app.Plan{}
	for _, k := range p.KPIs {
		skel.KPIs = append(skel.KPIs, app.KPI{ID: k.ID})
	}
	out := map[string]string{}
	for _, e := range app.Diff(skel, p) {
		out[e.Path] = e.New
	}
	for _, k := range p.KPIs {
		out["kpis["+k.ID+"]#"] = "1"
	}
	return out
}

// kpiPart returns the entries of flat that belong to KPI id.
func kpiPart(flat map[string]string, id string) map[string]string {
	out := map[string]string{}
	for k, v := range flat {
		if strings.HasPrefix(k, "kpis["+id+"]") {
			out[k] = v
		}
	}
	return out
}

// expect is the three-way oracle: the merged plan's flat view when every
// conflict keeps ours, and the conflicting paths. A field changed on one
// side takes that side's value; on both sides to different values it is a
// conflict; a KPI added or removed on one side and changed on the other is
// one conflict about the whole KPI.
func expect(base, ours, theirs *app.Plan) (map[string]string, []string) {
	fb, fo, ft := flatten(base), flatten(ours), flatten(theirs)
	want := map[string]string{}
	var conflicts []string
	ids := map[string]bool{}
	keys := map[string]bool{}
	for _, f := range []map[string]string{fb, fo, ft} {
		for k := range f {
			if id := app.KPIOf(k); id != "" {
				ids[id] = true
			} else {
				keys[k] = true
			}
		}
	}
	three := func(k string) {
		vb, vo, vt := fb[k], fo[k], ft[k]
		v := vo
		switch {
		case vo == vb:
			v = vt
		case vt != vb && vt != vo:
			conflicts = append(conflicts, k)
		}
		if v != "" {
			want[k] = v
		}
	}
	for k := range keys {
		three(k)
	}
	for id := range ids {
		pb, po, pt := kpiPart(fb, id), kpiPart(fo, id), kpiPart(ft, id)
		presence := "kpis[" + id + "]#"
		if pb[presence] != "" && po[presence] != "" && pt[presence] != "" {
			for k := range keysOf(pb, po, pt) {
				three(k)
			}
			continue
		}
		oChanged, tChanged := !maps.Equal(pb, po), !maps.Equal(pb, pt)
		pick := po
		switch {
		case !oChanged:
			pick = pt
		case tChanged && !maps.Equal(po, pt):
			conflicts = append(conflicts, "kpis["+id+"]")
		}
		maps.Copy(want, pick)
	}
	slices.Sort(conflicts)
	return want, conflicts
}

func keysOf(ms ...map[string]string) map[string]bool {
	out := map[string]bool{}
	for _, m := range ms {
		for k := range m {
			out[k] = true
		}
	}
	return out
}

// sides makes a random base and two random edits of it; few edits on a
// few KPIs make both sides touch the same fields now and then.
func sides(seed uint64) (base, ours, theirs *app.Plan) {
	r := rand.New(rand.NewPCG(seed, 11))
	base = planrand.Plan(r)
	if seed%2 == 0 {
		base.KPIs = base.KPIs[:2] // a small plan: the sides collide more
	}
	ours, theirs = base.Clone(), base.Clone()
	planrand.Edit(r, ours, 1+r.IntN(8), "o")
	planrand.Edit(r, theirs, 1+r.IntN(8), "t")
	return base, ours, theirs
}

func mergeOne(t *testing.T, base, ours, theirs *app.Plan, side packet.Side) (*app.Plan, *packet.PlanMerge) {
	t.Helper()
	pm := &packet.PlanMerge{Theirs: theirs}
	pm.Changes, pm.Conflicts, pm.Refusals = packet.MergeOne(base, ours, theirs, nil)
	got := ours.Clone()
	if err := packet.Apply(got, pm, packet.Choices{Default: side}); err != nil {
		t.Fatal(err)
	}
	return got, pm
}

func conflictPaths(cs []packet.Conflict) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Path
	}
	slices.Sort(out)
	return out
}

// TestMergeOneMatchesTheThreeWayOracle: random edits on both sides of
// random plans; every non-conflicting edit is applied, every conflicting
// one listed (and kept ours), and nothing else changes.
func TestMergeOneMatchesTheThreeWayOracle(t *testing.T) {
	var nConflicts, nChanges int
	for seed := range uint64(600) {
		base, ours, theirs := sides(seed)
		want, wantConflicts := expect(base, ours, theirs)
		got, pm := mergeOne(t, base, ours, theirs, packet.Ours)
		if gotC := conflictPaths(pm.Conflicts); !slices.Equal(gotC, wantConflicts) {
			t.Fatalf("seed %d: conflicts %v, want %v", seed, gotC, wantConflicts)
		}
		if fg := flatten(got); !maps.Equal(fg, want) {
			t.Fatalf("seed %d: merged plan differs from the oracle:\n%s", seed, mapDiff(fg, want))
		}
		nConflicts += len(pm.Conflicts)
		nChanges += len(pm.Changes)
	}
	if nConflicts < 100 || nChanges < 1000 {
		t.Fatalf("only %d conflicts and %d clean changes in 600 merges: the test data is too tame", nConflicts, nChanges)
	}
}

func mapDiff(got, want map[string]string) string {
	var b strings.Builder
	for k := range keysOf(got, want) {
		if got[k] != want[k] {
			b.WriteString("  " + k + ": got " + got[k] + ", want " + want[k] + "\n")
		}
	}
	return b.String()
}

// TestMergeTakingTheirsGivesTheirsWhereTheyChanged: resolving every
// conflict to theirs gives theirs' value on every path theirs changed.
func TestMergeTakingTheirsGivesTheirsWhereTheyChanged(t *testing.T) {
	for seed := range uint64(300) {
		base, ours, theirs := sides(seed)
		got, _ := mergeOne(t, base, ours, theirs, packet.Theirs)
		for _, e := range app.Diff(base, theirs) {
			if id := app.KPIOf(e.Path); id != "" && (base.KPI(id) == nil) != (theirs.KPI(id) == nil) {
				continue // a KPI added or removed: checked whole below
			}
			if d := app.Diff(got, theirs); slices.ContainsFunc(d, func(x app.Edit) bool { return x.Path == e.Path }) {
				t.Fatalf("seed %d: %s not taken from theirs", seed, e.Path)
			}
		}
		for _, k := range theirs.KPIs {
			if base.KPI(k.ID) == nil && got.KPI(k.ID) == nil {
				t.Fatalf("seed %d: KPI %s added by theirs is missing", seed, k.ID)
			}
		}
	}
}

// TestMergeIsIdempotent: merging the same packet again into the merged
// plan changes nothing, whichever side the conflicts took.
func TestMergeIsIdempotent(t *testing.T) {
	for seed := range uint64(300) {
		base, ours, theirs := sides(seed)
		for _, side := range []packet.Side{packet.Ours, packet.Theirs} {
			once, _ := mergeOne(t, base, ours, theirs, side)
			twice, pm := mergeOne(t, base, once, theirs, side)
			if len(pm.Changes) > 0 {
				t.Fatalf("seed %d (%s): the second merge changes %v", seed, side, pm.Changes)
			}
			if d := app.Diff(once, twice); len(d) > 0 {
				t.Fatalf("seed %d (%s): the second merge changed %+v", seed, side, d[0])
			}
			if side == packet.Theirs && len(pm.Conflicts) > 0 {
				t.Fatalf("seed %d: conflicts taken from theirs come back: %+v", seed, pm.Conflicts[0])
			}
		}
	}
}

// TestMergeOrderDoesNotMatterWithoutConflicts: two packets edited from the
// same base, merged by Merge in both orders, give the same plan when
// neither order has a conflict.
func TestMergeOrderDoesNotMatterWithoutConflicts(t *testing.T) {
	checked := 0
	for seed := range uint64(400) {
		r := rand.New(rand.NewPCG(seed, 13))
		base := planrand.Plan(r)
		a, b := base.Clone(), base.Clone()
		planrand.Edit(r, a, 1+r.IntN(4), "a")
		planrand.Edit(r, b, 1+r.IntN(4), "b")
		pa := &packet.Packet{Items: []packet.Item{{Plan: a, Base: base}}}
		pb := &packet.Packet{Items: []packet.Item{{Plan: b, Base: base}}}
		r1, c1 := mergeAll(t, base, pa, pb)
		r2, c2 := mergeAll(t, base, pb, pa)
		if c1+c2 > 0 {
			continue
		}
		checked++
		if d := app.Diff(r1, r2); len(d) > 0 {
			t.Fatalf("seed %d: order matters: %+v", seed, d[0])
		}
		want, _ := expect(base, a, b) // no conflicts: the oracle's merge of a and b
		if fg := flatten(r1); !maps.Equal(fg, want) {
			t.Fatalf("seed %d: merged plan differs from the oracle:\n%s", seed, mapDiff(fg, want))
		}
	}
	if checked < 150 {
		t.Fatalf("only %d of 400 seeds had no conflict: the test checks too little", checked)
	}
}

// mergeAll merges packets into ours with Merge and Apply, as the
// workspace does, conflicts kept ours, and counts the conflicts.
func mergeAll(t *testing.T, ours *app.Plan, pks ...*packet.Packet) (*app.Plan, int) {
	t.Helper()
	for _, p := range pks {
		p.Items[0].Plan.UID, p.Items[0].Base.UID = ours.UID, ours.UID
	}
	m := packet.Merge(pks, func(uid app.UID) *app.Plan {
		if uid == ours.UID {
			return ours
		}
		return nil
	}, nil)
	got := ours.Clone()
	for i := range m.Plans {
		if err := packet.Apply(got, &m.Plans[i], packet.Choices{Default: packet.Ours}); err != nil {
			t.Fatal(err)
		}
	}
	return got, len(m.Conflicts())
}
