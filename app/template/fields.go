// Package template is what position templates do to plans, as pure
// functions: which people a template is assigned to, the plans an
// assignment makes (or the existing plans it replaces or extends), which
// fields of which KPI a plan overrides, and how a new template version
// merges into the plans made from an older one while keeping their
// overrides. app/workspace runs them inside one Store transaction.
package template

import (
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"kpiplanner/app"
)

// field is one KPI or rules field a template sets: its path word and typed
// access to it (no reflection: previews compare every field of every KPI
// of thousands of plans).
type field[T any] struct {
	name string                   // path word, as in history: target, data_source
	eq   func(a, b *T) bool       // a's and b's values are equal
	set  func(dst, src *T)        // dst takes (a copy of) src's value
	get  func(t *T) reflect.Value // the value, for show
}

// value returns the field of a plain comparable type at f.
func value[T any, V comparable](name string, f func(*T) *V) field[T] {
	return field[T]{name: name,
		eq:  func(a, b *T) bool { return *f(a) == *f(b) },
		set: func(dst, src *T) { *f(dst) = *f(src) },
		get: func(t *T) reflect.Value { return reflect.ValueOf(*f(t)) }}
}

// optional returns the field of an optional number at f.
func optional[T any](name string, f func(*T) **float64) field[T] {
	return field[T]{name: name,
		eq: func(a, b *T) bool {
			x, y := *f(a), *f(b)
			return x == nil && y == nil || x != nil && y != nil && *x == *y
		},
		set: func(dst, src *T) { *f(dst) = copyFloat(*f(src)) },
		get: func(t *T) reflect.Value { return reflect.ValueOf(*f(t)) }}
}

// kpiFields are the KPI fields a template gives its plans, in declaration
// order; the others (id, owner, deadline, note, exemption, actuals) are each
// plan's own.
var kpiFields = []field[app.KPI]{
	value("library_id", func(k *app.KPI) *string { return &k.LibraryID }),
	value("name", func(k *app.KPI) *string { return &k.Name }),
	value("description", func(k *app.KPI) *string { return &k.Description }),
	value("rationale", func(k *app.KPI) *string { return &k.Rationale }),
	value("unit", func(k *app.KPI) *app.Unit { return &k.Unit }),
	value("direction", func(k *app.KPI) *app.Direction { return &k.Direction }),
	optional("baseline", func(k *app.KPI) **float64 { return &k.Baseline }),
	value("target", func(k *app.KPI) *float64 { return &k.Target }),
	value("range_low", func(k *app.KPI) *float64 { return &k.RangeLow }),
	value("range_high", func(k *app.KPI) *float64 { return &k.RangeHigh }),
	value("tolerance", func(k *app.KPI) *float64 { return &k.Tolerance }),
	optional("floor", func(k *app.KPI) **float64 { return &k.Floor }),
	optional("cap", func(k *app.KPI) **float64 { return &k.Cap }),
	value("weight", func(k *app.KPI) *float64 { return &k.Weight }),
	value("group", func(k *app.KPI) *app.Group { return &k.Group }),
	value("effort", func(k *app.KPI) *app.Level { return &k.Effort }),
	value("impact", func(k *app.KPI) *app.Level { return &k.Impact }),
	value("aggregation", func(k *app.KPI) *app.Aggregation { return &k.Aggregation }),
	value("data_source", func(k *app.KPI) *string { return &k.DataSource }),
	{name: "steps", eq: func(a, b *app.KPI) bool { return slices.Equal(a.Steps, b.Steps) },
		set: func(dst, src *app.KPI) { dst.Steps = slices.Clone(src.Steps) },
		get: func(k *app.KPI) reflect.Value { return reflect.ValueOf(k.Steps) }},
	{name: "period_targets", eq: func(a, b *app.KPI) bool { return slices.Equal(a.PeriodTargets, b.PeriodTargets) },
		set: func(dst, src *app.KPI) { dst.PeriodTargets = slices.Clone(src.PeriodTargets) },
		get: func(k *app.KPI) reflect.Value { return reflect.ValueOf(k.PeriodTargets) }},
	optional("reference", func(k *app.KPI) **float64 { return &k.Reference }),
}

// ruleFields are the rules fields a template gives its plans (all of them).
var ruleFields = []field[app.Rules]{
	{name: "group_weights", eq: func(a, b *app.Rules) bool { return maps.Equal(a.GroupWeights, b.GroupWeights) },
		set: func(dst, src *app.Rules) { dst.GroupWeights = maps.Clone(src.GroupWeights) },
		get: func(r *app.Rules) reflect.Value { return reflect.ValueOf(r.GroupWeights) }},
	{name: "bands", eq: func(a, b *app.Rules) bool { return slices.Equal(a.Bands, b.Bands) },
		set: func(dst, src *app.Rules) { dst.Bands = slices.Clone(src.Bands) },
		get: func(r *app.Rules) reflect.Value { return reflect.ValueOf(r.Bands) }},
	value("bonus_mode", func(r *app.Rules) *app.BonusMode { return &r.BonusMode }),
	value("linear_cap", func(r *app.Rules) *float64 { return &r.LinearCap }),
	value("cap", func(r *app.Rules) *float64 { return &r.Cap }),
	value("floor", func(r *app.Rules) *float64 { return &r.Floor }),
	value("rounding_step", func(r *app.Rules) *float64 { return &r.RoundingStep }),
	value("missing_data", func(r *app.Rules) *app.MissingData { return &r.MissingData }),
	value("note_below", func(r *app.Rules) *float64 { return &r.NoteBelow }),
	value("team_weight", func(r *app.Rules) *float64 { return &r.TeamWeight }),
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
