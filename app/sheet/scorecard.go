package sheet

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// The columns (0-based) of a scorecard's KPI table. Those from ColFactor on
// are helper columns the formulas read; they are not printed.
const (
	ColGroup        = iota // A: the KPI's group, A, B or C
	ColKPI                 // B: the KPI's name
	ColUnit                // C
	ColDirection           // D
	ColAggregation         // E
	ColWeight              // F: weight inside the group (group weight in the group rows)
	ColBaseline            // G: blank when the KPI has none
	ColTarget              // H: the target for the whole cycle
	ColWindowTarget        // I: target × pro-rata factor
	ColActual              // J: the window's aggregated actual; blank = no data
	ColAchievement         // K: after floor and cap
	ColScore               // L: score; group subtotals, total, rating and bonus too
	ColFactor              // M: pro-rata factor (periods in the window ÷ periods in the cycle) for sum KPIs, else 1
	ColRangeLow            // N
	ColRangeHigh           // O
	ColTolerance           // P
	ColFloor               // Q
	ColCap                 // R
	ColNumerator           // S: Σ numerators in the window, for ratio KPIs
	ColDenominator         // T: Σ denominators in the window, for ratio KPIs
	ColRaw                 // U: achievement before floor and cap
	ColCounted             // V: weight counted in the group mean (0 without data)
	ColWeighted            // W: weight × score (0 without data)
	ColSteps               // X: the step bands, described
	numCols
)

// Rows of a scorecard's header block and KPI table (0-based).
const (
	HeaderRow   = 4 // the KPI table's column headers
	FirstKPIRow = 5 // the first KPI
)

// Layout says where a scorecard's computed cells are: rows are 0-based;
// group subtotals, total, rating, multiplier and bonus sit in ColScore.
type Layout struct {
	Sheet         string
	KPIRows       []int // the row of each plan KPI, in plan order
	GroupRows     []int // the row of each group's subtotal, in app.Groups order
	TotalRow      int
	RatingRow     int
	MultiplierRow int
	BaseBonusRow  int
	BonusRow      int
	// OwnTotalRow, UnitTotalRow and TeamWeightRow hold the team component's
	// inputs above the combined total (0 when the plan has none).
	OwnTotalRow, UnitTotalRow, TeamWeightRow int
}

// card builds one scorecard sheet.
type card struct {
	lang
	p    *app.Plan
	res  score.Result
	rows []Row
	lay  Layout
}

// Scorecard returns the scorecard of p over the window pick chooses for it,
// as a sheet whose achievements, scores,
// subtotals, total, rating and bonus are live formulas with the engine's
// results as their cached values, and where its computed cells are.
func Scorecard(p *app.Plan, pick score.Pick, t Translate) (*Sheet, Layout) {
	return scorecard(p, pick, lang{tr(t)}, map[string]bool{})
}

// Scorecards returns one scorecard sheet per plan, in one workbook.
func Scorecards(plans []*app.Plan, pick score.Pick, t Translate) (*Workbook, []Layout) {
	used := map[string]bool{}
	wb := &Workbook{}
	lays := make([]Layout, len(plans))
	for i, p := range plans {
		var s *Sheet
		s, lays[i] = scorecard(p, pick, lang{tr(t)}, used)
		wb.Sheets = append(wb.Sheets, s)
	}
	return wb, lays
}

func scorecard(p *app.Plan, pick score.Pick, l lang, used map[string]bool) (*Sheet, Layout) {
	c := &card{lang: l, p: p, res: score.In(p, pick(p))}
	name := p.Person.Name
	if name == "" {
		name = p.Name
	}
	c.lay.Sheet = SheetName(name, used)
	c.header()
	c.kpis()
	c.groups()
	c.totals()
	bands := c.bands()
	s := &Sheet{
		Name: c.lay.Sheet, FreezeRows: FirstKPIRow, FreezeCols: 2, HeaderRows: FirstKPIRow,
		PrintCols: ColScore + 1, Cols: scorecardCols,
	}
	if n := len(p.KPIs); n > 0 {
		first, last := FirstKPIRow, FirstKPIRow+n-1
		s.Charts = []Chart{{
			Title:      c.T("Achievement"),
			Series:     Range{Sheet: s.Name, Col0: ColAchievement, Row0: HeaderRow, Col1: ColAchievement, Row1: HeaderRow},
			Categories: Range{Sheet: s.Name, Col0: ColKPI, Row0: first, Col1: ColKPI, Row1: last},
			Values:     Range{Sheet: s.Name, Col0: ColAchievement, Row0: first, Col1: ColAchievement, Row1: last},
			Percent:    true,
			Row:        bands + 1, Col: 0, Width: 860, Height: max(260, 26*n+110),
		}}
	}
	s.SetRows(c.rows)
	return s, c.lay
}

