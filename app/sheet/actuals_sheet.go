package sheet

import (
	"math"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// actualsSheet is the company's long table of actuals: one row per person,
// KPI and period with an actual inside its plan's window (wins[i] for plans[i]).
func actualsSheet(l lang, name string, plans []*app.Plan, wins []score.Window) *Sheet {
	s := &Sheet{Name: name, FreezeRows: 1, FreezeCols: 2, HeaderRows: 1}
	for _, w := range []float64{7, 28, 22, 40, 7, 11, 16, 14} {
		s.Cols = append(s.Cols, Col{Width: w})
	}
	s.NumRows = 1
	for i, p := range plans {
		end := wins[i].Last
		for i := range p.KPIs {
			for _, a := range p.KPIs[i].Actuals {
				if a.Period >= 0 && a.Period <= end {
					s.NumRows++
				}
			}
		}
	}
	heads := []string{l.T("No."), l.T("Person"), l.T("Department"), l.T("KPI"), l.T("Group"), l.T("Period"), l.T("Actual"), l.T("Denominator")}
	s.Rows = func(yield func(Row) bool) {
		row := make(Row, deCols)
		for i, h := range heads {
			row[i] = Str(h, Header)
		}
		if !yield(row) {
			return
		}
		starts := periodStarts{}
		for i, p := range plans {
			if !actualRows(row, i, p, wins[i].Last, starts.of(p.Cycle), yield) {
				return
			}
		}
	}
	return s
}

// actualRows yields plan i's actuals up to period end, reusing row.
func actualRows(row Row, i int, p *app.Plan, end int, starts []float64, yield func(Row) bool) bool {
	format := FormatMonth
	if p.Cycle.Frequency == app.Weekly {
		format = FormatDay
	}
	row[DeNo] = Num(float64(i+1), Plain, FormatGeneral)
	row[DePerson] = Str(p.Person.Name, Plain)
	row[DeDepartment] = Str(p.Person.Department, Plain)
	for j := range p.KPIs {
		k := &p.KPIs[j]
		ratio := k.Aggregation == app.Ratio
		vf := FormatGeneral
		if !ratio {
			vf = UnitFormat(k.Unit, p.Person.Currency, actualDecimals(k))
		}
		row[DeKPI] = Str(k.Name, Plain)
		row[DeGroup] = Str(string(k.Group), Plain)
		for _, a := range k.Actuals {
			if a.Period < 0 || a.Period > end || a.Period >= len(starts) {
				continue
			}
			row[DePeriod] = Cell{Kind: Date, Num: starts[a.Period], Format: format}
			row[DeValue] = Num(a.Value, Plain, vf)
			row[DeDenominator] = Cell{}
			if ratio {
				row[DeDenominator] = Num(a.Den, Plain, FormatGeneral)
			}
			if !yield(row) {
				return false
			}
		}
	}
	return true
}

// actualDecimals returns how many decimals (at most 2) k's actuals need.
func actualDecimals(k *app.KPI) int {
	d := 0
	for _, a := range k.Actuals {
		for d < 2 && !whole(a.Value*pow10[d]) {
			d++
		}
	}
	return d
}

var pow10 = [...]float64{1, 10, 100}

// whole reports whether v is an integer, up to rounding noise.
func whole(v float64) bool {
	return math.Abs(v-math.Round(v)) < 1e-9*math.Max(1, math.Abs(v))
}

// periodStarts caches the serial first days of each cycle's periods.
type periodStarts map[app.Cycle][]float64

func (ps periodStarts) of(c app.Cycle) []float64 {
	if s, ok := ps[c]; ok {
		return s
	}
	var out []float64
	for _, p := range c.Periods() {
		out = append(out, Serial(p.Start))
	}
	ps[c] = out
	return out
}
