package app

import (
	"cmp"
	"math"
	"slices"
)

// Validate checks p against the scoring rules' preconditions and returns a
// *ValidationError listing every problem, or nil.
func (p *Plan) Validate() error {
	v := &validator{}
	v.plan(p)
	v.lengths(p)
	for i := range p.KPIs {
		v.kpi(p, &p.KPIs[i])
	}
	if len(v.errs) == 0 {
		return nil
	}
	return &ValidationError{Plan: p.Name, Fields: v.errs}
}

type validator struct {
	errs []*FieldError
}

func (v *validator) add(kpi, field string, m Msg) {
	v.errs = append(v.errs, &FieldError{KPI: kpi, Field: field, Msg: m})
}

// finite reports whether x is a usable number, recording an error if not.
func (v *validator) finite(kpi, field string, x float64) bool {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		v.add(kpi, field, M("must be a finite number"))
		return false
	}
	return true
}

func (v *validator) plan(p *Plan) {
	if !slices.Contains(Statuses, p.Status) {
		v.add("", "status", M("must be one of draft, submitted, approved, closed"))
	}
	c := p.Cycle
	switch {
	case c.Start.IsZero():
		v.add("", "cycle.start", M("is required"))
	case c.End.IsZero():
		v.add("", "cycle.end", M("is required"))
	case c.End.Before(c.Start):
		v.add("", "cycle.end", M("must not be before the start (%s)", c.Start))
	case c.NumPeriods() >= maxPeriods:
		v.add("", "cycle.end", M("the cycle is too long"))
	}
	if !slices.Contains(Frequencies, c.Frequency) {
		v.add("", "cycle.frequency", M("must be one of weekly, monthly, quarterly"))
	}
	v.finite("", "person.base_bonus", p.Person.BaseBonus)
	if p.Person.BaseBonus < 0 {
		v.add("", "person.base_bonus", M("must not be negative"))
	}
	v.rules(&p.Rules)
	v.team(p)
	seen := map[string]bool{}
	for _, k := range p.KPIs {
		switch {
		case k.ID == "":
			v.add(k.Name, "id", M("is required"))
		case seen[k.ID]:
			v.add(k.ID, "id", M("is used by another KPI of this plan"))
		}
		seen[k.ID] = true
	}
}

func (v *validator) rules(r *Rules) {
	v.groupWeights(r.GroupWeights)
	v.bands(r.Bands)
	switch r.BonusMode {
	case BonusBand:
	case BonusLinear:
		if v.finite("", "rules.linear_cap", r.LinearCap) && r.LinearCap <= 0 {
			v.add("", "rules.linear_cap", M("must be greater than 0"))
		}
	default:
		v.add("", "rules.bonus_mode", M("must be band or linear"))
	}
	v.capFloor("", "rules.", r.Cap, r.Floor)
	if v.finite("", "rules.rounding_step", r.RoundingStep) && r.RoundingStep < 0 {
		v.add("", "rules.rounding_step", M("must not be negative"))
	}
	if r.MissingData != "" && !slices.Contains(MissingDataRules, r.MissingData) {
		v.add("", "rules.missing_data", M("must be exclude, zero or provisional"))
	}
}

// groupWeights checks the A/B/C weights: known groups, not negative, summing to 100.
func (v *validator) groupWeights(ws map[Group]float64) {
	sum := 0.0
	for g, w := range ws {
		f := "rules.group_weights." + string(g)
		if !slices.Contains(Groups, g) {
			v.add("", f, M("unknown group (use A, B or C)"))
		}
		if v.finite("", f, w) && w < 0 {
			v.add("", f, M("must not be negative"))
		}
		sum += w
	}
	if !math.IsNaN(sum) && math.Abs(sum-100) > 1e-9 {
		v.add("", "rules.group_weights", M("must sum to 100 (now %g)", sum))
	}
}

// bands checks the rating bands: at least one, finite, multipliers not
// negative, listed from the highest threshold down.
func (v *validator) bands(bs []Band) {
	if len(bs) == 0 {
		v.add("", "rules.bands", M("at least one rating band is required"))
	}
	for i, b := range bs {
		v.finite("", "rules.bands", b.Min)
		v.finite("", "rules.bands", b.Multiplier)
		if b.Multiplier < 0 {
			v.add("", "rules.bands", M("band %q: multiplier must not be negative", b.Name))
		}
		if i > 0 && b.Min >= bs[i-1].Min {
			v.add("", "rules.bands", M("bands must be listed from the highest threshold down"))
		}
	}
}

func (v *validator) capFloor(kpi, prefix string, capV, floor float64) {
	okCap := v.finite(kpi, prefix+"cap", capV)
	okFloor := v.finite(kpi, prefix+"floor", floor)
	if okCap && capV < 1 {
		v.add(kpi, prefix+"cap", M("must be at least 1 (100 %%)"))
	}
	if okFloor && floor < 0 {
		v.add(kpi, prefix+"floor", M("must not be negative"))
	}
	if okCap && okFloor && floor >= capV {
		v.add(kpi, prefix+"floor", M("must be below the cap (%g)", capV))
	}
}

