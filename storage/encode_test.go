package storage

import (
	"bytes"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"kpiplanner/app"
)

func TestEncodeKeepsSpecialFloats(t *testing.T) {
	negZero := math.Copysign(0, -1)
	p := richPlan()
	p.ID = 4
	p.KPIs[0].Target = math.NaN()
	p.KPIs[0].Baseline = app.Float(math.Inf(-1))
	p.KPIs[0].Weight = negZero
	p.KPIs[2].Actuals = []app.Actual{{Period: -1, Value: math.Inf(1), Den: negZero}}
	got, err := decodePlan(planKey(4), encodePlan(p))
	if err != nil {
		t.Fatal(err)
	}
	k := got.KPIs[0]
	if !math.IsNaN(k.Target) || !math.IsInf(*k.Baseline, -1) || math.Float64bits(k.Weight) != math.Float64bits(negZero) {
		t.Errorf("special floats changed: target %v baseline %v weight %v", k.Target, *k.Baseline, k.Weight)
	}
	as, err := decodeActuals(encodeActuals(p.KPIs[2].Actuals))
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Period != -1 || !math.IsInf(as[0].Value, 1) || !math.Signbit(as[0].Den) {
		t.Errorf("actuals = %+v, want period -1, +Inf, -0", as)
	}
}

func TestActualsRecordSize(t *testing.T) {
	plain := make([]app.Actual, 12)
	ratio := make([]app.Actual, 12)
	for i := range 12 {
		plain[i] = app.Actual{Period: i, Value: float64(i)}
		ratio[i] = app.Actual{Period: i, Value: float64(i), Den: 100}
	}
	for name, tc := range map[string]struct {
		as   []app.Actual
		want int
	}{
		"12 plain": {plain, 1 + 1 + 12*(1+8)},                              // format + count + 12 × (period + value) = 110
		"12 ratio": {ratio, 1 + 1 + 12*(1+8+8)},                            // … + den = 206
		"none":     {nil, 1 + 1},                                           // format + count
		"one big":  {[]app.Actual{{Period: 300, Value: 1}}, 1 + 1 + 2 + 8}, // varint 300 takes 2 bytes
	} {
		if got := len(encodeActuals(tc.as)); got != tc.want {
			t.Errorf("%s: record is %d bytes, want %d", name, got, tc.want)
		}
	}
}

func TestDecodeRejectsDamage(t *testing.T) {
	plan := encodePlan(richPlan())
	acts := encodeActuals(richPlan().KPIs[2].Actuals)
	for n := range len(plan) { // every truncation fails cleanly, none panics
		if _, err := decodePlan(planKey(1), plan[:n]); err == nil {
			t.Fatalf("plan cut to %d of %d bytes decoded without error", n, len(plan))
		}
	}
	for n := range len(acts) {
		if _, err := decodeActuals(acts[:n]); err == nil {
			t.Fatalf("actuals cut to %d of %d bytes decoded without error", n, len(acts))
		}
	}
	for name, tc := range map[string]struct {
		decode func() error
		want   string
	}{
		"plan trailing bytes": {func() error { _, err := decodePlan(planKey(1), append(plan, 0)); return err }, "trailing"},
		"plan format 9":       {func() error { _, err := decodePlan(planKey(1), append([]byte{9}, plan[1:]...)); return err }, "format 9"},
		"actuals format 7":    {func() error { _, err := decodeActuals(append([]byte{7}, acts[1:]...)); return err }, "format 7"},
		"actuals trailing":    {func() error { _, err := decodeActuals(append(acts, 1)); return err }, "trailing"},
		"huge count":          {func() error { _, err := decodeActuals([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f}); return err }, "truncated"},
	} {
		if err := tc.decode(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want one mentioning %q", name, err, tc.want)
		}
	}
}

// TestCompanyRecordsRejectDamage: every truncation of a person, unit,
// history entry, period close and commented actuals record fails cleanly.
func TestCompanyRecordsRejectDamage(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	e, u := randomEmployee(r, "NV0001"), randomUnit(r, "SALES")
	var h app.HistoryEntry
	var c app.PeriodClose
	fill(r, reflect.ValueOf(&h).Elem())
	fill(r, reflect.ValueOf(&c).Elem())
	for name, tc := range map[string]struct {
		rec    []byte
		decode func([]byte) error
	}{
		"person": {encodePerson(&e), func(b []byte) error { _, err := decodePerson([]byte(e.UID), b); return err }},
		"unit":   {encodeUnit(&u), func(b []byte) error { _, err := decodeUnit([]byte(u.UID), b); return err }},
		"entry":  {encodeEntry(&h, true), func(b []byte) error { _, err := decodeEntry("", 1, b); return err }},
		"close":  {encodeClose(&c), func(b []byte) error { _, err := decodeClose(1, b); return err }},
		"commented actuals": {encodeActuals([]app.Actual{{Period: 1, Value: 2, Comment: "vì mưa"}, {Period: 2}}),
			func(b []byte) error { _, err := decodeActuals(b); return err }},
	} {
		if err := tc.decode(tc.rec); err != nil {
			t.Errorf("%s: the whole record fails: %v", name, err)
		}
		for n := range len(tc.rec) {
			if err := tc.decode(tc.rec[:n]); err == nil {
				t.Errorf("%s cut to %d of %d bytes decoded without error", name, n, len(tc.rec))
			}
		}
		if err := tc.decode(append(bytes.Clone(tc.rec), 0)); err == nil || !strings.Contains(err.Error(), "trailing") {
			t.Errorf("%s with a trailing byte: %v", name, err)
		}
	}
}

func TestActualsWithCommentsRecord(t *testing.T) {
	as := []app.Actual{{Period: 0, Value: 1}, {Period: 3, Value: 2, Den: 4, Comment: "thiếu hàng"}}
	rec := encodeActuals(as)
	// format + count + (period + value + den + comment length) + (… + 13 bytes of "thiếu hàng")
	if want := 1 + 1 + (1 + 8 + 8 + 1) + (1 + 8 + 8 + 1 + 13); rec[0] != actualsWithComment || len(rec) != want {
		t.Errorf("record format %d, %d bytes; want %d, %d", rec[0], len(rec), actualsWithComment, want)
	}
	got, err := decodeActuals(rec)
	if err != nil || !reflect.DeepEqual(got, as) {
		t.Errorf("decoded %+v, %v; want %+v", got, err, as)
	}
}
