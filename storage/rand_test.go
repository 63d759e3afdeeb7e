package storage

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"time"

	"kpiplanner/app"
)

// The random records of the storage round-trip property tests. fill sets
// every field of a value by reflection, so a field added to app.Plan,
// Employee, OrgUnit, HistoryEntry or PeriodClose gets a random value without
// anyone touching this file (a new kind of field panics until fill learns it).

var (
	typeDate = reflect.TypeFor[app.Date]()
	typeUID  = reflect.TypeFor[app.UID]()
	typeTime = reflect.TypeFor[time.Time]()
)

// randWords are what random text is made of: Vietnamese (NFC and NFD),
// separators and characters other formats treat specially.
var randWords = []string{"Doanh thu", "khách hàng", "Nguyễn Văn An", "Ho\u0300", "Đặng", "a,b", `"q"`, "\x00", "日本", "", "x;y"}

func randText(r *rand.Rand) string {
	parts := make([]string, 1+r.IntN(3))
	for i := range parts {
		parts[i] = randWords[r.IntN(len(randWords))]
	}
	return strings.Join(parts, " ")
}

func randUID(r *rand.Rand) app.UID { return app.UID(fmt.Sprintf("%016x%016x", r.Uint64(), r.Uint64())) }

// fill sets v (settable) and everything inside it to random values, most
// of them non-zero.
func fill(r *rand.Rand, v reflect.Value) {
	switch t := v.Type(); {
	case t == typeDate:
		v.Set(reflect.ValueOf(app.NewDate(1990+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28))))
	case t == typeTime:
		v.Set(reflect.ValueOf(time.Unix(r.Int64N(4e9)-1e9, r.Int64N(1e9)).UTC()))
	case t == typeUID:
		v.SetString(string(randUID(r)))
	default:
		fillKind(r, v)
	}
}

func fillKind(r *rand.Rand, v reflect.Value) {
	t := v.Type()
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
		for range 1 + r.IntN(3) {
			k, e := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			fill(r, k)
			fill(r, e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		v.SetString(randText(r))
	case reflect.Float64:
		v.SetFloat([]float64{r.NormFloat64() * 1e6, float64(r.IntN(1000)), -0.5, 1e-9}[r.IntN(4)])
	case reflect.Int, reflect.Int64:
		v.SetInt(1 + r.Int64N(99))
	case reflect.Uint64:
		v.SetUint(1 + r.Uint64N(1e12))
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic(fmt.Sprintf("fill: no random value for %s (%s): teach fill about it", t, v.Kind()))
	}
}

// randomEmployee returns a valid person with every field set; code is its
// employee code.
func randomEmployee(r *rand.Rand, code string) app.Employee {
	var e app.Employee
	fill(r, reflect.ValueOf(&e).Elem())
	e.Code, e.Name = code, "Nguyễn "+randText(r)
	e.Level = r.IntN(6)
	e.BaseBonus = float64(r.IntN(50)) * 1e6
	e.Joined = app.NewDate(2000+r.IntN(20), time.Month(1+r.IntN(12)), 1+r.IntN(28))
	e.Left = e.Joined.AddDays(r.IntN(3000))
	e.Email = "a" + code + "@example.com"
	return e
}

// randomUnit returns a valid org unit with every field set.
func randomUnit(r *rand.Rand, code string) app.OrgUnit {
	var u app.OrgUnit
	fill(r, reflect.ValueOf(&u).Elem())
	u.Code, u.Name = code, "Phòng "+randText(r)
	return u
}

// randomPlan returns a plan with every field random (storage keeps any
// values, valid or not), without the derived fields, person and id.
func randomPlan(r *rand.Rand) *app.Plan {
	p := &app.Plan{}
	fill(r, reflect.ValueOf(p).Elem())
	p.ID, p.UID, p.PersonUID = 0, "", ""
	p.Person.Code, p.Person.Unit, p.ClosedPeriods = "", "", 0
	p.UnitTotals = nil // derived on load: the team component
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	for i := range p.KPIs {
		p.KPIs[i].ID = fmt.Sprintf("k%d", i+1)
	}
	return p
}
