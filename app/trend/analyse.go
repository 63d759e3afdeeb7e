package trend

import "kpiplanner/app"

// KPITrend is everything the package knows about one KPI of a plan.
type KPITrend struct {
	ID          string
	Name        string
	Group       app.Group
	Unit        app.Unit
	Direction   app.Direction
	Aggregation app.Aggregation
	Target      float64  // the full-cycle target
	RangeLow    float64  // for range KPIs
	RangeHigh   float64  // for range KPIs
	Labels      []string // the label of every period of the cycle
	// Targets is the target to date of every period of the cycle, from the
	// KPI's targets per period; nil when it has none (Target is pro rata).
	Targets    []float64
	Points     []Point // periods 0..at
	Projection Projection
	Status     Status
	Anomalies  []Anomaly
}

// Analyse returns the trend of every KPI of p over periods 0..at (at < 0 or
// past the end means the whole cycle), in plan order.
func Analyse(p *app.Plan, at int) []KPITrend {
	c := cycleOf(p)
	at = c.window(at)
	out := make([]KPITrend, len(p.KPIs))
	for i := range p.KPIs {
		out[i] = analyse(p, c, &p.KPIs[i], at)
	}
	return out
}

// Of returns the trend of one KPI of p over periods 0..at.
func Of(p *app.Plan, k *app.KPI, at int) KPITrend {
	c := cycleOf(p)
	return analyse(p, c, k, c.window(at))
}

func analyse(p *app.Plan, c cycle, k *app.KPI, at int) KPITrend {
	f := project(p, c, k, at, horizon(p, c, k))
	return KPITrend{
		ID: k.ID, Name: k.Name, Group: k.Group, Unit: k.Unit, Direction: k.Direction, Aggregation: k.Aggregation,
		Target: k.Target, RangeLow: k.RangeLow, RangeHigh: k.RangeHigh,
		Labels:     c.labels,
		Targets:    targetsTo(c, k),
		Points:     series(c, k, at),
		Projection: f,
		Status:     statusOf(k, f),
		Anomalies:  anomalies(c, k, at),
	}
}
