package app

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalizeTextMakesEveryPlanTextNFC(t *testing.T) {
	composed := "Nguyễn Thị Hồng Nhung — Doanh thu từ khách hàng mới"
	decomposed := norm.NFD.String(composed)
	if decomposed == composed {
		t.Fatal("the fixture has nothing to decompose")
	}
	p := NewPlan()
	p.Name, p.Person.Name, p.Person.Department, p.Person.Position, p.Goal.Text = decomposed, decomposed, decomposed, decomposed, decomposed
	p.Rules.Bands[0].Name = decomposed
	p.KPIs = []KPI{{ID: "k1", Name: decomposed, Description: decomposed, Rationale: decomposed,
		DataSource: decomposed, Owner: decomposed, Note: decomposed, Exempt: decomposed}}
	p.NormalizeText()
	k := p.KPIs[0]
	for i, got := range []string{p.Name, p.Person.Name, p.Person.Department, p.Person.Position, p.Goal.Text,
		p.Rules.Bands[0].Name, k.Name, k.Description, k.Rationale, k.DataSource, k.Owner, k.Note, k.Exempt} {
		if got != composed {
			t.Errorf("text %d is %q (%d bytes), want the NFC form (%d bytes)", i, got, len(got), len(composed))
		}
	}
}
