package app

// Direction says which way a KPI's actual should move.
type Direction string

// The KPI directions.
const (
	Higher    Direction = "higher"    // more is better (revenue, leads)
	Lower     Direction = "lower"     // less is better (cost, complaints)
	Range     Direction = "range"     // inside [RangeLow, RangeHigh] is on target
	Milestone Direction = "milestone" // done (1) or not done (0)
)

// Directions lists every valid Direction.
var Directions = []Direction{Higher, Lower, Range, Milestone}

// Aggregation says how a KPI's period values combine over a scoring window.
type Aggregation string

// The aggregations.
const (
	Sum     Aggregation = "sum"
	Average Aggregation = "average"
	Last    Aggregation = "last"
	Min     Aggregation = "min"
	Max     Aggregation = "max"
	Ratio   Aggregation = "ratio" // Σ numerators / Σ denominators
)

// Aggregations lists every valid Aggregation.
var Aggregations = []Aggregation{Sum, Average, Last, Min, Max, Ratio}

// Unit is what a KPI's numbers count.
type Unit string

// The units.
const (
	Number   Unit = "number"
	Percent  Unit = "percent"
	Currency Unit = "currency"
	Duration Unit = "duration" // hours, days… named in the KPI's description
	Count    Unit = "count"
	Ratio1   Unit = "ratio" // a plain ratio such as ROAS 4.0
	Score    Unit = "score" // an index such as NPS or a satisfaction score
	Days     Unit = "days"
	Hours    Unit = "hours"
	Minutes  Unit = "minutes"
	Seconds  Unit = "seconds"
)

// Units lists every valid Unit.
var Units = []Unit{Number, Percent, Currency, Duration, Count, Ratio1, Score, Days, Hours, Minutes, Seconds}

// The defaults of a KPI the user makes up without the library: a plain
// number, where more is better, summed over the scoring window.
const (
	DefaultUnit        = Number
	DefaultDirection   = Higher
	DefaultAggregation = Sum
)

// CustomKPI returns a KPI of the user's own with the given id and name, the
// default unit, direction and aggregation, and weight 1.
func CustomKPI(id, name string) KPI {
	return KPI{ID: id, Name: name, Unit: DefaultUnit, Direction: DefaultDirection,
		Aggregation: DefaultAggregation, Weight: 1}
}

// Group is a KPI's A/B/C class.
type Group string

// The groups.
const (
	GroupA Group = "A" // much effort, heavy on the goal
	GroupB Group = "B" // quick and high impact, or slow and low impact
	GroupC Group = "C" // quick and low impact
)

// Groups lists the groups in order.
var Groups = []Group{GroupA, GroupB, GroupC}

// Level is a high/low rating of a KPI's effort or impact.
type Level string

// The levels.
const (
	High Level = "high"
	Low  Level = "low"
)

// SuggestGroup returns the A/B/C group the effort × impact grid proposes:
// high/high → A; low effort + high impact → B; high effort + low impact → B;
// low/low → C. It returns "" when either level is unset.
func SuggestGroup(effort, impact Level) Group {
	switch {
	case effort == High && impact == High:
		return GroupA
	case effort == Low && impact == High, effort == High && impact == Low:
		return GroupB
	case effort == Low && impact == Low:
		return GroupC
	}
	return ""
}

// StepBand maps an achievement level to a fixed score: a KPI with step bands
// scores the Score of the highest band whose From it reaches.
type StepBand struct {
	From  float64 `json:"from"`  // achievement, 1.0 = on target
	Score float64 `json:"score"` // score given from that achievement up
}

// Actual is a KPI's recorded value for one period of the plan's cycle. Ratio
// KPIs record a numerator and a denominator; others record Value.
type Actual struct {
	Period int     // 0-based index into the cycle's periods
	Value  float64 // the value, or the numerator for ratio KPIs
	Den    float64 // the denominator, for ratio KPIs only
	// Comment explains the value, e.g. why a KPI is red; "" when none.
	Comment string
}

// PeriodTarget is a KPI's target for one period of its plan's cycle.
type PeriodTarget struct {
	Period int     // 0-based index into the cycle's periods
	Value  float64 // the target for that period
}

// KPI is one key performance indicator of a plan, with its target, scoring
// options and recorded actuals.
type KPI struct {
	ID          string
	LibraryID   string // the KPI library entry it came from, if any
	Name        string
	Description string
	Rationale   string // how it serves the plan's goal
	Unit        Unit
	Direction   Direction
	Baseline    *float64 // starting level; nil when unknown
	Target      float64
	RangeLow    float64  // for Range KPIs
	RangeHigh   float64  // for Range KPIs
	Tolerance   float64  // for Range KPIs: distance outside the range at which achievement reaches 0
	Floor       *float64 // achievement below this scores 0; nil uses the plan's rule
	Cap         *float64 // highest achievement counted; nil uses the plan's rule
	Weight      float64  // weight inside its group
	Group       Group
	Effort      Level
	Impact      Level
	Aggregation Aggregation
	DataSource  string
	Owner       string
	Deadline    Date
	Steps       []StepBand
	Note        string
	// Exempt is the written reason a KPI without data does not make the
	// plan's result provisional; "" when not exempted.
	Exempt string
	// PeriodTargets is the KPI's target per period of the cycle (a monthly
	// plan), sorted by period; nil when the KPI has one cycle target only.
	PeriodTargets []PeriodTarget
	// Reference is a value to compare the target with, such as last year's
	// actual; nil when none.
	Reference *float64
	Actuals   []Actual // at most one per period, sorted by period
}

// ActualAt returns the KPI's actual for period i, if recorded.
func (k *KPI) ActualAt(i int) (Actual, bool) {
	for _, a := range k.Actuals {
		if a.Period == i {
			return a, true
		}
	}
	return Actual{}, false
}

// SetActual records (or replaces) the actual for period a.Period, keeping
// Actuals sorted by period.
func (k *KPI) SetActual(a Actual) {
	for i := range k.Actuals {
		switch {
		case k.Actuals[i].Period == a.Period:
			k.Actuals[i] = a
			return
		case k.Actuals[i].Period > a.Period:
			k.Actuals = append(k.Actuals, Actual{})
			copy(k.Actuals[i+1:], k.Actuals[i:])
			k.Actuals[i] = a
			return
		}
	}
	k.Actuals = append(k.Actuals, a)
}

// ClearActual removes the actual for period i, reporting whether there was one.
func (k *KPI) ClearActual(i int) bool {
	for j := range k.Actuals {
		if k.Actuals[j].Period == i {
			k.Actuals = append(k.Actuals[:j], k.Actuals[j+1:]...)
			return true
		}
	}
	return false
}

// Float returns a pointer to v, for optional fields such as Baseline.
func Float(v float64) *float64 { return &v }
