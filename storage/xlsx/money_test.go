package xlsx

import (
	"context"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
)

// tenEqualPlans returns ten linear-bonus plans whose raw bonus is
// 8 625 432.4 ₫ each: total 100 → multiplier min(100/100, 1.5) = 1 → base.
func tenEqualPlans(step float64) []*app.Plan {
	var out []*app.Plan
	for i := 0; i < 10; i++ {
		p := app.NewPlan()
		p.Name, p.Status = "plan", app.Approved
		p.Person = app.Person{Name: "P", Department: "D", BaseBonus: 8_625_432.4, Currency: "VND"}
		p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
		p.Rules.BonusMode, p.Rules.RoundingStep = app.BonusLinear, step
		p.KPIs = []app.KPI{{ID: "k1", Name: "k1", Unit: app.Number, Direction: app.Higher, Aggregation: app.Last,
			Target: 100, Weight: 1, Group: app.GroupA, Actuals: []app.Actual{{Period: 0, Value: 100}}}}
		out = append(out, p)
	}
	return out
}

// TestTotalBonusIsTheSumOfRoundedBonuses: ten rows of 8 625 432 ₫ sum to
// 86 254 320 ₫ in the "Total bonus" cell — as the engine has it and as
// LibreOffice recomputes it — not to the 86 254 324 of the unrounded amounts.
func TestTotalBonusIsTheSumOfRoundedBonuses(t *testing.T) {
	tests := []struct {
		step      float64
		each, sum float64
	}{
		{0, 8_625_432, 86_254_320},    // whole đồng
		{1000, 8_625_000, 86_250_000}, // rounding step 1 000
	}
	for _, tt := range tests {
		plans := tenEqualPlans(tt.step)
		wb, lay := sheet.Company(plans, score.PickAt(-1), nil)
		if got := score.Plan(plans[0], -1).Bonus; got != tt.each {
			t.Fatalf("step %v: engine bonus %v, want %v", tt.step, got, tt.each)
		}
		rows := sheet.Collect(wb.Sheets[0])
		if c := rows[lay.TotalRow][sheet.CoBonus]; c.Num != tt.sum {
			t.Errorf("step %v: cached total bonus %v, want %v", tt.step, c.Num, tt.sum)
		}
		path := filepath.Join(t.TempDir(), "bonus.xlsx")
		if err := Write(context.Background(), path, wb, Options{}); err != nil {
			t.Fatal(err)
		}
		g := recalc(t, path)[path][lay.Bonus]
		for r := 1; r <= 10; r++ {
			checkNum(t, "bonus", g, r, sheet.CoBonus, tt.each, true)
		}
		checkNum(t, "total bonus", g, lay.TotalRow, sheet.CoBonus, tt.sum, true)
	}
}
