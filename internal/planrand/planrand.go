// Package planrand makes random plans and random edits of them for property
// tests (merges, patches, packets). Only tests import it. Plan fills every
// field by reflection, so a field added to app.Plan or app.KPI gets random
// values without anyone touching this package; enumerated types must be
// listed in enums.
package planrand

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"kpiplanner/app"
)

var (
	typeDate = reflect.TypeFor[app.Date]()
	typeUID  = reflect.TypeFor[app.UID]()
)

// enums are the valid values of the enumerated string types.
var enums = map[reflect.Type][]string{
	reflect.TypeFor[app.Status]():      strs(app.Statuses),
	reflect.TypeFor[app.Frequency]():   strs(app.Frequencies),
	reflect.TypeFor[app.BonusMode]():   {string(app.BonusBand), string(app.BonusLinear)},
	reflect.TypeFor[app.MissingData](): strs(app.MissingDataRules),
	reflect.TypeFor[app.Direction]():   strs(app.Directions),
	reflect.TypeFor[app.Aggregation](): strs(app.Aggregations),
	reflect.TypeFor[app.Unit]():        strs(app.Units),
	reflect.TypeFor[app.Group]():       strs(app.Groups),
	reflect.TypeFor[app.Level]():       {string(app.High), string(app.Low)},
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

// words are what random text is made of: Vietnamese, and characters that
// CSV, XML, JSON and spreadsheet formulas treat specially.
var words = []string{"Doanh thu", "khách hàng", "mới", "Tỷ lệ", "chuyển đổi", "đơn hàng", "Nguyễn Văn An", "CRM",
	`"quoted"`, "a,b", "x;y", "50%", "=SUM(A1)", "+1", "-2", "@home", "'apostrophe", "<b>&amp;</b>", `back\slash`, "ß", "日本"}

// Text returns a random text of a few words.
func Text(r *rand.Rand) string {
	n := 1 + r.IntN(4)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = words[r.IntN(len(words))]
	}
	return strings.Join(parts, " ")
}

// Nice returns a number as people type them: up to 3 decimals, up to 10^7
// (the float64 nearest to a short decimal).
func Nice(r *rand.Rand) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(r.Float64()*math.Pow10(r.IntN(8)), 'f', r.IntN(4), 64), 64)
	if err != nil {
		panic(err)
	}
	return v
}

// short returns x rounded to 3 decimals, as the float64 nearest that decimal.
func short(x float64) float64 {
	v, err := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	if err != nil {
		panic(err)
	}
	return v
}

// fill sets v (settable) and everything inside it to random non-zero values.
func fill(r *rand.Rand, v reflect.Value) {
	t := v.Type()
	switch {
	case t == typeDate:
		v.Set(reflect.ValueOf(app.NewDate(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28))))
		return
	case t == typeUID:
		v.SetString(fmt.Sprintf("%016x%016x", r.Uint64(), r.Uint64()))
		return
	case enums[t] != nil:
		v.SetString(enums[t][r.IntN(len(enums[t]))])
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			fill(r, v.Field(i))
		}
	case reflect.Pointer:
		v.Set(reflect.New(t.Elem()))
		fill(r, v.Elem())
	case reflect.Slice:
		v.Set(reflect.MakeSlice(t, 1+r.IntN(3), 3))
		for i := range v.Len() {
			fill(r, v.Index(i))
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(t))
	case reflect.String:
		v.SetString(Text(r))
	case reflect.Float64:
		v.SetFloat(short(1 + Nice(r)))
	case reflect.Int, reflect.Int64:
		v.SetInt(1 + r.Int64N(100))
	case reflect.Uint64:
		v.SetUint(1 + r.Uint64N(1000))
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic(fmt.Sprintf("fill: no random value for %s (%s): teach fill about it", t, v.Kind()))
	}
}

// Plan returns a valid plan with every field of every type set in at
// least one place (see unsetFields).
func Plan(r *rand.Rand) *app.Plan {
	p := &app.Plan{}
	fill(r, reflect.ValueOf(p).Elem())
	fixCycle(r, p)
	fixRules(r, &p.Rules)
	p.Person.BaseBonus = math.Round(Nice(r) * 1000)
	if p.Person.BaseBonus == 0 {
		p.Person.BaseBonus = 1000 // every field set
	}
	p.KPIs = make([]app.KPI, 8+r.IntN(4))
	turn := r.IntN(100)
	for i := range p.KPIs {
		k := &p.KPIs[i]
		fill(r, reflect.ValueOf(k).Elem())
		k.ID = fmt.Sprintf("k%d", i+1)
		// Every direction and aggregation appears in every plan.
		k.Direction = app.Directions[(i+turn)%len(app.Directions)]
		k.Aggregation = app.Aggregations[(i+turn/4)%len(app.Aggregations)]
		fixKPI(r, p, k, i)
	}
	if err := p.Validate(); err != nil {
		panic(fmt.Sprintf("planrand.Plan made an invalid plan: %v", err))
	}
	return p
}

