package score_test

import (
	"testing"

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
