package bonus

import (
	"math"
	"slices"

	"kpiplanner/app"
)

// validatePolicy checks a policy's fields.
func validatePolicy(p *Policy) error {
	var errs []*app.FieldError
	bad := func(field string, m app.Msg) { errs = append(errs, &app.FieldError{Field: field, Msg: m}) }
	money := func(field string, x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			bad(field, app.M("must be a number of zero or more"))
		}
	}
	if p.Cycle.Start.IsZero() || p.Cycle.End.IsZero() || p.Cycle.End.Before(p.Cycle.Start) {
		bad("cycle", app.M("needs a start and an end on or after it"))
	}
	if !slices.Contains(Modes, p.Mode) {
		bad("mode", app.M("must be none, cap or fit"))
	}
	if !slices.Contains(ProRates, p.ProRate) && p.ProRate != "" {
		bad("pro_rate", app.M("must be none, days or months"))
	}
	money("pool", p.Pool)
	money("step", p.Step)
	money("floor", p.Floor.Amount)
	money("floor", p.Floor.Times)
	money("cap", p.Cap.Amount)
	money("cap", p.Cap.Times)
	for _, u := range p.Units {
		money("units["+u.Code+"].pool", u.Amount)
	}
	if p.MonthMinDays < 0 || p.MonthMinDays > 31 {
		bad("month_min_days", app.M("must be between 1 and 31"))
	}
	if p.Eligibility.MinDays < 0 || p.Eligibility.ProbationDays < 0 {
		bad("eligibility", app.M("days must be zero or more"))
	}
	if (p.Mode == ModeFit || p.Mode == ModeCap) && p.Pool == 0 && len(p.Units) == 0 {
		bad("pool", app.M("is required in cap and fit mode"))
	}
	if len(errs) == 0 {
		return nil
	}
	return &app.ValidationError{Plan: "bonus policy", Fields: errs}
}
