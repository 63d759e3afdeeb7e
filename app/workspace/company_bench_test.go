package workspace_test

import (
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/workspace"
	"kpiplanner/internal/benchdata"
	"kpiplanner/storage"
)

// companyWorkspace returns a workspace over a copy of the cached demo
// company of people people (benchdata.Company), its clock on the cycle's
// last day.
func companyWorkspace(b *testing.B, people int) *workspace.Workspace {
	b.Helper()
	s, err := storage.Open(benchdata.Copy(b, benchdata.Company(b, people)))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	w := workspace.New(s)
	w.Clock = func() app.Date { return demoEnd }
	start := time.Date(2026, 12, 31, 9, 0, 0, 0, time.UTC)
	n := 0
	w.Now = func() time.Time { n++; return start.Add(time.Duration(n) * time.Second) }
	return w
}

var demoEnd = app.NewDate(2026, time.December, 31)

// BenchmarkChange10k saves one change of a KPI target of a plan that was
// approved and reopened (submitted), with its reason and history entry, in
// the 10 000-person company (Workspace.Change; goal: < 5 ms).
func BenchmarkChange10k(b *testing.B) {
	w := companyWorkspace(b, 10_000)
	p, err := w.Transition(5000, app.Reopen, "targets to revise")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		p.KPIs[0].Target += 1
		if err := w.Change(p, "market shrank"); err != nil {
			b.Fatalf("change %d: %v", i, err)
		}
	}
}

// BenchmarkSetActual10k records one actual, with its history entry, in the
// 10 000-person company (Workspace.SetActual; goal: < 5 ms).
func BenchmarkSetActual10k(b *testing.B) {
	w := companyWorkspace(b, 10_000)
	p, err := w.Plan(5000)
	if err != nil {
		b.Fatal(err)
	}
	k := p.KPIs[0]
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		a := app.Actual{Period: i % 12, Value: float64(1000 + i)}
		if k.Aggregation == app.Ratio {
			a.Den = 100
		}
		if err := w.SetActual(p, k.ID, a); err != nil {
			b.Fatalf("actual %d: %v", i, err)
		}
	}
}

// BenchmarkTransitionMany2500 approves the submitted plans of the largest
// org unit of the 10 000-person company (2 498 plans) in one action
// (Workspace.TransitionMany; goal for 2 500: < 1 s). Between runs, outside
// the timer, they are reopened (back to submitted).
func BenchmarkTransitionMany2500(b *testing.B) {
	w := companyWorkspace(b, 10_000)
	ids := largestUnit(b, w)
	if _, _, err := w.TransitionMany(ids, app.Reopen, "approve them again"); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		done, skipped, err := w.TransitionMany(ids, app.Approve, "")
		if err != nil || len(done) != len(ids) {
			b.Fatalf("approved %d of %d (%d skipped): %v", len(done), len(ids), len(skipped), err)
		}
		b.StopTimer()
		if _, _, err := w.TransitionMany(ids, app.Reopen, "approve them again"); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(len(ids)), "plans")
}

// largestUnit returns the ids of the plans of people in the org unit that
// has the most of them.
func largestUnit(b *testing.B, w *workspace.Workspace) []app.PlanID {
	b.Helper()
	rows, err := w.Summaries()
	if err != nil {
		b.Fatal(err)
	}
	count := map[app.UID]int{}
	for _, r := range rows {
		count[r.Unit]++
	}
	var best app.UID
	for u, c := range count {
		if c > count[best] || best == "" {
			best = u
		}
	}
	var ids []app.PlanID
	for _, r := range rows {
		if r.Unit == best {
			ids = append(ids, r.ID)
		}
	}
	return ids
}

// BenchmarkSummaries50k loads and scores the 50 000-person company's plans
// list from its file (Workspace.Summaries: the rows the plans list shows),
// with the peak live heap and resident memory of the run.
func BenchmarkSummaries50k(b *testing.B) {
	s, err := storage.OpenReadOnly(benchdata.Company(b, 50_000))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	w := workspace.New(s)
	w.Clock = func() app.Date { return demoEnd }
	stop := benchdata.Peak()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rows, err := w.Summaries()
		if err != nil || len(rows) != 50_000 {
			b.Fatalf("%d rows: %v", len(rows), err)
		}
	}
	heap, rss := stop()
	b.ReportMetric(heap, "heap-MB")
	b.ReportMetric(rss, "rss-MB")
}
