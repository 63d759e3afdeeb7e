package sheet

import (
	"strings"

	"kpiplanner/app"
)

// periodTargetsSpec writes a KPI's targets per period as the KPI import
// reads them: "2026-01: 100; 2026-02: 120" (period label: target).
func periodTargetsSpec(c app.Cycle, ts []app.PeriodTarget) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = c.Label(t.Period) + ": " + fmtNumUnambiguous(t.Value)
	}
	return strings.Join(parts, "; ")
}

// periodTargetsField reads row r's targets per period, written
// "2026-01: 100; 2026-02: 120", into k, sorted by period.
func (im *kpiImport) periodTargetsField(r int, k *app.KPI) {
	s, i := im.text(r, colPeriodTargets)
	if i < 0 || s == "" {
		return
	}
	var out []app.PeriodTarget
	for _, item := range strings.Split(s, ";") {
		if strings.TrimSpace(item) == "" {
			continue
		}
		label, value, ok := strings.Cut(item, ":")
		if !ok {
			im.fail(r, i, app.M("'%s': write targets per period as period: target, e.g. 2026-01: 100; 2026-02: 120", strings.TrimSpace(item)))
			return
		}
		period, err := im.out.Cycle.FindPeriod(strings.TrimSpace(label))
		if err != nil {
			im.fail(r, i, app.M("'%s' is not a period of the plan's cycle", strings.TrimSpace(label)))
			return
		}
		v, err := im.num(GridCell{Text: strings.TrimSpace(value)})
		if err != nil {
			im.fail(r, i, msgOf(err))
			return
		}
		out = insertTarget(out, app.PeriodTarget{Period: period, Value: v})
	}
	k.PeriodTargets = out
}

// insertTarget adds t to ts sorted by period (a repeated period stays
// repeated, for validation to report).
func insertTarget(ts []app.PeriodTarget, t app.PeriodTarget) []app.PeriodTarget {
	i := len(ts)
	for i > 0 && ts[i-1].Period > t.Period {
		i--
	}
	ts = append(ts, app.PeriodTarget{})
	copy(ts[i+1:], ts[i:])
	ts[i] = t
	return ts
}
