package score

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// groups computes each group's weighted mean over its scored KPIs (and,
// under the "zero" missing-data rule, its KPIs without data as 0). KPIs of
// weight 0 are shown but do not count; a group whose scored KPIs weigh 0 in
// all is not scored.
func groups(p *app.Plan, kpis []KPIResult) []GroupResult {
	out := make([]GroupResult, len(app.Groups))
	for i, g := range app.Groups {
		var sw, sws float64
		for _, k := range kpis {
			if k.Group == g && (k.Status == Scored || k.Zero) {
				sw += k.Weight
				sws += k.Weight * k.Score // a KPI counted as zero has Score 0
			}
		}
		out[i] = GroupResult{Group: g, Weight: p.Rules.GroupWeights[g]}
		if sw > 0 {
			out[i].Score, out[i].Scored = sws/sw, true
		}
	}
	return out
}

// total is Σ(group weight × group score) / Σ group weight over scored groups.
func total(gs []GroupResult) (float64, bool) {
	var sw, sws float64
	for _, g := range gs {
		if g.Scored {
			sw += g.Weight
			sws += g.Weight * g.Score
		}
	}
	if sw <= 0 || math.IsNaN(sws) {
		return 0, false
	}
	return sws / sw, true
}

// Rate returns the first band (highest threshold first) whose Min the total
// reaches, or the zero Band when it reaches none.
func Rate(bands []app.Band, total float64) app.Band {
	for _, b := range bands {
		if total >= b.Min {
			return b
		}
	}
	return app.Band{}
}

// RawBonus turns an official total into a bonus before rounding: base × the
// band's multiplier, or in linear mode base × min(total/100, LinearCap).
func RawBonus(r app.Rules, base, total float64) float64 {
	if r.BonusMode == app.BonusLinear {
		return base * math.Min(total/100, r.LinearCap)
	}
	return base * Rate(r.Bands, total).Multiplier
}

// Money rounds an amount of p's currency to the currency's unit and p's rounding step.
func Money(p *app.Plan, x float64) float64 {
	return money.Round(x, p.Person.Currency, p.Rules.RoundingStep)
}

// Round2 rounds a total to 2 decimals, half away from zero: the official total.
func Round2(x float64) float64 { return money.RoundTo(x, 0.01) }
