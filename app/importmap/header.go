package importmap

import "strings"

// HeaderScan is how many rows DetectHeader searches for the header row.
const HeaderScan = 300

// Header is a sheet's header row (and, under merged group headings such as
// a "Tháng 1" spanning Plan and Actual, the row of sub-headings below it).
type Header struct {
	Row  int // 0-based first header row
	Rows int // 1, or 2 with a row of sub-headings
	Cols []HeaderCol
}

// DataStart returns the 0-based row data starts on.
func (h *Header) DataStart() int { return h.Row + h.Rows }

// HeaderCol is one column of a header, with what the header suggests for it.
type HeaderCol struct {
	Col     int
	Top     string     // the merged group heading above, for two-row headers; "" when none
	Text    string     // the column's own header text
	Field   Field      // the suggested field
	Quality int        // how well the text names Field (see SuggestField)
	Alt     []Field    // the other fields the text names, best first
	Period  *PeriodRef // the period the header (or its group heading) names, if any
}

// Label returns the header as the preview names it: "Tháng 1 / Plan".
func (c HeaderCol) Label() string {
	if c.Top != "" && c.Top != c.Text {
		return c.Top + " / " + c.Text
	}
	return c.Text
}

// DetectHeader returns the header of t: the row among the first HeaderScan
// that best matches known header words and period headings (ties go to the
// upper row), with its merged group headings. ok is false when no row names
// at least two fields (or one field and two periods).
func DetectHeader(t *Table) (*Header, bool) {
	best, bestScore := -1, 0
	for r := 0; r < len(t.Rows) && r < HeaderScan; r++ {
		if s := rowScore(t, r); s > bestScore {
			best, bestScore = r, s
		}
	}
	if best < 0 || bestScore < 4 {
		return nil, false
	}
	top := best
	if best > 0 && hasGroupHeading(t, best-1, best) {
		top = best - 1
	}
	return HeaderAt(t, top), true
}

// rowScore scores row r as a header: 2 per distinct field its cells name
// well, 1 per period heading (at most 6), nothing for a row of numbers.
func rowScore(t *Table, r int) int {
	seen := map[Field]bool{}
	score, periods, texts := 0, 0, 0
	for c := range t.Rows[r] {
		cell := t.At(r, c)
		if cell.Text == "" {
			continue
		}
		if !cell.IsNum {
			texts++
		}
		if f, q := SuggestField(cell.Text); q > 0 && !cell.IsNum && !seen[f] {
			seen[f] = true
			score += 2
			continue
		}
		if _, ok := ParsePeriod(cell); ok && (!cell.IsNum || cell.Date || cell.Num > 30000) {
			periods++
		}
	}
	if texts == 0 {
		return 0
	}
	return score + min(periods, 6)
}

// hasGroupHeading reports whether row up has a cell merged across several
// columns above row r's texts, i.e. up holds group headings of r.
func hasGroupHeading(t *Table, up, r int) bool {
	for _, m := range t.Merged {
		if m.Row0 == up && m.Row1 == up && m.Col1 > m.Col0 && t.At(r, m.Col0).Text != "" {
			return true
		}
	}
	return false
}

// HeaderAt returns the header starting at 0-based row r: two rows when r
// has a group heading merged across columns with sub-headings below it.
func HeaderAt(t *Table, r int) *Header {
	h := &Header{Row: r, Rows: 1}
	if r+1 < len(t.Rows) && hasGroupHeading(t, r, r+1) {
		h.Rows = 2
	}
	width := t.Width()
	for c := 0; c < width; c++ {
		hc := HeaderCol{Col: c, Text: strings.TrimSpace(t.At(r, c).Text)}
		cell := t.At(r, c)
		if h.Rows == 2 {
			sub := t.At(r+1, c)
			if s := strings.TrimSpace(sub.Text); s != "" && s != hc.Text {
				hc.Top, hc.Text, cell = hc.Text, s, sub
				if p, ok := ParsePeriod(t.At(r, c)); ok {
					hc.Period = &p
				}
			}
		}
		hc.Field, hc.Quality = SuggestField(hc.Text)
		for _, a := range SuggestFields(hc.Text) {
			if a.Field != hc.Field {
				hc.Alt = append(hc.Alt, a.Field)
			}
		}
		if cell.IsNum {
			hc.Field, hc.Quality = Ignore, 0
		}
		if hc.Period == nil {
			if p, ok := ParsePeriod(cell); ok {
				hc.Period = &p
				hc.Field, hc.Quality = FActual, 1
			}
		}
		h.Cols = append(h.Cols, hc)
	}
	fillBlankPeriods(h)
	return h
}

// fillBlankPeriods gives a blank header between two period headers of the
// same kind one apart by two (W2, blank, W4) the period between them, so
// a blank week heading is read, and reported, rather than dropped.
func fillBlankPeriods(h *Header) {
	for i := 1; i+1 < len(h.Cols); i++ {
		c, a, b := &h.Cols[i], h.Cols[i-1].Period, h.Cols[i+1].Period
		if c.Text != "" || c.Period != nil || a == nil || b == nil || a.Kind != b.Kind || b.N != a.N+2 {
			continue
		}
		p := PeriodRef{Kind: a.Kind, N: a.N + 1, Year: a.Year}
		c.Period, c.Field, c.Quality = &p, h.Cols[i-1].Field, 0
	}
}
