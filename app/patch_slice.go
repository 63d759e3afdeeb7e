package app

import (
	"fmt"
	"reflect"
	"strconv"
)

// elemKey returns how the slice element v (at index i) is named in a path,
// as Diff names it: KPIs by id, actuals by period label, others by index.
func (p patcher) elemKey(i int, v reflect.Value) string {
	switch v.Type() {
	case reflect.TypeOf(KPI{}):
		return v.FieldByName("ID").String()
	case reflect.TypeOf(Actual{}):
		return p.cycle.Label(int(v.FieldByName("Period").Int()))
	}
	return strconv.Itoa(i)
}

// find returns the index of the element of s named key, or -1.
func (p patcher) find(s reflect.Value, key string) int {
	if !s.IsValid() {
		return -1
	}
	for i := range s.Len() {
		if p.elemKey(i, s.Index(i)) == key {
			return i
		}
	}
	return -1
}

// sliceElem patches the element key of the slice dst (src may be invalid),
// or with no rest the element whole.
func (p patcher) sliceElem(dst, src reflect.Value, key string, rest []seg) error {
	di, si := p.find(dst, key), p.find(src, key)
	var sv reflect.Value
	if si >= 0 {
		sv = src.Index(si)
	}
	if len(rest) == 0 {
		return p.wholeElem(dst, src, di, si)
	}
	if dst.Type().Elem().Kind() != reflect.Struct {
		return fmt.Errorf("elements of %s have no fields", dst.Type())
	}
	if di < 0 {
		if si < 0 {
			return nil // absent on both sides: nothing to clear
		}
		var err error
		if di, err = p.insertEmpty(dst, sv, key); err != nil {
			return err
		}
	}
	if err := p.structField(dst.Index(di), sv, rest, false); err != nil {
		return err
	}
	if si < 0 && emptyElem(dst.Index(di)) && p.removable(dst, di) {
		dst.Set(remove(dst, di))
	}
	return nil
}

// wholeElem copies src's element si over dst's di (inserting it after the
// element that precedes it in src), or removes di when src has none.
func (p patcher) wholeElem(dst, src reflect.Value, di, si int) error {
	switch {
	case si < 0 && di >= 0:
		dst.Set(remove(dst, di))
	case si >= 0 && di >= 0:
		dst.Index(di).Set(deepCopy(src.Index(si)))
	case si >= 0:
		at := 0
		for j := si - 1; j >= 0; j-- {
			if k := p.find(dst, p.elemKey(j, src.Index(j))); k >= 0 {
				at = k + 1
				break
			}
		}
		dst.Set(insert(dst, at, deepCopy(src.Index(si))))
	}
	return nil
}

// insertEmpty adds to dst an element named key with only its key set
// (from src's element sv): a KPI's id, an actual's period (in period
// order), or, for an index, empty elements up to it. It returns its index.
func (p patcher) insertEmpty(dst, sv reflect.Value, key string) (int, error) {
	t := dst.Type().Elem()
	e := reflect.New(t).Elem()
	switch t {
	case reflect.TypeOf(KPI{}):
		e.FieldByName("ID").SetString(key)
		dst.Set(reflect.Append(dst, e))
		return dst.Len() - 1, nil
	case reflect.TypeOf(Actual{}):
		period := sv.FieldByName("Period").Int()
		e.FieldByName("Period").SetInt(period)
		at := dst.Len()
		for i := range dst.Len() {
			if dst.Index(i).FieldByName("Period").Int() > period {
				at = i
				break
			}
		}
		dst.Set(insert(dst, at, e))
		return at, nil
	}
	n, err := strconv.Atoi(key)
	if err != nil || n < 0 || n > 1<<16 {
		return 0, fmt.Errorf("bad index %q", key)
	}
	for dst.Len() <= n {
		dst.Set(reflect.Append(dst, e))
	}
	return n, nil
}

// emptyElem reports whether every field of the struct v but its key (a
// KPI's id, an actual's period) is empty.
func emptyElem(v reflect.Value) bool {
	t := v.Type()
	for i := range t.NumField() {
		name := t.Field(i).Name
		if t == reflect.TypeOf(KPI{}) && name == "ID" || t == reflect.TypeOf(Actual{}) && name == "Period" {
			continue
		}
		if !v.Field(i).IsZero() {
			return false
		}
	}
	return true
}

// removable reports whether an emptied element may go: keyed elements
// always, elements named by index only from the end (the others would
// shift).
func (p patcher) removable(s reflect.Value, i int) bool {
	switch s.Type().Elem() {
	case reflect.TypeOf(KPI{}), reflect.TypeOf(Actual{}):
		return true
	}
	return i == s.Len()-1
}

func remove(s reflect.Value, i int) reflect.Value {
	out := reflect.MakeSlice(s.Type(), 0, s.Len()-1)
	out = reflect.AppendSlice(out, s.Slice(0, i))
	return reflect.AppendSlice(out, s.Slice(i+1, s.Len()))
}

func insert(s reflect.Value, i int, e reflect.Value) reflect.Value {
	out := reflect.MakeSlice(s.Type(), 0, s.Len()+1)
	out = reflect.AppendSlice(out, s.Slice(0, i))
	out = reflect.Append(out, e)
	return reflect.AppendSlice(out, s.Slice(i, s.Len()))
}
