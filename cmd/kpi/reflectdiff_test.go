package main

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// leaf reports whether t is compared as a whole rather than field by field.
func leaf(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Struct:
		return t == typeDate
	case reflect.Pointer:
		return leaf(t.Elem())
	case reflect.Slice:
		return leaf(t.Elem())
	}
	return true
}

// fieldPaths lists the paths of every leaf field of type t: "KPIs[].Steps[].From".
func fieldPaths(t reflect.Type, prefix string) []string {
	switch {
	case leaf(t):
		return []string{prefix}
	case t.Kind() == reflect.Pointer:
		return fieldPaths(t.Elem(), prefix)
	case t.Kind() == reflect.Slice:
		return fieldPaths(t.Elem(), prefix+"[]")
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		out = append(out, fieldPaths(f.Type, strings.TrimPrefix(prefix+"."+f.Name, "."))...)
	}
	return out
}

// markSet records in set the leaf paths of v that hold a non-zero value.
func markSet(v reflect.Value, prefix string, set map[string]bool) {
	t := v.Type()
	switch {
	case leaf(t):
		if !v.IsZero() && (v.Kind() != reflect.Slice && v.Kind() != reflect.Map || v.Len() > 0) {
			set[prefix] = true
		}
	case t.Kind() == reflect.Pointer:
		if !v.IsNil() {
			markSet(v.Elem(), prefix, set)
		}
	case t.Kind() == reflect.Slice:
		for i := range v.Len() {
			markSet(v.Index(i), prefix+"[]", set)
		}
	default:
		for i := range v.NumField() {
			markSet(v.Field(i), strings.TrimPrefix(prefix+"."+t.Field(i).Name, "."), set)
		}
	}
}

// unsetFields returns the leaf fields of v's type that are zero everywhere in v.
func unsetFields(v any) []string {
	rv := reflect.ValueOf(v)
	set := map[string]bool{}
	markSet(rv, "", set)
	var out []string
	for _, p := range fieldPaths(rv.Type(), "") {
		if !set[p] {
			out = append(out, p)
		}
	}
	return out
}

// diff lists the leaf fields where got and want differ, as "path: got …, want …",
// skipping the paths (index-free, as fieldPaths writes them) in skip. Nil
// and empty slices and maps are equal.
func diff(got, want any, skip map[string]string) []string {
	var out []string
	var walk func(g, w reflect.Value, path, generic string)
	walk = func(g, w reflect.Value, path, generic string) {
		if _, ok := skip[generic]; ok {
			return
		}
		t := g.Type()
		switch {
		case t.Kind() == reflect.Pointer && (g.IsNil() || w.IsNil()):
			if g.IsNil() != w.IsNil() {
				out = append(out, fmt.Sprintf("%s: got %s, want %s", path, show(g), show(w)))
			}
		case t.Kind() == reflect.Pointer:
			walk(g.Elem(), w.Elem(), path, generic)
		case t.Kind() == reflect.Slice && !leaf(t):
			if g.Len() != w.Len() {
				out = append(out, fmt.Sprintf("%s: got %d elements, want %d", path, g.Len(), w.Len()))
			}
			for i := range min(g.Len(), w.Len()) {
				walk(g.Index(i), w.Index(i), fmt.Sprintf("%s[%d]", path, i), generic+"[]")
			}
		case leaf(t):
			if !equalLeaf(g, w) {
				out = append(out, fmt.Sprintf("%s: got %s, want %s", path, show(g), show(w)))
			}
		default:
			for i := range g.NumField() {
				name := t.Field(i).Name
				walk(g.Field(i), w.Field(i), strings.TrimPrefix(path+"."+name, "."), strings.TrimPrefix(generic+"."+name, "."))
			}
		}
	}
	walk(reflect.ValueOf(got), reflect.ValueOf(want), "", "")
	return out
}

func equalLeaf(g, w reflect.Value) bool {
	if (g.Kind() == reflect.Slice || g.Kind() == reflect.Map) && g.Len() == 0 && w.Len() == 0 {
		return true
	}
	return reflect.DeepEqual(g.Interface(), w.Interface())
}

func show(v reflect.Value) string {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() == reflect.Pointer {
		return "nil"
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return fmt.Sprintf("%q", s.String())
	}
	return fmt.Sprintf("%#v", v.Interface())
}

// notCarried returns skip's paths as a sorted list, for messages.
func notCarried(skip map[string]string) string {
	keys := make([]string, 0, len(skip))
	for k := range skip {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return strings.Join(keys, ", ")
}
