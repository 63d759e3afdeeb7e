package importmap

import (
	"strings"
	"time"

	"kpiplanner/app"
)

// Suggest returns the mapping the sheet's header suggests: the detected
// header row, a field for each column whose header names one, period
// columns, the layout, and a cycle (the year the period headers name, else
// today's) whose frequency the period headers give.
func Suggest(t *Table, today app.Date) (*Mapping, *Header, error) {
	h, ok := DetectHeader(t)
	if !ok {
		return nil, nil, Errorf("the sheet %s has no row that reads as a header (KPI, target, actual, months…): give the header row", t.Sheet)
	}
	return SuggestAt(t, h, today), h, nil
}

// SuggestAt returns the mapping suggested for the header h of t.
func SuggestAt(t *Table, h *Header, today app.Date) *Mapping {
	m := &Mapping{Version: MappingVersion, Sheet: t.Sheet, HeaderRow: h.Row + 1, Cycle: suggestCycle(h, today)}
	seen, periods := map[Field]bool{}, 0
	for _, c := range h.Cols {
		if cm, ok := suggestColumn(c, m.Cycle.Cycle(), seen); ok {
			if cm.Period > 0 {
				periods++
			}
			m.Columns = append(m.Columns, cm)
		}
	}
	m.Layout = suggestLayout(seen, periods)
	if m.Layout == KPIsDown && !labelsAbove(t, h.Row) {
		if titled(t, h.Row) {
			m.Person.FromTitle = true
		} else {
			m.Person.FromSheetName = true
		}
	}
	if m.Layout != Long {
		m.Columns = dropPeriodless(m.Columns)
	}
	return m
}

// suggestCycle returns the calendar year the period headings name (else
// today's), reviewed as often as most of them say.
func suggestCycle(h *Header, today app.Date) CycleSpec {
	kinds, year := map[PeriodKind]int{}, 0
	for _, c := range h.Cols {
		if c.Period != nil && c.Field != FPeriod {
			kinds[c.Period.Kind]++
			if year == 0 {
				year = c.Period.Year
			}
		}
	}
	kind := Month
	for k, n := range kinds {
		if n > kinds[kind] || n == kinds[kind] && k < kind {
			kind = k
		}
	}
	if year == 0 {
		year = today.Time().Year()
	}
	return CycleSpec{Start: app.NewDate(year, time.January, 1), End: app.NewDate(year, time.December, 31), Frequency: FrequencyOf(kind)}
}

// suggestColumn returns the mapping of header column c, if its header names
// a field not seen yet (or a period of cycle).
func suggestColumn(c HeaderCol, cycle app.Cycle, seen map[Field]bool) (ColumnMap, bool) {
	cm := ColumnMap{Column: ColName(c.Col), Header: c.Label()}
	switch {
	case c.Period != nil && c.Field != FPeriod:
		i, _, ok := c.Period.Index(cycle)
		if !ok || c.Field == FDirection || c.Field == Ignore && c.Quality > 0 {
			return cm, false
		}
		cm.Field, cm.Period = periodField(c.Field), i+1
	case c.Quality > 0 && (!seen[c.Field] || c.Field == Ignore):
		cm.Field = c.Field // a column known to be left out never takes another field
	case c.Quality > 0 && len(c.Alt) > 0 && !seen[c.Alt[0]]:
		cm.Field = c.Alt[0]
	default:
		return cm, false
	}
	if cm.Period == 0 {
		seen[cm.Field] = true
	}
	return cm, true
}

// suggestLayout returns the layout the fields and period columns suggest.
func suggestLayout(seen map[Field]bool, periods int) Layout {
	person := seen[FCode] || seen[FPerson]
	switch {
	case periods >= 2 && person:
		return Wide
	case periods >= 2:
		return KPIsDown
	case seen[FPeriod]:
		return Long
	case person:
		return Wide
	}
	return KPIsDown
}

// periodField returns the field of a period column whose own header
// suggests f: a target or plan is the period's target, anything else its actual.
func periodField(f Field) Field {
	switch f {
	case FTarget, FPeriodTgt:
		return FPeriodTgt
	case FNumerator, FDenominator, FComment:
		return f
	}
	return FActual
}

// dropPeriodless drops actual columns without a period, which only a long layout reads.
func dropPeriodless(cols []ColumnMap) []ColumnMap {
	out := cols[:0]
	for _, c := range cols {
		if c.Period == 0 && (c.Field == FActual || c.Field == FNumerator || c.Field == FDenominator || c.Field == FPeriodTgt) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// titled reports whether the sheet's first row, above the header, is a lone
// title (as KPI Planner's templates write "Actuals — <plan name>").
func titled(t *Table, header int) bool {
	if header == 0 || len(t.Rows) == 0 {
		return false
	}
	n := 0
	for _, c := range t.Rows[0] {
		if strings.TrimSpace(c.Text) != "" {
			n++
		}
	}
	return n == 1 && strings.TrimSpace(t.At(0, 0).Text) != ""
}

// labelsAbove reports whether a row above the header names a person.
func labelsAbove(t *Table, header int) bool {
	rd := &reader{t: t}
	for r := 0; r < header; r++ {
		if _, ok := rd.personLabel(r); ok {
			return true
		}
	}
	return false
}
