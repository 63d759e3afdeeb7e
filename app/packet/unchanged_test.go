package packet_test

import (
	"bytes"
	"errors"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// TestUnchangedPlansReadAsTheirBases: a plan its maker left as its base is
// read with a base equal to it (decoded once); with Skip it is left out and
// counted, the others read as before.
func TestUnchangedPlansReadAsTheirBases(t *testing.T) {
	for seed := range uint64(20) {
		pk := samplePacket(seed + 10)
		pk.Items[2].Base = pk.Items[2].Plan.Clone() // plan 3 unchanged; plan 1 changed, plan 2 without base
		data := write(t, pk, "")
		got, err := packet.Read(bytes.NewReader(data), "")
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Items) != 3 || got.Unchanged != 0 {
			t.Fatalf("%d items, %d unchanged", len(got.Items), got.Unchanged)
		}
		for i, it := range got.Items {
			want := pk.Items[i]
			if d := app.Diff(want.Plan, it.Plan); len(d) > 0 {
				t.Errorf("seed %d plan %d differs: %+v", seed, i, d)
			}
			if (it.Base == nil) != (want.Base == nil) || it.Base != nil && len(app.Diff(want.Base, it.Base)) > 0 {
				t.Errorf("seed %d base %d differs", seed, i)
			}
		}
		if got.Items[2].Base == got.Items[2].Plan {
			t.Error("the unchanged plan shares its base: a change to one would change the other")
		}
		var asked []app.UID
		skipped, err := packet.ReadWith(bytes.NewReader(data), "", packet.ReadOptions{Skip: func(m packet.Maker, u app.UID) bool {
			if m != pk.Maker {
				t.Errorf("asked with maker %+v", m)
			}
			asked = append(asked, u)
			return true
		}})
		if err != nil {
			t.Fatal(err)
		}
		// Only plan 3 is asked about (1 changed, 2 has no base): 2 items left.
		if len(asked) != 1 || asked[0] != pk.Items[2].Plan.UID || skipped.Unchanged != 1 || len(skipped.Items) != 2 {
			t.Fatalf("asked %v, %d unchanged, %d items", asked, skipped.Unchanged, len(skipped.Items))
		}
		for i, it := range skipped.Items {
			if it.Plan.UID != pk.Items[i].Plan.UID || len(app.Diff(got.Items[i].Base, it.Base)) > 0 {
				t.Errorf("seed %d: item %d differs when skipping", seed, i)
			}
		}
	}
}

// TestUnchangedPlanTwiceIsRefused: two plans with one uid, both left as
// their bases, are still refused as a bad packet.
func TestUnchangedPlanTwiceIsRefused(t *testing.T) {
	pk := samplePacket(7)
	dup := pk.Items[0].Plan.Clone()
	pk.Items[0].Base = pk.Items[0].Plan.Clone()
	pk.Items = append(pk.Items, packet.Item{Plan: dup, Base: dup.Clone()})
	data := write(t, pk, "")
	_, err := packet.ReadWith(bytes.NewReader(data), "", packet.ReadOptions{Skip: func(packet.Maker, app.UID) bool { return true }})
	if !errors.Is(err, packet.ErrNotPacket) {
		t.Fatalf("err = %v, want ErrNotPacket", err)
	}
}
