package smart

import "kpiplanner/app"

// refFar is how far beyond a KPI's reference value (last year's actual,
// say) a target may go before the Achievable check warns: twice the
// reference for a higher-is-better KPI, half of it for a lower-is-better one.
const refFar = 2.0

// againstReference judges a higher- or lower-is-better KPI's target
// against its reference value; ok is false when there is nothing to judge
// (no reference, no target yet, or another direction).
func againstReference(k *app.KPI) (Check, bool) {
	c := Check{Letter: Achievable, Verdict: Pass}
	if k.Reference == nil || k.Direction != app.Higher && k.Direction != app.Lower || k.Direction == app.Higher && k.Target <= 0 {
		return c, false
	}
	ref, t := *k.Reference, k.Target
	switch {
	case k.Direction == app.Higher && t < ref:
		c.Verdict, c.Reason = Warn, app.M("The target %g is below the reference value %g: it asks for less than was already reached.", t, ref)
	case k.Direction == app.Lower && t > ref:
		c.Verdict, c.Reason = Warn, app.M("The target %g is above the reference value %g: it allows more than was already reached.", t, ref)
	case k.Direction == app.Higher && ref > 0 && t > refFar*ref:
		c.Verdict, c.Reason = Warn, app.M("The target %g is more than twice the reference value %g: check it is realistic.", t, ref)
	case k.Direction == app.Lower && ref > 0 && t < ref/refFar:
		c.Verdict, c.Reason = Warn, app.M("The target %g is less than half the reference value %g: check it is realistic.", t, ref)
	default:
		c.Reason = app.M("The target %g is within reach of the reference value %g.", t, ref)
	}
	return c, true
}
