package app

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"kpiplanner/app/apportion"
)

// A KPI's targets per period (a monthly plan) and its reference value. The
// period targets of a sum KPI add up to its cycle target (Validate checks
// it, the phasing helpers make it so exactly); those of other KPIs are each
// period's level. Only higher- and lower-is-better KPIs take them.

// TargetAt returns the KPI's target for period i, if it has one.
func (k *KPI) TargetAt(i int) (float64, bool) {
	for _, t := range k.PeriodTargets {
		if t.Period == i {
			return t.Value, true
		}
	}
	return 0, false
}

// HasPeriodTargets reports whether the KPI is scored by its targets per period.
func (k *KPI) HasPeriodTargets() bool {
	return len(k.PeriodTargets) > 0 && (k.Direction == Higher || k.Direction == Lower)
}

// PeriodTargetsOf returns the n values as the targets of periods 0 to n-1.
func PeriodTargetsOf(values []float64) []PeriodTarget {
	out := make([]PeriodTarget, len(values))
	for i, v := range values {
		out[i] = PeriodTarget{Period: i, Value: v}
	}
	return out
}

// PhaseStep returns the step a phased target is rounded to: the largest of
// 1, 0.1 … 0.000001 that total is a multiple of (1 for 1200, 0.01 for
// 99.95), or 0.000001 when none is.
func PhaseStep(total float64) float64 {
	for d := range 7 {
		s, _ := strconv.ParseFloat("1e-"+strconv.Itoa(d), 64)
		q := total / s
		if math.Abs(q-math.Round(q)) <= 1e-9*math.Max(1, math.Abs(q)) {
			return s
		}
	}
	return 1e-6
}

// ErrNotPhased is returned when a KPI cannot take targets per period.
var ErrNotPhased = errors.New("only higher- or lower-is-better KPIs take targets per period")

// PhaseEven returns targets for the n periods of k's cycle: a sum KPI's
// cycle target split in n equal parts that sum exactly to it (largest
// remainder: 100 in 3 is 34, 33, 33); any other KPI's target in every period.
func PhaseEven(k *KPI, n int) ([]PeriodTarget, error) {
	if err := phasable(k, n); err != nil {
		return nil, err
	}
	if k.Aggregation != Sum {
		vs := make([]float64, n)
		for i := range vs {
			vs[i] = k.Target
		}
		return PeriodTargetsOf(vs), nil
	}
	vs, err := apportion.Even(k.Target, n, PhaseStep(k.Target))
	if err != nil {
		return nil, fmt.Errorf("KPI %s: split the target evenly: %w", k.ID, err)
	}
	return PeriodTargetsOf(vs), nil
}

// PhaseByShares returns targets for the len(shares) periods of a sum KPI's
// cycle: its target split in proportion to shares (last cycle's actuals,
// say), the parts summing exactly to the target.
func PhaseByShares(k *KPI, shares []float64) ([]PeriodTarget, error) {
	if err := phasable(k, len(shares)); err != nil {
		return nil, err
	}
	if k.Aggregation != Sum {
		return nil, fmt.Errorf("KPI %s: only a sum KPI's target is split by shares", k.ID)
	}
	vs, err := apportion.Split(k.Target, shares, PhaseStep(k.Target))
	if errors.Is(err, apportion.ErrNoWeight) {
		return nil, fmt.Errorf("KPI %s: the shares add up to 0, there is nothing to split the target by", k.ID)
	}
	if err != nil {
		return nil, fmt.Errorf("KPI %s: split the target by shares: %w", k.ID, err)
	}
	return PeriodTargetsOf(vs), nil
}

// LastCycleShares returns the shares of n periods that last cycle's KPI
// prev recorded: its actual of each period (0 where none), for PhaseByShares.
func LastCycleShares(prev *KPI, n int) ([]float64, error) {
	shares := make([]float64, n)
	for _, a := range prev.Actuals {
		if a.Period < 0 || a.Period >= n {
			continue
		}
		if a.Value < 0 {
			return nil, fmt.Errorf("KPI %s: last cycle's actual of period %d is negative and cannot be a share", prev.ID, a.Period+1)
		}
		shares[a.Period] = a.Value
	}
	return shares, nil
}

// PhaseByHand returns the n given values as targets of k's periods. A sum
// KPI's values must add up to its target (within a millionth of it).
func PhaseByHand(k *KPI, values []float64, n int) ([]PeriodTarget, error) {
	if err := phasable(k, n); err != nil {
		return nil, err
	}
	if len(values) != n {
		return nil, fmt.Errorf("KPI %s: %d values given for %d periods", k.ID, len(values), n)
	}
	sum := 0.0
	for i, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("KPI %s: period %d: the target must be a finite number", k.ID, i+1)
		}
		sum += v
	}
	if k.Aggregation == Sum && !sameTotal(sum, k.Target) {
		return nil, fmt.Errorf("KPI %s: the period targets add up to %g, not the cycle target %g", k.ID, sum, k.Target)
	}
	return PeriodTargetsOf(values), nil
}

func phasable(k *KPI, n int) error {
	if k.Direction != Higher && k.Direction != Lower {
		return fmt.Errorf("KPI %s: %w", k.ID, ErrNotPhased)
	}
	if n <= 0 {
		return fmt.Errorf("KPI %s: the cycle has no periods", k.ID)
	}
	return nil
}

// sameTotal reports whether a sum of period targets equals the cycle target,
// allowing for floating-point rounding.
func sameTotal(sum, target float64) bool {
	return math.Abs(sum-target) <= 1e-6*math.Max(1, math.Abs(target))
}

// periodTargets checks k's targets per period and reference value.
func (v *validator) periodTargets(p *Plan, k *KPI) {
	if k.Reference != nil {
		v.finite(k.ID, "reference", *k.Reference)
	}
	if len(k.PeriodTargets) == 0 {
		return
	}
	const f = "period_targets"
	if k.Direction != Higher && k.Direction != Lower {
		v.add(k.ID, f, M("only higher- or lower-is-better KPIs take targets per period"))
		return
	}
	n, prev, sum := p.Cycle.NumPeriods(), -1, 0.0
	for _, t := range k.PeriodTargets {
		switch {
		case t.Period < 0 || t.Period >= n:
			v.add(k.ID, f, M("period %d is outside the plan's cycle (%d periods)", t.Period+1, n))
			continue
		case t.Period <= prev:
			v.add(k.ID, f, M("period %d is given twice or out of order", t.Period+1))
		}
		prev = t.Period
		if math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
			v.add(k.ID, f, M("period %d: the target must be a finite number", t.Period+1))
			return
		}
		sum += t.Value
	}
	if k.Aggregation == Sum && !sameTotal(sum, k.Target) {
		v.add(k.ID, f, M("the period targets add up to %g, not the cycle target %g", sum, k.Target))
	}
}
