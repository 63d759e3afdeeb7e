package app

import (
	"errors"
	"strings"
	"testing"
)

func TestTextOver32767CharactersIsRefusedAtInput(t *testing.T) {
	long := func(n int) string { return strings.Repeat("ế", n) } // 2 bytes a rune: limits count runes
	ok := NewPlan()
	ok.Name, ok.Person.Name = long(MaxNameLen), long(MaxNameLen)
	ok.Cycle = Cycle{Start: NewDate(2026, 1, 1), End: NewDate(2026, 12, 31), Frequency: Monthly}
	ok.KPIs = []KPI{{ID: strings.Repeat("k", MaxIDLen), Name: long(MaxNameLen), Description: long(MaxTextLen), Note: long(MaxTextLen),
		Rationale: long(MaxTextLen), Exempt: long(MaxTextLen), Unit: Number, Direction: Higher, Aggregation: Sum, Target: 1, Weight: 1, Group: GroupA}}
	if err := ok.Validate(); err != nil {
		t.Fatalf("texts at the limits: %v", err)
	}
	tests := []struct {
		edit       func(p *Plan)
		kpi, field string
	}{
		{func(p *Plan) { p.Name = long(MaxNameLen + 1) }, "", "name"},
		{func(p *Plan) { p.Person.Department = long(MaxNameLen + 1) }, "", "person.department"},
		{func(p *Plan) { p.Goal.Text = long(40_000) }, "", "goal.text"},
		{func(p *Plan) { p.KPIs[0].Name = long(MaxNameLen + 1) }, p0, "name"},
		{func(p *Plan) { p.KPIs[0].Description = long(MaxTextLen + 1) }, p0, "description"},
		{func(p *Plan) { p.KPIs[0].Note = long(32_768) }, p0, "note"},
		{func(p *Plan) { p.KPIs[0].Rationale = long(MaxTextLen + 1) }, p0, "rationale"},
		{func(p *Plan) { p.KPIs[0].Exempt = long(MaxTextLen + 1) }, p0, "exempt"},
		{func(p *Plan) { p.KPIs[0].Owner = long(MaxNameLen + 1) }, p0, "owner"},
		{func(p *Plan) { p.KPIs[0].LibraryID = long(MaxIDLen + 1) }, p0, "library_id"},
	}
	for _, tc := range tests {
		p := ok.Clone()
		tc.edit(p)
		var ve *ValidationError
		if !errors.As(p.Validate(), &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != tc.field || ve.Fields[0].KPI != tc.kpi {
			t.Errorf("%s: %v", tc.field, p.Validate())
			continue
		}
		if m := ve.Fields[0].Msg.String(); !strings.Contains(m, "at most") {
			t.Errorf("%s: %q", tc.field, m)
		}
	}
}

var p0 = strings.Repeat("k", MaxIDLen)
