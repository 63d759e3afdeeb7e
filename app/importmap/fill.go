package importmap

import (
	"strings"

	"kpiplanner/app"
)

// cellNum reads the cell at row r, column c as a number; ok is false for an
// empty cell or text that is no number.
func (rd *reader) cellNum(r, c int) (Value, bool) {
	cell := rd.t.At(r, c)
	if cell.IsNum {
		v := Value{V: cell.Num, Row: r, Col: c, Percent: cell.Percent}
		if cell.Percent {
			v.V = cell.Num * 100
		}
		return v, true
	}
	if strings.TrimSpace(cell.Text) == "" {
		return Value{}, false
	}
	f, pct, ok := number(cell.Text)
	return Value{V: f, Percent: pct, Row: r, Col: c}, ok
}

// num reads a number cell, refusing text that is no number; nil when empty.
func (rd *reader) num(r, c int, f Field) *Value {
	v, ok := rd.cellNum(r, c)
	if ok {
		return &v
	}
	if s := strings.TrimSpace(rd.t.At(r, c).Text); s != "" && s != "-" && s != "–" {
		rd.refuse(r, c, app.M("%s is not a number", string(f)))
	}
	return nil
}

// fill reads the mapped cells of row r into rec.
func (rd *reader) fill(rec *Record, r int) {
	rd.labelBlock = false
	rowPeriod, hasPeriod := -1, false
	if c, ok := rd.single[FPeriod]; ok && rd.m.Layout == Long {
		rowPeriod, hasPeriod = rd.period(r, c)
		if !hasPeriod {
			return
		}
	}
	last := -1
	kind, ok := rd.valueType(r)
	if !ok {
		return
	}
	for _, c := range rd.cols {
		per := c.Period - 1
		if c.Period == 0 {
			per = rowPeriod
		}
		if rd.text1(rec, r, c) || rd.number1(rec, r, c, per) {
			continue
		}
		if c.Field == FActual {
			c.Field = kind
		}
		if (c.Field == FActual || c.Field == FNumerator || c.Field == FDenominator) && rd.actual(rec, r, c, per) {
			last = per
		}
	}
	rd.comment(rec, r, rowPeriod, last)
}

// valueTypeWords are the folded words of the value types of a row.
var valueTypeWords = map[Field][]string{
	FActual:      {"actual", "value", "thuc hien", "thuc te", "gia tri"},
	FNumerator:   {"numerator", "num", "tu so", "tu"},
	FDenominator: {"denominator", "den", "mau so", "mau"},
}

// valueType returns what row r's actual cells hold: actuals, or a ratio's
// numerators or denominators (a value_type column, as our templates write).
func (rd *reader) valueType(r int) (Field, bool) {
	c, ok := rd.single[FValueType]
	if !ok || strings.TrimSpace(rd.t.At(r, c).Text) == "" {
		return FActual, true
	}
	if f, ok := wordOf(valueTypeWords, rd.t.At(r, c).Text); ok {
		return f, true
	}
	rd.refuse(r, c, app.M("the value type must be actual, numerator or denominator"))
	return FActual, false
}

// text1 reads a KPI's text attribute from column c of row r, reporting
// whether c holds one.
func (rd *reader) text1(rec *Record, r int, c column) bool {
	dst := map[Field]*string{FMeasure: &rec.Measure, FDirection: &rec.Direction, FGroup: &rec.Group, FAggregation: &rec.Aggregation}[c.Field]
	if dst == nil {
		return false
	}
	rd.setText(dst, r, c.idx)
	return true
}

// number1 reads a KPI's number (target, baseline, weight, reference, or
// the target of period per) from column c of row r, reporting whether c holds one.
func (rd *reader) number1(rec *Record, r int, c column, per int) bool {
	if c.Field == FPeriodTgt {
		if v := rd.num(r, c.idx, c.Field); v != nil && per >= 0 {
			rec.PeriodTargets[per] = v
		}
		return true
	}
	dst := map[Field]**Value{FTarget: &rec.Target, FBaseline: &rec.Baseline, FWeight: &rec.Weight, FReference: &rec.Reference}[c.Field]
	if dst == nil {
		return false
	}
	setNum(dst, rd.num(r, c.idx, c.Field))
	return true
}

// actual reads an actual, numerator or denominator cell of period per.
func (rd *reader) actual(rec *Record, r int, c column, per int) bool {
	v := rd.num(r, c.idx, c.Field)
	if v == nil || per < 0 {
		return false
	}
	a := rec.Actuals[per]
	if a == nil {
		a = &ActualIn{}
		rec.Actuals[per] = a
	}
	switch c.Field {
	case FActual:
		a.Value = v
	case FNumerator:
		a.Num = v
	default:
		a.Den = v
	}
	return true
}

// comment reads the comment cells of row r: a mapped comment column with a
// period, or the row's comment for the row's period (long layouts) or the
// last period with an actual in the row.
func (rd *reader) comment(rec *Record, r, rowPeriod, last int) {
	for _, c := range rd.cols {
		if c.Field != FComment {
			continue
		}
		s := strings.TrimSpace(rd.t.At(r, c.idx).Text)
		per := c.Period - 1
		switch {
		case c.Period > 0:
		case rowPeriod >= 0:
			per = rowPeriod
		default:
			per = last
		}
		if s == "" || per < 0 {
			continue
		}
		a := rec.Actuals[per]
		if a == nil {
			a = &ActualIn{}
			rec.Actuals[per] = a
		}
		a.Comment = s
	}
}

// period reads row r's period cell: a number, month, quarter, week or date.
func (rd *reader) period(r, c int) (int, bool) {
	cell := rd.t.At(r, c)
	if strings.TrimSpace(cell.Text) == "" {
		rd.refuse(r, c, app.M("the period is missing"))
		return 0, false
	}
	p, ok := ParsePeriod(cell)
	if !ok {
		if d, err := app.ParseDate(strings.TrimSpace(cell.Text)); err == nil {
			p, ok = PeriodRef{Kind: Month, N: int(d.Time().Month()), Year: d.Time().Year()}, true
			if rd.cycle.Frequency != app.Monthly {
				return rd.periodOfDate(r, c, d)
			}
		}
	}
	if !ok {
		rd.refuse(r, c, app.M("this is not a period (write a month, quarter, week, date or the period's number)"))
		return 0, false
	}
	i, why, ok := p.Index(rd.cycle)
	if !ok {
		rd.refuse(r, c, why)
	}
	return i, ok
}

// periodOfDate returns the period of the cycle holding date d.
func (rd *reader) periodOfDate(r, c int, d app.Date) (int, bool) {
	if !rd.cycle.Contains(d) {
		rd.refuse(r, c, app.M("%s is outside the plan's cycle", d.String()))
		return 0, false
	}
	return rd.cycle.PeriodOf(d), true
}

// setText keeps the first text of a KPI attribute; a later row giving
// another is refused.
func (rd *reader) setText(dst *string, r, c int) {
	s := strings.TrimSpace(rd.t.At(r, c).Text)
	switch {
	case s == "":
	case *dst == "":
		*dst = s
	case rd.folds.of(*dst) != rd.folds.of(s):
		rd.refuse(r, c, app.M("differs from %q given above for the same KPI", *dst))
	}
}

// setNum keeps the first value of a KPI number; later rows may repeat it.
func setNum(dst **Value, v *Value) {
	if v != nil && *dst == nil {
		*dst = v
	}
}
