// Package template is what position templates do to plans, as pure
// functions: which people a template is assigned to, the plans an
// assignment makes (or the existing plans it replaces or extends), which
// fields of which KPI a plan overrides, and how a new template version
// merges into the plans made from an older one while keeping their
// overrides. app/workspace runs them inside one Store transaction.
package template

import (
	"reflect"
	"strconv"
	"strings"

	"kpiplanner/app"
)

// field is one KPI or rules field a template sets: its path word and its
// index in the struct.
type field struct {
	name  string // path word, as in history: target, data_source
	index int
}

// kpiFieldNames are the KPI fields a template gives its plans; the others
// (id, owner, deadline, note, exemption, actuals) are each plan's own.
var kpiFieldNames = []string{"LibraryID", "Name", "Description", "Rationale", "Unit", "Direction", "Baseline",
	"Target", "RangeLow", "RangeHigh", "Tolerance", "Floor", "Cap", "Weight", "Group", "Effort", "Impact",
	"Aggregation", "DataSource", "Steps"}

// ruleFieldNames are the rules fields a template gives its plans (all of them).
var ruleFieldNames = []string{"GroupWeights", "Bands", "BonusMode", "LinearCap", "Cap", "Floor", "RoundingStep",
	"MissingData", "NoteBelow"}

var (
	kpiFields  = fieldsOf(reflect.TypeOf(app.KPI{}), kpiFieldNames)
	ruleFields = fieldsOf(reflect.TypeOf(app.Rules{}), ruleFieldNames)
)

func fieldsOf(t reflect.Type, names []string) []field {
	out := make([]field, len(names))
	for i, n := range names {
		f, ok := t.FieldByName(n)
		if !ok {
			panic("template: no field " + n + " in " + t.Name())
		}
		out[i] = field{name: snake(n), index: f.Index[0]}
	}
	return out
}

// KPIFields returns the path words of the KPI fields a template sets, in
// declaration order (name, target, weight…).
func KPIFields() []string {
	out := make([]string, len(kpiFields))
	for i, f := range kpiFields {
		out[i] = f.name
	}
	return out
}

// snake turns a Go field name into a history path word (RangeLow → range_low).
func snake(s string) string {
	var b strings.Builder
	for i, c := range s {
		if 'A' <= c && c <= 'Z' {
			if i > 0 && 'a' <= s[i-1] && s[i-1] <= 'z' {
				b.WriteByte('_')
			}
			c += 'a' - 'A'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// same reports whether field f of a and b holds equal values.
func same(a, b reflect.Value, f field) bool {
	return reflect.DeepEqual(a.Field(f.index).Interface(), b.Field(f.index).Interface())
}

// copyField sets field f of dst to a copy of src's value.
func copyField(dst, src reflect.Value, f field) {
	v := src.Field(f.index)
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			dst.Field(f.index).SetZero()
			return
		}
		p := reflect.New(v.Type().Elem())
		p.Elem().Set(v.Elem())
		dst.Field(f.index).Set(p)
	case reflect.Slice:
		if v.IsNil() {
			dst.Field(f.index).SetZero()
			return
		}
		s := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(s, v)
		dst.Field(f.index).Set(s)
	case reflect.Map:
		if v.IsNil() {
			dst.Field(f.index).SetZero()
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), v.Len())
		for _, k := range v.MapKeys() {
			m.SetMapIndex(k, v.MapIndex(k))
		}
		dst.Field(f.index).Set(m)
	default:
		dst.Field(f.index).Set(v)
	}
}

// show writes a field's value as the override list shows it.
func show(v reflect.Value) string {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return ""
		}
		return show(v.Elem())
	case reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.String:
		return v.String()
	case reflect.Slice:
		parts := make([]string, v.Len())
		for i := range v.Len() {
			parts[i] = show(v.Index(i))
		}
		return strings.Join(parts, "; ")
	case reflect.Struct:
		parts := make([]string, v.NumField())
		for i := range v.NumField() {
			parts[i] = show(v.Field(i))
		}
		return strings.Join(parts, " ")
	case reflect.Map:
		return showMap(v)
	}
	return ""
}

func showMap(v reflect.Value) string {
	if w, ok := v.Interface().(map[app.Group]float64); ok {
		var parts []string
		for _, g := range app.Groups {
			if x, ok := w[g]; ok {
				parts = append(parts, string(g)+" "+strconv.FormatFloat(x, 'f', -1, 64))
			}
		}
		return strings.Join(parts, ", ")
	}
	return ""
}
