package bonus

import "kpiplanner/app"

// Bound says whether a floor or a cap decided a row's amount.
type Bound string

// The bounds of a row.
const (
	Free    Bound = "free"  // k × raw, within floor and cap
	Floored Bound = "floor" // lifted to the floor
	Capped  Bound = "cap"   // cut to the cap
)

// Why is one reason a person gets no bonus.
type Why string

// The reasons a person is not eligible.
const (
	NotInCycle    Why = "not employed during the cycle"
	TooFewDays    Why = "employed fewer days than required"
	LeftBeforePay Why = "not employed on the payment date"
	InProbation   Why = "probation not passed by the end of the cycle"
	NoScore       Why = "no score"
)

// Row is one person's bonus with every step that made it.
type Row struct {
	Input
	// Pool is the pool the row was solved in: its pool unit when the policy
	// gives that unit a pool, "" (the company pool) otherwise.
	Pool     app.UID
	Eligible bool
	Why      []Why   // empty when eligible
	WhyText  app.Msg `json:"-"` // the first reason in words, with its numbers; not kept in snapshots (Why is)
	Worked   int     // days (or months) counted for pro-rating
	Of       int     // days (or months) of the cycle
	ProRata  float64 // Worked ÷ Of, 1 without pro-rating, 0 when not eligible
	Raw      float64 // Base × Multiplier × ProRata
	FloorAt  float64 // the floor in money, already a multiple of the step (rounded up); 0 = none
	CapAt    float64 // the cap in money, a multiple of the step (rounded down); 0 with HasCap false = none
	HasCap   bool
	Scaled   float64 // K × Raw
	Bound    Bound
	Exact    float64 // Scaled within floor and cap: the exact share before rounding
	Rounded  float64 // Exact rounded down to the step
	Fraction float64 // (Exact − Rounded) ÷ Step: the remainder, in steps, that ranks the hand-out
	Extra    int64   // remainder steps handed to this row (0 or 1)
	Final    float64 // Rounded + Extra × Step: what is paid
}

// PoolResult is one pool's outcome (the company's, or one unit's).
type PoolResult struct {
	Unit     app.UID // "" = the company pool
	Code     string
	Pool     float64 // the pool (fit and cap) as given, rounded down to the step
	Raw      float64 // Σ raw of the eligible
	K        float64 // the scale applied to the free rows
	Total    float64 // Σ final
	People   int     // rows in the pool
	Eligible int
	// Feasible is false when no k can meet the pool within floors and caps:
	// Σ caps below the pool (fit) or Σ floors above it (fit and cap).
	Feasible bool
	// Shortfall is what the pool misses by when infeasible: pool − Σ caps
	// (positive: the caps cannot reach the pool) or pool − Σ floors
	// (negative: the floors alone exceed it); 0 when feasible.
	Shortfall float64
	// Remainder is how many steps were handed out by largest remainder.
	Remainder int64
}

// Result is a solved policy: every row explained, each pool and the totals.
type Result struct {
	Mode  Mode
	Step  float64
	Rows  []Row // in input order
	Pools []PoolResult
	Total float64 // Σ final over every row
	Pool  float64 // Σ of the pools
	Raw   float64 // Σ raw over every row
	// Feasible is true when every pool is.
	Feasible bool
}

// Row returns the row of person uid, or nil.
func (r *Result) Row(uid app.UID) *Row {
	for i := range r.Rows {
		if r.Rows[i].Person == uid {
			return &r.Rows[i]
		}
	}
	return nil
}

// Scope returns the rows of the people in units (a unit's subtree) with their
// totals, and the pools those rows draw from.
func (r *Result) Scope(units map[app.UID]bool) Result {
	out := Result{Mode: r.Mode, Step: r.Step, Feasible: true}
	pools := map[app.UID]bool{}
	for i := range r.Rows {
		if units[r.Rows[i].Unit] {
			out.Rows = append(out.Rows, r.Rows[i])
			out.Total += r.Rows[i].Final
			out.Raw += r.Rows[i].Raw
			pools[r.Rows[i].Pool] = true
		}
	}
	for _, pr := range r.Pools {
		if pools[pr.Unit] {
			out.Pools = append(out.Pools, pr)
			out.Pool += pr.Pool
			out.Feasible = out.Feasible && pr.Feasible
		}
	}
	return out
}
