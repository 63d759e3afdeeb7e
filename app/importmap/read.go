package importmap

import (
	"strings"

	"kpiplanner/app"
)

// PersonKey names a person as a sheet does: a code, a name, or both, and a unit.
type PersonKey struct {
	Code, Name, Unit string
	// Plan names the person's plan (or a title holding its name) when the
	// sheet names no person; "" otherwise.
	Plan string
}

// String returns the key as the preview shows it: "NV001 Nguyễn Văn A".
func (k PersonKey) String() string {
	if k.Code == "" && k.Name == "" {
		return k.Plan
	}
	if k.Name == k.Code {
		return k.Code
	}
	return strings.TrimSpace(k.Code + " " + k.Name)
}

// Value is a number read from a cell, with where it came from.
type Value struct {
	V       float64 // as written; a percent-formatted cell's fraction times 100
	Percent bool    // the cell was percent-formatted or written with %
	Row     int     // 0-based
	Col     int     // 0-based
}

// ActualIn is one period's actual read from a sheet.
type ActualIn struct {
	Value, Num, Den *Value
	Comment         string
}

// Record is what a sheet says about one KPI of one person.
type Record struct {
	Person        PersonKey
	Row           int // 0-based first row read into it
	KPICode       string
	KPIName       string
	Measure       string
	Direction     string
	Group         string
	Aggregation   string
	Target        *Value
	Baseline      *Value
	Weight        *Value
	Reference     *Value
	PeriodTargets map[int]*Value // by 0-based period
	Actuals       map[int]*ActualIn
}

// Refusal is a cell (or row) the import refuses, and why.
type Refusal struct {
	Sheet string // the sheet, in an import of several; "" otherwise
	Row   int    // 0-based; -1 for a refusal of a whole plan
	Col   int    // 0-based; -1 for a whole row
	Value string
	Why   app.Msg
}

// Reading is what Read makes of a sheet.
type Reading struct {
	Sheet   string
	Header  *Header
	Records []*Record
	Refused []Refusal
	Notices []app.Msg
	// Unread lists the columns with a header or values that the mapping
	// does not read, as "C (Ghi chú 2)".
	Unread []string
}

// MergeReadings joins the readings of several sheets read with one mapping (each
// sheet's records, refusals, notes and unread columns, named by sheet).
func MergeReadings(rs []*Reading) *Reading {
	if len(rs) == 1 {
		return rs[0]
	}
	out := &Reading{}
	for _, r := range rs {
		out.Sheet = strings.TrimPrefix(out.Sheet+", "+r.Sheet, ", ")
		out.Records = append(out.Records, r.Records...)
		for _, f := range r.Refused {
			f.Sheet = r.Sheet
			out.Refused = append(out.Refused, f)
		}
		out.Notices = append(out.Notices, r.Notices...)
		for _, u := range r.Unread {
			out.Unread = append(out.Unread, r.Sheet+" "+u)
		}
	}
	return out
}

// column is a mapped column resolved against a sheet.
type column struct {
	ColumnMap
	idx int
}

// reader is the state of Read.
type reader struct {
	t          *Table
	m          *Mapping
	cycle      app.Cycle
	out        *Reading
	cols       []column
	single     map[Field]int // field → column, for fields one column holds
	byKey      map[string]*Record
	person     PersonKey // the current person of a KPIs-down sheet
	header     []string  // folded header texts, to skip repeated headers
	percent    bool      // percent cells read as percent
	labelBlock bool      // the last rows read were person labels
	folds      folds
	section    bool // reading another table's rows, below its own header
}

// Read reads the table t with mapping m (its header row found again when
// m.HeaderRow is 0) into records, one per person × KPI.
func Read(t *Table, m *Mapping) (*Reading, error) {
	if err := m.Check(); err != nil {
		return nil, err
	}
	h, err := headerOf(t, m)
	if err != nil {
		return nil, err
	}
	rd := &reader{t: t, m: m, cycle: m.Cycle.Cycle(), out: &Reading{Sheet: t.Sheet, Header: h},
		single: map[Field]int{}, byKey: map[string]*Record{}, folds: folds{}, percent: m.PercentCells != "fraction"}
	if err := rd.resolve(h); err != nil {
		return nil, err
	}
	rd.startPerson(h.Row)
	for r := h.DataStart(); r < len(t.Rows); r++ {
		rd.row(r)
	}
	rd.blankHeaders(h)
	return rd.out, nil
}

