package score_test

import (
	"math"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet/sheettest"
)

func TestTargetsPerPeriodScore(t *testing.T) {
	p := sheettest.PeriodTargets()
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	type want struct{ target, achievement float64 }
	tests := map[string]struct {
		at   int
		want map[string]want
	}{
		"to March": {2, map[string]want{
			"rev":  {200, 1.05},     // 50+50+100 = 200; 210/200
			"newc": {200, 1.1},      // b × 200/1200 = 100: (210−100)/(200−100)
			"sat":  {90, 79.0 / 90}, // March's target; mean (72+80+85)/3 = 79
			"late": {4, 4 / 4.5},    // March's target; last 4.5: 4/4.5
			"peak": {50, 45.0 / 50}, // no target for March: the cycle's 50
		}},
		"to January": {0, map[string]want{
			"rev":  {50, 1.2},       // 60/50 = 1.2, the cap
			"newc": {50, 1.2},       // b = 600 × 50/1200 = 25: (60−25)/(50−25) = 1.4, capped at 1.2
			"sat":  {70, 72.0 / 70}, // 72/70
			"late": {5, 5.0 / 6},    // no target for January: 5/6
			"peak": {40, 30.0 / 40}, // January's 40
		}},
		"whole year": {-1, map[string]want{
			"rev":  {1200, 210.0 / 1200}, // Σ of all twelve = the cycle target
			"late": {3, 3 / 4.5},         // December's 3
		}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			r := score.Plan(p, tt.at)
			for _, k := range r.KPIs {
				w, ok := tt.want[k.ID]
				if !ok {
					continue
				}
				if math.Abs(k.Target-w.target) > 1e-12 || math.Abs(k.Achievement-w.achievement) > 1e-12 {
					t.Errorf("%s: target %v, achievement %v; want %v, %v", k.ID, k.Target, k.Achievement, w.target, w.achievement)
				}
			}
		})
	}
}

// TestWithoutPeriodTargetsScoringIsProRata checks that a KPI without
// targets per period keeps the pro-rata target, bit for bit.
func TestWithoutPeriodTargetsScoringIsProRata(t *testing.T) {
	k := &app.KPI{ID: "k", Direction: app.Higher, Aggregation: app.Sum, Target: 1200}
	if tg, f := score.WindowTarget(k, 2, 12); tg != 1200*(3.0/12) || f != 3.0/12 {
		t.Errorf("WindowTarget = %v, %v; want 300, 0.25", tg, f)
	}
	k.PeriodTargets = []app.PeriodTarget{{Period: 0, Value: 1200}}
	k.Direction = app.Range // range KPIs ignore targets per period
	if tg, _ := score.WindowTarget(k, 2, 12); tg != 300 {
		t.Errorf("range KPI WindowTarget = %v, want 300", tg)
	}
}
