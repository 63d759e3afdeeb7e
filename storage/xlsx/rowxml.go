package xlsx

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// rowWriter serialises rows of a bulk sheet as SpreadsheetML, the way
// excelize's stream writer does: numbers as <v>, text as inline strings,
// formulas as <f> with their cached value; text as shared strings when
// the writer keeps a table (sst.go). A goroutine compresses what it
// has written while it writes more, so both cores work.
type rowWriter struct {
	w    *writer
	buf  []byte
	cols []string // column letters, by index
	num  []byte   // the row number being written
	last []sstHit // per column, the last text shared and its number

	full  chan []byte // buffers to write to out
	free  chan []byte // written buffers, for reuse
	done  chan error  // the writing goroutine's result
	ended bool
}

// chunk is the size of the buffers handed to the compressing goroutine.
const chunk = 1 << 16

// newRowWriter starts writing to out.
func newRowWriter(w *writer, out io.Writer) *rowWriter {
	rw := &rowWriter{w: w, full: make(chan []byte, 2), free: make(chan []byte, 3), done: make(chan error, 1)}
	for range 3 {
		rw.free <- make([]byte, 0, chunk+chunk/4)
	}
	rw.buf = <-rw.free
	go func() {
		var err error
		for b := range rw.full {
			if err == nil {
				_, err = out.Write(b)
			}
			rw.free <- b[:0]
		}
		rw.done <- err
	}()
	return rw
}

// flush hands the buffer over once it holds a chunk.
func (rw *rowWriter) flush() {
	if len(rw.buf) >= chunk {
		rw.full <- rw.buf
		rw.buf = <-rw.free
	}
}

// close writes what is left and waits for the writing goroutine.
func (rw *rowWriter) close() error {
	if rw.ended {
		return nil
	}
	rw.ended = true
	rw.full <- rw.buf
	close(rw.full)
	return <-rw.done
}

// col returns the letters of column i.
func (rw *rowWriter) col(i int) string {
	for len(rw.cols) <= i {
		rw.cols = append(rw.cols, sheet.ColName(len(rw.cols)))
	}
	return rw.cols[i]
}

// row appends row as sheet row r (0-based).
func (rw *rowWriter) row(r int, row sheet.Row) error {
	rw.num = strconv.AppendInt(rw.num[:0], int64(r+1), 10)
	num := rw.num
	b := append(rw.buf, `<row r="`...)
	b = append(b, num...)
	b = append(b, `">`...)
	next := 0 // the column a cell without a reference lands in
	for i := range row {
		c := &row[i]
		if c.Kind == sheet.Empty && c.Formula == "" && c.Style == sheet.Plain {
			continue
		}
		// A cell right after the previous one needs no reference (r is
		// optional in SpreadsheetML: the cell takes the next column); one
		// after a gap has it. A tenth less to write and to compress.
		if i == next {
			b = append(b, `<c`...)
		} else {
			b = append(b, `<c r="`...)
			b = append(b, rw.col(i)...)
			b = append(b, num...)
			b = append(b, '"')
		}
		next = i + 1
		if err := checkCellText(c, i, r); err != nil {
			return err
		}
		id, err := rw.w.style(i, c)
		if err != nil {
			return err
		}
		if id != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(id), 10)
			b = append(b, '"')
		}
		if sst := rw.w.sst; sst != nil && c.Formula == "" && c.Kind == sheet.Text {
			if id, ok := rw.shared(sst, i, c.Str); ok {
				b = append(b, ` t="s"><v>`...)
				b = strconv.AppendInt(b, int64(id), 10)
				b = append(b, `</v></c>`...)
				continue
			}
		}
		b = cellXML(b, c)
	}
	rw.buf = append(b, `</row>`...)
	return nil
}

// sstHit is a text and its number in the shared strings table.
type sstHit struct {
	s  string
	id int
}

// shared returns the number of text s in column col, skipping the table's
// map when the column repeats its text (a person's name on each of their rows).
func (rw *rowWriter) shared(sst *sharedStrings, col int, s string) (int, bool) {
	for len(rw.last) <= col {
		rw.last = append(rw.last, sstHit{id: -1})
	}
	if h := &rw.last[col]; h.id >= 0 && h.s == s {
		sst.count++
		return h.id, true
	}
	id, ok := sst.id(s)
	if ok {
		rw.last[col] = sstHit{s, id}
	}
	return id, ok
}

// cellXML appends the rest of a <c> element: its type, formula and value.
func cellXML(b []byte, c *sheet.Cell) []byte {
	v := value(c)
	if c.Formula != "" {
		if s, ok := v.(string); ok || v == nil {
			b = append(b, ` t="str"><f>`...)
			b = escape(b, c.Formula)
			b = append(b, `</f><v>`...)
			b = escape(b, s)
			return append(b, `</v></c>`...)
		}
		b = append(b, `><f>`...)
		b = escape(b, c.Formula)
		b = append(b, `</f><v>`...)
		b = strconv.AppendFloat(b, v.(float64), 'G', -1, 64)
		return append(b, `</v></c>`...)
	}
	switch v := v.(type) {
	case string:
		b = append(b, ` t="inlineStr"><is><t`...)
		if v != strings.TrimSpace(v) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = escape(b, v)
		return append(b, `</t></is></c>`...)
	case float64:
		b = append(b, `><v>`...)
		b = strconv.AppendFloat(b, v, 'G', -1, 64)
		return append(b, `</v></c>`...)
	}
	return append(b, `/>`...)
}

// checkCellText refuses a text cell longer than a spreadsheet cell holds
// (sheet.MaxCellChars characters): excelize and Excel would cut it.
func checkCellText(c *sheet.Cell, col, row int) error {
	s := c.Str
	if len(s) <= sheet.MaxCellChars {
		return nil
	}
	if n := utf8.RuneCountInString(s); n > sheet.MaxCellChars {
		return &msgErr{app.M("cell %s holds %d characters; a spreadsheet cell holds at most %d, and nothing is cut", sheet.Ref(col, row), n, sheet.MaxCellChars)}
	}
	return nil
}

// escape appends s as XML character data: &, < and > escaped, characters
// XML forbids replaced by U+FFFD, and "_xHHHH_" (which spreadsheets read
// as an escaped character) protected as "_x005F_xHHHH_".
func escape(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '&':
				b = append(b, "&amp;"...)
			case c == '<':
				b = append(b, "&lt;"...)
			case c == '>':
				b = append(b, "&gt;"...)
			case c < ' ' && c != '\t' && c != '\n' && c != '\r':
				b = append(b, "\uFFFD"...)
			case c == '_' && escapedChar(s[i:]):
				b = append(b, "_x005F"...)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		var n int
		b, n = appendRune(b, s[i:])
		i += n
	}
	return b
}

// appendRune appends the non-ASCII character s starts with, U+FFFD for one
// XML forbids or a byte that is not UTF-8, and returns how many bytes of s it took.
func appendRune(b []byte, s string) ([]byte, int) {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
		return append(b, "\uFFFD"...), n
	}
	return append(b, s[:n]...), n
}

// escapedChar reports whether s starts with _xHHHH_.
func escapedChar(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
