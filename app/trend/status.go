package trend

import "kpiplanner/app"

// Status is where a KPI is heading, judged from its forecast.
type Status string

// The statuses.
const (
	OnTrack  Status = "on track"  // forecast achievement ≥ 100 % of the target
	AtRisk   Status = "at risk"   // forecast achievement ≥ 85 %
	OffTrack Status = "off track" // forecast achievement below 85 %
	NoData   Status = "no data"   // no value recorded yet, so no forecast
	Unknown  Status = "unknown"   // a milestone not done yet before its deadline: a line cannot forecast it
)

// Status thresholds on the forecast achievement (1.0 = on target).
const (
	OnTrackFrom = 1.0
	AtRiskFrom  = 0.85
)

// eps absorbs rounding so an achievement computed as 0.8499999999 counts as 0.85.
const eps = 1e-9

// StatusOf returns the status a forecast achievement a earns: OnTrack from
// 1.0, AtRisk from 0.85, else OffTrack.
func StatusOf(a float64) Status {
	switch {
	case a >= OnTrackFrom-eps:
		return OnTrack
	case a >= AtRiskFrom-eps:
		return AtRisk
	}
	return OffTrack
}

// statusOf returns k's status from its projection. Without data it is
// NoData. A milestone is OnTrack once done; not done, it is Unknown until
// its deadline period is reached and OffTrack after.
func statusOf(k *app.KPI, f Projection) Status {
	if !f.OK {
		return NoData
	}
	if k.Direction == app.Milestone && f.Achievement < OnTrackFrom {
		if f.At < f.Horizon {
			return Unknown
		}
		return OffTrack
	}
	return StatusOf(f.Achievement)
}
