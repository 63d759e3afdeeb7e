package sheet

import (
	"bufio"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"kpiplanner/app/i18n"
	"kpiplanner/app/progress"
)

// bom starts every CSV file, so spreadsheet programs read it as UTF-8.
const bom = "\uFEFF"

// CSVPaths returns the files a workbook's CSV export writes: path itself
// for a one-sheet workbook, else one file per sheet named after path and
// the sheet ("bonus.csv" → "bonus-Actuals.csv").
func CSVPaths(path string, wb *Workbook) []string {
	if len(wb.Sheets) == 1 {
		return []string{path}
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	if ext == "" {
		ext = ".csv"
	}
	out := make([]string, len(wb.Sheets))
	for i, s := range wb.Sheets {
		out[i] = base + "-" + fileSafe(s.Name) + ext
	}
	return out
}

// fileSafe replaces the characters file systems reject in names.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

// WriteCSV writes the rows of s to w as comma-separated UTF-8 with a byte
// order mark: formulas as their cached results, numbers in full precision
// with a '.' decimal point, dates as YYYY-MM-DD, and text that a spreadsheet
// would evaluate (starting with =, +, -, @, tab or CR) prefixed with '.
func WriteCSV(w io.Writer, s *Sheet, m *progress.Meter) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	var rec []string
	var line []byte
	if s.Rows != nil {
		for r := range s.Rows {
			rec = rec[:0]
			for i := range r {
				rec = append(rec, csvText(&r[i]))
			}
			line = appendRecord(line[:0], rec[:trimEmpty(rec)])
			if _, err := bw.Write(line); err != nil {
				return err
			}
			if m != nil {
				if err := m.Row(); err != nil {
					return err
				}
			}
		}
	}
	return bw.Flush()
}

// appendRecord appends rec as one CSV line ending in CRLF. A field is quoted
// when it holds a quote, a line break, a leading space or any separator a
// reader may take the file's to be (, ; or tab: ReadCSV guesses it), so our
// own files read back the same whatever their cells hold.
func appendRecord(b []byte, rec []string) []byte {
	for i, f := range rec {
		if i > 0 {
			b = append(b, ',')
		}
		if f == "" || !strings.ContainsAny(f, ",;\t\"\r\n") && f[0] != ' ' {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		b = append(b, strings.ReplaceAll(f, `"`, `""`)...)
		b = append(b, '"')
	}
	return append(b, '\r', '\n')
}

// trimEmpty returns the length of rec without its trailing empty fields.
func trimEmpty(rec []string) int {
	n := len(rec)
	for n > 0 && rec[n-1] == "" {
		n--
	}
	return n
}

// csvText returns a cell's value as CSV text.
func csvText(c *Cell) string {
	switch c.Kind {
	case Text:
		return SafeText(c.Str)
	case Number, Percent, Money:
		if math.IsNaN(c.Num) || math.IsInf(c.Num, 0) {
			return ""
		}
		return fmtNumUnambiguous(c.Num)
	case Date:
		return FromSerial(c.Num).String()
	}
	return ""
}

// SafeText returns s prefixed with ' when a spreadsheet would read it as a
// formula: when it starts with =, +, -, @, a tab or a carriage return.
func SafeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unsafeText undoes SafeText on text read back from a CSV file.
func unsafeText(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(s[1])) {
		return s[1:]
	}
	return s
}

// fmtNumUnambiguous writes v as programs write numbers, with a trailing 0
// after exactly three decimals when fewer than four digits precede them, so
// that no reader takes them for a thousands group: 12.345 → "12.3450".
func fmtNumUnambiguous(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if _, _, ok := i18n.Ambiguous(s); ok {
		return s + "0"
	}
	return s
}
