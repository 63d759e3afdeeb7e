package workspace

import (
	"testing"

	"kpiplanner/app/demo"
)

// BenchmarkApply50k filters and sorts the plans list of a 50 000-person
// company by person, the Vietnamese way, with an accent-free search.
func BenchmarkApply50k(b *testing.B) {
	rows := Summarise(demo.CompanyIn(50_000, 1, "vi"), demo.Company(1, 1)[0].Cycle.End)
	b.ResetTimer()
	for b.Loop() {
		Apply(rows, Filter{}, ByPerson, false)
		Apply(rows, Filter{Text: "nguyen"}, ByPerson, false)
	}
}
