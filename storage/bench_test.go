package storage

import (
	"os"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
)

// benchPeople is the company size the performance goals are stated for.
const benchPeople = 10_000

// company returns the demo company's plans: 5–12 KPIs each, a year of
// monthly actuals, ratio KPIs with denominators.
func company() []*app.Plan { return demo.Company(benchPeople, 1) }

// build10k writes the demo company into a new file, outside the timer.
func build10k(b *testing.B) (*DB, []*app.Plan) {
	b.Helper()
	db, err := Open(filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	ps := company()
	if err := db.SavePlans(ps); err != nil {
		b.Fatal(err)
	}
	return db, ps
}

// BenchmarkLoadAll10k loads every plan of a 10 000-person company (goal: < 1 s),
// then also scores them.
func BenchmarkLoadAll10k(b *testing.B) {
	db, _ := build10k(b)
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ps, err := db.Plans()
			if err != nil || len(ps) != benchPeople {
				b.Fatalf("loaded %d plans: %v", len(ps), err)
			}
		}
	})
	b.Run("load+score", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ps, err := db.Plans()
			if err != nil || len(ps) != benchPeople {
				b.Fatalf("loaded %d plans: %v", len(ps), err)
			}
			for _, p := range ps {
				score.Plan(p, -1)
			}
		}
	})
}

// BenchmarkSaveAll10k imports a 10 000-person company in one transaction into
// an empty file (goal: < 5 s).
func BenchmarkSaveAll10k(b *testing.B) {
	ps := company()
	dir := b.TempDir()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		b.StopTimer()
		for _, p := range ps {
			p.ID = 0
		}
		n++
		db, err := Open(filepath.Join(dir, "import"+string(rune('a'+n%26))+".db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := db.SavePlans(ps); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		if err := os.Remove(db.Path()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkSize10k reports the file size of a 10 000-person company (goal: < 100 MB).
func BenchmarkSize10k(b *testing.B) {
	db, ps := build10k(b)
	for b.Loop() {
		st, err := os.Stat(db.Path())
		if err != nil {
			b.Fatal(err)
		}
		actuals := 0
		for _, p := range ps {
			for _, k := range p.KPIs {
				actuals += len(k.Actuals)
			}
		}
		b.ReportMetric(float64(st.Size())/1e6, "MB")
		b.ReportMetric(float64(actuals), "actuals")
	}
}

// BenchmarkSaveActuals saves one KPI's edited actuals in a 10 000-person
// company's file (goal: < 50 ms).
func BenchmarkSaveActuals(b *testing.B) {
	db, ps := build10k(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := ps[(i*7919)%len(ps)]
		k := &p.KPIs[i%len(p.KPIs)]
		a := app.Actual{Period: i % 12, Value: float64(i)}
		if k.Aggregation == app.Ratio {
			a.Den = 100
		}
		k.SetActual(a)
		if err := db.SaveActuals(p.ID, k.ID, k.Actuals); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
