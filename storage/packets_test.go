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
