package sheet

import (
	"strconv"
	"strings"

	"kpiplanner/app"
	bp "kpiplanner/app/bonus"
)

// The columns (0-based) of the bonus pool sheet's people table.
const (
	PoCode       = iota // A
	PoName              // B
	PoUnit              // C
	PoPool              // D: the pool the person draws from
	PoScore             // E
	PoBand              // F
	PoOverride          // G: "override" when calibration moved the band
	PoEligible          // H
	PoWhy               // I
	PoBase              // J
	PoMultiplier        // K
	PoProRata           // L
	PoRaw               // M: formula base × multiplier × pro-rata
	PoFloor             // N
	PoCap               // O
	PoBound             // P: free, cap or floor (as the solver found)
	PoK                 // Q: formula, the pool's k
	PoExact             // R: formula, the cap, the floor or k × raw
	PoRounded           // S: formula, rounded down to the step
	PoRemainder         // T: formula, the remainder in steps
	PoExtra             // U: remainder steps handed out (values)
	PoFinal             // V: formula, rounded + extra × step
	poCols
)

// The columns (0-based) of the bonus pool sheet's pool table.
const (
	PlCode   = iota // A
	PlAmount        // B
	PlMode          // C
	PlStep          // D
	PlFree          // E: formula, Σ raw of the free rows
	PlBound         // F: formula, Σ caps and floors of the bound rows
	PlK             // G: formula (a value when the pool is infeasible)
	PlPaid          // H: formula, Σ final
	PlCheck         // I: formula, whether Σ final = the pool
	PlShort         // J: the shortfall of an infeasible pool
)

// PoolLayout says where the bonus pool sheet keeps its tables: pool i is on
// row PoolRow+i, person i on row FirstRow+i.
type PoolLayout struct {
	Sheet, Overrides  string
	PoolRow, FirstRow int
}

// BonusPool returns the bonus pool workbook of a solved policy: the pools
// with k as a live formula and a check that Σ = pool, every person's steps as
// live formulas (raw, k, the cap or floor, rounding down to the step, the
// remainder) with the remainder steps handed out as values, the
// calibration overrides with their reasons, and the bonus regulation.
func BonusPool(res bp.Result, p bp.Policy, cals []bp.Calibration, reg bp.Regulation, t Translate) (*Workbook, PoolLayout) {
	l := lang{tr(t)}
	used := map[string]bool{}
	lay := PoolLayout{Sheet: SheetName(l.T("Bonus pool"), used), Overrides: SheetName(l.T("Overrides"), used), PoolRow: 2}
	lay.FirstRow = lay.PoolRow + len(res.Pools) + 2
	s := &Sheet{Name: lay.Sheet, FreezeRows: lay.FirstRow, FreezeCols: 2, Cols: poolCols()}
	rows := []Row{{Str(l.T("Bonus pool %s to %s", p.Cycle.Start, p.Cycle.End), Title)}, poolHeader(l)}
	codes := map[app.UID]string{}
	for i, pr := range res.Pools {
		codes[pr.Unit] = poolName(l, pr)
		rows = append(rows, poolRow(l, lay, i, len(res.Rows), pr, res))
	}
	rows = append(rows, Row{}, peopleHeader(l))
	money := MoneyFormat(p.Currency)
	for i := range res.Rows {
		rows = append(rows, personRow(l, lay, i, &res.Rows[i], codes, res, money))
	}
	s.SetRows(rows)
	return &Workbook{Sheets: []*Sheet{s, overridesSheet(l, lay.Overrides, cals), RegulationSheet(reg, t, used)}}, lay
}

func poolCols() []Col {
	w := []float64{12, 24, 14, 14, 8, 14, 10, 9, 30, 14, 8, 9, 14, 14, 14, 8, 12, 16, 14, 10, 6, 14}
	out := make([]Col, len(w))
	for i, x := range w {
		out[i] = Col{Width: x}
	}
	return out
}

func poolName(l lang, pr bp.PoolResult) string {
	if pr.Unit == "" {
		return l.T("Company")
	}
	return pr.Code
}

func poolHeader(l lang) Row {
	names := []string{l.T("Pool"), l.T("Amount"), l.T("Mode"), l.T("Step"), l.T("Raw of the free"), l.T("Caps and floors"),
		l.T("k"), l.T("Paid"), l.T("Check"), l.T("Shortfall")}
	row := make(Row, len(names))
	for i, n := range names {
		row[i] = Str(n, Header)
	}
	return row
}

func peopleHeader(l lang) Row {
	names := []string{l.T("Code"), l.T("Name"), l.T("Unit"), l.T("Pool"), l.T("Score"), l.T("Band"), l.T("Calibration"),
		l.T("Eligible"), l.T("Why not"), l.T("Base bonus"), l.T("Multiplier"), l.T("Pro-rata"), l.T("Raw"), l.T("Floor"),
		l.T("Cap"), l.T("Bound"), l.T("k"), l.T("Exact"), l.T("Rounded down"), l.T("Remainder (steps)"), l.T("Extra steps"), l.T("Final")}
	row := make(Row, len(names))
	for i, n := range names {
		row[i] = Str(n, Header)
	}
	return row
}

