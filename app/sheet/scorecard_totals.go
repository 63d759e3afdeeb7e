package sheet

import (
	"cmp"
	"slices"

	"kpiplanner/app"
)

// kpiRange returns the KPI rows' range of column col (relative rows as absolute refs).
func (c *card) kpiRange(col int) string {
	n := len(c.p.KPIs)
	return Abs(col, FirstKPIRow) + ":" + Abs(col, FirstKPIRow+n-1)
}

func (c *card) groups() {
	c.add()
	r := c.add()
	c.set(r, ColKPI, Str(c.T("Group"), Header))
	c.set(r, ColWeight, Str(c.T("Weight"), Header))
	c.set(r, ColScore, Str(c.T("Group score"), Header))
	c.lay.GroupRows = make([]int, len(app.Groups))
	for i, g := range app.Groups {
		r := c.add()
		c.lay.GroupRows[i] = r
		gr := c.res.Groups[i]
		c.set(r, ColGroup, Str(string(g), Subtotal))
		c.set(r, ColKPI, Str(c.T("Group %s", string(g)), Subtotal))
		c.set(r, ColWeight, Num(c.p.Rules.GroupWeights[g], Input, FormatGeneral))
		f := `""`
		if len(c.p.KPIs) > 0 {
			f = weightedMean(c.kpiRange(ColGroup), Ref(ColGroup, r), c.kpiRange(ColCounted), c.kpiRange(ColWeighted))
		}
		c.set(r, ColScore, Formula(f, gr.Score, gr.Scored, Number, Subtotal, FormatScore))
		sc, w := Ref(ColScore, r), Ref(ColWeight, r)
		cw := 0.0
		if gr.Scored {
			cw = gr.Weight
		}
		c.set(r, ColCounted, Formula(counted(sc, w), cw, true, Number, Helper, FormatGeneral))
		c.set(r, ColWeighted, Formula(weighted(sc, w), cw*gr.Score, true, Number, Helper, FormatGeneral))
	}
}

func (c *card) totals() {
	res, rules := c.res, c.p.Rules
	g0, g1 := c.lay.GroupRows[0], c.lay.GroupRows[len(c.lay.GroupRows)-1]
	c.add()
	line := func(label string) int {
		r := c.add()
		c.set(r, ColKPI, Str(label, Label))
		return r
	}
	own := round2(mean(Ref(ColCounted, g0)+":"+Ref(ColCounted, g1), Ref(ColWeighted, g0)+":"+Ref(ColWeighted, g1)))
	if res.Team { // team component (docs/scoring.md §5a): own, unit and weight above the combined total
		own = c.teamRows(line, own)
	}
	c.lay.TotalRow = line(c.T("Total score"))
	total := Ref(ColScore, c.lay.TotalRow)
	c.set(c.lay.TotalRow, ColScore, Formula(own, res.Official, res.HasTotal, Number, Total, FormatScore))
	c.lay.RatingRow = line(c.T("Rating"))
	c.lay.MultiplierRow = line(c.T("Bonus multiplier"))
	r := line(c.T("Bonus mode"))
	c.set(r, ColScore, Str(c.Name(string(rules.BonusMode)), Plain))
	capRow := line(c.T("Linear bonus cap"))
	c.set(capRow, ColScore, Num(rules.LinearCap, Input, FormatGeneral))
	c.lay.BaseBonusRow = line(c.T("Base bonus"))
	money := MoneyFormat(c.p.Person.Currency)
	c.set(c.lay.BaseBonusRow, ColScore, Num(c.p.Person.BaseBonus, Input, money))
	c.lay.BonusRow = line(c.T("Bonus"))
	if note := provisionalNote(c.lang, res); note != "" {
		line(note) // under the bonus: the result may still change
	}
	c.set(c.lay.BonusRow, ColScore, Formula(roundMoney(bonus(rules.BonusMode == app.BonusLinear, total, Ref(ColScore, c.lay.BaseBonusRow),
		Ref(ColScore, c.lay.MultiplierRow), Ref(ColScore, capRow)), c.p), res.Bonus, res.HasTotal, Money, Total, money))
}

// bands writes the rating bands table (thresholds ascending, for LOOKUP),
// fills in the rating and multiplier formulas, and returns its last row.
func (c *card) bands() int {
	res := c.res
	c.add()
	r := c.add()
	c.set(r, ColKPI, Str(c.T("Rating bands"), Header))
	c.set(r, ColWeight, Str(c.T("Threshold"), Header))
	c.set(r, ColBaseline, Str(c.T("Bonus multiplier"), Header))
	bands := slices.Clone(c.p.Rules.Bands)
	slices.SortStableFunc(bands, func(a, b app.Band) int { return cmp.Compare(a.Min, b.Min) })
	first := r + 1
	for _, b := range bands {
		r = c.add()
		c.set(r, ColKPI, Str(c.Band(b.Name), Plain))
		c.set(r, ColWeight, Num(b.Min, Input, FormatGeneral))
		c.set(r, ColBaseline, Num(b.Multiplier, Input, FormatMultiplier))
	}
	total := Ref(ColScore, c.lay.TotalRow)
	rating, mult := "IF("+total+`="","","")`, "IF("+total+`="","",0)`
	if len(bands) > 0 {
		mins := Abs(ColWeight, first) + ":" + Abs(ColWeight, r)
		rating = lookup(total, mins, Abs(ColKPI, first)+":"+Abs(ColKPI, r), `""`)
		mult = lookup(total, mins, Abs(ColBaseline, first)+":"+Abs(ColBaseline, r), "0")
	}
	c.set(c.lay.RatingRow, ColScore, TextFormula(rating, c.Band(res.Rating.Name), Total))
	c.set(c.lay.MultiplierRow, ColScore, Formula(mult, res.Rating.Multiplier, res.HasTotal, Number, Computed, FormatMultiplier))
	return r
}

// teamRows writes the own total (formula ownF), the unit plan's total and
// the team weight, and returns the combined total's formula: (100 − w) % of
// own plus w % of unit, rounded to 2 decimals, as score.TeamTotal.
func (c *card) teamRows(line func(string) int, ownF string) string {
	res := c.res
	c.lay.OwnTotalRow = line(c.T("Own total"))
	c.set(c.lay.OwnTotalRow, ColScore, Formula(ownF, res.Own, true, Number, Subtotal, FormatScore))
	c.lay.UnitTotalRow = line(c.T("Unit plan total"))
	c.set(c.lay.UnitTotalRow, ColScore, Num(res.Unit, Input, FormatScore))
	c.lay.TeamWeightRow = line(c.T("Team weight (%)"))
	c.set(c.lay.TeamWeightRow, ColScore, Num(res.TeamWeight, Input, FormatGeneral))
	own, unit, w := Ref(ColScore, c.lay.OwnTotalRow), Ref(ColScore, c.lay.UnitTotalRow), Ref(ColScore, c.lay.TeamWeightRow)
	return "IF(" + own + `="","",ROUND(` + own + "*(100-" + w + ")/100+" + unit + "*" + w + "/100,2))"
}
