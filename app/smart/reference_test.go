package smart

import (
	"testing"

	"kpiplanner/app"
)

func TestAchievableAgainstReference(t *testing.T) {
	tests := map[string]struct {
		edit func(k *app.KPI)
		want Verdict
	}{
		// goodKPI: baseline 100, target 130 in ≈ 2.96 months (≈ 10 % a month: pass).
		"above last year, plausible":   {func(k *app.KPI) { k.Reference = app.Float(120) }, Pass}, // 130 ≥ 120 and 130 ≤ 2 × 120
		"below last year":              {func(k *app.KPI) { k.Reference = app.Float(140) }, Warn}, // 130 < 140
		"implausibly above":            {func(k *app.KPI) { k.Reference = app.Float(60) }, Warn},  // 130 > 2 × 60 = 120
		"exactly twice":                {func(k *app.KPI) { k.Reference = app.Float(65) }, Pass},  // 130 = 2 × 65: not more than twice
		"no baseline, reference ok":    {func(k *app.KPI) { k.Baseline = nil; k.Reference = app.Float(125) }, Pass},
		"no baseline, no reference":    {func(k *app.KPI) { k.Baseline = nil }, Warn},
		"baseline fails, reference ok": {func(k *app.KPI) { k.Target = 800; k.Reference = app.Float(700) }, Fail}, // 233 % a month stays a failure
		"lower, above last year": {func(k *app.KPI) { // 12 > 10: allows more complaints than last year
			k.Direction, k.Baseline, k.Target, k.Reference = app.Lower, app.Float(14), 12, app.Float(10)
		}, Warn},
		"lower, less than half": {func(k *app.KPI) { // 4 < 10 / 2 = 5
			k.Direction, k.Baseline, k.Target, k.Reference = app.Lower, app.Float(5), 4, app.Float(10)
		}, Warn},
		"lower, plausible": {func(k *app.KPI) { // 5 ≤ 8 ≤ 10 (baseline 9 to 8: ≈ 4 % a month)
			k.Direction, k.Baseline, k.Target, k.Reference = app.Lower, app.Float(9), 8, app.Float(10)
		}, Pass},
		"range ignores it": {func(k *app.KPI) { k.Direction, k.Baseline, k.Reference = app.Range, nil, app.Float(1000) }, Pass},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p, k := quarterPlan(), goodKPI()
			tc.edit(&k)
			c := achievable(p, &k)
			if c.Verdict != tc.want || c.Reason.Key == "" {
				t.Errorf("Achievable = %s (%s), want %s", c.Verdict, c.Reason, tc.want)
			}
		})
	}
}
