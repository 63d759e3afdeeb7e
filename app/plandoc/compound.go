package plandoc

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// structInfo is what the reader needs to know about a document struct.
type structInfo struct {
	byName   map[string]int // JSON name → position in fields
	fields   []fieldInfo
	required uint64 // bit i set: fields[i] must be present
}

type fieldInfo struct {
	name  string
	index int // struct field index
}

var structInfos sync.Map // reflect.Type → *structInfo

// infoOf returns the JSON field table of struct type t.
func infoOf(t reflect.Type) *structInfo {
	if si, ok := structInfos.Load(t); ok {
		return si.(*structInfo)
	}
	si := &structInfo{byName: map[string]int{}}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if f.Tag.Get("plandoc") == "required" {
			si.required |= 1 << len(si.fields)
		}
		si.byName[name] = len(si.fields)
		si.fields = append(si.fields, fieldInfo{name: name, index: i})
	}
	structInfos.Store(t, si)
	return si
}

// object reads a JSON object into struct v, field by field.
func (r *reader) object(tok json.Token, v reflect.Value) error {
	if tok != json.Delim('{') {
		return r.mismatch(tok, "an object")
	}
	si := infoOf(v.Type())
	var seen uint64
	err := r.members(func(key string) error {
		i, ok := si.byName[key]
		switch {
		case !ok:
			r.problem("unknown field")
			return r.skip()
		case seen&(1<<i) != 0:
			r.problem("duplicate key")
			return r.skip()
		}
		seen |= 1 << i
		return r.value(v.Field(si.fields[i].index))
	})
	if err != nil {
		return err
	}
	for i, f := range si.fields {
		if si.required&^seen&(1<<i) != 0 {
			r.path = append(r.path, seg{key: f.name, idx: -1})
			r.problem("required field is missing")
			r.path = r.path[:len(r.path)-1]
		}
	}
	return nil
}

// members calls fn for each key of the object being read, with the key
// pushed on the path, and consumes the closing brace.
func (r *reader) members(fn func(key string) error) error {
	for r.dec.More() {
		tok, err := r.token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		r.path = append(r.path, seg{key: key, idx: -1})
		err = fn(key)
		r.path = r.path[:len(r.path)-1]
		if err != nil {
			return err
		}
	}
	_, err := r.token()
	return err
}

// array reads a JSON array into a new slice stored in v; null leaves v nil.
func (r *reader) array(tok json.Token, v reflect.Value) error {
	if tok == nil {
		v.SetZero()
		return nil
	}
	if tok != json.Delim('[') {
		return r.mismatch(tok, "an array")
	}
	s := reflect.MakeSlice(v.Type(), 0, 0)
	for i := 0; r.dec.More(); i++ {
		e := reflect.New(v.Type().Elem())
		if d, ok := e.Interface().(defaulter); ok {
			d.setDefaults()
		}
		r.path = append(r.path, seg{idx: i})
		err := r.value(e.Elem())
		r.path = r.path[:len(r.path)-1]
		if err != nil {
			return err
		}
		s = reflect.Append(s, e.Elem())
	}
	v.Set(s)
	_, err := r.token()
	return err
}

// mapping reads a JSON object into a new map with string keys stored in v.
func (r *reader) mapping(tok json.Token, v reflect.Value) error {
	if tok == nil {
		v.SetZero()
		return nil
	}
	if tok != json.Delim('{') {
		return r.mismatch(tok, "an object")
	}
	m := reflect.MakeMap(v.Type())
	seen := map[string]bool{}
	err := r.members(func(key string) error {
		if seen[key] {
			r.problem("duplicate key")
			return r.skip()
		}
		seen[key] = true
		e := reflect.New(v.Type().Elem()).Elem()
		if err := r.value(e); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), e)
		return nil
	})
	v.Set(m)
	return err
}
