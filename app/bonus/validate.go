package bonus

import (
	"math"
	"slices"

	"kpiplanner/app"
)

// validatePolicy checks a policy's fields.
func validatePolicy(p *Policy) error {
	v := &fields{}
	if p.Cycle.Start.IsZero() || p.Cycle.End.IsZero() || p.Cycle.End.Before(p.Cycle.Start) {
		v.bad("cycle", app.M("needs a start and an end on or after it"))
	}
	if !slices.Contains(Modes, p.Mode) {
		v.bad("mode", app.M("must be none, cap or fit"))
	}
	if !slices.Contains(ProRates, p.ProRate) && p.ProRate != "" {
		v.bad("pro_rate", app.M("must be none, days or months"))
	}
	v.money("pool", p.Pool)
	v.money("step", p.Step)
	v.limit("floor", p.Floor)
	v.limit("cap", p.Cap)
	for _, u := range p.Units {
		v.money("units["+u.Code+"].pool", u.Amount)
	}
	v.days(p)
	if (p.Mode == ModeFit || p.Mode == ModeCap) && p.Pool == 0 && len(p.Units) == 0 {
		v.bad("pool", app.M("is required in cap and fit mode"))
	}
	if len(v.errs) == 0 {
		return nil
	}
	return &app.ValidationError{Plan: "bonus policy", Fields: v.errs}
}

// fields collects the problems of a policy.
type fields struct{ errs []*app.FieldError }

func (v *fields) bad(field string, m app.Msg) {
	v.errs = append(v.errs, &app.FieldError{Field: field, Msg: m})
}

func (v *fields) money(field string, x float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
		v.bad(field, app.M("must be a number of zero or more"))
	}
}

func (v *fields) limit(field string, l Limit) {
	v.money(field, l.Amount)
	v.money(field, l.Times)
}

func (v *fields) days(p *Policy) {
	if p.MonthMinDays < 0 || p.MonthMinDays > 31 {
		v.bad("month_min_days", app.M("must be between 1 and 31"))
	}
	if p.Eligibility.MinDays < 0 || p.Eligibility.ProbationDays < 0 {
		v.bad("eligibility", app.M("days must be zero or more"))
	}
}
