package sheet

// HeaderColumn is a column an import file's header may name: Key is an
// English translation key (the column's header in the files we write),
// Aliases the other names it goes by in English and Vietnamese.
type HeaderColumn struct {
	Key     string
	Aliases []string
}

// ImportHeader is an import file's header row: which column holds what.
type ImportHeader struct {
	Row   int            // 0-based grid row
	At    map[string]int // column key → 0-based column
	Texts []string       // the header's cells as written
}

// Col returns the 0-based column of c, or -1.
func (h *ImportHeader) Col(c HeaderColumn) int {
	if i, ok := h.At[c.Key]; ok {
		return i
	}
	return -1
}

// Has reports whether the header has column c.
func (h *ImportHeader) Has(c HeaderColumn) bool { return h.Col(c) >= 0 }

// HeaderScan is how many rows are searched for the header row.
const HeaderScan = 20

// FindHeader returns the first of g's first HeaderScan rows with a cell
// that names one of must, mapping its cells to the known columns (each column
// to its first cell); names says whether a cell's text names a column.
func FindHeader(g Grid, must, known []HeaderColumn, names func(c HeaderColumn, text string) bool) (*ImportHeader, bool) {
	for r := 0; r < len(g) && r < HeaderScan; r++ {
		found := false
		for _, c := range g[r] {
			for _, m := range must {
				found = found || names(m, c.Text)
			}
		}
		if !found {
			continue
		}
		h := &ImportHeader{Row: r, At: map[string]int{}, Texts: make([]string, len(g[r]))}
		for i, c := range g[r] {
			h.Texts[i] = c.Text
			for _, k := range known {
				if _, dup := h.At[k.Key]; !dup && names(k, c.Text) {
					h.At[k.Key] = i
					break
				}
			}
		}
		return h, true
	}
	return nil, false
}
