package plandoc

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
	"strings"

	"kpiplanner/app"
)

// Encode writes plans to w as an indented plan document with a stable field
// order, leaving out empty optional fields.
func Encode(w io.Writer, plans []*app.Plan) error {
	b, err := Marshal(plans)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write plan document: %w", err)
	}
	return nil
}

// MarshalCompact returns plans as a plan document without layout
// whitespace (one line, ending in a line break): what packets embed.
func MarshalCompact(plans []*app.Plan) ([]byte, error) {
	doc := &document{Format: Format, Plans: make([]docPlan, len(plans))}
	for i, p := range plans {
		if p == nil {
			return nil, fmt.Errorf("encode plans[%d]: the plan is nil", i)
		}
		dp, err := fromPlan(p)
		if err != nil {
			return nil, fmt.Errorf("encode plans[%d] (%s): %w", i, p.Name, err)
		}
		doc.Plans[i] = dp
	}
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		var ue *json.UnsupportedValueError
		if errors.As(err, &ue) {
			if path := nonFinite(reflect.ValueOf(doc).Elem(), ""); path != "" {
				return nil, fmt.Errorf("encode %s: %s is not a finite number", path, ue.Str)
			}
		}
		return nil, fmt.Errorf("encode plans: %w", err)
	}
	return compact.Bytes(), nil
}

// Marshal returns plans as an indented plan document; see Encode.
func Marshal(plans []*app.Plan) ([]byte, error) {
	compact, err := MarshalCompact(plans)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(compact) * 5 / 4)
	layout(&out, bytes.TrimSuffix(compact, []byte("\n")))
	return out.Bytes(), nil
}

// fromPlan converts one plan to its document form.
func fromPlan(p *app.Plan) (docPlan, error) {
	r := rulesDoc(p.Rules)
	d := docPlan{
		ID: p.ID, UID: p.UID, Name: p.Name, Status: p.Status,
		Revision: p.Revision, ApprovedOnce: p.ApprovedOnce, PersonUID: p.PersonUID,
		Person: docPerson{Name: p.Person.Name, Department: p.Person.Department, Position: p.Person.Position,
			BaseBonus: p.Person.BaseBonus, Currency: p.Person.Currency},
		Cycle: docCycle(p.Cycle), Goal: docGoal(p.Goal),
		Rules: &r,
	}
	if len(p.KPIs) == 0 {
		return d, nil
	}
	labels := make([]string, 0, 12)
	for _, pr := range p.Cycle.Periods() {
		labels = append(labels, pr.Label)
	}
	d.KPIs = make([]docKPI, len(p.KPIs))
	for i := range p.KPIs {
		k, err := fromKPI(&p.KPIs[i], labels)
		if err != nil {
			return d, fmt.Errorf("KPI %s: %w", p.KPIs[i].ID, err)
		}
		d.KPIs[i] = k
	}
	return d, nil
}

// rulesDoc converts rules to their document form.
func rulesDoc(r app.Rules) docRules {
	md := cmp.Or(r.MissingData, app.MissingExclude) // "" means exclude; written out in full
	d := docRules{
		GroupWeights: r.GroupWeights, BonusMode: r.BonusMode,
		LinearCap: r.LinearCap, Cap: r.Cap, Floor: r.Floor,
		RoundingStep: r.RoundingStep, MissingData: &md, NoteBelow: &r.NoteBelow,
		Bands: make([]docBand, len(r.Bands)),
	}
	if d.GroupWeights == nil {
		d.GroupWeights = map[app.Group]float64{}
	}
	for i, b := range r.Bands {
		d.Bands[i] = docBand(b)
	}
	return d
}

// fromKPI converts one KPI, writing its actuals' periods as labels.
func fromKPI(k *app.KPI, labels []string) (docKPI, error) {
	d := docKPI{
		ID: k.ID, LibraryID: k.LibraryID, Name: k.Name, Description: k.Description, Rationale: k.Rationale,
		Unit: k.Unit, Direction: k.Direction, Baseline: k.Baseline, Floor: k.Floor, Cap: k.Cap,
		Weight: k.Weight, Group: k.Group, Effort: k.Effort, Impact: k.Impact, Aggregation: k.Aggregation,
		DataSource: k.DataSource, Owner: k.Owner, Deadline: k.Deadline, Note: k.Note, Exempt: k.Exempt,
	}
	isRange := k.Direction == app.Range
	d.Target = optional(k.Target, k.Direction == app.Higher || k.Direction == app.Lower)
	d.RangeLow, d.RangeHigh = optional(k.RangeLow, isRange), optional(k.RangeHigh, isRange)
	d.Tolerance = optional(k.Tolerance, isRange)
	if len(k.Steps) > 0 {
		d.Steps = make([]docStep, len(k.Steps))
		for i, s := range k.Steps {
			d.Steps[i] = docStep(s)
		}
	}
	if len(k.Actuals) > 0 {
		d.Actuals = make([]docActual, len(k.Actuals))
	}
	for i, a := range k.Actuals {
		if a.Period < 0 || a.Period >= len(labels) {
			return d, fmt.Errorf("actual for period %d is outside the plan's cycle (%d periods)", a.Period+1, len(labels))
		}
		v, den := a.Value, a.Den
		da := docActual{Period: labels[a.Period], Comment: a.Comment}
		if k.Aggregation == app.Ratio {
			da.Num, da.Den = &v, &den
		} else {
			da.Value = &v
		}
		d.Actuals[i] = da
	}
	return d, nil
}

// optional returns &v when the field is always written or v is not 0, else nil.
func optional(v float64, always bool) *float64 {
	if always || v != 0 {
		return &v
	}
	return nil
}

// nonFinite returns the JSON path of the first NaN or infinite number in v, or "".
func nonFinite(v reflect.Value, path string) string {
	switch v.Kind() {
	case reflect.Float64:
		if math.IsNaN(v.Float()) || math.IsInf(v.Float(), 0) {
			return path
		}
	case reflect.Pointer:
		if !v.IsNil() {
			return nonFinite(v.Elem(), path)
		}
	case reflect.Slice:
		for i := range v.Len() {
			if p := nonFinite(v.Index(i), path+"["+strconv.Itoa(i)+"]"); p != "" {
				return p
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			if p := nonFinite(it.Value(), join(path, it.Key().String())); p != "" {
				return p
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			if p := nonFinite(v.Field(i), join(path, name)); p != "" {
				return p
			}
		}
	}
	return ""
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
