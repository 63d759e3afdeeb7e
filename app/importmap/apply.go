package importmap

import (
	"slices"

	"kpiplanner/app"
)

// measureWords are the folded words of each unit of measure.
var measureWords = map[app.Unit][]string{
	app.Percent:  {"%", "percent", "pct", "phan tram", "ty le %", "ti le %"},
	app.Currency: {"currency", "money", "vnd", "d", "dong", "trieu dong", "tr", "trd", "ty dong", "usd", "$", "€", "tien"},
	app.Count:    {"count", "so luong", "luot", "lan", "cai", "khach hang", "don", "hop dong", "nguoi", "sp", "san pham"},
	app.Ratio1:   {"ratio", "he so", "x", "lan ty le"},
	app.Score:    {"score", "diem", "points", "nps", "csat"},
	app.Days:     {"days", "day", "ngay"},
	app.Hours:    {"hours", "hour", "h", "gio"},
	app.Minutes:  {"minutes", "minute", "min", "phut"},
	app.Seconds:  {"seconds", "second", "s", "sec", "giay"},
	app.Number:   {"number", "so", "con so"},
	app.Duration: {"duration", "thoi luong"},
}

// directionWords are the folded words of each direction.
var directionWords = map[app.Direction][]string{
	app.Higher:    {"higher", "higher is better", "up", "increase", "max", "maximize", "cao hon la tot", "cang cao cang tot", "tang", "cao"},
	app.Lower:     {"lower", "lower is better", "down", "decrease", "min", "minimize", "thap hon la tot", "cang thap cang tot", "giam", "thap"},
	app.Range:     {"range", "in range", "trong khoang", "khoang"},
	app.Milestone: {"milestone", "done", "moc", "cot moc", "hoan thanh"},
}

// aggregationWords are the folded words of each aggregation.
var aggregationWords = map[app.Aggregation][]string{
	app.Sum:     {"total", "tong", "cong don", "tong cong"},
	app.Average: {"avg", "mean", "trung binh"},
	app.Last:    {"latest", "cuoi ky", "gia tri cuoi", "moi nhat"},
	app.Min:     {"minimum", "nho nhat", "thap nhat"},
	app.Max:     {"maximum", "lon nhat", "cao nhat"},
	app.Ratio:   {"ty le", "ti le", "tu so mau so"},
}

// wordOf returns the key whose words hold s folded, or the key s names itself.
func wordOf[T ~string](words map[T][]string, s string) (T, bool) {
	f := Fold(s)
	for k, ws := range words {
		if f == string(k) || slices.Contains(ws, f) {
			return k, true
		}
	}
	var zero T
	return zero, false
}

// apply writes what rec says into p's KPI (added when p has none of its
// name), refusing what does not fit the KPI.
func (b *builder) apply(p *app.Plan, rec *Record) *Error {
	k := findKPI(p, rec.KPICode, rec.KPIName, b.folds)
	isNew := k == nil
	if isNew {
		id := rec.KPICode
		if id == "" || p.KPI(id) != nil {
			id = kpiID(p)
		}
		name := rec.KPIName
		if name == "" {
			name = rec.KPICode
		}
		p.KPIs = append(p.KPIs, app.CustomKPI(id, name))
		k = &p.KPIs[len(p.KPIs)-1]
		k.Group = app.GroupA
	}
	if err := b.attributes(k, rec, isNew); err != nil {
		return err
	}
	pct := k.Unit == app.Percent && b.m.PercentCells != "fraction"
	conv := func(v *Value) float64 {
		if v.Percent && !pct {
			return v.V / 100
		}
		if v.Percent {
			b.pcts[k.Name]++
		}
		return v.V
	}
	if rec.Target != nil {
		k.Target = conv(rec.Target)
	}
	if rec.Baseline != nil {
		k.Baseline = app.Float(conv(rec.Baseline))
	}
	if rec.Reference != nil {
		k.Reference = app.Float(conv(rec.Reference))
	}
	if rec.Weight != nil {
		k.Weight = rec.Weight.V
	}
	b.periodTargets(k, rec, conv, isNew && rec.Target == nil)
	return b.actuals(k, rec, conv)
}

// attributes sets a KPI's unit, direction, group and aggregation from rec;
// a new KPI without a unit of measure is percent when its values are.
func (b *builder) attributes(k *app.KPI, rec *Record, isNew bool) *Error {
	measure(k, rec, isNew)
	if trimmed(rec.Direction) {
		d, ok := wordOf(directionWords, rec.Direction)
		if !ok {
			return Errorf("%s: direction %q is not known (higher, lower, range, milestone)", rec.KPIName, rec.Direction)
		}
		k.Direction = d
	}
	if trimmed(rec.Group) {
		g := app.Group(stripGroup(Fold(rec.Group)))
		if !slices.Contains(app.Groups, g) {
			return Errorf("%s: group %q is not A, B or C", rec.KPIName, rec.Group)
		}
		k.Group = g
	}
	if trimmed(rec.Aggregation) {
		a, ok := wordOf(aggregationWords, rec.Aggregation)
		if !ok {
			return Errorf("%s: aggregation %q is not known (sum, average, last, min, max, ratio)", rec.KPIName, rec.Aggregation)
		}
		k.Aggregation = a
	} else if isNew {
		switch {
		case hasRatio(rec):
			k.Aggregation = app.Ratio
		case k.Unit == app.Percent || k.Unit == app.Ratio1 || k.Unit == app.Score:
			k.Aggregation = app.Average
		}
	}
	return nil
}

