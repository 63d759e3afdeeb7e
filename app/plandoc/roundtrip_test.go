package plandoc

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
)

// normalise returns deep copies of plans with empty slices made nil, the
// only difference a round trip may introduce.
func normalise(plans []*app.Plan) []*app.Plan {
	out := make([]*app.Plan, len(plans))
	for i, p := range plans {
		c := p.Clone()
		if len(c.KPIs) == 0 {
			c.KPIs = nil
		}
		for j := range c.KPIs {
			k := &c.KPIs[j]
			if len(k.Steps) == 0 {
				k.Steps = nil
			}
			if len(k.Actuals) == 0 {
				k.Actuals = nil
			}
		}
		out[i] = c
	}
	return out
}

func equalPlans(a, b []*app.Plan) bool { return reflect.DeepEqual(normalise(a), normalise(b)) }

func TestRoundTripDemoCompany(t *testing.T) {
	plans := demo.Company(50, 1)
	for i, p := range plans {
		p.ID = app.PlanID(i + 1) // ids survive too
	}
	b := mustMarshal(t, plans)
	got, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if !equalPlans(got, plans) {
		for i := range plans {
			if !equalPlans(got[i:i+1], plans[i:i+1]) {
				t.Fatalf("plan %d differs after a round trip:\n got %+v\nwant %+v", i, got[i], plans[i])
			}
		}
	}
	if again := mustMarshal(t, got); !bytes.Equal(again, b) {
		t.Error("Encode(Decode(Encode(plans))) differs from Encode(plans)")
	}
}

func TestRoundTripEdgeValues(t *testing.T) {
	p := demo.Plan(3, 9)
	k := &p.KPIs[0]
	k.Target = 0.1 + 0.2 // 0.30000000000000004 must come back bit for bit
	k.Weight = 0
	k.Floor, k.Cap = app.Float(0), app.Float(1) // explicit zero floor differs from "no floor"
	k.Name = `Quote " backslash \ tab	<html> & Tiếng Việt`
	p.Goal = app.Goal{}
	p.KPIs[1].Steps = []app.StepBand{} // empty, not nil: normalised away
	got, err := Unmarshal(mustMarshal(t, []*app.Plan{p}))
	if err != nil {
		t.Fatal(err)
	}
	if !equalPlans(got, []*app.Plan{p}) {
		t.Errorf("got %+v\nwant %+v", got[0].KPIs[0], p.KPIs[0])
	}
	if g := got[0].KPIs[0]; g.Floor == nil || *g.Floor != 0 {
		t.Errorf("explicit floor 0 lost: %v", g.Floor)
	}
}

func TestEncodeEmptyAndDecodeEmpty(t *testing.T) {
	b := mustMarshal(t, nil)
	if string(b) != "{\n  \"format\": \"kpiplanner/plan@3\",\n  \"plans\": []\n}\n" {
		t.Errorf("empty document %q", b)
	}
	plans, err := Unmarshal(b)
	if err != nil || len(plans) != 0 {
		t.Errorf("got %v, %v", plans, err)
	}
}

func TestEncodeErrors(t *testing.T) {
	cases := map[string]struct {
		edit func(p *app.Plan)
		want string
	}{
		"NaN target": {
			func(p *app.Plan) { p.KPIs[2].Target = math.NaN() },
			"encode plans[0].kpis[2].target: NaN is not a finite number",
		},
		"infinite group weight": {
			func(p *app.Plan) { p.Rules.GroupWeights[app.GroupB] = math.Inf(1) },
			"encode plans[0].rules.group_weights.B: +Inf is not a finite number",
		},
		"actual outside the cycle": {
			func(p *app.Plan) { p.KPIs[0].Actuals = []app.Actual{{Period: 12, Value: 1}} },
			"encode plans[0] (" + demo.Plan(0, 1).Name + "): KPI k1: actual for period 13 is outside the plan's cycle (12 periods)",
		},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			p := demo.Plan(0, 1)
			c.edit(p)
			_, err := Marshal([]*app.Plan{p})
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
	if _, err := Marshal([]*app.Plan{nil}); err == nil || !strings.Contains(err.Error(), "plans[0]") {
		t.Errorf("nil plan: %v", err)
	}
}

func BenchmarkDecode1000(b *testing.B) {
	data, err := Marshal(demo.Company(1000, 1))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncode1000(b *testing.B) {
	plans := demo.Company(1000, 1)
	for b.Loop() {
		if _, err := Marshal(plans); err != nil {
			b.Fatal(err)
		}
	}
}
