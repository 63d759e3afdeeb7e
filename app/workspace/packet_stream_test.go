package workspace_test

import (
	"fmt"
	"io"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
	"kpiplanner/internal/planrand"
	"kpiplanner/storage"
	"kpiplanner/storage/fileio"
)

// TestPlanMergeFilesGivesPlanMergesPlan: planning packet files one at a
// time, unchanged plans left undecoded, gives the very merge plan that
// reading them all and PlanMerge give: 3 packets of 4 plans each, plan j of
// packet i changed by its maker when (i+j) is even (its first KPI's
// target, +1), plan 0 of each packet also changed here (+2: a conflict),
// and one new plan in the last packet.
func TestPlanMergeFilesGivesPlanMergesPlan(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "hr.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(5, 6))
	var ours, theirs [][]*app.Plan
	for i := range 3 {
		var os, ts []*app.Plan
		for j := range 4 {
			p := planrand.Plan(r)
			p.UID, p.ID, p.Status = app.NewUID(), 0, app.Draft
			t2 := p.Clone()
			if (i+j)%2 == 0 {
				t2.KPIs[0].Target++
			}
			os, ts = append(os, p), append(ts, t2)
		}
		ours, theirs = append(ours, os), append(theirs, ts)
	}
	var all []*app.Plan
	for _, os := range ours {
		all = append(all, os...)
	}
	if err := s.SavePlans(all); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var files []string
	for i := range 3 {
		pk := &packet.Packet{Kind: packet.Return, Maker: packet.Maker{User: fmt.Sprint("head ", i), Device: "d", Workspace: app.NewUID()}}
		for j := range 4 {
			pk.Items = append(pk.Items, packet.Item{Plan: theirs[i][j], Base: ours[i][j]})
		}
		if i == 2 {
			n := planrand.Plan(r)
			n.UID, n.ID = app.NewUID(), 0
			pk.Items = append(pk.Items, packet.Item{Plan: n})
		}
		path := filepath.Join(dir, fmt.Sprintf("p%d.kpip", i))
		if err := fileio.WriteFile(path, func(w io.Writer) error { return packet.Write(w, pk, "") }); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	// Our side of plan 0 of each packet changed since the base.
	var here []*app.Plan
	for i := range 3 {
		p := ours[i][0].Clone()
		p.KPIs[0].Target += 2
		here = append(here, p)
	}
	if err := s.SavePlans(here); err != nil {
		t.Fatal(err)
	}
	w := workspace.New(s)
	pks, err := workspace.ReadPackets(fileio.Files{}, files, "")
	if err != nil {
		t.Fatal(err)
	}
	want, err := w.PlanMerge(pks...)
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.PlanMergeFiles(fileio.Files{}, files, "")
	if err != nil {
		t.Fatal(err)
	}
	created, changes, conflicts, _ := got.Counts()
	// Changed by their makers: (i+j) even, 2+2+2 = 6 plans, plus 1 new: 7
	// listed; conflicts where plan 0 is changed on both sides: i = 0 and 2;
	// clean changes: the 4 other changed targets.
	if created != 1 || conflicts != 2 || changes != 4 || len(got.Plans) != 7 {
		t.Fatalf("created %d, %d changes, %d conflicts, %d plans listed", created, changes, conflicts, len(got.Plans))
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PlanMergeFiles differs from PlanMerge:\n got %+v\nwant %+v", got, want)
	}
	for _, pk := range pks {
		if pk.Unchanged != 0 {
			t.Errorf("ReadPackets left %d plans out", pk.Unchanged)
		}
	}
}
