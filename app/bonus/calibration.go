package bonus

import (
	"time"

	"kpiplanner/app"
)

// Override moves one person to another rating band in a calibration: the
// score stays as computed, the multiplier becomes the band's.
type Override struct {
	Person app.UID
	Code   string // employee code, for files
	From   string // the band before this override (the computed one, or an earlier override's)
	To     string
	// Computed is the band the score earned: what undoing the override returns to.
	Computed string
	Reason   string // required
	User     string
	At       time.Time
}

// Quota is a rule such as "Excellent at most 20 % of the number rated Good, per unit".
type Quota struct {
	Band    string  // the band limited, e.g. "Excellent"
	Percent float64 // at most this percent …
	Of      string  // … of the number rated this band; "" = of everyone rated
	PerUnit bool    // checked in every unit separately (otherwise over the whole calibration)
}

// Target is the distribution a calibration aims at: percent per band
// (e.g. 10/20/40/20/10) and/or quota rules.
type Target struct {
	Percents  map[string]float64 // band → percent of the people rated; empty = no percent target
	Tolerance float64            // points a band may be off its percent before it is a violation; 0 = 0.5 of one person
	Quotas    []Quota
}

// SignOff is a frozen calibration: the overrides and every row's amount at
// the moment it was signed, which later edits cannot change until Reopen.
type SignOff struct {
	At     time.Time
	User   string
	Rows   []Row // the solved rows of the calibration's scope
	Total  float64
	Pool   float64
	Policy Policy
}

// Reopening is one reopen of a signed-off calibration.
type Reopening struct {
	At     time.Time
	User   string
	Reason string
}

// Calibration is the calibration of one cycle for one unit ("" = company-wide).
type Calibration struct {
	Cycle     app.Cycle
	Unit      app.UID
	Overrides []Override // the latest per person; undone ones removed
	Target    Target
	SignedOff *SignOff    // nil while open
	Reopened  []Reopening // every reopen, oldest first
}

// Signed reports whether the calibration is frozen.
func (c *Calibration) Signed() bool { return c.SignedOff != nil }

// OverrideOf returns the override of person uid, or nil.
func (c *Calibration) OverrideOf(uid app.UID) *Override {
	for i := range c.Overrides {
		if c.Overrides[i].Person == uid {
			return &c.Overrides[i]
		}
	}
	return nil
}

// Apply returns in with c's overrides applied: Band, Multiplier and Overridden set from each override's band.
func (c *Calibration) Apply(in []Input) []Input { return applyOverrides(c.Overrides, in) }

// BandCount is one band of a distribution.
type BandCount struct {
	Band      string
	Count     int
	Percent   float64 // of the people rated
	Target    float64 // the target percent; meaningful when HasTarget
	HasTarget bool
	Cost      float64 // Σ raw of the band's people
}

// Distribution is how many people each band holds, in band order (highest first).
type Distribution struct {
	Bands []BandCount
	Rated int // people with a band
}

// Violation is one breach of a target: a band over or under its percent, or a quota exceeded.
type Violation struct {
	Unit    app.UID // the unit of a per-unit quota; "" otherwise
	Band    string
	Count   int     // people in the band
	Allowed int     // the most (or, for Under, the fewest) the target allows
	Under   bool    // too few rather than too many
	Msg     app.Msg // in words
}

// Distribute counts in by band (bands gives the order and the names).
func Distribute(in []Input, bands []app.Band, t Target) Distribution { return distribute(in, bands, t) }

// Check returns every violation of t by in (quotas per unit where asked).
func Check(in []Input, bands []app.Band, t Target) []Violation { return check(in, bands, t) }
