package bonus

import "kpiplanner/app"

// Input is one person as the solver sees them: who, where, the score and
// band that set the multiplier, and the dates that decide pro-rating and
// eligibility.
type Input struct {
	Person   app.UID
	Plan     app.UID // the plan the score comes from; history of overrides goes there
	Code     string  // employee code: the last tie-break
	Name     string
	Unit     app.UID
	UnitCode string
	Manager  app.UID
	// PoolUnit is the unit whose pool the person draws from ("" = the company pool).
	PoolUnit app.UID
	Base     float64 // base bonus (paid at multiplier 1)
	Score    float64 // the official total, 2 decimals
	HasScore bool
	// Groups are the A, B, C group scores and whether each was scored, for
	// the simulator's group-weight changes.
	Groups [3]GroupScore
	// Weights are the plan's group weights (percent) for A, B, C.
	Weights [3]float64
	Band    string // the band name (English key) after any calibration override
	// Computed is the band the score earned before any override.
	Computed   string
	Multiplier float64
	// Overridden is true when Band comes from a calibration override.
	Overridden bool
	Bands      []app.Band // the plan's bands, highest first (shared, never changed)
	Joined     app.Date
	Left       app.Date
}

// GroupScore is one group's subtotal of a person's plan.
type GroupScore struct {
	Score  float64
	Scored bool
}

// BandMultiplier returns the multiplier of the band named name in bands, and whether there is one.
func BandMultiplier(bands []app.Band, name string) (float64, bool) {
	for _, b := range bands {
		if b.Name == name {
			return b.Multiplier, true
		}
	}
	return 0, false
}