// scorecardCols are the scorecard's column widths.
var scorecardCols = func() []Col {
	w := []float64{10, 36, 12, 16, 12, 9, 13, 14, 14, 14, 12, 10, 10, 11, 11, 11, 9, 9, 13, 13, 12, 10, 11, 34}
	cols := make([]Col, len(w))
	for i := range w {
		cols[i] = Col{Width: w[i]}
	}
	return cols
}()

// add appends an empty row with room for every column and returns its index.
func (c *card) add() int {
	c.rows = append(c.rows, make(Row, numCols))
	return len(c.rows) - 1
}

func (c *card) set(r, col int, cell Cell) { c.rows[r][col] = cell }

func (c *card) header() {
	p := c.p
	title := p.Name
	if title == "" {
		title = p.Person.Name
	}
	r := c.add()
	c.set(r, 0, Str(title, Title))
	r = c.add()
	c.set(r, 0, Str(c.T("Person"), Label))
	c.set(r, 1, Str(p.Person.Name, Plain))
	c.set(r, 3, Str(c.T("Department"), Label))
	c.set(r, 4, Str(p.Person.Department, Plain))
	c.set(r, 7, Str(c.T("Position"), Label))
	c.set(r, 8, Str(p.Person.Position, Plain))
	r = c.add()
	c.set(r, 0, Str(c.T("Cycle"), Label))
	c.set(r, 1, Str(fmt.Sprintf("%s – %s · %s", p.Cycle.Start, p.Cycle.End, c.Name(string(p.Cycle.Frequency))), Plain))
	c.set(r, 3, Str(c.T("Period"), Label))
	c.set(r, 4, Str(c.window(), Plain))
	c.set(r, 7, Str(c.T("Status"), Label))
	c.set(r, 8, Str(c.Name(string(p.Status)), Plain))
	r = c.add()
	c.set(r, 0, Str(c.T("Goal"), Label))
	c.set(r, 1, Str(p.Goal.Text, Plain))
	r = c.add()
	heads := []string{
		c.T("Group"), c.T("KPI"), c.T("Unit"), c.T("Direction"), c.T("Aggregation"), c.T("Weight"),
		c.T("Baseline"), c.T("Target"), c.T("Target for the period"), c.T("Actual"), c.T("Achievement"),
		c.T("Score"), c.T("Pro-rata factor"), c.T("Range low"), c.T("Range high"), c.T("Tolerance"),
		c.T("Achievement floor"), c.T("Achievement cap"), c.T("Numerator"), c.T("Denominator"),
		c.T("Achievement before floor and cap"), c.T("Weight counted"), c.T("Weight × score"), c.T("Step bands"),
	}
	for i, h := range heads {
		c.set(r, i, Str(h, Header))
	}
}

// window describes the scoring window: "2026-01 – 2026-03 (3/12)".
func (c *card) window() string {
	n := c.p.Cycle.NumPeriods()
	if n == 0 || c.res.Window.Empty() {
		return ""
	}
	return fmt.Sprintf("%s – %s (%d/%d)", c.p.Cycle.Label(0), c.res.AtLabel, c.res.At+1, n)
}

// kpiOrder returns the plan's KPI indices sorted by group, keeping plan order inside a group.
func kpiOrder(p *app.Plan) []int {
	idx := make([]int, len(p.KPIs))
	for i := range idx {
		idx[i] = i
	}
	rank := func(g app.Group) int {
		if i := slices.Index(app.Groups, g); i >= 0 {
			return i
		}
		return len(app.Groups)
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(rank(p.KPIs[a].Group), rank(p.KPIs[b].Group)) })
	return idx
}

func (c *card) kpis() {
	c.lay.KPIRows = make([]int, len(c.p.KPIs))
	for _, i := range kpiOrder(c.p) {
		r := c.add()
		c.lay.KPIRows[i] = r
		c.kpiRow(r, &c.p.KPIs[i], c.res.KPIs[i])
	}
}

