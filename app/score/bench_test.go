package score_test

import (
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
)

// BenchmarkScoreCompany10k scores the 10 000-person demo company in memory (goal < 50 ms).
func BenchmarkScoreCompany10k(b *testing.B) {
	plans := demo.Company(10_000, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rs := score.All(plans, -1)
		if len(rs) != len(plans) {
			b.Fatal("missing results")
		}
	}
}

// BenchmarkScoreCompany10kPhased is BenchmarkScoreCompany10k with every
// higher- or lower-is-better KPI phased evenly over its cycle: the cost of
// targets per period (goal: within 2× of the plain company).
func BenchmarkScoreCompany10kPhased(b *testing.B) {
	plans := demo.Company(10_000, 1)
	for _, p := range plans {
		n := p.Cycle.NumPeriods()
		for i := range p.KPIs {
			if ts, err := app.PhaseEven(&p.KPIs[i], n); err == nil {
				p.KPIs[i].PeriodTargets = ts
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rs := score.All(plans, 5)
		if len(rs) != len(plans) {
			b.Fatal("missing results")
		}
	}
}
