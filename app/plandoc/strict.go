package plandoc

import (
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// reader maps a JSON token stream onto Go values by reflection, strictly:
// every mismatch becomes a Problem at the JSON path where it happened.
type reader struct {
	dec   *lexer
	path  []seg
	probs *problems
}

// seg is one step of a JSON path: an array index when idx ≥ 0, else an object key.
type seg struct {
	key string
	idx int
}

// errFatal stops decoding after a syntax error (already recorded as a Problem).
var errFatal = errors.New("plan document: unreadable JSON")

// pathString renders the current path, e.g. plans[2].kpis[0].target.
func (r *reader) pathString() string {
	var b strings.Builder
	for _, s := range r.path {
		switch {
		case s.idx >= 0:
			fmt.Fprintf(&b, "[%d]", s.idx)
		case plainKey(s.key) && b.Len() == 0:
			b.WriteString(s.key)
		case plainKey(s.key):
			b.WriteString("." + s.key)
		default:
			b.WriteString("[" + strconv.Quote(s.key) + "]")
		}
	}
	return b.String()
}

// plainKey reports whether key can be written after a dot in a path.
func plainKey(key string) bool {
	for _, c := range key {
		if !(c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return key != ""
}

func (r *reader) problem(msg string) { r.record(msg, nil) }

// record adds a problem at the current path and marks the plan it is in.
func (r *reader) record(msg string, err error) {
	r.probs.read.add(r.pathString(), msg, err)
	if len(r.path) >= 2 && r.path[0].key == "plans" && r.path[1].idx >= 0 {
		r.probs.markPlan(r.path[1].idx)
	}
}

// token returns the next token, turning a syntax error into a fatal Problem;
// an error reading the document is returned as it is.
func (r *reader) token() (json.Token, error) {
	tok, err := r.dec.Token()
	if err == nil {
		return tok, nil
	}
	var le *lexError
	if !errors.As(err, &le) {
		return nil, err
	}
	line, col := r.dec.lineCol(le.off)
	r.problem(fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, le.msg))
	return nil, errFatal
}

// value reads the next value into v.
func (r *reader) value(v reflect.Value) error {
	tok, err := r.token()
	if err != nil {
		return err
	}
	return r.valueTok(tok, v)
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// valueTok reads the value starting with tok into v.
func (r *reader) valueTok(tok json.Token, v reflect.Value) error {
	if v.Kind() != reflect.Pointer && reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		return r.text(tok, v)
	}
	switch v.Kind() {
	case reflect.Pointer:
		if tok == nil {
			v.SetZero()
			return nil
		}
		e := reflect.New(v.Type().Elem())
		if d, ok := e.Interface().(defaulter); ok {
			d.setDefaults()
		}
		v.Set(e)
		return r.valueTok(tok, e.Elem())
	case reflect.Struct:
		return r.object(tok, v)
	case reflect.Slice:
		return r.array(tok, v)
	case reflect.Map:
		return r.mapping(tok, v)
	}
	return r.scalar(tok, v)
}

// scalar reads a number, string or boolean.
func (r *reader) scalar(tok json.Token, v reflect.Value) error {
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		if n, ok := tok.(json.Number); ok {
			f, err := strconv.ParseFloat(string(n), v.Type().Bits())
			if err != nil || math.IsInf(f, 0) {
				r.problem(fmt.Sprintf("number %s is out of range", n))
				return nil
			}
			v.SetFloat(f)
			return nil
		}
		return r.mismatch(tok, "a number")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n, ok := tok.(json.Number); ok {
			r.integer(n, v)
			return nil
		}
		return r.mismatch(tok, "a whole number")
	case reflect.String:
		if s, ok := tok.(string); ok {
			v.SetString(s)
			return nil
		}
		return r.mismatch(tok, "a string")
	case reflect.Bool:
		if b, ok := tok.(bool); ok {
			v.SetBool(b)
			return nil
		}
		return r.mismatch(tok, "true or false")
	}
	return fmt.Errorf("plandoc: cannot decode into %s", v.Type()) // a bug in the document structs
}

// integer stores the whole number n in the integer v.
func (r *reader) integer(n json.Number, v reflect.Value) {
	f, err := strconv.ParseFloat(string(n), 64)
	switch {
	case err != nil || math.IsInf(f, 0):
		r.problem(fmt.Sprintf("number %s is out of range", n))
	case f != math.Trunc(f):
		r.problem(fmt.Sprintf("expected a whole number, got %s", n))
	case v.CanUint() && f < 0:
		r.problem(fmt.Sprintf("expected a whole number, 0 or more, got %s", n))
	case v.CanUint():
		u, err := strconv.ParseUint(string(n), 10, v.Type().Bits())
		if err != nil && (f >= 1<<63 || v.OverflowUint(uint64(f))) {
			r.problem(fmt.Sprintf("number %s is out of range", n))
			return
		}
		if err != nil {
			u = uint64(f) // written as 12.0 or 1e3
		}
		v.SetUint(u)
	default:
		if math.Abs(f) >= 1<<63 || v.OverflowInt(int64(f)) {
			r.problem(fmt.Sprintf("number %s is out of range", n))
			return
		}
		i, err := strconv.ParseInt(string(n), 10, 64)
		if err != nil {
			i = int64(f)
		}
		v.SetInt(i)
	}
}

// text reads a string into a type that implements encoding.TextUnmarshaler.
func (r *reader) text(tok json.Token, v reflect.Value) error {
	s, ok := tok.(string)
	if !ok {
		return r.mismatch(tok, "a string")
	}
	if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
		r.record(err.Error(), err)
	}
	return nil
}

// mismatch records a wrong type and skips the rest of the value.
func (r *reader) mismatch(tok json.Token, want string) error {
	r.problem(fmt.Sprintf("expected %s, got %s", want, describe(tok)))
	return r.skipRest(tok)
}

// describe names a token's JSON type and value for an error message.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case nil:
		return "null"
	case bool:
		return fmt.Sprintf("boolean %t", t)
	case json.Number:
		return "number " + string(t)
	case string:
		if utf8.RuneCountInString(t) > 40 {
			t = string([]rune(t)[:40]) + "…"
		}
		return "string " + strconv.Quote(t)
	case json.Delim:
		if t == '[' {
			return "an array"
		}
	}
	return "an object"
}

// skip reads and discards the next value.
func (r *reader) skip() error {
	tok, err := r.token()
	if err != nil {
		return err
	}
	return r.skipRest(tok)
}

// skipRest discards the rest of a value that started with tok.
func (r *reader) skipRest(tok json.Token) error {
	if d, ok := tok.(json.Delim); !ok || d != '{' && d != '[' {
		return nil
	}
	for depth := 1; depth > 0; {
		tok, err := r.token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}
