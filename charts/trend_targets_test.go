package charts

import (
	"testing"

	"kpiplanner/app/sheet/sheettest"
	"kpiplanner/app/trend"
)

// TestTrendLineFollowsTargetsPerPeriod: the drawn target line of a phased
// sum KPI is its target to date (50, 100, 200 … 1 200), not 100, 200, 300 ….
func TestTrendLineFollowsTargetsPerPeriod(t *testing.T) {
	p := sheettest.PeriodTargets()
	d := trendSeries(trend.Of(p, &p.KPIs[0], 2))
	for i, want := range map[int]float64{0: 50, 1: 100, 2: 200, 11: 1200} {
		if d.target[i] != want {
			t.Errorf("target line at period %d = %v, want %v", i+1, d.target[i], want)
		}
	}
	if _, err := Trend(trend.Of(p, &p.KPIs[0], 2), Options{}); err != nil {
		t.Fatal(err)
	}
}
