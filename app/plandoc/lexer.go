package plandoc

import (
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"
)

// lexer splits a JSON document into tokens like json.Decoder.Token does
// (delimiters, strings, json.Number, bools and nil, with commas and colons
// checked and dropped), but without json.Decoder's per-token overhead, and
// it rejects invalid UTF-8. It reads the document from src through a small
// window, or holds all of it in data when src is nil.
type lexer struct {
	data  []byte    // the part of the document in memory
	pos   int       // next byte to read in data
	src   io.Reader // where more of the document comes from; nil when data is all of it
	rerr  error     // a failure of src, other than io.EOF
	done  bool      // src has nothing more
	at    where     // where data[0] is in the document
	stack []byte    // open '{' and '['
	state lexState
}

type lexState uint8

// What may come next.
const (
	wantTop         lexState = iota // the document's value
	wantArrayFirst                  // an element or ']'
	wantArrayValue                  // an element, after ','
	wantArrayComma                  // ',' or ']'
	wantObjectFirst                 // a field name or '}'
	wantObjectKey                   // a field name, after ','
	wantObjectColon                 // ':'
	wantObjectValue                 // a field's value
	wantObjectComma                 // ',' or '}'
	wantEnd                         // nothing more
)

// lexError is a syntax error at a byte offset.
type lexError struct {
	off int64 // in the document
	msg string
}

func (e *lexError) Error() string { return e.msg }

func (l *lexer) fail(format string, args ...any) error {
	return &lexError{off: l.at.off + int64(l.pos), msg: fmt.Sprintf(format, args...)}
}

// failEnd reports the document ending early, or the read error that ended it.
func (l *lexer) failEnd(msg string) error {
	if l.rerr != nil {
		return l.rerr
	}
	return l.fail("%s", msg)
}

func (l *lexer) skipSpace() {
	for {
		for l.pos < len(l.data) {
			switch l.data[l.pos] {
			case ' ', '\t', '\n', '\r':
				l.pos++
			default:
				return
			}
		}
		if !l.fill() {
			return
		}
	}
}

// More reports whether the current array or object has another element.
func (l *lexer) More() bool {
	l.skipSpace()
	return l.pos < len(l.data) && l.data[l.pos] != ']' && l.data[l.pos] != '}'
}

// InputOffset returns the document offset of the next byte to read.
func (l *lexer) InputOffset() int64 { return l.at.off + int64(l.pos) }

// Token returns the next token, io.EOF after the document, a *lexError, or
// the error reading the document failed with.
func (l *lexer) Token() (json.Token, error) {
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return nil, l.atEnd()
		}
		c := l.data[l.pos]
		if l.separator(c) {
			l.pos++
			continue
		}
		switch {
		case l.closes(c):
			l.pos++
			l.stack = l.stack[:len(l.stack)-1]
			l.afterValue()
			return json.Delim(c), nil
		case c == '"' && (l.state == wantObjectFirst || l.state == wantObjectKey):
			s, err := l.str()
			l.state = wantObjectColon
			return s, err
		case l.wantsValue():
			return l.value(c)
		default:
			return nil, l.unexpected()
		}
	}
}

// atEnd is the error of the end of the data: io.EOF after a whole document.
func (l *lexer) atEnd() error {
	if l.state == wantEnd && l.rerr == nil {
		return io.EOF
	}
	return l.failEnd("the document ends too early")
}

// separator moves past c when it is the ',' or ':' the state expects.
func (l *lexer) separator(c byte) bool {
	switch {
	case c == ',' && l.state == wantArrayComma:
		l.state = wantArrayValue
	case c == ',' && l.state == wantObjectComma:
		l.state = wantObjectKey
	case c == ':' && l.state == wantObjectColon:
		l.state = wantObjectValue
	default:
		return false
	}
	return true
}

// closes reports whether c ends the array or object being read.
func (l *lexer) closes(c byte) bool {
	return c == ']' && (l.state == wantArrayFirst || l.state == wantArrayComma) ||
		c == '}' && (l.state == wantObjectFirst || l.state == wantObjectComma)
}

// wantsValue reports whether a value may start here.
func (l *lexer) wantsValue() bool {
	return l.state == wantTop || l.state == wantArrayFirst || l.state == wantArrayValue || l.state == wantObjectValue
}

