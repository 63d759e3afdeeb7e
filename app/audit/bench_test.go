package audit

import (
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/library"
)

// BenchmarkAudit10k audits the 10 000 plans of the demo company with the
// KPI library as catalog.
func BenchmarkAudit10k(b *testing.B) {
	plans := demo.Company(10_000, 1)
	for i, p := range plans {
		p.ID = app.PlanID(i + 1)
	}
	lib, err := library.Load()
	if err != nil {
		b.Fatal(err)
	}
	o := Options{Catalog: lib, Today: app.NewDate(2026, 1, 1)}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if r := Run(plans, o); len(r.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}
