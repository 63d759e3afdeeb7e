package score

import "kpiplanner/app"

// WindowTarget returns k's target for the window of periods 0..at of a
// cycle of n periods, and the factor f that scales a sum KPI's baseline,
// range and tolerance to that window (docs/scoring.md §2):
//   - without targets per period: f = (at+1)/n for sum KPIs, else 1, and
//     t = target × f (the pro-rata share);
//   - a sum KPI with targets per period: t = Σ of the period targets of
//     periods 0..at, and f = t ÷ cycle target (the same share of the cycle,
//     so the baseline is phased like the target; (at+1)/n when the cycle
//     target is 0);
//   - any other KPI with targets per period: t = the target of period at
//     (the cycle target when that period has none), f = 1.
func WindowTarget(k *app.KPI, at, n int) (t, f float64) {
	f = 1.0
	if k.Aggregation == app.Sum && n > 0 {
		f = float64(at+1) / float64(n)
	}
	if !k.HasPeriodTargets() {
		return k.Target * f, f
	}
	if k.Aggregation != app.Sum {
		if v, ok := k.TargetAt(at); ok {
			return v, 1
		}
		return k.Target, 1
	}
	t = 0
	for _, pt := range k.PeriodTargets { // sorted by period: added in period order
		if pt.Period >= 0 && pt.Period <= at {
			t += pt.Value
		}
	}
	if k.Target != 0 {
		f = t / k.Target
	}
	return t, f
}
