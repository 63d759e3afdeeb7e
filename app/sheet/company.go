package sheet

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/money"
	"kpiplanner/app/score"
)

// The columns (0-based) of the company bonus sheet.
const (
	CoNo         = iota // A: the person's number, also used in the actuals sheet
	CoPerson            // B
	CoDepartment        // C
	CoPosition          // D
	CoPlan              // E
	CoTotal             // F: the engine's total score; blank when nothing was scored
	CoRating            // G: formula
	CoMultiplier        // H: formula
	CoBase              // I: base bonus
	CoBonus             // J: formula
	CoCurrency          // K
	CoRuleSet           // L: the number of the rule set on the rules sheet
	CoWindow            // M: the last period of the window the total covers
	CoNote              // N: "provisional" and the KPIs without data, when the result may still change
	coCols
)

// The columns (0-based) of the company actuals sheet: one row per person,
// KPI and period with an actual.
const (
	DeNo          = iota // A: the person's number on the bonus sheet
	DePerson             // B
	DeDepartment         // C
	DeKPI                // D
	DeGroup              // E
	DePeriod             // F: the period's first day, a date
	DeValue              // G: the value, or the numerator of a ratio KPI
	DeDenominator        // H: the denominator of a ratio KPI
	deCols
)

// CompanyLayout names the company workbook's sheets; on the bonus sheet,
// plan i is on row i+1 and the bonus pool on TotalRow.
type CompanyLayout struct {
	Bonus, Rules, Actuals string
	TotalRow              int
}

// ruleSet is a distinct combination of rating bands and bonus rule, and
// where its table sits on the rules sheet.
type ruleSet struct {
	no       int // 1-based
	rules    app.Rules
	bands    []app.Band // ascending thresholds
	first    int        // row of the first band
	capRow   int        // row of the linear cap
	mins     string     // references for LOOKUP
	names    string
	mults    string
	linearAt string
}

// Company returns the company workbook for plans, each scored over the
// window pick chooses for it: a bonus sheet with one row per person whose rating,
// multiplier and bonus are live formulas over the rules sheet; the rules
// sheet with each distinct set of rating bands; and a long actuals sheet
// (person × KPI × period). Rows are produced as they are written, so the
// workbook of a large company never sits in memory.
func Company(plans []*app.Plan, pick score.Pick, t Translate) (*Workbook, CompanyLayout) {
	l := lang{tr(t)}
	used := map[string]bool{}
	lay := CompanyLayout{
		Bonus:   SheetName(l.T("Bonus"), used),
		Rules:   SheetName(l.T("Scoring rules"), used),
		Actuals: SheetName(l.T("Actuals"), used),
	}
	sets, setOf := ruleSets(plans)
	rules := rulesSheet(l, lay.Rules, sets)
	lay.TotalRow = len(plans) + 1
	// Each plan's window is picked once, for both sheets and both passes
	// over the actuals (counting, writing).
	wins := make([]score.Window, len(plans))
	for i, p := range plans {
		wins[i] = pick(p)
	}
	return &Workbook{Sheets: []*Sheet{bonusSheet(l, lay, plans, wins, sets, setOf), rules, actualsSheet(l, lay.Actuals, plans, wins)}}, lay
}

// ruleSets returns the distinct bonus rules of plans and, per plan, the
// index of its set.
func ruleSets(plans []*app.Plan) ([]*ruleSet, []int) {
	var sets []*ruleSet
	index := map[string]int{}
	setOf := make([]int, len(plans))
	for i, p := range plans {
		k := rulesKey(&p.Rules)
		j, ok := index[k]
		if !ok {
			j = len(sets)
			index[k] = j
			bands := slices.Clone(p.Rules.Bands)
			slices.SortStableFunc(bands, func(a, b app.Band) int { return cmp.Compare(a.Min, b.Min) })
			sets = append(sets, &ruleSet{no: j + 1, rules: p.Rules, bands: bands})
		}
		setOf[i] = j
	}
	return sets, setOf
}

// rulesKey identifies the parts of r that turn a total into a bonus.
func rulesKey(r *app.Rules) string {
	var b strings.Builder
	b.WriteString(string(r.BonusMode))
	b.WriteString("|" + num(r.LinearCap))
	for _, band := range r.Bands {
		b.WriteString("|" + num(band.Min) + "|" + strconv.Quote(band.Name) + "|" + num(band.Multiplier))
	}
	return b.String()
}

// rulesSheet lays out one block per rule set and records its references.
func rulesSheet(l lang, name string, sets []*ruleSet) *Sheet {
	var rows []Row
	q := QuoteSheet(name) + "!"
	for i, s := range sets {
		rows = append(rows, Row{Str(l.T("Rule set %d", i+1), Subtotal)})
		rows = append(rows, Row{Str(l.T("Bonus mode"), Label), Str(l.Name(string(s.rules.BonusMode)), Plain)})
		s.capRow = len(rows)
		rows = append(rows, Row{Str(l.T("Linear bonus cap"), Label), Num(s.rules.LinearCap, Input, FormatGeneral)})
		rows = append(rows, Row{Str(l.T("Threshold"), Header), Str(l.T("Rating"), Header), Str(l.T("Bonus multiplier"), Header)})
		s.first = len(rows)
		for _, b := range s.bands {
			rows = append(rows, Row{Num(b.Min, Input, FormatGeneral), Str(l.Band(b.Name), Input), Num(b.Multiplier, Input, FormatMultiplier)})
		}
		last := len(rows) - 1
		s.mins = q + Abs(0, s.first) + ":" + Abs(0, last)
		s.names = q + Abs(1, s.first) + ":" + Abs(1, last)
		s.mults = q + Abs(2, s.first) + ":" + Abs(2, last)
		s.linearAt = q + Abs(1, s.capRow)
		rows = append(rows, Row{})
	}
	s := &Sheet{Name: name, Cols: []Col{{Width: 22}, {Width: 24}, {Width: 16}}}
	s.SetRows(rows)
	return s
}

