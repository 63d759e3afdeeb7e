package planedit

import (
	"slices"
	"strconv"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// DefaultPeriod returns the period a plan's scorecard opens on: the latest
// period of the cycle with any actual, or -1 (the whole cycle) when none.
func DefaultPeriod(p *app.Plan) int {
	n := p.Cycle.NumPeriods()
	last := -1
	for _, k := range p.KPIs {
		for _, a := range k.Actuals {
			if a.Period < n && a.Period > last {
				last = a.Period
			}
		}
	}
	return last
}

// NewKPI returns a blank KPI for p with an id no KPI of p uses: "k1", "k2"…
// It counts up, group C, weight 1, summed over the cycle.
func NewKPI(p *app.Plan) app.KPI {
	id := ""
	for i := len(p.KPIs) + 1; ; i++ {
		id = "k" + strconv.Itoa(i)
		if p.KPI(id) == nil {
			break
		}
	}
	k := app.CustomKPI(id, "")
	k.Group = app.GroupC
	return k
}

// RemoveKPI removes the KPI with the given id from p, reporting whether it was there.
func RemoveKPI(p *app.Plan, id string) bool {
	i := slices.IndexFunc(p.KPIs, func(k app.KPI) bool { return k.ID == id })
	if i < 0 {
		return false
	}
	p.KPIs = slices.Delete(p.KPIs, i, i+1)
	return true
}

// MergeActuals gives each KPI of p the actuals recorded for the KPI of the
// same id in src (none when src has no such KPI), so saving an edited copy
// of a plan keeps the actuals entered since the copy was made.
func MergeActuals(p, src *app.Plan) {
	for i := range p.KPIs {
		k := &p.KPIs[i]
		k.Actuals = nil
		if s := src.KPI(k.ID); s != nil {
			k.Actuals = append([]app.Actual(nil), s.Actuals...)
		}
	}
}

// Applies reports whether a KPI field matters for k's direction: the range
// bounds and tolerance only for range KPIs, the baseline and target for
// higher- and lower-is-better KPIs.
func Applies(k *app.KPI, field string) bool {
	switch field {
	case "range_low", "range_high", "tolerance":
		return k.Direction == app.Range
	case "baseline", "target", "reference":
		return k.Direction == app.Higher || k.Direction == app.Lower
	}
	return true
}

// AchievementPercent returns a KPI's achievement in percent (1.0 → 100).
func AchievementPercent(r score.KPIResult) float64 { return r.Achievement * 100 }
