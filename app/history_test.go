package app

import (
	"reflect"
	"testing"
)

func diffPlan() *Plan {
	p := NewPlan()
	p.Name = "Sales Q1"
	p.Cycle = Cycle{Start: NewDate(2026, 1, 1), End: NewDate(2026, 3, 31), Frequency: Monthly}
	p.KPIs = []KPI{{ID: "k1", Name: "Revenue", Target: 100, Weight: 1, Group: GroupA,
		Actuals: []Actual{{Period: 0, Value: 90}}}, {ID: "k2", Name: "Leads", Target: 50}}
	return p
}

func TestDiffNamesEachChangedPath(t *testing.T) {
	before := diffPlan()
	after := before.Clone()
	after.KPIs[0].Target = 120
	after.KPIs[0].Actuals = append(after.KPIs[0].Actuals, Actual{Period: 1, Value: 95, Comment: "late orders"})
	after.KPIs[0].Actuals[0].Value = 91
	after.KPIs = after.KPIs[:1]
	after.KPIs = append(after.KPIs, KPI{ID: "k3", Name: "Margin"})
	after.Rules.GroupWeights[GroupA] = 60
	after.Rules.Bands[0].Min = 115
	after.Revision = 9 // bookkeeping: not history
	got := Diff(before, after)
	want := []Edit{
		{"rules.group_weights[A]", "50", "60"},
		{"rules.bands[0].min", "110", "115"},
		{"kpis[k1].target", "100", "120"},
		{"kpis[k1].actuals[2026-01].value", "90", "91"},
		{"kpis[k1].actuals[2026-02].value", "", "95"}, // an added actual: its non-empty fields only
		{"kpis[k1].actuals[2026-02].comment", "", "late orders"},
		{"kpis[k2]", "Leads", ""}, // a removed KPI is one entry
		{"kpis[k3]", "", "Margin"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Diff =\n%v\nwant\n%v", got, want)
	}
}

func TestDiffOfEqualPlansIsEmpty(t *testing.T) {
	p := diffPlan()
	if d := Diff(p, p.Clone()); len(d) != 0 {
		t.Fatalf("Diff of a clone = %v, want nothing", d)
	}
}

func TestDiffRecordOfPeople(t *testing.T) {
	a := &Employee{UID: "u", Code: "NV0012", Name: "Lan", Level: 2}
	b := *a
	b.Level, b.Position = 3, "Lead"
	got := DiffRecord("people[NV0012]", a, &b)
	want := []Edit{{"people[NV0012].position", "", "Lead"}, {"people[NV0012].level", "2", "3"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("DiffRecord = %v, want %v", got, want)
	}
}

func TestKPIOf(t *testing.T) {
	for path, want := range map[string]string{"kpis[k3].target": "k3", "kpis[k1]": "k1", "status": "", "rules.cap": ""} {
		if got := KPIOf(path); got != want {
			t.Errorf("KPIOf(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestSnake(t *testing.T) {
	for in, want := range map[string]string{"KPIs": "kpis", "GroupWeights": "group_weights", "LibraryID": "library_id", "RangeLow": "range_low", "Cap": "cap"} {
		if got := snake(in); got != want {
			t.Errorf("snake(%q) = %q, want %q", in, got, want)
		}
	}
}