// headerOf returns the header m names, or the detected one. A saved
// mapping reused on next month's file finds its header again when the rows
// moved: when the row it names does not hold the KPI column's header, the
// detected header is taken if it does.
func headerOf(t *Table, m *Mapping) (*Header, error) {
	if m.HeaderRow > 0 && m.HeaderRow <= len(t.Rows) {
		if h := HeaderAt(t, m.HeaderRow-1); headerFits(h, m) {
			return h, nil
		}
	}
	h, ok := DetectHeader(t)
	switch {
	case ok && (m.HeaderRow == 0 || headerFits(h, m)):
		return h, nil
	case m.HeaderRow > len(t.Rows):
		return nil, Errorf("the sheet %s has %d rows: there is no header row %d", t.Sheet, len(t.Rows), m.HeaderRow)
	case m.HeaderRow > 0:
		return HeaderAt(t, m.HeaderRow-1), nil
	}
	return nil, Errorf("the sheet %s has no row that reads as a header (KPI, target, actual, months…): give the header row", t.Sheet)
}

// headerFits reports whether h has the header the mapping gives for its KPI
// column (true when the mapping gives none).
func headerFits(h *Header, m *Mapping) bool {
	for _, c := range m.Columns {
		if (c.Field != FKPI && c.Field != FKPICode) || c.Header == "" {
			continue
		}
		i, _ := ColIndex(c.Column)
		return i < len(h.Cols) && Fold(h.Cols[i].Label()) == Fold(c.Header)
	}
	return true
}

// resolve finds the mapped columns and lists the unread ones.
func (rd *reader) resolve(h *Header) error {
	mapped := map[int]bool{}
	for _, c := range rd.m.Columns {
		i, _ := ColIndex(c.Column)
		if c.Field == Ignore {
			mapped[i] = true
			continue
		}
		if rd.m.Layout != Long && perPeriod(c.Field) && c.Period == 0 {
			return Errorf("column %s (%s): a %s column of a %s layout needs its period", c.Column, c.Header, string(c.Field), string(rd.m.Layout))
		}
		rd.cols = append(rd.cols, column{c, i})
		mapped[i] = true
		if c.Period == 0 {
			if _, dup := rd.single[c.Field]; dup {
				return Errorf("two columns are mapped to %s; map one", string(c.Field))
			}
			rd.single[c.Field] = i
		}
	}
	rd.unread(h, mapped)
	return nil
}

// perPeriod reports whether a column of field f holds one period's values.
func perPeriod(f Field) bool {
	return f == FActual || f == FPeriodTgt || f == FNumerator || f == FDenominator
}

// unread lists the header's columns with a header or values that no mapped column reads.
func (rd *reader) unread(h *Header, mapped map[int]bool) {
	for _, hc := range h.Cols {
		rd.header = append(rd.header, Fold(hc.Text))
		if mapped[hc.Col] || hc.Text == "" && !rd.hasData(hc.Col, h.DataStart()) {
			continue
		}
		rd.out.Unread = append(rd.out.Unread, ColName(hc.Col)+" ("+hc.Label()+")")
	}
}

// hasData reports whether column c has a value below the header.
func (rd *reader) hasData(c, from int) bool {
	for r := from; r < len(rd.t.Rows); r++ {
		if c < len(rd.t.Rows[r]) && rd.t.Rows[r][c].Text != "" {
			return true
		}
	}
	return false
}

// blankHeaders reports the period columns whose header was blank.
func (rd *reader) blankHeaders(h *Header) {
	for _, hc := range h.Cols {
		if hc.Text == "" && hc.Period != nil {
			rd.out.Notices = append(rd.out.Notices, app.M("column %s has no header; read as %s (between its neighbours)", ColName(hc.Col), hc.Period.String()))
		}
	}
}

// text returns the trimmed text of the cell of field f in row r.
func (rd *reader) text(r int, f Field) string {
	c, ok := rd.single[f]
	if !ok {
		return ""
	}
	return strings.TrimSpace(rd.t.At(r, c).Text)
}

// refuse records a refused cell.
func (rd *reader) refuse(r, c int, why app.Msg) {
	rd.out.Refused = append(rd.out.Refused, Refusal{Row: r, Col: c, Value: strings.TrimSpace(rd.t.At(r, c).Text), Why: why})
}
