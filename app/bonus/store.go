package bonus

import "kpiplanner/app"

// Store is what a store offers for bonus records; storage.DB implements it.
type Store interface {
	// BonusPolicy returns the policy of a cycle, and false when none is stored.
	BonusPolicy(c app.Cycle) (Policy, bool, error)
	// Calibrations returns the cycle's calibrations (company-wide and per unit).
	Calibrations(c app.Cycle) ([]Calibration, error)
}

// Tx is what a write transaction offers for bonus records; storage's Tx implements it.
type Tx interface {
	// SaveBonusPolicy stores p under its cycle.
	SaveBonusPolicy(p Policy) error
	// Calibration returns the calibration of (cycle, unit); an empty one when none is stored.
	Calibration(c app.Cycle, unit app.UID) (Calibration, error)
	// SaveCalibration stores c under (its cycle, its unit).
	SaveCalibration(c Calibration) error
}
