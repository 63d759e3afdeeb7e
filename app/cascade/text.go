package cascade

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// Amount writes x the language's way with billions and millions shortened
// to two decimals at most ("9.2 billion", vi "9,2 tỷ"); smaller numbers in
// full.
func Amount(t *i18n.Translator, x float64) string { return AmountAs(t, x, x) }

// AmountAs writes x shortened as ref would be, so a gap reads in the
// target's scale: 0.8 billion beside 10 billion.
func AmountAs(t *i18n.Translator, x, ref float64) string {
	switch a := math.Abs(ref); {
	case a >= 1e9:
		return t.T("%s billion", t.FormatNumber(round2(x/1e9), -1))
	case a >= 1e6:
		return t.T("%s million", t.FormatNumber(round2(x/1e6), -1))
	}
	return t.FormatNumber(round2(x), -1)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// value writes x, a target of k or a difference to it: a rate in full, an
// amount shortened in the scale of k's target.
func value(t *i18n.Translator, k *app.KPI, x float64) string {
	if k.Aggregation == app.Ratio {
		return t.FormatNumber(x, -1)
	}
	return AmountAs(t, x, k.Target)
}

// Text is the line as one sentence: "Revenue, Sales: 10 billion; Σ staff
// 9.2 billion; short by 0.8 billion" (vi "Doanh thu, Phòng KD: 10 tỷ; Σ
// nhân viên 9,2 tỷ; thiếu 0,8 tỷ"); unit names the unit plan.
func (l Line) Text(t *i18n.Translator, unit string) string {
	k := l.KPI
	target, covered := value(t, k, k.Target), value(t, k, l.Covered)
	switch {
	case l.Contributors == 0:
		return t.T("%s, %s: %s; no KPI contributes to it", k.Name, unit, target)
	case l.Short():
		return t.T("%s, %s: %s; Σ staff %s; short by %s", k.Name, unit, target, covered, value(t, k, l.Gap))
	case l.Over():
		return t.T("%s, %s: %s; Σ staff %s; over by %s", k.Name, unit, target, covered, value(t, k, -l.Gap))
	}
	return t.T("%s, %s: %s; Σ staff %s; covered", k.Name, unit, target, covered)
}
