package app

// PlanID identifies a plan inside a workspace; 0 means "not saved yet".
type PlanID uint64

// Frequency is how often a plan's actuals are recorded and reviewed.
type Frequency string

// The review frequencies; each period of a cycle is one of these.
const (
	Weekly    Frequency = "weekly"
	Monthly   Frequency = "monthly"
	Quarterly Frequency = "quarterly"
)

// Frequencies lists every valid Frequency.
var Frequencies = []Frequency{Weekly, Monthly, Quarterly}

// Status is where a plan is in its life.
type Status string

// The plan statuses, in the order of the review lifecycle (lifecycle.go).
const (
	Draft     Status = "draft"     // being written; anything may change
	Submitted Status = "submitted" // handed in by its owner for approval
	Approved  Status = "approved"  // targets and weights approved; collecting actuals
	Closed    Status = "closed"    // cycle over, result final; refuses every change
)

// Statuses lists every valid Status, in lifecycle order.
var Statuses = []Status{Draft, Submitted, Approved, Closed}

// LegacyActive is the status plans had before the review lifecycle: "in its
// cycle, collecting actuals". Readers of older files map it to Approved.
const LegacyActive Status = "active"

// Person is whom a plan belongs to.
type Person struct {
	Name       string
	Department string
	Position   string
	BaseBonus  float64 // bonus paid at multiplier 1.0
	Currency   string  // ISO code, e.g. VND
	// Code and Unit are the registry's employee code and org unit, filled in
	// on load for plans that refer to a registry person; never stored.
	Code string
	Unit UID
}

// Cycle is the span a plan covers and how often it is reviewed.
type Cycle struct {
	Start     Date
	End       Date // inclusive
	Frequency Frequency
}

// Goal is a plan's business goal.
type Goal struct {
	Text string // e.g. "Increase revenue from new customers by 20% in 6 months"
	Type string // a goal type of the KPI library, e.g. "lead-generation"
}

// Band is a rating band: a total at or above Min earns Name and Multiplier.
type Band struct {
	Min        float64
	Name       string
	Multiplier float64
}

// BonusMode says how a total becomes a bonus.
type BonusMode string

// The bonus modes.
const (
	BonusBand   BonusMode = "band"   // base × the rating band's multiplier
	BonusLinear BonusMode = "linear" // base × min(total/100, LinearCap)
)

// MissingData says how a KPI without data in the scoring window counts.
type MissingData string

// The missing-data rules.
const (
	// MissingExclude leaves the KPI out of its group's mean (plans written
	// before the rule existed read as this; "" means the same).
	MissingExclude MissingData = "exclude"
	// MissingZero counts the KPI as a score of 0.
	MissingZero MissingData = "zero"
	// MissingProvisional scores as exclude but marks the result provisional
	// until every KPI has data in the window or is exempted with a reason.
	MissingProvisional MissingData = "provisional"
)

// MissingDataRules lists every valid MissingData.
var MissingDataRules = []MissingData{MissingExclude, MissingZero, MissingProvisional}

// Rules are a plan's scoring rules.
type Rules struct {
	GroupWeights map[Group]float64 // percent per group; must sum to 100
	Bands        []Band            // sorted by Min, highest first
	BonusMode    BonusMode
	LinearCap    float64 // highest total/100 paid in linear mode
	Cap          float64 // default highest achievement counted (1.2 = 120 %)
	Floor        float64 // default achievement below which a KPI scores 0
	// RoundingStep is the money step bonuses are rounded to, in currency
	// units (1 000 rounds to thousands); 0 means the currency's own unit.
	RoundingStep float64
	MissingData  MissingData // how KPIs without data count; "" means exclude
	// NoteBelow is the score below which a KPI in a closed period needs a
	// comment before the plan can be submitted or closed; 0 turns it off.
	NoteBelow float64
	// TeamWeight is the percent of a person's total taken from their unit
	// plan's total (the team component, docs/scoring.md); 0 turns it off.
	TeamWeight float64
}

// Default rule values.
const (
	DefaultCap       = 1.2
	DefaultFloor     = 0.0
	DefaultLinearCap = 1.5
	DefaultNoteBelow = 70.0
)

