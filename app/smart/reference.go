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
	switch {
	case k.Reference == nil:
		return c, false
	case k.Direction == app.Higher && k.Target > 0:
		c.Verdict, c.Reason = higherVsReference(k.Target, *k.Reference)
	case k.Direction == app.Lower:
		c.Verdict, c.Reason = lowerVsReference(k.Target, *k.Reference)
	default:
		return c, false
	}
	return c, true
}

func higherVsReference(t, ref float64) (Verdict, app.Msg) {
	switch {
	case t < ref:
		return Warn, app.M("The target %g is below the reference value %g: it asks for less than was already reached.", t, ref)
	case ref > 0 && t > refFar*ref:
		return Warn, app.M("The target %g is more than twice the reference value %g: check it is realistic.", t, ref)
	}
	return Pass, app.M("The target %g is within reach of the reference value %g.", t, ref)
}

func lowerVsReference(t, ref float64) (Verdict, app.Msg) {
	switch {
	case t > ref:
		return Warn, app.M("The target %g is above the reference value %g: it allows more than was already reached.", t, ref)
	case ref > 0 && t < ref/refFar:
		return Warn, app.M("The target %g is less than half the reference value %g: check it is realistic.", t, ref)
	}
	return Pass, app.M("The target %g is within reach of the reference value %g.", t, ref)
}
