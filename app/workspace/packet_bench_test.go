package workspace_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/packet"
	"kpiplanner/app/workspace"
	"kpiplanner/internal/benchdata"
	"kpiplanner/storage"
	"kpiplanner/storage/fileio"
)

// split100 moves the company's people into 100 teams T001…T100 under the
// root (person i into team i mod 100), the first of each team its head.
func split100(b *testing.B, w *workspace.Workspace) []string {
	b.Helper()
	units, err := w.Units()
	if err != nil {
		b.Fatal(err)
	}
	people, err := w.People()
	if err != nil {
		b.Fatal(err)
	}
	teams := make([]app.OrgUnit, 100)
	codes := make([]string, 100)
	for i := range teams {
		codes[i] = fmt.Sprintf("T%03d", i+1)
		teams[i] = app.OrgUnit{Code: codes[i], Name: "Team " + codes[i], Parent: units[0].UID}
		for _, u := range units {
			if u.Parent == "" {
				teams[i].Parent = u.UID
			}
		}
	}
	err = w.Store().Update(func(tx app.Tx) error {
		for i := range teams {
			if err := tx.SaveUnit(&teams[i]); err != nil {
				return err
			}
		}
		for i := range people {
			t := &teams[i%100]
			people[i].Unit, people[i].Manager = t.UID, t.Head
			if t.Head == "" {
				t.Head, people[i].Manager = people[i].UID, ""
				if err := tx.SaveUnit(t); err != nil {
					return err
				}
			}
			if err := tx.SavePerson(&people[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return codes
}

// BenchmarkPacketExport10k writes one packet per team head for the
// 10 000-person company split into 100 teams (goal: < 5 s in all).
func BenchmarkPacketExport10k(b *testing.B) {
	w := companyWorkspace(b, 10_000)
	codes := split100(b, w)
	b.ResetTimer()
	cpu := cpuSeconds()
	for range b.N {
		dir := b.TempDir()
		done, err := w.ExportPackets(context.Background(), fileio.Files{}, workspace.PacketSelection{Units: codes}, dir, workspace.PacketOptions{})
		if err != nil {
			b.Fatal(err)
		}
		n, size := 0, int64(0)
		for _, d := range done {
			n += d.Plans
			if st, err := os.Stat(d.Path); err == nil {
				size += st.Size()
			}
		}
		b.ReportMetric(float64(size)/(1<<20), "MB-written")
		if len(done) != 100 || n != 9_900 { // 100 plans per team, the head's own left out
			b.Fatalf("%d packets, %d plans", len(done), n)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
}

// mergeFixture is HR's database and 100 return packets, one per team,
// covering all 10 000 plans: 5 % of the KPIs changed by the managers (a
// target and the last actual), and 50 of those actuals changed by HR too,
// to other values (50 conflicts).
type mergeFixture struct {
	db    string
	files []string
}

func newMergeFixture(b *testing.B) mergeFixture {
	b.Helper()
	db := benchdata.Copy(b, benchdata.Company(b, 10_000))
	s, err := storage.Open(db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	w := workspace.New(s)
	split100(b, w)
	plans, err := s.Plans()
	if err != nil {
		b.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	packets := make([]*packet.Packet, 100)
	for i := range packets {
		packets[i] = &packet.Packet{Kind: packet.Return, Maker: packet.Maker{User: fmt.Sprintf("head %d", i+1), Device: "laptop", Workspace: app.NewUID()}}
	}
	var conflicts []*app.Plan
	for i, p := range plans {
		theirs := p.Clone()
		for j := range theirs.KPIs {
			k := &theirs.KPIs[j]
			if r.IntN(20) != 0 || len(k.Actuals) == 0 {
				continue
			}
			if k.Direction == app.Higher {
				k.Target++ // refused where the plan is approved
			}
			k.Actuals[len(k.Actuals)-1].Value++
			if len(conflicts) < 50 && r.IntN(10) == 0 && !contains(conflicts, p) {
				ours := p.Clone()
				ours.KPIs[j].Actuals[len(k.Actuals)-1].Value += 2
				conflicts = append(conflicts, ours)
			}
		}
		pk := packets[i%100]
		pk.Items = append(pk.Items, packet.Item{Plan: theirs, Base: p})
	}
	if len(conflicts) != 50 {
		b.Fatalf("%d conflicts made", len(conflicts))
	}
	if err := s.SavePlans(conflicts); err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	f := mergeFixture{db: db}
	for i, pk := range packets {
		path := filepath.Join(dir, fmt.Sprintf("return-%03d.kpip", i+1))
		if err := fileio.WriteFile(path, func(wr io.Writer) error { return packet.Write(wr, pk, "") }); err != nil {
			b.Fatal(err)
		}
		f.files = append(f.files, path)
	}
	return f
}

func contains(ps []*app.Plan, p *app.Plan) bool {
	for _, q := range ps {
		if q.UID == p.UID {
			return true
		}
	}
	return false
}

// planMerge reads the fixture's packets and plans their merge into w.
func (f mergeFixture) planMerge(b *testing.B, w *workspace.Workspace) *packet.MergePlan {
	m, err := w.PlanMergeFiles(fileio.Files{}, f.files, "")
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// BenchmarkPacketMergePlan reads 100 return packets covering 10 000 plans
// and plans their merge (goal: < 5 s and < 400 MB).
func BenchmarkPacketMergePlan(b *testing.B) {
	f := newMergeFixture(b)
	s, err := storage.Open(f.db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	w := workspace.New(s)
	b.ResetTimer()
	var heap, rss float64
	cpu := cpuSeconds()
	for range b.N {
		stop := benchdata.Peak()
		m := f.planMerge(b, w)
		heap, rss = stop()
		_, changes, conflicts, refusals := m.Counts()
		if conflicts != 50 {
			b.Fatalf("%d conflicts, want 50", conflicts)
		}
		b.ReportMetric(float64(changes), "changes")
		b.ReportMetric(float64(refusals), "refusals")
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(rss, "peak-RSS-MB")
}

// BenchmarkPacketMergeApply applies that merge, conflicts taken from
// theirs, in one transaction (goal: < 3 s).
func BenchmarkPacketMergeApply(b *testing.B) {
	f := newMergeFixture(b)
	b.ResetTimer()
	cpu := 0.0
	defer func() { b.ReportMetric(cpu/float64(b.N), "cpu-s/op") }()
	for range b.N {
		b.StopTimer()
		s, err := storage.Open(benchdata.Copy(b, f.db))
		if err != nil {
			b.Fatal(err)
		}
		w := workspace.New(s)
		m := f.planMerge(b, w)
		b.StartTimer()
		c0 := cpuSeconds()
		res, err := w.ApplyMerge(m, packet.Choices{Default: packet.Theirs})
		cpu += cpuSeconds() - c0
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Changes), "fields")
		s.Close()
		_ = os.Remove(s.Path())
		b.StartTimer()
	}
}
