package bonus

import (
	"kpiplanner/app"
)

// Mode says how the pool bounds the bonuses.
type Mode string

// The pool modes.
const (
	ModeNone Mode = "none" // the raw bonuses (within floors and caps), rounded down to the step
	ModeCap  Mode = "cap"  // scale down only when the raw total exceeds the pool
	ModeFit  Mode = "fit"  // scale so that the total equals the pool exactly
)

// Modes lists every valid Mode.
var Modes = []Mode{ModeNone, ModeCap, ModeFit}

// ProRate says how a part-cycle of employment shrinks a raw bonus.
type ProRate string

// The pro-rating rules.
const (
	ProRateNone   ProRate = "none"   // everyone employed on any day of the cycle counts in full
	ProRateDays   ProRate = "days"   // days employed ÷ days of the cycle (leap days count)
	ProRateMonths ProRate = "months" // months employed ÷ months of the cycle; a month counts from MonthMinDays days
)

// ProRates lists every valid ProRate.
var ProRates = []ProRate{ProRateNone, ProRateDays, ProRateMonths}

// DefaultMonthMinDays is how many days of a month must be worked for it to count under ProRateMonths.
const DefaultMonthMinDays = 15

// Limit is a per-person floor or cap: an absolute amount, or a multiple of
// the person's base bonus. The zero Limit means "none".
type Limit struct {
	Amount float64 // absolute amount in the pool's currency; used when Times is 0
	Times  float64 // × the person's base bonus (2 = at most 2 × base); 0 = use Amount
}

// Set reports whether l limits anything.
func (l Limit) Set() bool { return l.Amount > 0 || l.Times > 0 }

// Of returns the limit's amount for a person with base bonus base.
func (l Limit) Of(base float64) float64 {
	if l.Times > 0 {
		return l.Times * base
	}
	return l.Amount
}

// Eligibility are the conditions a person must meet to get a bonus at all.
type Eligibility struct {
	// MinDays is the least number of days employed in the cycle; 0 = no minimum.
	MinDays int
	// PaymentDate, when set, requires the person still employed on that day.
	PaymentDate app.Date
	// ProbationDays, when not 0, requires the probation (that many days from
	// the join date) to end on or before the cycle's last day.
	ProbationDays int
}

// UnitPool is the pool of one org unit (and the units below it that have no pool of their own).
type UnitPool struct {
	Unit   app.UID
	Code   string // the unit's code, for files and messages
	Amount float64
}

// Policy is the bonus rule of one cycle: the pool, how it bounds the
// bonuses, floors and caps, rounding, pro-rating and eligibility.
type Policy struct {
	Cycle    app.Cycle // the cycle whose plans it pays (Start and End; Frequency ignored)
	Currency string    // ISO code of the pool; "" = VND
	// Pool is the company's pool, used when Units is empty.
	Pool float64
	// Units, when not empty, gives each listed unit its own pool; a person
	// draws from the nearest listed unit on the way up (Input.PoolUnit).
	Units []UnitPool
	Mode  Mode
	Floor Limit // lifts a positive bonus to at least this; a bonus of 0 stays 0
	Cap   Limit // bounds every bonus to at most this
	// Step is the rounding step (Rules.RoundingStep): every amount is a
	// multiple of it; 0 = the currency's unit.
	Step         float64
	ProRate      ProRate
	MonthMinDays int // for ProRateMonths; 0 = DefaultMonthMinDays
	Eligibility  Eligibility
	// Updated and User say who saved the policy last and when; set by the workspace.
	Updated string
	User    string
}

// DefaultPolicy returns the policy a cycle has before HR sets one: mode
// none, no pool, no floor or cap, the currency's unit as the step, no
// pro-rating and no eligibility conditions.
func DefaultPolicy(c app.Cycle) Policy {
	return Policy{Cycle: app.Cycle{Start: c.Start, End: c.End}, Mode: ModeNone, ProRate: ProRateNone, MonthMinDays: DefaultMonthMinDays}
}

// Key returns the cycle key a policy, a calibration or a snapshot is stored under: "2026-01-01/2026-12-31".
func Key(c app.Cycle) string { return c.Start.String() + "/" + c.End.String() }

// PoolOf returns the pool of unit u ("" = the company) under p.
func (p *Policy) PoolOf(u app.UID) float64 {
	if u == "" {
		return p.Pool
	}
	for _, up := range p.Units {
		if up.Unit == u {
			return up.Amount
		}
	}
	return 0
}

// Validate checks the policy's fields, returning an *app.ValidationError
// naming each bad field, or nil.
func (p *Policy) Validate() error { return validatePolicy(p) }
