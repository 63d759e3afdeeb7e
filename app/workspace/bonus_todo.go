package workspace

import (
	"errors"

	"kpiplanner/app"
	"kpiplanner/app/bonus"
)

var errTodo = errors.New("not done yet")

func (w *Workspace) bonusCycles() ([]app.Cycle, error)             { return nil, errTodo }
func (w *Workspace) bonusPolicy(c app.Cycle) (bonus.Policy, error) { return bonus.Policy{}, errTodo }
func (w *Workspace) saveBonusPolicy(p bonus.Policy) error          { return errTodo }
func (w *Workspace) bonusInputs(c app.Cycle, p bonus.Policy, unit app.UID) ([]bonus.Input, error) {
	return nil, errTodo
}
func (w *Workspace) bonusSolve(c app.Cycle, unit app.UID) ([]bonus.Input, bonus.Policy, bonus.Result, error) {
	return nil, bonus.Policy{}, bonus.Result{}, errTodo
}
func (w *Workspace) calibration(c app.Cycle, unit app.UID) (bonus.Calibration, error) {
	return bonus.Calibration{}, errTodo
}
func (w *Workspace) override(c app.Cycle, unit, person app.UID, band, reason string) (bonus.Override, error) {
	return bonus.Override{}, errTodo
}
func (w *Workspace) undoOverride(c app.Cycle, unit, person app.UID) error       { return errTodo }
func (w *Workspace) saveTarget(c app.Cycle, unit app.UID, t bonus.Target) error { return errTodo }
func (w *Workspace) signOff(c app.Cycle, unit app.UID) (bonus.SignOff, error) {
	return bonus.SignOff{}, errTodo
}
func (w *Workspace) reopenCalibration(c app.Cycle, unit app.UID, reason string) error { return errTodo }
func (w *Workspace) applyScenario(c app.Cycle, sc bonus.Scenario, reason string) error {
	return errTodo
}
