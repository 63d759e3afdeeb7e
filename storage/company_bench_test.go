package storage_test

import (
	"os"
	"runtime"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/internal/benchdata"
	"kpiplanner/storage"
)

// today is the day the benchmarks score on: the demo cycle's last day, so
// every plan's official window is its whole cycle.
var today = demo.Company(1, 1)[0].Cycle.End

// BenchmarkLoadScore50k opens the 50 000-person demo company's file, reads
// every plan and scores each at its official window (goal: < 1 s, peak RSS
// < 400 MB). "plans" holds them all (Plans, then scoring); "walk" scores
// each as it is read and keeps the score (EachPlanIn on every processor, as
// the plans list and kpi list do). heap-MB is the highest live heap seen,
// rss-MB the process's peak resident memory during the run, including the
// file's pages the system mapped in.
func BenchmarkLoadScore50k(b *testing.B) { benchLoadScore(b, benchdata.Company(b, 50_000)) }

// BenchmarkLoadScore50kTemplated is BenchmarkLoadScore50k on the company in
// which every plan is made from its department's position template
// (benchdata.TemplatedCompany): the plans hold the template's texts, which
// they share (goal: the same as BenchmarkLoadScore50k).
func BenchmarkLoadScore50kTemplated(b *testing.B) {
	benchLoadScore(b, benchdata.TemplatedCompany(b, 50_000))
}

// BenchmarkSize50kTemplated reports the size of the templated company's file.
func BenchmarkSize50kTemplated(b *testing.B) {
	path := benchdata.TemplatedCompany(b, 50_000)
	for b.Loop() {
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Size())/1e6, "MB")
	}
}

// benchLoadScore is BenchmarkLoadScore50k on the 50 000-person file at path.
func benchLoadScore(b *testing.B, path string) {
	run := func(b *testing.B, load func(db *storage.DB) (int, error)) {
		stop := benchdata.Peak()
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			db, err := storage.OpenReadOnly(path)
			if err != nil {
				b.Fatal(err)
			}
			n, err := load(db)
			if err != nil || n != 50_000 {
				b.Fatalf("scored %d plans: %v", n, err)
			}
			if err := db.Close(); err != nil {
				b.Fatal(err)
			}
		}
		heap, rss := stop()
		b.ReportMetric(heap, "heap-MB")
		b.ReportMetric(rss, "rss-MB")
	}
	b.Run("plans", func(b *testing.B) {
		run(b, func(db *storage.DB) (int, error) {
			ps, err := db.Plans()
			for _, p := range ps {
				score.OfficialResult(p, today)
			}
			return len(ps), err
		})
	})
	b.Run("walk", func(b *testing.B) {
		run(b, func(db *storage.DB) (int, error) {
			parts := make([][]total, runtime.GOMAXPROCS(0))
			err := db.EachPlanIn(len(parts), func(part int, p *app.Plan) error {
				r := score.OfficialResult(p, today) // the list keeps the totals
				parts[part] = append(parts[part], total{p.ID, r.Official, r.Bonus, r.Rating.Name})
				return nil
			})
			n := 0
			for _, rs := range parts {
				n += len(rs)
			}
			return n, err
		})
	})
}

// total is what the walk keeps of a plan's score.
type total struct {
	id           app.PlanID
	total, bonus float64
	rating       string
}

// BenchmarkSize50k reports the size of the 50 000-person demo company's
// file (goal: < 250 MB).
func BenchmarkSize50k(b *testing.B) {
	path := benchdata.Company(b, 50_000)
	for b.Loop() {
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(st.Size())/1e6, "MB")
	}
}

// BenchmarkHistory1000 reads the history of one plan with 1 000 entries in
// the 10 000-person company, as the History tab does (goal: < 100 ms).
func BenchmarkHistory1000(b *testing.B) {
	db, err := storage.Open(benchdata.Copy(b, benchdata.Company(b, 10_000)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	p, err := db.Plan(5000)
	if err != nil {
		b.Fatal(err)
	}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	entries := make([]app.HistoryEntry, 1000)
	for i := range entries {
		k := p.KPIs[i%len(p.KPIs)]
		entries[i] = app.HistoryEntry{Plan: p.UID, At: at.Add(time.Duration(i) * time.Minute),
			User: "Lan", Device: "hr-laptop", Source: "screen", Path: "kpis[" + k.ID + "].target",
			Old: "100", New: "120", Reason: "market shrank after the new competitor opened in district 7"}
	}
	if err := db.Update(func(tx app.Tx) error { return tx.AppendHistory(entries) }); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		h, err := db.History(p.UID)
		if err != nil || len(h) != 1000 {
			b.Fatalf("%d entries: %v", len(h), err)
		}
	}
}