// windowSums returns Σ values and Σ denominators of k's actuals in the
// window, added in period order as the engine adds them, and their count.
func windowSums(k *app.KPI, at int) (num, den float64, n int) {
	for _, a := range k.Actuals {
		if a.Period >= 0 && a.Period <= at {
			num += a.Value
			den += a.Den
			n++
		}
	}
	return num, den, n
}

func (c *card) kpiRow(r int, k *app.KPI, kr score.KPIResult) {
	x := rowRefs{r}
	scored := kr.Status == score.Scored
	t, f := score.WindowTarget(k, c.res.At, c.p.Cycle.NumPeriods()) // targets per period (issue 12)
	var base float64
	if k.Baseline != nil {
		base = *k.Baseline
	}
	uf := UnitFormat(k.Unit, c.p.Person.Currency, Decimals(k.Target, base, k.RangeLow, k.RangeHigh, k.Tolerance, kr.Actual))
	c.set(r, ColGroup, Str(string(k.Group), Plain))
	c.set(r, ColKPI, Str(k.Name, Plain))
	c.set(r, ColUnit, Str(c.Name(string(k.Unit)), Plain))
	c.set(r, ColDirection, Str(c.Name(string(k.Direction)), Plain))
	c.set(r, ColAggregation, Str(c.Name(string(k.Aggregation)), Plain))
	c.set(r, ColWeight, Num(k.Weight, Input, FormatGeneral))
	c.set(r, ColBaseline, Blank(Input))
	if k.Baseline != nil {
		c.set(r, ColBaseline, Num(*k.Baseline, Input, uf))
	}
	c.set(r, ColTarget, Num(k.Target, Input, uf))
	c.set(r, ColWindowTarget, Formula(x.windowTargetOf(k, c.res.At), kr.Target, true, Number, Computed, uf))
	if k.Aggregation == app.Ratio {
		num, den, n := windowSums(k, c.res.At)
		c.set(r, ColNumerator, Blank(Input))
		c.set(r, ColDenominator, Blank(Input))
		if n > 0 {
			c.set(r, ColNumerator, Num(num, Input, FormatGeneral))
			c.set(r, ColDenominator, Num(den, Input, FormatGeneral))
		}
		c.set(r, ColActual, Formula(x.ratioActual(k.Unit == app.Percent), kr.Actual, scored, Number, Computed, uf))
	} else {
		c.set(r, ColActual, Blank(Input))
		if scored {
			c.set(r, ColActual, Num(kr.Actual, Input, uf))
		}
	}
	raw := 0.0
	if scored {
		raw = finite(score.Achievement(k, kr.Actual, t, f, c.p.CapOf(k)))
	}
	c.set(r, ColRaw, Formula(x.rawAchievement(k.Direction), raw, scored, Percent, Helper, FormatPercent))
	c.set(r, ColAchievement, Formula(x.achievement(), kr.Achievement, scored, Percent, Computed, FormatPercent))
	c.set(r, ColScore, Formula(x.score(k.Steps), kr.Score, scored, Number, Computed, FormatScore))
	c.set(r, ColFactor, Num(f, Helper, FormatGeneral))
	if k.Direction == app.Range {
		c.set(r, ColRangeLow, Num(k.RangeLow, Input, uf))
		c.set(r, ColRangeHigh, Num(k.RangeHigh, Input, uf))
		c.set(r, ColTolerance, Num(k.Tolerance, Input, uf))
	}
	c.set(r, ColFloor, Num(c.p.FloorOf(k), Input, FormatPercent))
	c.set(r, ColCap, Num(c.p.CapOf(k), Input, FormatPercent))
	w := 0.0
	if scored || kr.Zero {
		w = k.Weight
	}
	sc := x.c(ColScore)
	cf := counted(sc, x.c(ColWeight))
	if kr.Zero {
		cf = x.c(ColWeight) // missing data counts as 0: the weight always counts
	}
	c.set(r, ColCounted, Formula(cf, w, true, Number, Helper, FormatGeneral))
	c.set(r, ColWeighted, Formula(weighted(sc, x.c(ColWeight)), w*kr.Score, true, Number, Helper, FormatGeneral))
	c.set(r, ColSteps, Str(stepsText(k.Steps), Helper))
}

// finite returns v, or 0 when v is NaN or infinite (what IFERROR gives).
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// stepsText describes step bands: "≥ 80% → 60; ≥ 100% → 100".
func stepsText(steps []app.StepBand) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		parts[i] = fmt.Sprintf("≥ %g%% → %g", s.From*100, s.Score)
	}
	return strings.Join(parts, "; ")
}