// col returns the absolute range of people column c.
func (lay PoolLayout) col(c, n int) string {
	return Abs(c, lay.FirstRow) + ":" + Abs(c, lay.FirstRow+max(n, 1)-1)
}

// boundWord is the word the bound column holds and the formulas look for.
func boundWord(l lang, b bp.Bound) string {
	switch b {
	case bp.Capped:
		return l.T("cap")
	case bp.Floored:
		return l.T("floor")
	}
	return l.T("free")
}

func poolRow(l lang, lay PoolLayout, i, n int, pr bp.PoolResult, res bp.Result) Row {
	r := lay.PoolRow + i
	code := Ref(PlCode, r)
	pool, bound := lay.col(PoPool, n), lay.col(PoBound, n)
	free := "SUMIFS(" + lay.col(PoRaw, n) + "," + pool + "," + code + "," + bound + "," + quote(boundWord(l, bp.Free)) + ")"
	capped := "SUMIFS(" + lay.col(PoCap, n) + "," + pool + "," + code + "," + bound + "," + quote(boundWord(l, bp.Capped)) + ")" +
		"+SUMIFS(" + lay.col(PoFloor, n) + "," + pool + "," + code + "," + bound + "," + quote(boundWord(l, bp.Floored)) + ")"
	freeV, boundV := poolSums(res, pr)
	row := make(Row, PlShort+1)
	row[PlCode] = Str(poolName(l, pr), Label)
	row[PlAmount] = Cell{Kind: Money, Style: Input, Num: pr.Pool}
	row[PlMode] = Str(string(res.Mode), Plain)
	row[PlStep] = Cell{Kind: Money, Style: Input, Num: res.Step}
	row[PlFree] = Formula(free, freeV, true, Money, Helper, "")
	row[PlBound] = Formula(capped, boundV, true, Money, Helper, "")
	row[PlK] = kCell(r, pr, res.Mode)
	row[PlPaid] = Formula("SUMIF("+pool+","+code+","+lay.col(PoFinal, n)+")", pr.Total, true, Money, Total, "")
	row[PlShort] = Cell{Kind: Money, Style: Computed, Num: pr.Shortfall}
	switch {
	case res.Mode == bp.ModeFit:
		row[PlCheck] = TextFormula("IF("+Ref(PlPaid, r)+"="+Ref(PlAmount, r)+","+quote(l.T("equal"))+","+quote(l.T("differs"))+")", check(l, pr.Total == pr.Pool), Computed)
	case res.Mode == bp.ModeCap:
		row[PlCheck] = TextFormula("IF("+Ref(PlPaid, r)+"<="+Ref(PlAmount, r)+","+quote(l.T("within"))+","+quote(l.T("over"))+")", within(l, pr.Total <= pr.Pool), Computed)
	}
	return row
}

func check(l lang, ok bool) string {
	if ok {
		return l.T("equal")
	}
	return l.T("differs")
}

func within(l lang, ok bool) string {
	if ok {
		return l.T("within")
	}
	return l.T("over")
}

// kCell is the pool's k: (pool − Σ caps and floors) ÷ Σ raw of the free,
// at most 1 in cap mode, 1 without a pool; the solver's value when nobody
// is free or the pool is infeasible.
func kCell(r int, pr bp.PoolResult, mode bp.Mode) Cell {
	f := "(" + Ref(PlAmount, r) + "-" + Ref(PlBound, r) + ")/" + Ref(PlFree, r)
	v := strconv.FormatFloat(pr.K, 'g', -1, 64)
	switch {
	case mode == bp.ModeNone || mode == "":
		return Formula("1", 1, true, Number, Computed, "0.000000")
	case !pr.Feasible:
		return Cell{Kind: Number, Style: Computed, Num: pr.K, Format: "0.000000"}
	case mode == bp.ModeCap:
		f = "MIN(1," + f + ")"
	}
	return Formula("IF("+Ref(PlFree, r)+"=0,"+v+","+f+")", pr.K, true, Number, Computed, "0.000000")
}

// poolSums are the cached values of a pool's Σ free raw and Σ caps and floors.
func poolSums(res bp.Result, pr bp.PoolResult) (free, bound float64) {
	for i := range res.Rows {
		r := &res.Rows[i]
		if !samePool(r, pr) {
			continue
		}
		switch r.Bound {
		case bp.Capped:
			bound += r.CapAt
		case bp.Floored:
			bound += r.FloorAt
		default:
			free += r.Raw
		}
	}
	return free, bound
}

func samePool(r *bp.Row, pr bp.PoolResult) bool { return r.Pool == pr.Unit }

func quote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