func fixCycle(r *rand.Rand, p *app.Plan) {
	y := 2024 + r.IntN(5)
	switch p.Cycle.Frequency {
	case app.Weekly:
		start := app.NewDate(y, 1, 5+r.IntN(7))
		p.Cycle.Start, p.Cycle.End = start, start.AddDays(7*(4+r.IntN(20))-1)
	case app.Quarterly:
		q := r.IntN(4)
		p.Cycle.Start = app.NewDate(y, time.Month(1+3*q), 1)
		p.Cycle.End = app.NewDate(y+1, time.Month(1+3*q), 1).AddDays(-1)
	default:
		m := 1 + r.IntN(12)
		p.Cycle.Start = app.NewDate(y, time.Month(m), 1)
		p.Cycle.End = app.NewDate(y, time.Month(m+3+r.IntN(10)), 1).AddDays(-1)
	}
}

func fixRules(r *rand.Rand, rules *app.Rules) {
	a, b := float64(1+r.IntN(60)), float64(1+r.IntN(30))
	rules.GroupWeights = map[app.Group]float64{app.GroupA: a, app.GroupB: b, app.GroupC: 100 - a - b}
	min := 150.0
	for i := range rules.Bands {
		min -= float64(1 + r.IntN(40))
		rules.Bands[i].Min = min
	}
	rules.LinearCap = 1 + float64(r.IntN(10))/10
	rules.Cap = 1 + float64(r.IntN(10))/10
	rules.Floor = float64(1+r.IntN(9)) / 20
	rules.RoundingStep = []float64{1, 100, 1000, 0.01}[r.IntN(4)]
	rules.TeamWeight = float64(1 + r.IntN(49)) // percent, 1 to 49
}

// fixKPI makes k valid in p; KPI i has the fields a direction or an
// aggregation does not use at zero (no format carries them).
func fixKPI(r *rand.Rand, p *app.Plan, k *app.KPI, i int) {
	switch k.Direction {
	case app.Higher:
		*k.Baseline = short(k.Target - 1 - Nice(r))
	case app.Lower:
		*k.Baseline = short(k.Target + 1 + Nice(r))
	}
	if k.Direction == app.Range {
		k.RangeHigh = short(k.RangeLow + Nice(r))
	} else {
		k.RangeLow, k.RangeHigh, k.Tolerance = 0, 0, 0
	}
	if i%3 == 0 {
		k.Baseline = nil
		k.Target = short(1 + Nice(r))
	}
	if i%2 == 0 {
		k.Floor, k.Cap = nil, nil
	} else {
		*k.Cap = 1 + float64(r.IntN(10))/10
		*k.Floor = float64(r.IntN(10)) / 20
	}
	if i%4 == 0 {
		k.Exempt = "" // only some KPIs are exempted
	}
	k.Share = float64(1+(i*37)%100) / 100
	if i%5 == 0 {
		k.UnitPlan, k.UnitKPI, k.Share = "", "", 0 // only some KPIs contribute to a unit KPI
	}
	k.Deadline = p.Cycle.Start.AddDays(r.IntN(int(p.Cycle.End.Time().Sub(p.Cycle.Start.Time()).Hours()/24) + 1))
	for j := range k.Steps {
		k.Steps[j] = app.StepBand{From: float64(r.IntN(150)) / 100, Score: float64(r.IntN(121))}
	}
	slices.SortFunc(k.Steps, func(a, b app.StepBand) int { return int(math.Copysign(1, a.From-b.From)) })
	k.Steps = slices.CompactFunc(k.Steps, func(a, b app.StepBand) bool { return a.From == b.From })
	n := p.Cycle.NumPeriods()
	k.PeriodTargets = periodTargets(r, k, n, i)
	k.Actuals = k.Actuals[:0]
	for per := range n {
		if r.IntN(3) == 0 {
			continue
		}
		a := app.Actual{Period: per, Value: Nice(r)}
		if r.IntN(4) == 0 {
			a.Comment = Text(r)
		}
		if k.Aggregation == app.Ratio {
			a.Den = short(1 + Nice(r))
		}
		k.Actuals = append(k.Actuals, a)
	}
}

// periodTargets returns targets per period for every other higher- or
// lower-is-better KPI: a sum KPI's target phased by random shares (so they
// add up to it), any other KPI's target on some periods.
func periodTargets(r *rand.Rand, k *app.KPI, n, i int) []app.PeriodTarget {
	if i%2 == 0 || k.Direction != app.Higher && k.Direction != app.Lower {
		return nil
	}
	if k.Aggregation == app.Sum {
		shares := make([]float64, n)
		for j := range shares {
			shares[j] = float64(r.IntN(10))
		}
		shares[0]++ // never all zero
		ts, err := app.PhaseByShares(k, shares)
		if err != nil {
			return nil
		}
		return ts
	}
	var ts []app.PeriodTarget
	for per := range n {
		if per == n-1 || r.IntN(2) == 0 { // the last period always: at least one
			ts = append(ts, app.PeriodTarget{Period: per, Value: short(1 + Nice(r))})
		}
	}
	return ts
}
