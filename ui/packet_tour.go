package ui

import (
	"time"

	"kpiplanner/app"
	"kpiplanner/app/packet"
)

// tourCollect shows the collect preview of a made-up return packet for the
// first plan (screenshots and the 1024×600 check): one change that merges
// cleanly, one conflict and one refused change. Nothing is saved.
func (u *UI) tourCollect() {
	first := u.firstPlan()
	if first == nil || len(first.KPIs) < 3 {
		return
	}
	base := first.Clone()
	base.KPIs[0].Target += 100 // changed here since the base
	theirs := base.Clone()
	theirs.KPIs[0].Target += 250 // and there, to another value: a conflict
	theirs.KPIs[1].Target += 10  // a clean change
	theirs.KPIs[2].Weight++      // refused below
	pk := &packet.Packet{Kind: packet.Return, File: "return-" + fileSafe(first.Person.Name) + packet.Ext,
		Maker: packet.Maker{User: first.Person.Name, Device: "laptop-02"}, MadeAt: time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC),
		Items: []packet.Item{{Plan: theirs, Base: base}}}
	judge := func(_ *packet.Packet, _ *app.Plan, e app.Edit) (bool, app.Msg) {
		if e.Path == "kpis["+first.KPIs[2].ID+"].weight" {
			return false, app.M("plan %s is %s: reopen it to change its %s", first.Name, app.M("approved"), app.M("terms"))
		}
		return true, app.Msg{}
	}
	m := packet.Merge([]*packet.Packet{pk}, func(uid app.UID) *app.Plan {
		if uid == first.UID {
			return first
		}
		return nil
	}, judge)
	u.show(newMergePreview(u, m))
}
