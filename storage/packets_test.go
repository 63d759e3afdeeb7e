package storage

import (
	"testing"
	"time"

	"kpiplanner/app"
)

// TestPacketBaseRoundTrip: a packet base saved comes back field by field,
// its base plan equal to the one saved (a name with quotes and Vietnamese
// text in the record too).
func TestPacketBaseRoundTrip(t *testing.T) {
	db := openTemp(t)
	base := richPlan()
	base.UID = app.NewUID()
	pb := app.PacketBase{Plan: base.UID, From: `Hoa "HR"`, Device: "máy 1", Workspace: app.NewUID(), File: "return-001.kpip",
		Hash: "ab12", BaseOf: "new", At: time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC), Base: base}
	if err := db.Update(func(tx app.Tx) error { return tx.SavePacketBase(pb) }); err != nil {
		t.Fatal(err)
	}
	got, err := db.PacketBases()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d packet bases, want 1", len(got))
	}
	g := got[0]
	if g.Plan != pb.Plan || g.From != pb.From || g.Device != pb.Device || g.Workspace != pb.Workspace || g.File != pb.File ||
		g.Hash != pb.Hash || g.BaseOf != pb.BaseOf || !g.At.Equal(pb.At) {
		t.Errorf("record = %+v, want %+v", g, pb)
	}
	want := base.Clone()
	want.ID = g.Base.ID
	if d := app.Diff(want, g.Base); len(d) > 0 {
		t.Errorf("base plan differs: %+v", d)
	}
}

// TestPlansByUID: the plans read by uid are the plans Plans reads, the
// uids listed are every plan's, and a uid not stored is left out.
func TestPlansByUID(t *testing.T) {
	db := openTemp(t)
	var ps []*app.Plan
	for range 3 {
		ps = append(ps, richPlan())
	}
	if err := db.SavePlans(ps); err != nil {
		t.Fatal(err)
	}
	all, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	uids, err := db.PlanUIDs()
	if err != nil || len(uids) != 3 {
		t.Fatalf("uids %v, %v", uids, err)
	}
	missing := app.NewUID()
	got, err := db.PlansByUID([]app.UID{all[2].UID, missing, all[0].UID})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[missing] != nil {
		t.Fatalf("%d plans read, want 2 (the missing uid left out)", len(got))
	}
	for _, i := range []int{0, 2} {
		if d := app.Diff(all[i], got[all[i].UID]); len(d) > 0 || got[all[i].UID].ID != all[i].ID {
			t.Errorf("plan %d differs: %+v", i, d)
		}
	}
	seen := map[app.UID]bool{}
	for _, u := range uids {
		seen[u] = true
	}
	for _, p := range all {
		if !seen[p.UID] {
			t.Errorf("uid %s not listed", p.UID)
		}
	}
}
