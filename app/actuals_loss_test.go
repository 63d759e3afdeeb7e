package app

import (
	"reflect"
	"testing"
)

// TestImportKPISheetChangingAggregationIsRefused covers the pure detection
// both the CLI and the GUI use before a KPI sheet import is saved.
func TestImportKPISheetChangingAggregationIsRefused(t *testing.T) {
	base := func() *Plan {
		p := NewPlan()
		p.KPIs = []KPI{
			{ID: "rev", Name: "Revenue", Unit: Currency, Direction: Higher, Aggregation: Sum, Actuals: []Actual{{Period: 0, Value: 5}, {Period: 1, Value: 7}}},
			{ID: "cr", Name: "Conversion", Unit: Percent, Direction: Higher, Aggregation: Ratio, Actuals: []Actual{{Period: 0, Value: 3, Den: 50}}},
			{ID: "new", Name: "No data", Unit: Number, Direction: Higher, Aggregation: Sum},
			{ID: "ms", Name: "Launch", Unit: Number, Direction: Milestone, Aggregation: Last, Actuals: []Actual{{Period: 0, Value: 1}}},
		}
		return p
	}
	tests := []struct {
		name string
		edit func(p *Plan)
		want []string // KPI ids listed
	}{
		{"nothing changed", func(*Plan) {}, nil},
		{"harmless fields", func(p *Plan) { p.KPIs[0].Name, p.KPIs[0].Target, p.KPIs[0].Unit = "Sales", 9, Count }, nil},
		{"sum to ratio", func(p *Plan) { p.KPIs[0].Aggregation = Ratio }, []string{"rev"}},
		{"ratio to sum", func(p *Plan) { p.KPIs[1].Aggregation = Sum }, []string{"cr"}},
		{"sum to average", func(p *Plan) { p.KPIs[0].Aggregation = Average }, []string{"rev"}},
		{"ratio percent to number", func(p *Plan) { p.KPIs[1].Unit = Number }, []string{"cr"}},
		{"milestone to higher", func(p *Plan) { p.KPIs[3].Direction = Higher }, []string{"ms"}},
		{"removed", func(p *Plan) { p.KPIs = p.KPIs[1:] }, []string{"rev"}},
		{"no actuals, any change", func(p *Plan) { p.KPIs[2].Aggregation, p.KPIs[2].Direction = Ratio, Milestone }, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := base()
			after := before.Clone()
			tc.edit(after)
			var got []string
			for _, l := range ActualsLosses(before, after) {
				got = append(got, l.KPI)
				if l.Actuals != len(before.KPI(l.KPI).Actuals) || l.Reason.Key == "" || l.Name != before.KPI(l.KPI).Name {
					t.Errorf("loss %+v", l)
				}
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("losses %v, want %v", got, tc.want)
			}
		})
	}
	l := ActualsLosses(base(), func() *Plan { p := base(); p.KPIs[0].Aggregation = Ratio; return p }())[0]
	if s := l.Message().String(); s != "KPI rev (Revenue): aggregation from sum to ratio: its 2 recorded actuals would no longer be read as they were recorded (numerator and denominator, or one value per period)" {
		t.Errorf("message %q", s)
	}
}
