package sheet

import (
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/money"
)

// num writes a number as a formula constant: 0.8, 120, 1E-05.
func num(v float64) string { return strconv.FormatFloat(v, 'G', -1, 64) }

// rowRefs names the cells of one KPI row of a scorecard, for its formulas.
type rowRefs struct{ r int }

func (x rowRefs) c(col int) string { return Ref(col, x.r) }

// windowTarget is the target for the scoring window: target × pro-rata factor.
func (x rowRefs) windowTarget() string {
	return x.c(ColTarget) + "*" + x.c(ColFactor)
}

// ratioActual is Σ numerators ÷ Σ denominators (× 100 for percent units),
// blank when the denominators sum to 0.
func (x rowRefs) ratioActual(percent bool) string {
	f := "IF(" + x.c(ColDenominator) + "=0,\"\"," + x.c(ColNumerator) + "/" + x.c(ColDenominator)
	if percent {
		f += "*100"
	}
	return f + ")"
}

// rawAchievement is the achievement before floor and cap (docs/scoring.md §3),
// blank without an actual and 0 when the rule cannot be computed.
func (x rowRefs) rawAchievement(d app.Direction) string {
	a, t, b := x.c(ColActual), x.c(ColWindowTarget), x.c(ColBaseline)
	f := x.c(ColFactor)
	bf := b + "*" + f // the baseline scaled like the target
	var e string
	switch d {
	case app.Higher:
		e = "IF(" + b + `="",` + a + "/" + t + ",(" + a + "-" + bf + ")/(" + t + "-" + bf + "))"
	case app.Lower:
		e = "IF(" + b + `="",IF(` + a + "<=0," + x.c(ColCap) + "," + t + "/" + a + "),(" + bf + "-" + a + ")/(" + bf + "-" + t + "))"
	case app.Range:
		lo := x.c(ColRangeLow) + "*" + f
		hi := x.c(ColRangeHigh) + "*" + f
		tol := "(" + x.c(ColTolerance) + "*" + f + ")"
		e = "IF(" + a + "<" + lo + ",MAX(0,1-(" + lo + "-" + a + ")/" + tol + "),IF(" + a + ">" + hi + ",MAX(0,1-(" + a + "-" + hi + ")/" + tol + "),1))"
	case app.Milestone:
		e = "IF(" + a + ">=1,1,0)"
	default:
		e = "0"
	}
	return "IF(" + a + `="","",IFERROR(` + e + ",0))"
}

// achievement applies the floor, the cap and the clamp at 0 (§4).
func (x rowRefs) achievement() string {
	raw := x.c(ColRaw)
	return "IF(" + raw + `="","",IF(` + raw + "<" + x.c(ColFloor) + ",0,MAX(MIN(" + raw + "," + x.c(ColCap) + "),0)))"
}

// score is 100 × achievement, or the score of the highest step band reached:
// the bands are tested from the last listed back, as the engine lets the
// last band reached win.
func (x rowRefs) score(steps []app.StepBand) string {
	a := x.c(ColAchievement)
	if len(steps) == 0 {
		return "IF(" + a + `="","",100*` + a + ")"
	}
	var b strings.Builder
	b.WriteString("IF(" + a + `="","",`)
	for i := len(steps) - 1; i >= 0; i-- {
		b.WriteString("IF(" + a + ">=" + num(steps[i].From) + "," + num(steps[i].Score) + ",")
	}
	b.WriteString("0")
	b.WriteString(strings.Repeat(")", len(steps)+1))
	return b.String()
}

// counted is the weight a row adds to its group: its weight when scored, else 0.
func counted(scoreRef, weightRef string) string {
	return "IF(" + scoreRef + `="",0,` + weightRef + ")"
}

// weighted is weight × score when scored, else 0.
func weighted(scoreRef, weightRef string) string {
	return "IF(" + scoreRef + `="",0,` + weightRef + "*" + scoreRef + ")"
}

// weightedMean is Σ weighted ÷ Σ counted over the rows of keys equal to key,
// blank when they weigh nothing (§5).
func weightedMean(keys, key, counts, sums string) string {
	w := "SUMIF(" + keys + "," + key + "," + counts + ")"
	return "IF(" + w + ">0,SUMIF(" + keys + "," + key + "," + sums + ")/" + w + `,"")`
}

// mean is SUM(sums) ÷ SUM(counts), blank when the counts sum to 0 or less.
func mean(counts, sums string) string {
	return "IF(SUM(" + counts + ")>0,SUM(" + sums + ")/SUM(" + counts + `),"")`
}

// lookup finds total's band in the ascending thresholds and returns the
// matching entry of results, or orElse below every threshold (§6).
func lookup(total, thresholds, results, orElse string) string {
	return "IF(" + total + `="","",IFERROR(LOOKUP(` + total + "," + thresholds + "," + results + ")," + orElse + "))"
}

// round2 rounds a total formula to 2 decimals (ROUND is half away from zero, as the engine).
func round2(f string) string { return `IF((` + f + `)="","",ROUND(` + f + `,2))` }

// roundMoney rounds a bonus formula as score.Money does: to the currency's
// unit, then to the plan's rounding step.
func roundMoney(f string, p *app.Plan) string {
	unit := money.Unit(p.Person.Currency)
	r := "ROUND(" + f + "," + strconv.Itoa(money.Decimals(p.Person.Currency)) + ")"
	if step := money.Step(p.Person.Currency, p.Rules.RoundingStep); step != unit {
		s := strconv.FormatFloat(step, 'f', -1, 64)
		r = "ROUND(" + r + "/" + s + ",0)*" + s
	}
	return `IF((` + f + `)="","",` + r + ")"
}

// bonus is base × multiplier, or base × MIN(total ÷ 100, linear cap) (§6).
func bonus(linear bool, total, base, multiplier, linearCap string) string {
	if linear {
		return "IF(" + total + `="","",` + base + "*MIN(" + total + "/100," + linearCap + "))"
	}
	return "IF(" + total + `="","",` + base + "*" + multiplier + ")"
}