// unexpected explains what was expected where the current byte stands.
func (l *lexer) unexpected() error {
	found := "'" + string(l.rune()) + "'"
	switch l.state {
	case wantObjectFirst:
		return l.fail(`expected a quoted field name or '}', found %s`, found)
	case wantObjectKey:
		return l.fail(`expected a quoted field name after ',', found %s (a trailing comma?)`, found)
	case wantObjectColon:
		return l.fail(`expected ':' after the field name, found %s`, found)
	case wantObjectComma:
		return l.fail(`expected ',' or '}' after a field's value, found %s (a missing comma?)`, found)
	case wantArrayComma:
		return l.fail(`expected ',' or ']' after an element, found %s (a missing comma?)`, found)
	case wantEnd:
		return l.fail("unexpected %s after the end of the document", found)
	}
	return l.fail("expected a value, found %s", found)
}

// rune returns the character at the current position.
func (l *lexer) rune() rune {
	l.ensure(utf8.UTFMax)
	r, _ := utf8.DecodeRune(l.data[l.pos:])
	return r
}

// afterValue moves past a complete value.
func (l *lexer) afterValue() {
	switch {
	case len(l.stack) == 0:
		l.state = wantEnd
	case l.stack[len(l.stack)-1] == '[':
		l.state = wantArrayComma
	default:
		l.state = wantObjectComma
	}
}

// value reads a value starting with c.
func (l *lexer) value(c byte) (json.Token, error) {
	switch {
	case c == '{' || c == '[':
		l.pos++
		l.stack = append(l.stack, c)
		l.state = wantObjectFirst
		if c == '[' {
			l.state = wantArrayFirst
		}
		return json.Delim(c), nil
	case c == '"':
		s, err := l.str()
		l.afterValue()
		return s, err
	case c == '-' || c >= '0' && c <= '9':
		n, err := l.number()
		l.afterValue()
		return n, err
	}
	for _, lit := range []struct {
		text string
		tok  json.Token
	}{{"true", true}, {"false", false}, {"null", nil}} {
		if l.ensure(len(lit.text)) && string(l.data[l.pos:l.pos+len(lit.text)]) == lit.text {
			l.pos += len(lit.text)
			l.afterValue()
			return lit.tok, nil
		}
	}
	return nil, l.unexpected()
}

// str reads a string; escapes are decoded by encoding/json.
func (l *lexer) str() (string, error) {
	escaped := false
	for i := l.pos + 1; ; i++ {
		for i >= len(l.data) { // fill moves the string's start to data[0]
			off := i - l.pos
			if !l.fill() {
				l.pos = len(l.data)
				return "", l.failEnd("the document ends inside a string")
			}
			i = l.pos + off
		}
		switch c := l.data[i]; {
		case c == '\\':
			escaped = true
			i++
		case c < 0x20:
			l.pos = i
			return "", l.fail(`a control character in a string (write a line break as \n)`)
		case c == '"':
			raw := l.data[l.pos : i+1]
			if !utf8.Valid(raw) {
				return "", l.fail("a string is not valid UTF-8 text")
			}
			if !escaped {
				l.pos = i + 1
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return "", l.fail("a string has an invalid escape sequence")
			}
			l.pos = i + 1
			return s, nil
		}
	}
}

// number reads a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (l *lexer) number() (json.Number, error) {
	i := 0 // bytes of the number so far
	digits := func() bool {
		j := i
		for c := l.peek(i); c >= '0' && c <= '9'; c = l.peek(i) {
			i++
		}
		return i > j
	}
	if l.peek(i) == '-' {
		i++
	}
	switch {
	case l.peek(i) == '0':
		i++
	case !digits():
		return "", l.badNumber(i)
	}
	if l.peek(i) == '.' {
		i++
		if !digits() {
			return "", l.badNumber(i)
		}
	}
	if c := l.peek(i); c == 'e' || c == 'E' {
		i++
		if c := l.peek(i); c == '+' || c == '-' {
			i++
		}
		if !digits() {
			return "", l.badNumber(i)
		}
	}
	n := json.Number(l.data[l.pos : l.pos+i])
	l.pos += i
	return n, nil
}

// badNumber reports a malformed number whose first at bytes were fine.
func (l *lexer) badNumber(at int) error {
	c := l.peek(at)
	l.pos += at
	if c < 0 {
		return l.failEnd("the document ends inside a number")
	}
	return l.fail("a malformed number (found '%c')", l.rune())
}
