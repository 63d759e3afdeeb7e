package xlsx

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app/sheet"
)

// styleKey is a semantic style with a number format.
type styleKey struct {
	style  sheet.Style
	format string
}

// styles creates excelize styles on demand and remembers their ids.
type styles struct {
	f      *excelize.File
	ids    map[styleKey]int
	sealed bool // the style sheet has been written: no new style may be made
}

func newStyles(f *excelize.File) *styles {
	return &styles{f: f, ids: map[styleKey]int{}}
}

// id returns the style id for c's style and format, creating it once.
func (s *styles) id(c *sheet.Cell) (int, error) {
	format := c.Format
	if format == "" {
		format = defaultFormat(c.Kind)
	}
	k := styleKey{c.Style, format}
	if id, ok := s.ids[k]; ok {
		return id, nil
	}
	if s.sealed {
		return 0, fmt.Errorf("style %d %q was not among the rows read ahead: the sheet's rows changed between two readings", c.Style, format)
	}
	st := look(c.Style)
	if format != "" && format != sheet.FormatGeneral {
		code := format
		st.CustomNumFmt = &code
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, fmt.Errorf("style %d %q: %w", c.Style, format, err)
	}
	s.ids[k] = id
	return id, nil
}

// defaultFormat is the number format of a kind without its own.
func defaultFormat(k sheet.Kind) string {
	switch k {
	case sheet.Percent:
		return sheet.FormatPercent
	case sheet.Money:
		return sheet.NumberFormat(0)
	case sheet.Date:
		return sheet.FormatDay
	}
	return ""
}

// Colours of the styles.
const (
	headerFill   = "DDEBF7"
	inputFill    = "FFF8E1"
	subtotalFill = "F2F2F2"
	totalFill    = "E2EFDA"
	mutedFont    = "7F7F7F"
	border       = "9BC2E6"
)

// look returns the fonts, fills and borders of a semantic style.
func look(st sheet.Style) *excelize.Style {
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	switch st {
	case sheet.Title:
		return &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}
	case sheet.Label:
		return &excelize.Style{Font: &excelize.Font{Bold: true, Color: mutedFont}}
	case sheet.Header:
		return &excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      fill(headerFill),
			Border:    []excelize.Border{{Type: "bottom", Color: border, Style: 1}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"},
		}
	case sheet.Input:
		return &excelize.Style{Fill: fill(inputFill)}
	case sheet.Helper:
		return &excelize.Style{Font: &excelize.Font{Color: mutedFont}}
	case sheet.Subtotal:
		return &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(subtotalFill)}
	case sheet.Total:
		return &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill(totalFill)}
	case sheet.Note:
		return &excelize.Style{Font: &excelize.Font{Italic: true, Color: mutedFont}}
	}
	return &excelize.Style{}
}
