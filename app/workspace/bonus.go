package workspace

import (
	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

// BonusCycles returns the cycles the workspace's plans cover (Start and End;
// Frequency cleared), most plans first, then latest first.
func (w *Workspace) BonusCycles() ([]app.Cycle, error) { return w.bonusCycles() }

// BonusPolicy returns the cycle's stored policy, or bonus.DefaultPolicy when none is stored.
func (w *Workspace) BonusPolicy(c app.Cycle) (bonus.Policy, error) { return w.bonusPolicy(c) }

// SaveBonusPolicy validates and stores p (one transaction, recorded in the
// workspace log); nothing is saved when p is invalid.
func (w *Workspace) SaveBonusPolicy(p bonus.Policy) error { return w.saveBonusPolicy(p) }

// BonusInputs returns the solver's inputs for the cycle's plans: each plan's
// person, unit, base, official score and band, with the calibration
// overrides of the cycle applied, and the pool unit set from p's unit pools.
// unit, when not "", keeps the people of that unit's subtree.
func (w *Workspace) BonusInputs(c app.Cycle, p bonus.Policy, unit app.UID) ([]bonus.Input, error) {
	return w.bonusInputs(c, p, unit)
}

// Bonus solves the cycle's stored policy for unit ("" = company): the
// inputs, the policy and the result (a signed-off calibration's snapshot rows
// replace the solved rows of its scope).
func (w *Workspace) Bonus(c app.Cycle, unit app.UID) ([]bonus.Input, bonus.Policy, bonus.Result, error) {
	return w.bonusSolve(c, unit)
}

// Calibration returns the calibration of (cycle, unit), an empty one when none is stored.
func (w *Workspace) Calibration(c app.Cycle, unit app.UID) (bonus.Calibration, error) {
	return w.calibration(c, unit)
}

// Override moves person to band in the calibration of (cycle, unit) with a
// required reason, and records it in the history of the person's plan in
// the same transaction; refused while the calibration is signed off.
func (w *Workspace) Override(c app.Cycle, unit, person app.UID, band, reason string) (bonus.Override, error) {
	return w.override(c, unit, person, band, reason)
}

// UndoOverride removes person's override from the calibration of (cycle,
// unit) (recorded in history as a change back to the computed band);
// refused while signed off.
func (w *Workspace) UndoOverride(c app.Cycle, unit, person app.UID) error {
	return w.undoOverride(c, unit, person)
}

// SaveTarget stores the target distribution of (cycle, unit); refused while signed off.
func (w *Workspace) SaveTarget(c app.Cycle, unit app.UID, t bonus.Target) error {
	return w.saveTarget(c, unit, t)
}

// SignOff freezes the calibration of (cycle, unit): a snapshot of every row
// of its scope, solved now, that later edits cannot change until Reopen.
func (w *Workspace) SignOff(c app.Cycle, unit app.UID) (bonus.SignOff, error) {
	return w.signOff(c, unit)
}

// ReopenCalibration unfreezes a signed-off calibration with a required reason (recorded in the log).
func (w *Workspace) ReopenCalibration(c app.Cycle, unit app.UID, reason string) error {
	return w.reopenCalibration(c, unit, reason)
}

// ApplyScenario writes a simulated change of the rules for good: the bands
// and group weights into every plan of the cycle (each a change with
// history and reason) and the pool into the cycle's policy, in one
// transaction; refused when any calibration of the cycle is signed off.
func (w *Workspace) ApplyScenario(c app.Cycle, sc bonus.Scenario, reason string) error {
	return w.applyScenario(c, sc, reason)
}

// OverrideInput is Override for a person the caller already holds as an
// input (the calibration board's card): it skips reading every plan to find
// the person's plan and computed band.
func (w *Workspace) OverrideInput(c app.Cycle, unit app.UID, in bonus.Input, band, reason string) (bonus.Override, error) {
	return w.overrideInput(c, unit, in, band, reason)
}

// BonusWith is Bonus under policy p instead of the stored one (a what-if, or
// the policy about to be saved): signed-off rows still come from their snapshot.
func (w *Workspace) BonusWith(c app.Cycle, p bonus.Policy, unit app.UID) ([]bonus.Input, bonus.Result, error) {
	return w.bonusWith(c, p, unit)
}
