package bonus

import "kpiplanner/app"

// Scenario is a what-if change of the rules: nil or zero fields keep what is.
type Scenario struct {
	Bands        []app.Band            // new bands (names, thresholds, multipliers), highest first; nil = each plan's own
	GroupWeights map[app.Group]float64 // new group weights (percent); nil = each plan's own
	Pool         *float64              // new company pool; nil = the policy's
	Mode         Mode                  // "" = the policy's
}

// Change is one person's bonus before and after a scenario.
type Change struct {
	Person                app.UID
	Code                  string
	Name                  string
	Before                float64
	After                 float64
	Delta                 float64 // After − Before
	BandBefore, BandAfter string
}

// Bucket is one bar of the histogram of totals: scores From ≤ total < To.
type Bucket struct {
	From, To float64
	Count    int
}

// Outcome is what the simulator shows for a scenario.
type Outcome struct {
	Totals   []Bucket     // histogram of totals, 10 points wide
	Ratings  Distribution // people per band after the change
	Cost     float64      // Σ final after the change
	Before   float64      // Σ final before
	Pool     float64
	Feasible bool
	Winners  []Change // biggest gains, largest first
	Losers   []Change // biggest losses, largest first
}

// Simulator answers scenarios over a fixed set of people quickly; it never saves anything.
type Simulator struct {
	s simulator
}

// NewSimulator prepares in (as they are today) under p; Top is how many winners and losers to keep (0 = 10).
func NewSimulator(in []Input, p Policy, top int) *Simulator { return newSimulator(in, p, top) }

// Run computes the outcome of sc.
func (s *Simulator) Run(sc Scenario) Outcome { return s.s.run(sc) }

// Rescore returns in rescored under sc's bands and group weights (the inputs Apply would give).
func Rescore(in []Input, sc Scenario) []Input { return rescore(in, sc) }
