package trend

import (
	"math"
	"slices"

	"kpiplanner/app"
)

// Anomaly detection parameters. A period is unusual when its value lies
// more than AnomalyK spreads from the median of the previous (up to)
// AnomalyWindow periods with data, of which there must be AnomalyMinPoints.
// The spread is the robust standard deviation MADScale × MAD, but never less
// than AnomalyMinSpread × |median| (nor 1e-9): with only 4–6 points the MAD
// is often tiny or 0 (a flat history, small counts, scores rounded to one
// decimal), and 3 × the raw MAD alone flags about one period in five of pure
// noise (see docs/charts/README.md). So a flat history with a jump of more than
// 3 × 5 % = 15 % is flagged, and a flat series is not.
const (
	AnomalyWindow    = 6
	AnomalyMinPoints = 4
	AnomalyK         = 3.0
	MADScale         = 1.4826 // MAD × 1.4826 estimates σ for normally distributed data
	AnomalyMinSpread = 0.05
	minSpread        = 1e-9 // the spread floor when the median is 0
)

// Move says which way an anomaly departs from the history.
type Move string

// The moves.
const (
	Up   Move = "up"
	Down Move = "down"
)

// Anomaly is a period whose value departs unusually from the KPI's recent history.
type Anomaly struct {
	KPI       string  // KPI id
	Period    int     // 0-based period index
	Label     string  // the period's label
	Value     float64 // the period's value
	Median    float64 // median of the previous periods with data
	MAD       float64 // their median absolute deviation from Median (unscaled)
	Direction Move
	Msg       app.Msg // "Revenue rose unusually in 2026-03"
}

// Anomalies returns the unusual periods among 0..at of k, oldest first.
// Milestones (0 until done, then 1) have none.
func Anomalies(p *app.Plan, k *app.KPI, at int) []Anomaly {
	c := cycleOf(p)
	return anomalies(c, k, c.window(at))
}

func anomalies(c cycle, k *app.KPI, at int) []Anomaly {
	if k.Direction == app.Milestone {
		return nil
	}
	xs, ys := observed(k, at)
	var out []Anomaly
	for j := AnomalyMinPoints; j < len(ys); j++ {
		hist := ys[max(0, j-AnomalyWindow):j]
		m, mad := medianMAD(hist)
		if !unusual(ys[j], m, mad) {
			continue
		}
		i := int(xs[j])
		a := Anomaly{KPI: k.ID, Period: i, Label: c.labels[i], Value: ys[j], Median: m, MAD: mad, Direction: Up,
			Msg: app.M("%s rose unusually in %s", k.Name, c.labels[i])}
		if ys[j] < m {
			a.Direction = Down
			a.Msg = app.M("%s fell unusually in %s", k.Name, c.labels[i])
		}
		out = append(out, a)
	}
	return out
}

// unusual reports whether v lies more than AnomalyK spreads from the median m.
func unusual(v, m, mad float64) bool {
	spread := max(MADScale*mad, AnomalyMinSpread*math.Abs(m), minSpread)
	return math.Abs(v-m) > AnomalyK*spread
}

// medianMAD returns the median of vs and the median of |v − median|.
func medianMAD(vs []float64) (m, mad float64) {
	m = median(vs)
	dev := make([]float64, len(vs))
	for i, v := range vs {
		dev[i] = math.Abs(v - m)
	}
	return m, median(dev)
}

// median returns the median of vs (the mean of the middle two for an even count).
func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
