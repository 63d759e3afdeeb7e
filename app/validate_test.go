package app

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func validPlan() *Plan {
	p := NewPlan()
	p.Name = "Sales — 2026"
	p.Status = Approved
	p.Cycle = Cycle{Start: NewDate(2026, 1, 1), End: NewDate(2026, 3, 31), Frequency: Monthly}
	p.KPIs = []KPI{{ID: "rev", Name: "Revenue from new customers", Unit: Currency, Direction: Higher,
		Target: 100, Weight: 1, Group: GroupA, Aggregation: Sum, Actuals: []Actual{{Period: 0, Value: 30}}}}
	return p
}

func TestValidatePlanOK(t *testing.T) {
	if err := validPlan().Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(p *Plan, k *KPI)
		kpi   string
		field string
	}{
		{"target zero higher", func(p *Plan, k *KPI) { k.Target = 0 }, "rev", "target"},
		{"target negative lower", func(p *Plan, k *KPI) { k.Direction = Lower; k.Target = -1 }, "rev", "target"},
		{"baseline above target higher", func(p *Plan, k *KPI) { k.Baseline = Float(120) }, "rev", "baseline"},
		{"baseline equals target higher", func(p *Plan, k *KPI) { k.Baseline = Float(100) }, "rev", "baseline"},
		{"baseline below target lower", func(p *Plan, k *KPI) { k.Direction = Lower; k.Baseline = Float(50) }, "rev", "baseline"},
		{"range lo above hi", func(p *Plan, k *KPI) { k.Direction = Range; k.RangeLow, k.RangeHigh, k.Tolerance = 5, 4, 1 }, "rev", "range_low"},
		{"range tolerance zero", func(p *Plan, k *KPI) { k.Direction = Range; k.RangeLow, k.RangeHigh = 4, 5 }, "rev", "tolerance"},
		{"negative weight", func(p *Plan, k *KPI) { k.Weight = -1 }, "rev", "weight"},
		{"group weights sum", func(p *Plan, k *KPI) { p.Rules.GroupWeights[GroupC] = 10 }, "", "rules.group_weights"},
		{"negative group weight", func(p *Plan, k *KPI) { p.Rules.GroupWeights[GroupC] = -20; p.Rules.GroupWeights[GroupA] = 90 }, "", "rules.group_weights.C"},
		{"cap below one", func(p *Plan, k *KPI) { k.Cap = Float(0.9) }, "rev", "cap"},
		{"plan cap below one", func(p *Plan, k *KPI) { p.Rules.Cap = 0.5 }, "", "rules.cap"},
		{"floor at cap", func(p *Plan, k *KPI) { k.Floor = Float(1.2) }, "rev", "floor"},
		{"NaN target", func(p *Plan, k *KPI) { k.Target = math.NaN() }, "rev", "target"},
		{"infinite baseline", func(p *Plan, k *KPI) { k.Baseline = Float(math.Inf(-1)) }, "rev", "baseline"},
		{"NaN actual", func(p *Plan, k *KPI) { k.Actuals[0].Value = math.NaN() }, "rev", "actuals"},
		{"actual outside cycle", func(p *Plan, k *KPI) { k.Actuals = append(k.Actuals, Actual{Period: 3, Value: 1}) }, "rev", "actuals"},
		{"actual negative period", func(p *Plan, k *KPI) { k.Actuals[0].Period = -1 }, "rev", "actuals"},
		{"duplicate period", func(p *Plan, k *KPI) { k.Actuals = append(k.Actuals, Actual{Period: 0, Value: 1}) }, "rev", "actuals"},
		{"negative denominator", func(p *Plan, k *KPI) { k.Aggregation = Ratio; k.Actuals[0].Den = -2 }, "rev", "actuals"},
		{"deadline outside cycle", func(p *Plan, k *KPI) { k.Deadline = NewDate(2026, 4, 1) }, "rev", "deadline"},
		{"unknown direction", func(p *Plan, k *KPI) { k.Direction = "up" }, "rev", "direction"},
		{"unknown unit", func(p *Plan, k *KPI) { k.Unit = "parsecs" }, "rev", "unit"},
		{"no group", func(p *Plan, k *KPI) { k.Group = "" }, "rev", "group"},
		{"steps out of order", func(p *Plan, k *KPI) { k.Steps = []StepBand{{1, 100}, {0.8, 60}} }, "rev", "steps"},
		{"cycle end before start", func(p *Plan, k *KPI) { p.Cycle.End = NewDate(2025, 1, 1); k.Actuals = nil }, "", "cycle.end"},
		{"bands out of order", func(p *Plan, k *KPI) { p.Rules.Bands[0].Min = 50 }, "", "rules.bands"},
		{"duplicate KPI id", func(p *Plan, k *KPI) { p.KPIs = append(p.KPIs, *k) }, "rev", "id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := validPlan()
			tc.edit(p, &p.KPIs[0])
			err := p.Validate()
			var ve *ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("want a validation error, got %v", err)
			}
			found := false
			for _, f := range ve.Fields {
				found = found || f.KPI == tc.kpi && f.Field == tc.field
			}
			if !found {
				t.Errorf("no error on KPI %q field %q in %v", tc.kpi, tc.field, err)
			}
			if tc.kpi != "" && !strings.Contains(err.Error(), "KPI "+tc.kpi+": "+tc.field) {
				t.Errorf("message %q does not name KPI and field", err)
			}
		})
	}
}

func TestValidZeroComplaints(t *testing.T) {
	p := validPlan()
	k := &p.KPIs[0]
	k.Direction, k.Target, k.Baseline = Lower, 0, Float(10) // "0 complaints" from 10
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
}
