package score

import (
	"math"
	"testing"

	"kpiplanner/app"
)

// TestTeamComponentInOfficialTotal: the official total, rating and bonus
// take the team component from the plan's derived unit totals.
func TestTeamComponentInOfficialTotal(t *testing.T) {
	nan := math.NaN()
	units := make([]float64, 12)
	for i := range units {
		units[i] = nan
	}
	units[2], units[11] = 70, 80 // the unit has a total through March (70) and for the year (80)
	tests := []struct {
		name     string
		weight   float64
		units    []float64
		at       int
		team     bool
		official float64
		rating   string
	}{
		// own: last 95 of 100 = 95. 0.8 × 95 + 0.2 × 70 = 76 + 14 = 90: Good.
		{"March, weight 20", 20, units, 2, true, 90, "Good"},
		// whole year: 0.8 × 95 + 0.2 × 80 = 76 + 16 = 92.
		{"year, weight 20", 20, units, -1, true, 92, "Good"},
		// 0.67 × 95 + 0.33 × 70 = 63.65 + 23.1 = 86.75: Fair.
		{"March, weight 33", 33, units, 2, true, 86.75, "Fair"},
		// the unit has no total through January: own total stands.
		{"January", 20, units, 0, false, 95, "Good"},
		{"no weight", 0, units, 2, false, 95, "Good"},
		{"no unit plan", 20, nil, 2, false, 95, "Good"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := yearPlan(kpi(app.Higher, app.Last, 100, vals(95, 95, 95)))
			p.Rules.TeamWeight, p.UnitTotals = tt.weight, tt.units
			r := Plan(p, tt.at)
			if r.Team != tt.team || r.Official != tt.official || r.Own != 95 || r.Rating.Name != tt.rating {
				t.Fatalf("team %v official %v own %v rating %s; want %v %v 95 %s", r.Team, r.Official, r.Own,
					r.Rating.Name, tt.team, tt.official, tt.rating)
			}
			if tt.team && (r.TeamWeight != tt.weight || r.Unit != tt.units[WindowAt(p, tt.at).Last]) {
				t.Errorf("unit %v weight %v", r.Unit, r.TeamWeight)
			}
			if want := RawBonus(p.Rules, p.Person.BaseBonus, tt.official); r.BonusRaw != want {
				t.Errorf("bonus %v, want %v (from the combined total)", r.BonusRaw, want)
			}
		})
	}
}

// TestTeamTotalRounds: 0.7 × 88.88 + 0.3 × 77.77 = 62.216 + 23.331 = 85.547 → 85.55.
func TestTeamTotalRounds(t *testing.T) {
	if got := TeamTotal(88.88, 77.77, 30); got != 85.55 {
		t.Fatalf("TeamTotal = %v, want 85.55", got)
	}
}
