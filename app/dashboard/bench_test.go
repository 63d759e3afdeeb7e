package dashboard

import (
	"testing"

	"kpiplanner/app/demo"
	"kpiplanner/app/score"
)

// BenchmarkCompany10k scores the 10 000-person demo company up to September
// and draws the director's company view (the work behind opening the dashboards).
func BenchmarkCompany10k(b *testing.B) {
	plans := demo.Company(10_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		c := New(plans, score.PickAt(8))
		if d := c.Director(""); d.People != len(plans) {
			b.Fatalf("director read %d plans", d.People)
		}
	}
}

// BenchmarkTeam10k draws the largest department's team view of the
// 10 000-person company (every member's trends and forecasts).
func BenchmarkTeam10k(b *testing.B) {
	c := New(demo.Company(10_000, 1), score.PickAt(8))
	depts := c.Departments()
	largest, n := "", 0
	for _, d := range depts {
		if m := len(c.scope(d)); m > n {
			largest, n = d, m
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if t := c.Team(largest); len(t.Members) != n {
			b.Fatalf("team has %d members, want %d", len(t.Members), n)
		}
	}
	b.ReportMetric(float64(n), "members")
}

// BenchmarkSpecialist draws one person's view.
func BenchmarkSpecialist(b *testing.B) {
	p := demo.Plan(0, 1)
	for b.Loop() {
		SpecialistOf(p, 8)
	}
}
