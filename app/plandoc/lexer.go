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
// it rejects invalid UTF-8.
type lexer struct {
	data  []byte
	pos   int
	stack []byte // open '{' and '['
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
	off int
	msg string
}

func (e *lexError) Error() string { return e.msg }

func (l *lexer) fail(format string, args ...any) error {
	return &lexError{off: l.pos, msg: fmt.Sprintf(format, args...)}
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		switch l.data[l.pos] {
		case ' ', '\t', '\n', '\r':
			l.pos++
		default:
			return
		}
	}
}

// More reports whether the current array or object has another element.
func (l *lexer) More() bool {
	l.skipSpace()
	return l.pos < len(l.data) && l.data[l.pos] != ']' && l.data[l.pos] != '}'
}

// InputOffset returns the offset of the next byte to read.
func (l *lexer) InputOffset() int64 { return int64(l.pos) }

// Token returns the next token, io.EOF after the document, or a *lexError.
func (l *lexer) Token() (json.Token, error) {
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			if l.state == wantEnd {
				return nil, io.EOF
			}
			return nil, l.fail("the document ends too early")
		}
		switch c := l.data[l.pos]; {
		case c == ',' && l.state == wantArrayComma:
			l.state = wantArrayValue
		case c == ',' && l.state == wantObjectComma:
			l.state = wantObjectKey
		case c == ':' && l.state == wantObjectColon:
			l.state = wantObjectValue
		case c == ']' && (l.state == wantArrayFirst || l.state == wantArrayComma),
			c == '}' && (l.state == wantObjectFirst || l.state == wantObjectComma):
			l.pos++
			l.stack = l.stack[:len(l.stack)-1]
			l.afterValue()
			return json.Delim(c), nil
		case c == '"' && (l.state == wantObjectFirst || l.state == wantObjectKey):
			s, err := l.str()
			l.state = wantObjectColon
			return s, err
		case l.state == wantTop || l.state == wantArrayFirst || l.state == wantArrayValue || l.state == wantObjectValue:
			return l.value(c)
		default:
			return nil, l.unexpected()
		}
		l.pos++
	}
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
		if len(l.data)-l.pos >= len(lit.text) && string(l.data[l.pos:l.pos+len(lit.text)]) == lit.text {
			l.pos += len(lit.text)
			l.afterValue()
			return lit.tok, nil
		}
	}
	return nil, l.unexpected()
}

// str reads a string; escapes are decoded by encoding/json.
func (l *lexer) str() (string, error) {
	start, escaped := l.pos, false
	for i := start + 1; i < len(l.data); i++ {
		switch c := l.data[i]; {
		case c == '\\':
			escaped = true
			i++
		case c < 0x20:
			l.pos = i
			return "", l.fail(`a control character in a string (write a line break as \n)`)
		case c == '"':
			raw := l.data[start : i+1]
			if !utf8.Valid(raw) {
				return "", l.fail("a string is not valid UTF-8 text")
			}
			l.pos = i + 1
			if !escaped {
				return string(raw[1 : len(raw)-1]), nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				l.pos = start
				return "", l.fail("a string has an invalid escape sequence")
			}
			return s, nil
		}
	}
	l.pos = len(l.data)
	return "", l.fail("the document ends inside a string")
}

// number reads a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (l *lexer) number() (json.Number, error) {
	d, start := l.data, l.pos
	i := start
	digits := func() bool {
		j := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		return i > j
	}
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case !digits():
		return "", l.badNumber(i)
	}
	if i < len(d) && d[i] == '.' {
		i++
		if !digits() {
			return "", l.badNumber(i)
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if !digits() {
			return "", l.badNumber(i)
		}
	}
	l.pos = i
	return json.Number(d[start:i]), nil
}

func (l *lexer) badNumber(at int) error {
	l.pos = at
	if at >= len(l.data) {
		return l.fail("the document ends inside a number")
	}
	return l.fail("a malformed number (found '%c')", l.rune())
}