// measure sets k's unit from rec's unit of measure; a new KPI without one
// is percent when its cells are, and one whose unit is not known is a
// number with the unit written in its description.
func measure(k *app.KPI, rec *Record, isNew bool) {
	if !trimmed(rec.Measure) {
		if isNew && anyPercent(rec) {
			k.Unit = app.Percent
		}
		return
	}
	u, ok := wordOf(measureWords, rec.Measure)
	switch {
	case ok:
		k.Unit = u
	case isNew:
		k.Unit = app.Number
		k.Description = "Unit: " + rec.Measure
	}
}

// stripGroup returns the letter of a folded group text: "nhom a" → "A".
func stripGroup(s string) string {
	if len(s) > 0 {
		s = s[len(s)-1:]
	}
	return string([]byte{s[0] &^ 0x20})
}

// anyPercent reports whether a value of rec was percent-formatted.
func anyPercent(rec *Record) bool {
	for _, v := range []*Value{rec.Target, rec.Baseline, rec.Reference} {
		if v != nil && v.Percent {
			return true
		}
	}
	for _, a := range rec.Actuals {
		if a.Value != nil && a.Value.Percent {
			return true
		}
	}
	for _, v := range rec.PeriodTargets {
		if v.Percent {
			return true
		}
	}
	return false
}

// hasRatio reports whether rec has numerators or denominators.
func hasRatio(rec *Record) bool {
	for _, a := range rec.Actuals {
		if a.Num != nil || a.Den != nil {
			return true
		}
	}
	return false
}

// periodTargets sets k's per-period targets from rec; a new KPI without a
// cycle target gets one from them: their sum for a sum KPI, else the last.
func (b *builder) periodTargets(k *app.KPI, rec *Record, conv func(*Value) float64, deriveTarget bool) {
	if len(rec.PeriodTargets) == 0 {
		return
	}
	out := append([]app.PeriodTarget(nil), k.PeriodTargets...)
	for per, v := range rec.PeriodTargets {
		i := slices.IndexFunc(out, func(t app.PeriodTarget) bool { return t.Period == per })
		if i < 0 {
			out = append(out, app.PeriodTarget{Period: per, Value: conv(v)})
		} else {
			out[i].Value = conv(v)
		}
	}
	slices.SortFunc(out, func(a, b app.PeriodTarget) int { return a.Period - b.Period })
	k.PeriodTargets = out
	if deriveTarget {
		sum := 0.0
		for _, t := range out {
			sum += t.Value
		}
		k.Target = out[len(out)-1].Value
		if k.Aggregation == app.Sum {
			k.Target = sum
		}
	}
}

// checkActual refuses an actual that does not fit k: a value for a ratio
// KPI, a numerator or denominator for another, half a ratio, a negative
// denominator, or a 0 denominator under a numerator that is not 0 (as a
// plan document, the other sheet imports and the plan screen refuse it).
func checkActual(k *app.KPI, in *ActualIn, per int) *Error {
	ratio := k.Aggregation == app.Ratio
	switch {
	case ratio && in.Value != nil && in.Num == nil:
		return Errorf("%s is a ratio KPI: give its numerator and denominator, not one value", k.Name)
	case !ratio && (in.Num != nil || in.Den != nil):
		return Errorf("%s is not a ratio KPI: it takes one value per period, not a numerator and a denominator", k.Name)
	case ratio && (in.Num == nil) != (in.Den == nil):
		return Errorf("%s: period %d needs both its numerator and its denominator", k.Name, per+1)
	case in.Den != nil && in.Den.V < 0:
		return Errorf("%s: period %d: the denominator must not be negative", k.Name, per+1)
	case in.Den != nil && in.Den.V == 0 && in.Num.V != 0:
		return Errorf("%s: period %d: the denominator must not be 0 when the numerator is not 0", k.Name, per+1)
	}
	return nil
}

// actuals records rec's actuals on k. A ratio KPI takes a numerator and a
// denominator (not negative, and 0 only with a numerator of 0, as in a plan
// document), other KPIs a value.
func (b *builder) actuals(k *app.KPI, rec *Record, conv func(*Value) float64) *Error {
	pers := make([]int, 0, len(rec.Actuals))
	for per := range rec.Actuals {
		pers = append(pers, per)
	}
	slices.Sort(pers)
	acts := append([]app.Actual(nil), k.Actuals...)
	k.Actuals = acts
	for _, per := range pers {
		in := rec.Actuals[per]
		if err := checkActual(k, in, per); err != nil {
			return err
		}
		a, _ := k.ActualAt(per)
		a.Period = per
		switch {
		case k.Aggregation == app.Ratio && in.Num != nil:
			a.Value, a.Den = in.Num.V, in.Den.V
		case in.Value != nil:
			a.Value = conv(in.Value)
		case in.Comment == "":
			continue
		default:
			if _, ok := k.ActualAt(per); !ok {
				continue // a comment without a value records nothing
			}
		}
		if in.Comment != "" {
			a.Comment = in.Comment
		}
		k.SetActual(a)
	}
	return nil
}
