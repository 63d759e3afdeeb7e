package app

import (
	"fmt"
	"reflect"
	"strings"
)

// Patch sets the value at path (a path of Diff) in dst to the value src has
// there, so that after patching every path of Diff(dst, src), Diff(dst,
// src) is empty. A path src lacks is cleared in dst, and an element all of
// whose fields are then empty is removed (as Diff, which does not tell an
// empty element from an absent one); a whole KPI (kpis[k3]) is copied or
// removed whole. Actual labels are read with src's cycle, as Diff(dst, src)
// writes them. Fields Diff leaves out (ids, uid, revision…) cannot be patched.
func Patch(dst, src *Plan, path string) error {
	segs, err := parsePath(path)
	if err != nil {
		return err
	}
	p := patcher{cycle: src.Cycle, path: path}
	if err := p.structField(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem(), segs, true); err != nil {
		return fmt.Errorf("patch %s: %w", path, err)
	}
	return nil
}

// seg is one step of a path: a field name, and the key in brackets after it.
type seg struct {
	name, key string
	keyed     bool
}

// parsePath splits a Diff path into its steps: kpis[k3].actuals[2026-03].value
// is kpis[k3], actuals[2026-03], value. A key runs to the "]" that ends the
// path or is followed by "." or "[".
func parsePath(path string) ([]seg, error) {
	var out []seg
	rest := path
	for rest != "" {
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			out = append(out, seg{name: rest})
			break
		}
		s := seg{name: rest[:end]}
		if rest[end] == '[' {
			k := keyEnd(rest[end+1:])
			if k < 0 {
				return nil, fmt.Errorf("path %q: no closing ] after %q", path, rest[:end+1])
			}
			s.key, s.keyed = rest[end+1:end+1+k], true
			end += k + 2
		}
		out = append(out, s)
		if s.name == "" {
			return nil, fmt.Errorf("path %q: empty field name", path)
		}
		rest = strings.TrimPrefix(rest[end:], ".")
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("empty path")
	}
	return out, nil
}

// keyEnd returns the index in s of the "]" that closes a key, or -1.
func keyEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == ']' && (i+1 == len(s) || s[i+1] == '.' || s[i+1] == '[') {
			return i
		}
	}
	return -1
}

type patcher struct {
	cycle Cycle
	path  string
}

// structField patches the field segs[0] names in the struct dst (src may
// be invalid: src lacks the struct).
func (p patcher) structField(dst, src reflect.Value, segs []seg, top bool) error {
	t := dst.Type()
	i := fieldIndex(t, segs[0].name)
	if i < 0 || top && notHistory[t.Field(i).Name] || t.Field(i).Name == "UID" {
		return fmt.Errorf("%s has no field %q that history records", t.Name(), segs[0].name)
	}
	df, sf := dst.Field(i), field(src, i)
	s := segs[0]
	switch {
	case s.keyed && df.Kind() == reflect.Map:
		return p.mapKey(df, sf, s.key, segs[1:])
	case s.keyed && df.Kind() == reflect.Slice:
		return p.sliceElem(df, sf, s.key, segs[1:])
	case s.keyed:
		return fmt.Errorf("field %q takes no key", s.name)
	case len(segs) == 1:
		setLeaf(df, sf)
		return nil
	case df.Kind() == reflect.Struct:
		return p.structField(df, sf, segs[1:], false)
	}
	return fmt.Errorf("field %q has no fields", s.name)
}

// fieldIndex returns the index of the field of t whose path word is name, or -1.
func fieldIndex(t reflect.Type, name string) int {
	for i := range t.NumField() {
		if snake(t.Field(i).Name) == name {
			return i
		}
	}
	return -1
}

// setLeaf makes dst a deep copy of src, or its zero value when src is invalid.
func setLeaf(dst, src reflect.Value) {
	if !src.IsValid() {
		dst.Set(reflect.Zero(dst.Type()))
		return
	}
	dst.Set(deepCopy(src))
}

// deepCopy returns a copy of v sharing no pointer, slice or map with it.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return reflect.Zero(v.Type())
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			c.SetMapIndex(k, deepCopy(v.MapIndex(k)))
		}
		return c
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(Date{}) {
			return v
		}
		c := reflect.New(v.Type()).Elem()
		for i := range v.NumField() {
			if c.Field(i).CanSet() {
				c.Field(i).Set(deepCopy(v.Field(i)))
			}
		}
		return c
	}
	return v
}

// mapKey patches the entry key of the map dst (src may be invalid or nil).
func (p patcher) mapKey(dst, src reflect.Value, key string, rest []seg) error {
	k := reflect.New(dst.Type().Key()).Elem()
	if k.Kind() != reflect.String {
		return fmt.Errorf("map keys of %s are not text", dst.Type())
	}
	k.SetString(key)
	sv := mapIndex(src, k)
	if len(rest) > 0 {
		return fmt.Errorf("map entries have no fields")
	}
	switch {
	case sv.IsValid():
		if dst.IsNil() {
			dst.Set(reflect.MakeMap(dst.Type()))
		}
		dst.SetMapIndex(k, deepCopy(sv))
	case !dst.IsNil():
		dst.SetMapIndex(k, reflect.Value{})
	}
	return nil
}
