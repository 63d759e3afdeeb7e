package plandoc

import (
	"fmt"
	"slices"

	"kpiplanner/app"
)

// docTarget is one period's target of a KPI in a plan document.
type docTarget struct {
	Period string  `json:"period" plandoc:"required"`
	Value  float64 `json:"value" plandoc:"required"`
}

// fromPeriodTargets writes k's reference value and period targets into d,
// each period as its label.
func fromPeriodTargets(d *docKPI, k *app.KPI, labels []string) error {
	d.Reference = k.Reference
	if len(k.PeriodTargets) == 0 {
		return nil
	}
	d.PeriodTargets = make([]docTarget, len(k.PeriodTargets))
	for i, t := range k.PeriodTargets {
		if t.Period < 0 || t.Period >= len(labels) {
			return fmt.Errorf("target for period %d is outside the plan's cycle (%d periods)", t.Period+1, len(labels))
		}
		d.PeriodTargets[i] = docTarget{Period: labels[t.Period], Value: t.Value}
	}
	return nil
}

// toPeriodTargets converts a document KPI's period targets at path,
// reporting unknown and repeated periods, and sorts them by period.
func toPeriodTargets(path string, d *docKPI, pl *periodLookup, probs *problems) []app.PeriodTarget {
	if len(d.PeriodTargets) == 0 || pl.n == 0 { // a broken cycle is reported by validation
		return nil
	}
	out := make([]app.PeriodTarget, 0, len(d.PeriodTargets))
	at := map[int]int{} // period → index in d.PeriodTargets
	for i, dt := range d.PeriodTargets {
		tp := fmt.Sprintf("%s.period_targets[%d].period", path, i)
		idx, ok := pl.find(dt.Period)
		if !ok {
			probs.addOnce(tp, fmt.Sprintf("%q is not a period of the plan's cycle (%s … %s)", dt.Period, pl.first, pl.last))
			continue
		}
		if j, dup := at[idx]; dup {
			probs.addOnce(tp, fmt.Sprintf("%s is given twice (also at period_targets[%d])", dt.Period, j))
			continue
		}
		at[idx] = i
		out = append(out, app.PeriodTarget{Period: idx, Value: dt.Value})
	}
	slices.SortFunc(out, func(a, b app.PeriodTarget) int { return a.Period - b.Period })
	if len(out) == 0 {
		return nil
	}
	return out
}