func (v *validator) kpi(p *Plan, k *KPI) {
	id := k.ID
	if k.Name == "" {
		v.add(id, "name", M("is required"))
	}
	if !slices.Contains(Units, k.Unit) {
		v.add(id, "unit", M("unknown unit %q", k.Unit))
	}
	if !slices.Contains(Aggregations, k.Aggregation) {
		v.add(id, "aggregation", M("must be one of sum, average, last, min, max, ratio"))
	}
	if !slices.Contains(Groups, k.Group) {
		v.add(id, "group", M("must be A, B or C"))
	}
	if v.finite(id, "weight", k.Weight) && k.Weight < 0 {
		v.add(id, "weight", M("must not be negative"))
	}
	v.levels(k)
	v.direction(k)
	v.capFloor(id, "", p.CapOf(k), p.FloorOf(k))
	v.steps(k)
	if !k.Deadline.IsZero() && !p.Cycle.Contains(k.Deadline) && !p.Cycle.Start.IsZero() {
		v.add(id, "deadline", M("%s is outside the cycle", k.Deadline))
	}
	v.contribution(k)
	v.actuals(p, k)
	v.periodTargets(p, k) // targets per period and reference value (issue 12)
}

// levels checks k's effort and impact: empty, high or low.
func (v *validator) levels(k *KPI) {
	for _, l := range []struct {
		f string
		v Level
	}{{"effort", k.Effort}, {"impact", k.Impact}} {
		if l.v != "" && l.v != High && l.v != Low {
			v.add(k.ID, l.f, M("must be high or low"))
		}
	}
}

// steps checks that k's step bands are finite and listed from the lowest
// achievement up.
func (v *validator) steps(k *KPI) {
	for _, s := range k.Steps {
		v.finite(k.ID, "steps", s.From)
		v.finite(k.ID, "steps", s.Score)
	}
	if !slices.IsSortedFunc(k.Steps, func(a, b StepBand) int { return cmp.Compare(a.From, b.From) }) {
		v.add(k.ID, "steps", M("step bands must be listed from the lowest achievement up"))
	}
}

func (v *validator) direction(k *KPI) {
	id := k.ID
	okT := v.finite(id, "target", k.Target)
	okB := k.Baseline == nil || v.finite(id, "baseline", *k.Baseline)
	switch k.Direction {
	case Higher:
		v.targetSide(k, okT && okB,
			M("must be greater than 0 (achievement divides by it)"),
			func(base, target float64) bool { return base >= target },
			M("must be below the target for a higher-is-better KPI"))
	case Lower:
		v.targetSide(k, okT && okB,
			M("must be greater than 0 (achievement divides by it); to aim for 0, give a baseline above it"),
			func(base, target float64) bool { return base <= target },
			M("must be above the target for a lower-is-better KPI"))
	case Range:
		v.rangeBand(k)
	case Milestone:
	default:
		v.add(id, "direction", M("must be one of higher, lower, range, milestone"))
	}
}

// targetSide checks the target and baseline of a higher- or lower-is-better
// KPI whose target and baseline are finite (ok): without a baseline the
// target must be above 0 (else noBase); with one, wrongSide(baseline, target)
// must not hold (else badBase).
func (v *validator) targetSide(k *KPI, ok bool, noBase Msg, wrongSide func(base, target float64) bool, badBase Msg) {
	switch {
	case !ok:
	case k.Baseline == nil:
		if k.Target <= 0 {
			v.add(k.ID, "target", noBase)
		}
	case wrongSide(*k.Baseline, k.Target):
		v.add(k.ID, "baseline", badBase)
	}
}

// rangeBand checks the band and tolerance of a range KPI.
func (v *validator) rangeBand(k *KPI) {
	id := k.ID
	okL := v.finite(id, "range_low", k.RangeLow)
	okH := v.finite(id, "range_high", k.RangeHigh)
	if okL && okH && k.RangeLow > k.RangeHigh {
		v.add(id, "range_low", M("must not be above range_high (%g)", k.RangeHigh))
	}
	if v.finite(id, "tolerance", k.Tolerance) && k.Tolerance <= 0 {
		v.add(id, "tolerance", M("must be greater than 0 for a range KPI"))
	}
}

func (v *validator) actuals(p *Plan, k *KPI) {
	n := p.Cycle.NumPeriods()
	prev := -1
	var sum, den float64
	for _, a := range k.Actuals {
		sum, den = sum+math.Abs(a.Value), den+math.Abs(a.Den)
		f := "actuals"
		if a.Period < 0 || a.Period >= n {
			v.add(k.ID, f, M("period %d is outside the plan's cycle (%d periods)", a.Period+1, n))
			continue
		}
		if a.Period <= prev {
			v.add(k.ID, f, M("period %d is recorded twice or out of order", a.Period+1))
		}
		prev = a.Period
		v.finite(k.ID, f, a.Value)
		if v.finite(k.ID, f, a.Den) && k.Aggregation == Ratio && a.Den < 0 {
			v.add(k.ID, f, M("period %d: the denominator must not be negative", a.Period+1))
		}
	}
	if math.IsInf(sum, 0) || math.IsInf(den, 0) {
		v.add(k.ID, "actuals", M("the actuals add up to more than a number can hold"))
	}
}
