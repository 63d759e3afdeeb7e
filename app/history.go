package app

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// HistoryEntry is one recorded change of one plan: append-only, never
// rewritten. A plan's entries are numbered 1, 2, … by Seq in the order written.
type HistoryEntry struct {
	Plan   UID       // the plan changed
	Seq    uint64    // position in the plan's history, from 1; given by the store
	At     time.Time // when, to the second, UTC
	User   string    // who: the workspace's user name
	Device string    // on which device
	Source string    // how: "screen", "cli", an import file's name, a packet hash
	Path   string    // what, e.g. kpis[k3].target, status, kpis[k1].actuals[2026-03].value
	Old    string    // the value before; "" when the path was added
	New    string    // the value after; "" when the path was removed
	Reason string    // why; required after approval, for reopen and for reopened periods
}

// Edit is one changed path between two versions of a plan.
type Edit struct {
	Path     string
	Old, New string
}

// Who says who makes a change, from where, and why.
type Who struct {
	User, Device, Source string
	Reason               string
}

// Entries turns edits into history entries of plan uid made at time at by who.
func (who Who) Entries(uid UID, at time.Time, edits []Edit) []HistoryEntry {
	out := make([]HistoryEntry, len(edits))
	for i, e := range edits {
		out[i] = HistoryEntry{Plan: uid, At: at.UTC().Truncate(time.Second), User: who.User, Device: who.Device,
			Source: who.Source, Path: e.Path, Old: e.Old, New: e.New, Reason: who.Reason}
	}
	return out
}

// Diff lists every field that differs between two versions of a plan, as
// paths in declaration order: KPIs by id (kpis[k3].target), actuals by
// period label (kpis[k3].actuals[2026-03].value), maps by key, other slices
// by index. Bookkeeping fields (ids, uid, revision) are left out. Either
// side may be nil: then every field of the other is listed.
func Diff(before, after *Plan) []Edit {
	d := differ{}
	var b, a reflect.Value
	if before != nil {
		b = reflect.ValueOf(before).Elem()
		d.cycle = before.Cycle
	}
	if after != nil {
		a = reflect.ValueOf(after).Elem()
		d.cycle = after.Cycle
	}
	d.walk("", b, a, reflect.TypeOf(Plan{}))
	return d.out
}

// DiffRecord lists the fields that differ between two versions of a record
// of the same struct type (an Employee, an OrgUnit), as paths under prefix
// (people[NV0012].name); either may be nil.
func DiffRecord[T any](prefix string, before, after *T) []Edit {
	d := differ{}
	var b, a reflect.Value
	if before != nil {
		b = reflect.ValueOf(before).Elem()
	}
	if after != nil {
		a = reflect.ValueOf(after).Elem()
	}
	d.fields(prefix, b, a, reflect.TypeOf((*T)(nil)).Elem())
	return d.out
}

// notHistory are Plan fields whose changes are bookkeeping, not history.
var notHistory = map[string]bool{"ID": true, "UID": true, "Revision": true, "ApprovedOnce": true, "Person": true, "ClosedPeriods": true,
	"UnitTotals": true} // derived on load: the team component (docs/scoring.md §5a)

type differ struct {
	out    []Edit
	cycle  Cycle
	labels []string // cycle's period labels by index, computed on first use
}

// label returns the label of period i of d's cycle, computing the labels
// once (Cycle.Label walks the cycle from its start each time).
func (d *differ) label(i int) string {
	if d.labels == nil {
		for _, p := range d.cycle.Periods() {
			d.labels = append(d.labels, p.Label)
		}
		if d.labels == nil {
			d.labels = []string{}
		}
	}
	if i >= 0 && i < len(d.labels) {
		return d.labels[i]
	}
	return d.cycle.Label(i)
}

func (d *differ) walk(path string, b, a reflect.Value, t reflect.Type) {
	if k := t.Kind(); (k == reflect.Struct || k == reflect.Slice) && b.IsValid() && a.IsValid() && reflect.DeepEqual(b.Interface(), a.Interface()) {
		return // alike (a quick test that spares writing every value as text; 0 and -0 count as alike)
	}
	switch t.Kind() {
	case reflect.Struct:
		if t == reflect.TypeOf(Date{}) {
			d.leaf(path, b, a)
			return
		}
		d.fields(path, b, a, t)
	case reflect.Pointer:
		d.leaf(path, b, a)
	case reflect.Map:
		d.maps(path, b, a, t)
	case reflect.Slice:
		d.slices(path, b, a, t)
	default:
		d.leaf(path, b, a)
	}
}

