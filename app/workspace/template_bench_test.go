package workspace_test

import (
	"syscall"
	"testing"
	"time"

	"kpiplanner/app"
	"kpiplanner/app/template"
	"kpiplanner/app/workspace"
)

var year2027 = app.Cycle{Start: app.NewDate(2027, 1, 1), End: app.NewDate(2027, 12, 31), Frequency: app.Monthly}

// companyTemplate saves a template made from plan 1 of the company in w.
func companyTemplate(b *testing.B, w *workspace.Workspace) *app.Template {
	b.Helper()
	p, err := w.Plan(1)
	if err != nil {
		b.Fatal(err)
	}
	tp := template.FromPlan(p, "Company template", "Staff", 0)
	if err := w.SaveTemplate(tp, ""); err != nil {
		b.Fatal(err)
	}
	return tp
}

// BenchmarkAssign10k assigns a template to every one of the 10 000 people of
// the demo company for a new cycle: the preview (reading the registry and
// every plan to find existing ones) and the one transaction writing 10 000
// draft plans with their history (goal: < 2 s).
func BenchmarkAssign10k(b *testing.B) {
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		w := companyWorkspace(b, 10_000)
		tp := companyTemplate(b, w)
		b.StartTimer()
		start := cpuTime()
		a, err := w.PreviewAssign(tp, template.Selection{}, year2027, template.Skip)
		if err != nil {
			b.Fatal(err)
		}
		made, _, err := w.Assign(a)
		if err != nil || made != 10_000 {
			b.Fatalf("made %d plans: %v", made, err)
		}
		cpu += cpuTime() - start
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime returns the process's user and system CPU time so far: a figure
// steadier than wall time on a machine shared with other jobs.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPreviewUpdate10k previews a new template version (one target
// changed) over the 10 000 plans made from it, 100 of which override that
// target (goal: < 1 s).
func BenchmarkPreviewUpdate10k(b *testing.B) {
	w := companyWorkspace(b, 10_000)
	tp := companyTemplate(b, w)
	a, err := w.PreviewAssign(tp, template.Selection{}, year2027, template.Skip)
	if err != nil {
		b.Fatal(err)
	}
	for i, p := range a.New {
		if i%100 == 0 {
			p.KPIs[0].Target *= 1.1
		}
	}
	if _, _, err := w.Assign(a); err != nil {
		b.Fatal(err)
	}
	next := tp.Clone()
	next.Version = 0
	next.KPIs[0].Target *= 1.2
	b.ReportAllocs()
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		pv, err := w.PreviewUpdate(next, false, "")
		if err != nil || len(pv.Plans) != 10_000 || pv.Overridden() != 100 {
			b.Fatalf("%v", err)
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}
