package trend

import (
	"testing"

	"kpiplanner/app/sheet/sheettest"
)

// TestTrendFollowsTargetsPerPeriod: the revenue KPI of the period-targets
// plan (50, 50, then 100 a month, 200 in December) has the target to date
// 50, 100, 200 for January to March and 1 200 for the year, not 100, 200, 300.
func TestTrendFollowsTargetsPerPeriod(t *testing.T) {
	p := sheettest.PeriodTargets()
	tr := Of(p, &p.KPIs[0], 2)
	for i, want := range []float64{50, 100, 200} {
		if got := tr.Points[i].Target; got != want {
			t.Errorf("point %d target %v, want %v", i, got, want)
		}
	}
	if len(tr.Targets) != 12 || tr.Targets[10] != 1000 || tr.Targets[11] != 1200 {
		t.Errorf("targets to date %v, want …, 1000, 1200", tr.Targets)
	}
	sat := Of(p, &p.KPIs[2], 2) // average: each period's own target, the cycle's 80 where none
	if sat.Points[2].Target != 90 || sat.Targets[3] != 80 {
		t.Errorf("average KPI targets %v", sat.Targets)
	}
	if plain := Of(p, &p.KPIs[0], 2); plain.Targets == nil {
		t.Error("no targets for a phased KPI")
	}
}
