package sheet

import (
	"math"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/trend"
)

// The columns of a plan and actual view: the KPI, the row's kind, the
// cycle target and reference value, then one column per period of the cycle
// and a last one to date.
const (
	PaKPI       = iota // A: the KPI's name
	PaKind             // B: Plan, Actual or Actual - Plan
	PaTarget           // C: the cycle target (plan row)
	PaReference        // D: the reference value (plan row); blank when none
	PaFirst            // E: the first period
)

// windowTargetOf is the formula of a KPI's target for the window 0..at: the
// target × pro-rata factor, or from its targets per period (score.WindowTarget)
// the sum of those in the window (sum KPIs) or the window's last one.
func (x rowRefs) windowTargetOf(k *app.KPI, at int) string {
	if !k.HasPeriodTargets() {
		return x.windowTarget()
	}
	if k.Aggregation != app.Sum {
		t, _ := score.WindowTarget(k, at, at+1) // n does not matter here
		return num(t)
	}
	var terms []string
	for _, t := range k.PeriodTargets {
		if t.Period >= 0 && t.Period <= at {
			terms = append(terms, num(t.Value))
		}
	}
	if len(terms) == 0 {
		return "0"
	}
	return strings.Join(terms, "+")
}

// PlanActualRows returns the rows of plan KPI i in p's plan and actual view
// (0-based sheet rows): its plan, actual and Actual - Plan rows.
func PlanActualRows(i int) (plan, actual, diff int) {
	r := 1 + 3*i
	return r, r + 1, r + 2
}

// PlanActualSheets returns each plan's plan and actual view, named not
// to clash with the sheet names in used (lower case; updated): per KPI a row
// of period targets (or pro-rata shares), a row of actuals and a row of
// live Actual - Plan formulas, with their totals to the end of the window.
func PlanActualSheets(plans []*app.Plan, pick score.Pick, t Translate, used map[string]bool) []*Sheet {
	l := lang{tr(t)}
	out := make([]*Sheet, 0, len(plans))
	for _, p := range plans {
		name := p.Person.Name
		if name == "" {
			name = p.Name
		}
		out = append(out, planActualSheet(p, pick(p), l, SheetName(l.T("Plan")+" "+name, used)))
	}
	return out
}

func planActualSheet(p *app.Plan, w score.Window, l lang, name string) *Sheet {
	n := p.Cycle.NumPeriods()
	s := &Sheet{Name: name, FreezeRows: 1, FreezeCols: PaFirst, HeaderRows: 1}
	s.Cols = []Col{{Width: 36}, {Width: 14}, {Width: 12}, {Width: 12}}
	head := make(Row, PaFirst+n+1)
	for i, h := range []string{l.T("KPI"), "", l.T("Target"), l.T("Reference value")} {
		head[i] = Str(h, Header)
	}
	for i := range n {
		head[PaFirst+i] = Str(p.Cycle.Label(i), Header)
		s.Cols = append(s.Cols, Col{Width: 11})
	}
	head[PaFirst+n] = Str(l.T("To date"), Header)
	rows := []Row{head}
	for i := range p.KPIs {
		rows = append(rows, paRows(p, &p.KPIs[i], i, w.Last, l)...)
	}
	s.SetRows(rows)
	return s
}

// PlanActual is one KPI's row values in the plan and actual view, as the
// engine computes them; ok is false where the cell is blank.
type PlanActual struct {
	Plan, Actual, Diff    []float64 // per period; NaN where blank
	PlanToDate, ActToDate float64
	PlanOK, ActOK, DiffOK bool // the to-date cells are filled
}

// PlanActualOf returns k's values in the plan and actual view of a cycle of
// n periods scored through period at.
func PlanActualOf(k *app.KPI, n, at int) PlanActual {
	v := PlanActual{Plan: make([]float64, n), Actual: make([]float64, n), Diff: make([]float64, n)}
	for i := range n {
		v.Plan[i], v.Actual[i], v.Diff[i] = math.NaN(), math.NaN(), math.NaN()
		if x, ok := periodPlan(k, i, n); ok {
			v.Plan[i] = x
		}
		if a, ok := k.ActualAt(i); ok {
			if x, ok := trend.PeriodValue(k, a); ok {
				v.Actual[i] = x
			}
		}
		if !math.IsNaN(v.Plan[i]) && !math.IsNaN(v.Actual[i]) {
			v.Diff[i] = v.Actual[i] - v.Plan[i]
		}
	}
	if at >= 0 && at < n {
		v.toDate(k, at)
	}
	return v
}

