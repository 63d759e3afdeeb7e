package sheet

import (
	"fmt"
	"math"
	"strings"

	"kpiplanner/app"
)

// Rows of the actuals template (0-based): a title, a note, the header.
const (
	templateHeaderRow = 2
	templateFirstRow  = 3
)

// ActualsTemplate returns the sheet users fill in to import a plan's
// actuals (docs/import-format.md): one row per KPI, two for ratio KPIs (a
// numerator and a denominator row), one column per period of the cycle.
// With filled, the cells hold the actuals recorded so far; else they are empty.
func ActualsTemplate(p *app.Plan, t Translate, filled bool) *Sheet {
	l := lang{tr(t)}
	periods := p.Cycle.Periods()
	rows := []Row{
		{Str(l.T("Actuals")+" — "+p.Name, Title)},
		{Str(l.T("One row per KPI and one column per period; ratio KPIs take a numerator row and a denominator row. Empty cells leave the recorded actuals unchanged."), Note)},
	}
	head := Row{Str(l.T(colID.Key), Header), Str(l.T(colKPI.Key), Header), Str(l.T(colUnit.Key), Header), Str(l.T(colValueType.Key), Header)}
	for _, per := range periods {
		head = append(head, Str(per.Label, Header))
	}
	rows = append(rows, head)
	for i := range p.KPIs {
		k := &p.KPIs[i]
		kinds := []string{valueRow}
		if k.Aggregation == app.Ratio {
			kinds = []string{numRow, denRow}
		}
		for _, kind := range kinds {
			row := Row{Str(k.ID, Plain), Str(k.Name, Plain), Str(l.Name(string(k.Unit)), Helper), Str(l.T(valueTypeName(kind)), Helper)}
			for j := range periods {
				c := Blank(Input)
				if a, ok := k.ActualAt(j); ok && filled {
					v := a.Value
					if kind == denRow {
						v = a.Den
					}
					c = Num(v, Input, FormatGeneral)
				}
				row = append(row, c)
			}
			rows = append(rows, row)
		}
	}
	cols := []Col{{Width: 12}, {Width: 36}, {Width: 12}, {Width: 14}}
	for range periods {
		cols = append(cols, Col{Width: 11})
	}
	s := &Sheet{Name: SheetName(l.T("Actuals"), map[string]bool{}), Cols: cols, FreezeRows: templateFirstRow, FreezeCols: 2, HeaderRows: templateFirstRow}
	s.SetRows(rows)
	return s
}

// valueTypeName returns the display name of a value type.
func valueTypeName(kind string) string {
	for _, w := range valueTypes {
		if w.value == kind {
			return w.display
		}
	}
	return kind
}

// KPISheet returns p's KPI definitions in the layout the KPI import reads
// (docs/import-format.md); for a plan without KPIs it is an empty template.
func KPISheet(p *app.Plan, t Translate) *Sheet {
	l := lang{tr(t)}
	head := make(Row, len(kpiColumns))
	for i, c := range kpiColumns {
		head[i] = Str(l.T(c.Key), Header)
	}
	rows := []Row{head}
	for i := range p.KPIs {
		rows = append(rows, kpiRow(l, p, &p.KPIs[i]))
	}
	cols := make([]Col, len(kpiColumns))
	for i := range cols {
		cols[i] = Col{Width: 12}
	}
	cols[1], cols[2] = Col{Width: 36}, Col{Width: 40}
	s := &Sheet{Name: SheetName(l.T("KPIs"), map[string]bool{}), Cols: cols, FreezeRows: 1, FreezeCols: 2, HeaderRows: 1}
	s.SetRows(rows)
	return s
}

// kpiRow writes one KPI's definition in kpiColumns order: every field of
// app.KPI but its actuals, so that a KPI reads back exactly as it is.
func kpiRow(l lang, p *app.Plan, k *app.KPI) Row {
	uf := UnitFormat(k.Unit, p.Person.Currency, 2)
	optional := func(v *float64, format string) Cell {
		if v == nil {
			return Blank(Plain)
		}
		return Num(*v, Plain, format)
	}
	rangeCell := func(v float64) Cell {
		if k.Direction != app.Range && v == 0 {
			return Blank(Plain)
		}
		return Num(v, Plain, uf)
	}
	deadline := Blank(Plain)
	if !k.Deadline.IsZero() {
		deadline = Cell{Kind: Date, Num: Serial(k.Deadline), Format: FormatDay}
	}
	share := Blank(Plain)
	if k.Share != 0 {
		share = Num(k.Share, Plain, FormatPercent)
	}
	return Row{
		Str(k.ID, Plain), Str(k.Name, Plain), Str(k.Description, Plain), Str(string(k.Group), Plain),
		Str(l.Name(string(k.Unit)), Plain), Str(l.Name(string(k.Direction)), Plain), Str(l.Name(string(k.Aggregation)), Plain),
		optional(k.Baseline, uf), Num(k.Target, Plain, uf), rangeCell(k.RangeLow), rangeCell(k.RangeHigh), rangeCell(k.Tolerance),
		optional(k.Floor, FormatPercent), optional(k.Cap, FormatPercent), Num(k.Weight, Plain, FormatGeneral),
		Str(stepsSpec(k.Steps), Plain), Str(l.Name(string(k.Effort)), Plain), Str(l.Name(string(k.Impact)), Plain),
		Str(k.DataSource, Plain), Str(k.Owner, Plain), deadline, Str(k.Rationale, Plain), Str(k.Note, Plain),
		Str(k.Exempt, Plain), Str(k.LibraryID, Plain),
		optional(k.Reference, uf), Str(periodTargetsSpec(p.Cycle, k.PeriodTargets), Plain),
		Str(string(k.UnitPlan), Plain), Str(k.UnitKPI, Plain), share, Str(k.FromTemplate, Plain),
	}
}

// stepsSpec writes step bands as the KPI import reads them: "80%: 60; 100%: 100",
// or, when the percentage would not read back exactly, as a fraction: "0.8123456789: 60".
func stepsSpec(steps []app.StepBand) string {
	parts := make([]string, len(steps))
	for i, s := range steps {
		from := fmtNumUnambiguous(s.From)
		if p := math.Round(s.From*100*1e9) / 1e9; p/100 == s.From {
			from = fmtNumUnambiguous(p) + "%"
		}
		parts[i] = fmt.Sprintf("%s: %s", from, fmtNumUnambiguous(s.Score))
	}
	return strings.Join(parts, "; ")
}
