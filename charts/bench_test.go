package charts

import (
	"testing"

	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/trend"
)

// benchData is a plan's scorecard and trends at September and a
// 1 000-person demo company's scorecards.
type benchData struct {
	r       score.Result
	trends  []trend.KPITrend
	company []score.Result
}

func newBenchData() benchData {
	p := samplePlan()
	return benchData{r: score.Plan(p, 8), trends: trend.Analyse(p, 8), company: score.All(demo.Company(1000, 1), 8)}
}

func benchChart(b *testing.B, o Options, draw func(d benchData, o Options) ([]byte, error)) {
	d := newBenchData()
	b.ResetTimer()
	for b.Loop() {
		if _, err := draw(d, o); err != nil {
			b.Fatal(err)
		}
	}
}

func target(d benchData, o Options) ([]byte, error)  { return TargetVsActual(d.r, d.trends, o) }
func trendOf(d benchData, o Options) ([]byte, error) { return Trend(d.trends[0], o) }
func groups(d benchData, o Options) ([]byte, error)  { return GroupContribution(d.r, o) }
func dist(d benchData, o Options) ([]byte, error) {
	return ScoreDistribution(d.company, samplePlan().Rules.Bands, o)
}
func depts(d benchData, o Options) ([]byte, error) { return DepartmentComparison(d.company, o) }

func BenchmarkTargetVsActualPNG(b *testing.B) { benchChart(b, Options{Lang: "vi"}, target) }
func BenchmarkTargetVsActualSVG(b *testing.B) {
	benchChart(b, Options{Lang: "vi", Format: SVG}, target)
}
func BenchmarkTrendPNG(b *testing.B) { benchChart(b, Options{Lang: "vi"}, trendOf) }
func BenchmarkGroupContributionPNG(b *testing.B) {
	benchChart(b, Options{Lang: "vi"}, groups)
}
func BenchmarkScoreDistributionPNG(b *testing.B) { benchChart(b, Options{Lang: "vi"}, dist) }
func BenchmarkDepartmentComparisonPNG(b *testing.B) {
	benchChart(b, Options{Lang: "vi"}, depts)
}

// dashboard draws ten 800 × 450 PNG charts one after the other: target vs
// actual, group contribution, six KPI trends, the score distribution and
// the department comparison, as a director's and a specialist's views need.
func dashboard(d benchData, o Options) error {
	for _, draw := range dashboardCharts() {
		if _, err := draw(d, o); err != nil {
			return err
		}
	}
	return nil
}

// dashboardCharts are the ten charts of the dashboard benchmarks.
func dashboardCharts() []func(benchData, Options) ([]byte, error) {
	draws := []func(benchData, Options) ([]byte, error){target, groups, dist, depts}
	for i := range 6 {
		draws = append(draws, func(d benchData, o Options) ([]byte, error) { return Trend(d.trends[i], o) })
	}
	return draws
}

// BenchmarkDashboard10PNGParallel draws the ten charts at once, one
// goroutine each, as a GUI rendering off its UI goroutine may.
func BenchmarkDashboard10PNGParallel(b *testing.B) {
	d := newBenchData()
	o := Options{Lang: "vi"}
	b.ResetTimer()
	for b.Loop() {
		draws := dashboardCharts()
		errs := make(chan error, len(draws))
		for _, draw := range draws {
			go func() {
				_, err := draw(d, o)
				errs <- err
			}()
		}
		for range draws {
			if err := <-errs; err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkDashboard10PNG(b *testing.B) {
	d := newBenchData()
	o := Options{Lang: "vi"}
	b.ResetTimer()
	for b.Loop() {
		if err := dashboard(d, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDashboard10SVG(b *testing.B) {
	d := newBenchData()
	o := Options{Lang: "vi", Format: SVG}
	b.ResetTimer()
	for b.Loop() {
		if err := dashboard(d, o); err != nil {
			b.Fatal(err)
		}
	}
}