// DefaultRules returns the rules a new plan starts with: groups A 50, B 30,
// C 20; bands Excellent ≥ 110 ×1.5, Good ≥ 90 ×1.0, Fair ≥ 70 ×0.5, Below
// target ×0; band bonus; cap 1.2; floor 0; bonuses rounded to the currency's
// unit; missing data makes the result provisional; a KPI scoring below 70 in
// a closed period needs a comment.
func DefaultRules() Rules {
	return Rules{
		GroupWeights: map[Group]float64{GroupA: 50, GroupB: 30, GroupC: 20},
		Bands: []Band{
			{Min: 110, Name: "Excellent", Multiplier: 1.5},
			{Min: 90, Name: "Good", Multiplier: 1.0},
			{Min: 70, Name: "Fair", Multiplier: 0.5},
			{Min: 0, Name: "Below target", Multiplier: 0},
		},
		BonusMode:   BonusBand,
		LinearCap:   DefaultLinearCap,
		Cap:         DefaultCap,
		Floor:       DefaultFloor,
		MissingData: MissingProvisional,
		NoteBelow:   DefaultNoteBelow,
	}
}

// Plan is one person's KPI plan for one cycle.
type Plan struct {
	ID     PlanID
	UID    UID    // stable global id, the same in every workspace; "" until saved
	Name   string // e.g. "Marketing — Q1 2026"
	Status Status
	// Revision counts the saved changes of the plan; every change bumps it.
	Revision uint64
	// ApprovedOnce is set by the first approval and never cleared: changes
	// after it need a reason, also once the plan is reopened.
	ApprovedOnce bool
	// PersonUID is the registry employee the plan belongs to; "" for plans
	// without one. Person is that employee's view, filled in on load.
	PersonUID UID
	Person    Person
	Cycle     Cycle
	Goal      Goal
	Rules     Rules
	KPIs      []KPI
	// UnitUID is the org unit whose own plan this is (a department's KPIs,
	// owned by its head); "" for a person's plan.
	UnitUID UID
	// ClosedPeriods is how many leading periods of the cycle HR has closed
	// for the plan's unit; derived on load from the period closes, never
	// stored with the plan.
	ClosedPeriods int
	// TemplateUID and TemplateVersion name the position template (and its
	// version) the plan was made from or last updated to; "" and 0 for a
	// plan made by hand.
	TemplateUID     UID
	TemplateVersion int
	// UnitTotals is, for a person's plan with a team weight, the official
	// total of their unit plan through the end of each of this plan's
	// periods (NaN where it has none): the team component's input
	// (docs/scoring.md §5a). Derived on load from the unit plan's rolled-up
	// actuals (cascade.FillTeams), never stored; nil means no team component.
	UnitTotals []float64
}

// NewPlan returns an empty draft plan with the default rules.
func NewPlan() *Plan {
	return &Plan{Status: Draft, Rules: DefaultRules()}
}

// KPI returns the plan's KPI with the given id, or nil.
func (p *Plan) KPI(id string) *KPI {
	for i := range p.KPIs {
		if p.KPIs[i].ID == id {
			return &p.KPIs[i]
		}
	}
	return nil
}

// CapOf returns the achievement cap that applies to k in p.
func (p *Plan) CapOf(k *KPI) float64 {
	if k.Cap != nil {
		return *k.Cap
	}
	return p.Rules.Cap
}

// FloorOf returns the achievement floor that applies to k in p.
func (p *Plan) FloorOf(k *KPI) float64 {
	if k.Floor != nil {
		return *k.Floor
	}
	return p.Rules.Floor
}

// Clone returns a deep copy of p, so edits to the copy leave p unchanged.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Rules.GroupWeights = make(map[Group]float64, len(p.Rules.GroupWeights))
	for g, w := range p.Rules.GroupWeights {
		c.Rules.GroupWeights[g] = w
	}
	c.Rules.Bands = append([]Band(nil), p.Rules.Bands...)
	c.UnitTotals = append([]float64(nil), p.UnitTotals...) // derived: team component
	c.KPIs = make([]KPI, len(p.KPIs))
	for i, k := range p.KPIs {
		c.KPIs[i] = k.clone()
	}
	return &c
}

func (k KPI) clone() KPI {
	c := k
	c.Baseline = copyFloat(k.Baseline)
	c.Floor = copyFloat(k.Floor)
	c.Cap = copyFloat(k.Cap)
	c.Steps = append([]StepBand(nil), k.Steps...)
	c.Actuals = append([]Actual(nil), k.Actuals...)
	c.PeriodTargets = append([]PeriodTarget(nil), k.PeriodTargets...) // targets per period (issue 12)
	c.Reference = copyFloat(k.Reference)
	return c
}

func copyFloat(f *float64) *float64 {
	if f == nil {
		return nil
	}
	v := *f
	return &v
}
