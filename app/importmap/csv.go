package importmap

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"kpiplanner/app"
)

// MaxCSVBytes bounds the size of a CSV file the import reads.
const MaxCSVBytes = 256 << 20

// The encodings ReadCSV recognises, as DetectEncoding names them.
const (
	EncUTF8    = "utf-8"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	Enc1252    = "windows-1252"
	Enc1258    = "windows-1258"
)

// ReadCSV reads a CSV file as a table of text cells. enc names its
// encoding ("" detects it: UTF-8 with or without a byte order mark, UTF-16
// LE or BE with one, else Windows-1258 when the bytes look Vietnamese and
// Windows-1252 otherwise); sep is its separator (0 detects comma, semicolon,
// tab or vertical bar from the first lines). Numbers stay text: the mapping
// reads them the user's way.
func ReadCSV(r io.Reader, enc string, sep rune) (*Table, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxCSVBytes {
		return nil, Errorf("the CSV file is larger than %d MB; split it into smaller files", MaxCSVBytes>>20)
	}
	if enc == "" {
		enc = DetectEncoding(raw)
	}
	text, err := decode(raw, enc)
	if err != nil {
		return nil, err
	}
	if sep == 0 {
		sep = DetectSeparator(text)
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma, cr.FieldsPerRecord, cr.LazyQuotes = sep, -1, true
	t := &Table{Sheet: "CSV"}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, Errorf("line %d of the CSV file: %s", pe.Line, pe.Err.Error())
			}
			return nil, err
		}
		row := make([]Cell, len(rec))
		for i, s := range rec {
			s = app.NFC(strings.TrimPrefix(s, "'"))
			row[i] = Cell{Text: s}
		}
		t.Rows = append(t.Rows, row)
	}
}

// DetectEncoding names the encoding of raw: the one its byte order mark
// says, UTF-8 when it is valid UTF-8, else Windows-1258 or Windows-1252.
func DetectEncoding(raw []byte) string {
	switch {
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return EncUTF16LE
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return EncUTF16BE
	case utf8.Valid(raw):
		return EncUTF8
	}
	if looksVietnamese1258(raw) {
		return Enc1258
	}
	return Enc1252
}

// looksVietnamese1258 reports whether raw holds bytes only Vietnamese text
// in Windows-1258 has: Đ/đ (0xD0/0xF0) or a combining tone mark (0xCC grave,
// 0xD2 hook, 0xDE tilde, 0xEC acute, 0xF2 dot below) right after a letter.
func looksVietnamese1258(raw []byte) bool {
	n := 0
	for i, b := range raw {
		switch b {
		case 0xD0, 0xF0:
			n++
		case 0xCC, 0xD2, 0xDE, 0xEC, 0xF2:
			if i > 0 && (raw[i-1]|0x20 >= 'a' && raw[i-1]|0x20 <= 'z' || raw[i-1] >= 0xC0) {
				n++
			}
		}
	}
	return n > 0
}

// decode returns raw as UTF-8 text, without a byte order mark.
func decode(raw []byte, enc string) ([]byte, error) {
	var e encoding.Encoding
	switch strings.ToLower(enc) {
	case EncUTF8, "utf8":
		return bytes.TrimPrefix(raw, []byte("\ufeff")), nil
	case EncUTF16LE, EncUTF16BE, "utf-16", "utf16":
		e = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
		if strings.HasSuffix(enc, "be") {
			e = unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
		}
	case Enc1252, "cp1252":
		e = charmap.Windows1252
	case Enc1258, "cp1258":
		e = charmap.Windows1258
	default:
		return nil, Errorf("unknown encoding %q: use utf-8, utf-16le, utf-16be, windows-1252 or windows-1258", enc)
	}
	out, _, err := transform.Bytes(e.NewDecoder(), raw)
	if err != nil {
		return nil, Errorf("the file cannot be read as %s: %s", enc, err.Error())
	}
	return bytes.TrimPrefix(out, []byte("\ufeff")), nil
}

// separators are the CSV separators DetectSeparator chooses from.
const separators = ",;\t|"

// DetectSeparator returns the separator of CSV text: of comma, semicolon,
// tab and vertical bar, the one (outside quotes) that splits the most of the
// first lines into the same number (above one) of fields; ties go to the
// order above.
func DetectSeparator(text []byte) rune {
	sc := bufio.NewScanner(bytes.NewReader(text))
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var lines []string
	for len(lines) < 30 && sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			lines = append(lines, sc.Text())
		}
	}
	best, bestScore := ',', -1
	for _, sep := range separators {
		counts := map[int]int{}
		for _, l := range lines {
			if n := fieldsOutsideQuotes(l, sep); n > 1 {
				counts[n]++
			}
		}
		score := 0
		for n, c := range counts {
			score = max(score, c*1000+n)
		}
		if score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best
}

// fieldsOutsideQuotes counts the fields sep splits line into, outside quotes.
func fieldsOutsideQuotes(line string, sep rune) int {
	n, quoted := 1, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == sep && !quoted:
			n++
		}
	}
	return n
}

// number reads s as a plain number the way people write them in either
// language: "1,234.5", "1.234,5", "70,75 %", "(12)", "12%"; percent says
// whether it ended in %, the value then being as written (70.75).
func number(s string) (v float64, percent, ok bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if strings.HasSuffix(s, "%") {
		percent, s = true, strings.TrimSpace(strings.TrimSuffix(s, "%"))
	}
	neg := strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")")
	if neg {
		s = s[1 : len(s)-1]
	}
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, false, false
	}
	f, err := strconv.ParseFloat(plainDigits(s), 64)
	if err != nil {
		return 0, false, false
	}
	if neg {
		f = -f
	}
	return f, percent, true
}

// plainDigits rewrites a number written with grouping and a decimal comma
// or point ("1.234,5", "1,234.5", "70,75") as Go parses it ("1234.5").
func plainDigits(s string) string {
	dot, comma := strings.LastIndex(s, "."), strings.LastIndex(s, ",")
	switch {
	case dot >= 0 && comma >= 0 && comma > dot: // 1.234,5
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	case dot >= 0 && comma >= 0: // 1,234.5
		s = strings.ReplaceAll(s, ",", "")
	case comma >= 0 && strings.Count(s, ",") == 1 && len(s)-comma-1 != 3: // 70,75
		s = strings.Replace(s, ",", ".", 1)
	case comma >= 0: // 1,234,567 or 1,234
		s = strings.ReplaceAll(s, ",", "")
	case strings.Count(s, ".") > 1: // 1.234.567
		s = strings.ReplaceAll(s, ".", "")
	}
	return s
}
