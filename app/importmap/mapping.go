package importmap

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"kpiplanner/app"
)

// MappingVersion is the version of the mapping format this package writes.
const MappingVersion = 1

// Layout is how a sheet lays out people, KPIs and periods.
type Layout string

// The layouts.
const (
	Long     Layout = "long"      // one row per person × KPI × period; a period column
	Wide     Layout = "wide"      // one row per person × KPI; one column per period
	KPIsDown Layout = "kpis_down" // one row per KPI of one person, named above the rows (per sheet or per block)
)

// Mapping says how a sheet becomes plans: which sheet, where its header is,
// its layout, which column holds which field, and the cycle of the plans it
// fills. It is saved as JSON (docs/import-format.md) and reused.
type Mapping struct {
	Version int    `json:"version"`
	Name    string `json:"name,omitempty"`
	Sheet   string `json:"sheet,omitempty"` // "" = the first visible sheet
	// AllSheets reads every visible sheet with this mapping (a workbook of
	// one sheet per person); Sheet is then ignored.
	AllSheets bool   `json:"all_sheets,omitempty"`
	HeaderRow int    `json:"header_row,omitempty"` // 1-based; 0 = detected
	Layout    Layout `json:"layout"`
	// Columns maps columns to fields; columns not listed are not read.
	Columns []ColumnMap `json:"columns"`
	Cycle   CycleSpec   `json:"cycle"`
	// Person names the one person of a KPIs-down sheet when the sheet does
	// not: a fixed code or name, or the sheet's name (from_sheet_name).
	Person PersonSpec `json:"person,omitzero"`
	// PercentCells says how percent-formatted cells of percent KPIs read:
	// "percent" (default: 70.75 % is 70.75) or "fraction" (0.7075).
	PercentCells string `json:"percent_cells,omitempty"`
	// Encoding and Separator are a CSV file's; "" and 0 detect them.
	Encoding  string `json:"encoding,omitempty"`
	Separator string `json:"separator,omitempty"`
	// NoCreate refuses rows of people or plans that do not exist yet,
	// instead of creating them.
	NoCreate bool `json:"no_create,omitempty"`
}

// ColumnMap maps one column to a field.
type ColumnMap struct {
	Column string `json:"column"`           // the column's letters, e.g. "C"
	Header string `json:"header,omitempty"` // its header as written, shown in the preview
	Field  Field  `json:"field"`
	// Period is the 1-based period of the cycle an actual or period_target
	// column of a wide layout holds.
	Period int `json:"period,omitempty"`
}

// CycleSpec is the cycle of the plans an import fills or creates.
type CycleSpec struct {
	Start     app.Date      `json:"start"`
	End       app.Date      `json:"end"`
	Frequency app.Frequency `json:"frequency"`
}

// PersonSpec names the person of a KPIs-down sheet.
type PersonSpec struct {
	Code          string `json:"code,omitempty"`
	Name          string `json:"name,omitempty"`
	FromSheetName bool   `json:"from_sheet_name,omitempty"`
	// FromTitle takes the plan from the sheet's title (its first row), as
	// KPI Planner's own templates name it: "Actuals — <plan name>".
	FromTitle bool `json:"from_title,omitempty"`
	// Plan names the existing plan the sheet fills.
	Plan string `json:"plan,omitempty"`
}

// Cycle returns the cycle of the spec.
func (c CycleSpec) Cycle() app.Cycle {
	return app.Cycle{Start: c.Start, End: c.End, Frequency: c.Frequency}
}

// ReadMapping decodes and checks a mapping file.
func ReadMapping(r io.Reader) (*Mapping, error) {
	d := json.NewDecoder(r)
	d.DisallowUnknownFields()
	var m Mapping
	if err := d.Decode(&m); err != nil {
		return nil, Errorf("the mapping file is not valid: %s", err.Error())
	}
	if err := m.Check(); err != nil {
		return nil, err
	}
	return &m, nil
}

// WriteMapping writes m as indented JSON.
func WriteMapping(w io.Writer, m *Mapping) error {
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("write mapping: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// Check reports the first thing wrong with m: an unknown version, layout,
// field or frequency, a bad column, a cycle that ends before it starts, a
// layout without the columns it needs.
func (m *Mapping) Check() error {
	if m.Version != MappingVersion {
		return Errorf("mapping version %d is not known (this version reads %d)", m.Version, MappingVersion)
	}
	switch m.Layout {
	case Long, Wide, KPIsDown:
	default:
		return Errorf("layout %q is not known: use long, wide or kpis_down", string(m.Layout))
	}
	if err := m.Cycle.check(); err != nil {
		return err
	}
	has, err := m.checkColumns()
	if err != nil {
		return err
	}
	if err := m.checkNeeds(has); err != nil {
		return err
	}
	return m.checkPercent()
}

// checkNeeds checks that the layout has the columns it needs.
func (m *Mapping) checkNeeds(has map[Field]bool) error {
	if !has[FKPI] && !has[FKPICode] {
		return Errorf("the mapping has no kpi column: map the column holding the KPI names")
	}
	if m.Layout != KPIsDown && !has[FCode] && !has[FPerson] && m.Person == (PersonSpec{}) {
		return Errorf("the mapping has no employee_code or person column: map one, or use the kpis_down layout")
	}
	if m.Layout == Long && !has[FPeriod] && (has[FActual] || has[FNumerator] || has[FPeriodTgt]) {
		return Errorf("a long layout with actuals needs a period column")
	}
	return nil
}

// checkPercent checks percent_cells.
func (m *Mapping) checkPercent() error {
	if m.PercentCells != "" && m.PercentCells != "percent" && m.PercentCells != "fraction" {
		return Errorf("percent_cells must be percent or fraction, not %q", m.PercentCells)
	}
	return nil
}

// checkColumns checks each column's letters, field and period, returning the fields mapped.
func (m *Mapping) checkColumns() (map[Field]bool, error) {
	has := map[Field]bool{}
	n := m.Cycle.Cycle().NumPeriods()
	for _, c := range m.Columns {
		if _, err := ColIndex(c.Column); err != nil {
			return nil, err
		}
		if !c.Field.Valid() {
			return nil, Errorf("column %s: field %q is not known (see docs/import-format.md)", c.Column, string(c.Field))
		}
		if c.Period < 0 || c.Period > n {
			return nil, Errorf("column %s: period %d is outside the cycle (1 to %d)", c.Column, c.Period, n)
		}
		has[c.Field] = true
	}
	return has, nil
}

func (c CycleSpec) check() error {
	switch {
	case c.Start.IsZero() || c.End.IsZero():
		return Errorf("the mapping's cycle needs a start and an end date (YYYY-MM-DD)")
	case c.End.Before(c.Start):
		return Errorf("the mapping's cycle ends (%s) before it starts (%s)", c.End.String(), c.Start.String())
	}
	for _, f := range app.Frequencies {
		if f == c.Frequency {
			return nil
		}
	}
	return Errorf("the mapping's cycle frequency %q is not known: use weekly, monthly or quarterly", string(c.Frequency))
}

// ColIndex returns the 0-based index of a column's letters ("A" = 0).
func ColIndex(s string) (int, error) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" || len(s) > 3 {
		return 0, Errorf("%q is not a column (write its letters, e.g. C)", s)
	}
	n := 0
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return 0, Errorf("%q is not a column (write its letters, e.g. C)", s)
		}
		n = n*26 + int(r-'A') + 1
	}
	return n - 1, nil
}

// ColName returns the letters of the 0-based column c.
func ColName(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}