// toDate fills the to-date values through period at.
func (v *PlanActual) toDate(k *app.KPI, at int) {
	first := at // the current period's plan
	if k.Aggregation == app.Sum {
		first = 0 // Σ of the window's plans
	}
	for i := first; i <= at; i++ {
		if !math.IsNaN(v.Plan[i]) {
			v.PlanToDate, v.PlanOK = v.PlanToDate+v.Plan[i], true
		}
	}
	if x, c := score.Aggregate(k, at); c > 0 && !math.IsInf(x, 0) && !math.IsNaN(x) {
		v.ActToDate, v.ActOK = x, true
	}
	v.DiffOK = v.PlanOK && v.ActOK
}

// paRows returns plan KPI i's plan, actual and Actual - Plan rows.
func paRows(p *app.Plan, k *app.KPI, i, at int, l lang) []Row {
	n := p.Cycle.NumPeriods()
	pr, ar, _ := PlanActualRows(i)
	rows := []Row{make(Row, PaFirst+n+1), make(Row, PaFirst+n+1), make(Row, PaFirst+n+1)}
	plan, act, diff := rows[0], rows[1], rows[2]
	uf := UnitFormat(k.Unit, p.Person.Currency, actualDecimals(k))
	plan[PaKPI], act[PaKPI], diff[PaKPI] = Str(k.Name, Plain), Str(k.Name, Plain), Str(k.Name, Plain)
	plan[PaKind], act[PaKind], diff[PaKind] = Str(l.T("Plan"), Label), Str(l.T("Actual"), Label), Str(l.T("Actual - Plan"), Label)
	plan[PaTarget] = Num(k.Target, Input, uf)
	if k.Reference != nil {
		plan[PaReference] = Num(*k.Reference, Input, uf)
	}
	v := PlanActualOf(k, n, at)
	difference := func(col int, want float64, ok bool) Cell {
		a, b := Ref(col, ar), Ref(col, pr)
		return Formula("IF(OR("+a+`="",`+b+`=""),"",`+a+"-"+b+")", want, ok, Number, Computed, uf)
	}
	for j := range n {
		col := PaFirst + j
		if !math.IsNaN(v.Plan[j]) {
			plan[col] = Num(v.Plan[j], Input, uf)
		}
		if !math.IsNaN(v.Actual[j]) {
			act[col] = Num(v.Actual[j], Input, uf)
		}
		diff[col] = difference(col, v.Diff[j], !math.IsNaN(v.Diff[j]))
	}
	if at < 0 || at >= n {
		return rows
	}
	td := PaFirst + n
	if k.Aggregation == app.Sum && v.PlanOK {
		plan[td] = Formula("SUM("+Ref(PaFirst, pr)+":"+Ref(PaFirst+at, pr)+")", v.PlanToDate, v.PlanOK, Number, Computed, uf)
	} else if v.PlanOK {
		plan[td] = Formula(Ref(PaFirst+at, pr), v.PlanToDate, true, Number, Computed, uf)
	}
	if v.ActOK {
		act[td] = actualToDate(k, Ref(PaFirst, ar)+":"+Ref(PaFirst+at, ar), v.ActToDate, uf)
	}
	diff[td] = difference(td, v.ActToDate-v.PlanToDate, v.DiffOK)
	return rows
}

// actualToDate is the to-date actual: a formula over the period cells for
// sum, average, min and max KPIs, the engine's value for last and ratio KPIs
// (whose period cells do not determine it).
func actualToDate(k *app.KPI, cells string, v float64, uf string) Cell {
	fn := map[app.Aggregation]string{app.Sum: "SUM", app.Average: "AVERAGE", app.Min: "MIN", app.Max: "MAX"}[k.Aggregation]
	if fn == "" {
		return Num(v, Computed, uf)
	}
	return Formula(fn+"("+cells+")", v, true, Number, Computed, uf)
}

// periodPlan is what k plans for period i alone: its period target, or
// without targets per period its target ÷ n (sum KPIs) or its target;
// nothing for range and milestone KPIs.
func periodPlan(k *app.KPI, i, n int) (float64, bool) {
	if k.Direction != app.Higher && k.Direction != app.Lower {
		return 0, false
	}
	if k.HasPeriodTargets() {
		if v, ok := k.TargetAt(i); ok {
			return v, true
		}
		return 0, k.Aggregation == app.Sum
	}
	if k.Aggregation == app.Sum {
		return k.Target / float64(n), true
	}
	return k.Target, true
}
