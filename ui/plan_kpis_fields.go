package ui

import (
	"strings"

	"kpiplanner/app"
)

// How the KPI table reads and writes the fields of a KPI as text and choices.

// kpiChoice returns the value of a select field of k.
func kpiChoice(k *app.KPI, field string) string {
	switch field {
	case "group":
		return string(k.Group)
	case "unit":
		return string(k.Unit)
	case "direction":
		return string(k.Direction)
	case "aggregation":
		return string(k.Aggregation)
	}
	return ""
}

// fieldText writes a text field of k the user's way.
func (t *kpiTable) fieldText(k *app.KPI, field string) string {
	tr := t.s.u.tr
	switch field {
	case "name":
		return k.Name
	case "weight":
		return tr.FormatNumber(k.Weight, -1)
	case "baseline":
		if k.Baseline == nil {
			return ""
		}
		return tr.FormatNumber(*k.Baseline, -1)
	case "target":
		return tr.FormatNumber(k.Target, -1)
	case "reference":
		if k.Reference == nil {
			return ""
		}
		return tr.FormatNumber(*k.Reference, -1)
	case "range_low":
		return tr.FormatNumber(k.RangeLow, -1)
	case "range_high":
		return tr.FormatNumber(k.RangeHigh, -1)
	case "tolerance":
		return tr.FormatNumber(k.Tolerance, -1)
	case "data_source":
		return tr.Name(k.DataSource)
	case "owner":
		return k.Owner
	case "exempt":
		return k.Exempt
	case "deadline":
		return tr.FormatDate(k.Deadline)
	}
	return ""
}

func (t *kpiTable) onChoice(r *kpiRow, field string, opts []string, label string) {
	k := t.s.draft.KPI(r.id)
	if k == nil {
		return
	}
	for _, o := range opts {
		if t.choiceLabel(o) != label {
			continue
		}
		switch field {
		case "group":
			k.Group = app.Group(o)
		case "unit":
			k.Unit = app.Unit(o)
		case "direction":
			k.Direction = app.Direction(o)
		case "aggregation":
			k.Aggregation = app.Aggregation(o)
		}
	}
	t.enableFields(r, k)
	t.changed()
}

// onText reads a text field into the draft; text that cannot be read is
// marked on the field and leaves the draft as it was.
func (t *kpiTable) onText(r *kpiRow, field, text string) {
	k := t.s.draft.KPI(r.id)
	if k == nil {
		return
	}
	delete(r.bad, field)
	if err := t.setField(k, field, text); err != nil {
		r.bad[field] = err
	}
	t.changed()
}

// setField reads text into k's field, or returns why it cannot.
func (t *kpiTable) setField(k *app.KPI, field, text string) error {
	tr := t.s.u.tr
	if dst := kpiNumber(k, field); dst != nil {
		v, err := tr.ParseNumber(text)
		if err != nil {
			return err
		}
		*dst = v
		return nil
	}
	switch field {
	case "name":
		k.Name = strings.TrimSpace(text)
	case "owner":
		k.Owner = strings.TrimSpace(text)
	case "exempt":
		k.Exempt = strings.TrimSpace(text)
	case "data_source":
		if text != tr.Name(k.DataSource) {
			k.DataSource = strings.TrimSpace(text)
		}
	case "baseline":
		return t.setOptional(&k.Baseline, text)
	case "reference":
		return t.setOptional(&k.Reference, text)
	case "deadline":
		d, err := tr.ParseDate(text)
		if err != nil {
			return err
		}
		k.Deadline = d
	}
	return nil
}

// kpiNumber returns the number field of k the table edits as field, nil
// for another field.
func kpiNumber(k *app.KPI, field string) *float64 {
	switch field {
	case "weight":
		return &k.Weight
	case "target":
		return &k.Target
	case "range_low":
		return &k.RangeLow
	case "range_high":
		return &k.RangeHigh
	case "tolerance":
		return &k.Tolerance
	}
	return nil
}

// setOptional reads text into an optional number such as the baseline or
// the reference value: empty text removes it.
func (t *kpiTable) setOptional(dst **float64, text string) error {
	if strings.TrimSpace(text) == "" {
		*dst = nil
		return nil
	}
	v, err := t.s.u.tr.ParseNumber(text)
	if err != nil {
		return err
	}
	*dst = app.Float(v)
	return nil
}