func bonusSheet(l lang, lay CompanyLayout, plans []*app.Plan, wins []score.Window, sets []*ruleSet, setOf []int) *Sheet {
	heads := []string{l.T("No."), l.T("Person"), l.T("Department"), l.T("Position"), l.T("Plan"), l.T("Total score"),
		l.T("Rating"), l.T("Bonus multiplier"), l.T("Base bonus"), l.T("Bonus"), l.T("Currency"), l.T("Scoring rules"),
		l.T("Scored to"), l.T("Note")}
	widths := []float64{7, 28, 22, 22, 30, 11, 14, 11, 16, 16, 9, 9, 11, 40}
	s := &Sheet{Name: lay.Bonus, FreezeRows: 1, FreezeCols: 2, HeaderRows: 1, NumRows: len(plans) + 2}
	for _, w := range widths {
		s.Cols = append(s.Cols, Col{Width: w})
	}
	// Each plan is scored once, up front, however often the rows are read
	// (a bulk writer reads them twice: for their styles, then to write them).
	scored := make([]bonusFigures, len(plans))
	for i, p := range plans {
		scored[i] = figuresOf(l, score.In(p, wins[i]))
	}
	s.Rows = func(yield func(Row) bool) {
		row := make(Row, coCols)
		for i, h := range heads {
			row[i] = Str(h, Header)
		}
		if !yield(row) {
			return
		}
		pool := 0.0 // the sum of the rounded bonuses shown, like SUM
		for i, p := range plans {
			res := &scored[i]
			pool = money.RoundTo(pool+res.Bonus, money.Unit(p.Person.Currency))
			bonusRow(l, row, i, p, res, sets[setOf[i]])
			if !yield(row) {
				return
			}
		}
		clear(row)
		row[CoPerson] = Str(l.T("Total bonus"), Total)
		f := `0`
		if len(plans) > 0 {
			f = "SUM(" + Ref(CoBonus, 1) + ":" + Ref(CoBonus, len(plans)) + ")"
		}
		row[CoBonus] = Formula(f, pool, true, Money, Total, NumberFormat(0))
		yield(row)
	}
	return s
}

// bonusFigures is what the bonus sheet shows of a plan's score.
type bonusFigures struct {
	HasTotal        bool
	Official, Bonus float64
	Rating          app.Band
	AtLabel, Note   string
}

// figuresOf keeps what the bonus sheet shows of res.
func figuresOf(l lang, res score.Result) bonusFigures {
	return bonusFigures{HasTotal: res.HasTotal, Official: res.Official, Bonus: res.Bonus, Rating: res.Rating,
		AtLabel: res.AtLabel, Note: provisionalNote(l, res)}
}

// bonusRow fills row with plan i's line of the bonus sheet (sheet row i+1).
func bonusRow(l lang, row Row, i int, p *app.Plan, res *bonusFigures, rs *ruleSet) {
	r := i + 1
	total := Ref(CoTotal, r)
	money := MoneyFormat(p.Person.Currency)
	row[CoNo] = Num(float64(i+1), Plain, FormatGeneral)
	row[CoPerson] = Str(p.Person.Name, Plain)
	row[CoDepartment] = Str(p.Person.Department, Plain)
	row[CoPosition] = Str(p.Person.Position, Plain)
	row[CoPlan] = Str(p.Name, Plain)
	row[CoTotal] = Blank(Computed)
	if res.HasTotal {
		row[CoTotal] = Num(res.Official, Computed, FormatScore) // the official total, rounded to 2 decimals
	}
	rating, mult := "IF("+total+`="","","")`, "IF("+total+`="","",0)`
	if len(rs.bands) > 0 {
		rating = lookup(total, rs.mins, rs.names, `""`)
		mult = lookup(total, rs.mins, rs.mults, "0")
	}
	row[CoRating] = TextFormula(rating, l.Band(res.Rating.Name), Computed)
	row[CoMultiplier] = Formula(mult, res.Rating.Multiplier, res.HasTotal, Number, Computed, FormatMultiplier)
	row[CoBase] = Cell{Kind: Money, Style: Input, Num: p.Person.BaseBonus, Format: money}
	row[CoBonus] = Formula(roundMoney(bonus(p.Rules.BonusMode == app.BonusLinear, total, Ref(CoBase, r), Ref(CoMultiplier, r), rs.linearAt),
		p), res.Bonus, res.HasTotal, Money, Total, money)
	row[CoCurrency] = Str(p.Person.Currency, Plain)
	row[CoRuleSet] = Num(float64(rs.no), Plain, FormatGeneral)
	row[CoWindow] = Str(res.AtLabel, Plain)
	row[CoNote] = Str(res.Note, Plain)
}

// provisionalNote says that a result may still change and which KPIs have
// no data yet; "" for a final result.
func provisionalNote(l lang, res score.Result) string {
	if !res.Provisional {
		return ""
	}
	return l.T("Provisional: no data yet for %s", strings.Join(res.Missing, ", "))
}
