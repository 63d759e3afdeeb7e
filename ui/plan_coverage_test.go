package ui

import (
	"strings"
	"testing"

	"kpiplanner/app"
)

// coverageUI saves a sales department's plan (10 tỷ of revenue) and two
// salespeople contributing 5 and 4,2 tỷ, and opens the department's plan.
func coverageUI(t *testing.T, lang string) (*UI, *planScreen, []*app.Plan) {
	t.Helper()
	u, _ := testUI(t, lang)
	unit := planFixture()
	unit.Name, unit.UnitUID = "Phòng KD 2026", "unit-kd"
	unit.KPIs = unit.KPIs[:1]
	unit.KPIs[0].Name, unit.KPIs[0].Target, unit.KPIs[0].Aggregation, unit.KPIs[0].Actuals = "Doanh thu", 10e9, app.Sum, nil
	if err := u.ws.Save(unit); err != nil {
		t.Fatal(err)
	}
	plans := []*app.Plan{unit}
	for i, target := range []float64{5e9, 4.2e9} {
		p := planFixture()
		p.Name, p.Person.Name = []string{"An 2026", "Bình 2026"}[i], []string{"An", "Bình"}[i]
		k := &p.KPIs[0]
		k.Target, k.Aggregation, k.Actuals = target, app.Sum, []app.Actual{{Period: 0, Value: 100e6 * float64(i+1)}}
		k.UnitPlan, k.UnitKPI, k.Share = unit.UID, unit.KPIs[0].ID, 1
		if err := u.ws.Save(p); err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	u.win.Resize(smallWindow)
	u.openPlan(unit.ID)
	s, ok := u.cur.(*planScreen)
	if !ok || s.coverage == nil {
		t.Fatalf("the unit plan shows %T without a coverage tab", u.cur)
	}
	return u, s, plans
}

func TestUnitPlanShowsCoverageAndRolledUpActuals(t *testing.T) {
	for lang, want := range map[string]string{
		"vi": "Doanh thu, Phòng KD 2026: 10 tỷ; Σ nhân viên 9,2 tỷ; thiếu 0,8 tỷ",
		"en": "Doanh thu, Phòng KD 2026: 10 billion; Σ staff 9.2 billion; short by 0.8 billion",
	} {
		u, s, _ := coverageUI(t, lang)
		s.tabs.SelectIndex(len(s.tabs.Items) - 1)
		checkFits(t, u, lang+" coverage tab")
		if len(s.coverage.texts) != 1 || s.coverage.texts[0] != want {
			t.Errorf("%s: coverage %q, want %q", lang, s.coverage.texts, want)
		}
		// 100 + 200 million rolled up into January; nothing typed.
		if a, ok := s.snap.KPIs[0].ActualAt(0); !ok || a.Value != 300e6 {
			t.Errorf("%s: the unit's January actual is %+v, want 300 million rolled up", lang, a)
		}
	}
}

func TestSplitTargetFromTheCoverageTab(t *testing.T) {
	u, s, plans := coverageUI(t, "vi")
	s.tabs.SelectIndex(len(s.tabs.Items) - 1)
	tapButton(t, u, "Chia mục tiêu…")
	tapButton(t, u, "Xem trước")
	if d := dialogText(u); !strings.Contains(d, "An 2026: 5 tỷ") || !strings.Contains(d, "Bình 2026: 5 tỷ") {
		t.Fatalf("preview: %q", d)
	}
	tapButton(t, u, "Có")
	for _, p := range plans[1:] {
		got, err := u.ws.Store().Plan(p.ID)
		if err != nil || got.KPIs[0].Target != 5e9 {
			t.Errorf("%s: target %v (%v), want 5 tỷ", p.Name, got.KPIs[0].Target, err)
		}
	}
	if !strings.Contains(s.coverage.texts[0], "đủ") {
		t.Errorf("after the split: %q", s.coverage.texts[0])
	}
}

// TestRolledUpCellsAreReadOnly: the unit plan's rolled-up KPI shows its
// rolled-up value in cells that cannot be typed into, with a hint naming
// how many people it comes from; a contributor's own cells stay editable.
func TestRolledUpCellsAreReadOnly(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "Doanh thu: rolled up from 2 people",
		"vi": "Doanh thu: tổng hợp từ 2 người",
	} {
		u, s, plans := coverageUI(t, lang)
		c := s.grid.cells[0][0]
		if !c.Disabled() || c.Text == "" {
			t.Errorf("%s: January cell %q, disabled %v; want the rolled-up value, read-only", lang, c.Text, c.Disabled())
		}
		if !strings.Contains(s.grid.hint.Text, want) {
			t.Errorf("%s: hint %q, want %q", lang, s.grid.hint.Text, want)
		}
		u.openPlan(plans[1].ID)
		an, ok := u.cur.(*planScreen)
		if !ok || an.grid.cells[0][0].Disabled() || len(an.rolled) != 0 {
			t.Errorf("%s: a contributor's cells are read-only", lang)
		}
	}
}
