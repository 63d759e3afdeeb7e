package plandoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"unicode/utf8"
)

// where is a place in the document: a byte offset and the line and column it is on.
type where struct {
	off  int64
	line int // 1-based
	col  int // characters before it on its line
}

// windowSize is how much of a streamed document the lexer reads at a time;
// the window grows only for a single token longer than that.
const windowSize = 64 << 10

// bom is the byte-order mark some Windows editors put before the document.
var bom = []byte("\uFEFF")

// newLexer returns a lexer over the whole document data.
func newLexer(data []byte) *lexer {
	return &lexer{data: data, done: true, at: where{line: 1}}
}

// newStreamLexer returns a lexer reading the document from src.
func newStreamLexer(src io.Reader) *lexer {
	return &lexer{data: make([]byte, 0, windowSize), src: src, at: where{line: 1}}
}

// skipBOM drops a byte-order mark, which does not count as a column.
func (l *lexer) skipBOM() {
	if l.ensure(len(bom)) && bytes.HasPrefix(l.data, bom) {
		l.data = l.data[len(bom):]
		l.at.off = int64(len(bom))
	}
}

// fill reads more of the document into data, first dropping the bytes
// before pos; it reports whether any arrived. Offsets relative to pos stay valid.
func (l *lexer) fill() bool {
	if l.done {
		return false
	}
	l.drop()
	if len(l.data) == cap(l.data) {
		l.data = slices.Grow(l.data, cap(l.data))
	}
	for range 100 {
		n, err := l.src.Read(l.data[len(l.data):cap(l.data)])
		l.data = l.data[:len(l.data)+n]
		if err != nil {
			l.done = true
			if !errors.Is(err, io.EOF) {
				l.rerr = fmt.Errorf("read plan document: %w", err)
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	l.done, l.rerr = true, fmt.Errorf("read plan document: %w", io.ErrNoProgress)
	return false
}

// drop forgets the bytes before pos, counting the lines and characters they held.
func (l *lexer) drop() {
	if l.pos == 0 {
		return
	}
	gone := l.data[:l.pos]
	l.at = l.advance(gone)
	l.data = l.data[:copy(l.data, l.data[l.pos:])]
	l.pos = 0
}

// advance returns where the document is after the bytes b that follow l.at.
func (l *lexer) advance(b []byte) where {
	w := where{off: l.at.off + int64(len(b)), line: l.at.line, col: l.at.col}
	if nl := bytes.Count(b, []byte{'\n'}); nl > 0 {
		w.line += nl
		w.col = 0
		b = b[bytes.LastIndexByte(b, '\n')+1:]
	}
	w.col += utf8.RuneCount(b)
	return w
}

// ensure reads until n bytes from pos on are in memory, and reports whether they are.
func (l *lexer) ensure(n int) bool {
	for len(l.data)-l.pos < n {
		if !l.fill() {
			return false
		}
	}
	return true
}

// peek returns the byte off bytes after pos, or -1 after the end of the document.
func (l *lexer) peek(off int) int {
	if i := l.pos + off; i < len(l.data) {
		return int(l.data[i])
	}
	if l.ensure(off + 1) {
		return int(l.data[l.pos+off])
	}
	return -1
}

// lineCol converts a document offset at or after data[0] into a 1-based
// line and column (in characters).
func (l *lexer) lineCol(off int64) (int, int) {
	i := max(0, min(off-l.at.off, int64(len(l.data))))
	w := l.advance(l.data[:i])
	return w.line, w.col + 1
}