func (d *differ) fields(path string, b, a reflect.Value, t reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		if path == "" && notHistory[f.Name] || f.Name == "UID" || t == reflect.TypeOf(Actual{}) && f.Name == "Period" {
			continue
		}
		d.walk(join(path, snake(f.Name)), field(b, i), field(a, i), f.Type)
	}
}

func (d *differ) maps(path string, b, a reflect.Value, t reflect.Type) {
	keys := map[string]reflect.Value{}
	for _, m := range []reflect.Value{b, a} {
		if m.IsValid() {
			for _, k := range m.MapKeys() {
				keys[fmt.Sprint(k.Interface())] = k
			}
		}
	}
	names := make([]string, 0, len(keys))
	for n := range keys {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		d.walk(path+"["+n+"]", mapIndex(b, keys[n]), mapIndex(a, keys[n]), t.Elem())
	}
}

func (d *differ) slices(path string, b, a reflect.Value, t reflect.Type) {
	key := d.keyFunc(t.Elem())
	order, bs, as := []string{}, map[string]reflect.Value{}, map[string]reflect.Value{}
	collect := func(s reflect.Value, into map[string]reflect.Value) {
		if !s.IsValid() {
			return
		}
		for i := range s.Len() {
			k := key(i, s.Index(i))
			if _, seen := bs[k]; !seen {
				if _, seen := as[k]; !seen {
					order = append(order, k)
				}
			}
			into[k] = s.Index(i)
		}
	}
	collect(b, bs)
	collect(a, as)
	for _, k := range order {
		b, a := bs[k], as[k]
		if t.Elem() == reflect.TypeOf(KPI{}) && (!b.IsValid() || !a.IsValid()) {
			d.leaf(path+"["+k+"]", kpiName(b), kpiName(a)) // a KPI added or removed is one entry
			continue
		}
		d.walk(path+"["+k+"]", b, a, t.Elem())
	}
}

// kpiName is the value a history entry shows for a whole KPI: its name.
func kpiName(v reflect.Value) reflect.Value {
	if !v.IsValid() {
		return v
	}
	return v.FieldByName("Name")
}

// keyFunc returns how elements of a slice of t are told apart.
func (d *differ) keyFunc(t reflect.Type) func(int, reflect.Value) string {
	switch t {
	case reflect.TypeOf(KPI{}):
		return func(_ int, v reflect.Value) string { return v.FieldByName("ID").String() }
	case reflect.TypeOf(Actual{}):
		return func(_ int, v reflect.Value) string { return d.label(int(v.FieldByName("Period").Int())) }
	}
	return func(i int, _ reflect.Value) string { return strconv.Itoa(i) }
}

func (d *differ) leaf(path string, b, a reflect.Value) {
	if !b.IsValid() && a.IsValid() && a.IsZero() || !a.IsValid() && b.IsValid() && b.IsZero() {
		return // an element added or removed: its empty fields are no news
	}
	old, nw := text(b), text(a)
	if old != nw {
		d.out = append(d.out, Edit{Path: path, Old: old, New: nw})
	}
}

// text is how a history entry writes a value: numbers in full precision
// with a dot, dates as yyyy-mm-dd, nil and absent as "".
func text(v reflect.Value) string {
	if !v.IsValid() {
		return ""
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return ""
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Float64, reflect.Float32:
		return strconv.FormatFloat(v.Float(), 'f', -1, 64)
	case reflect.Int, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10)
	case reflect.Bool:
		return strconv.FormatBool(v.Bool())
	case reflect.String:
		return v.String()
	}
	if s, ok := v.Interface().(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprint(v.Interface())
}

func field(v reflect.Value, i int) reflect.Value {
	if !v.IsValid() {
		return v
	}
	return v.Field(i)
}

func mapIndex(m, k reflect.Value) reflect.Value {
	if !m.IsValid() || m.IsNil() {
		return reflect.Value{}
	}
	return m.MapIndex(k)
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// snake turns a Go field name into a path word: RangeLow → range_low, KPIs → kpis.
func snake(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i, c := range r {
		if unicode.IsUpper(c) && i > 0 && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1]) && unicode.IsUpper(r[i-1]) && r[i+1] != 's') {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(c))
	}
	return b.String()
}

// KPIOf returns the KPI id a history path is about ("kpis[k3].target" → "k3"),
// or "" for plan-level paths.
func KPIOf(path string) string {
	rest, ok := strings.CutPrefix(path, "kpis[")
	if !ok {
		return ""
	}
	id, _, _ := strings.Cut(rest, "]")
	return id
}
