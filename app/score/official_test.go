package score

import (
	"strconv"
	"strings"
	"testing"

	"kpiplanner/app"
)

// TestOfficialTotalIsRoundedBeforeRating: 89.96 is shown as 89.96 and rated
// Fair; 89.995 rounds to 90.00 and is rated Good — never "90.0 — Fair".
func TestOfficialTotalIsRoundedBeforeRating(t *testing.T) {
	tests := []struct {
		actual   float64
		official float64
		rating   string
		bonus    float64
	}{
		{89.96, 89.96, "Fair", 5_000_000},  // 89.96 < 90 → Fair ×0.5
		{89.995, 90, "Good", 10_000_000},   // 89.995 → 90.00 (half away from zero) → Good ×1.0
		{89.994, 89.99, "Fair", 5_000_000}, // → 89.99 → Fair
		{109.999, 110, "Excellent", 15_000_000},
	}
	for _, tt := range tests {
		p := yearPlan(kpi(app.Higher, app.Last, 100, vals(tt.actual)))
		r := Plan(p, -1)
		if r.Official != tt.official || r.Rating.Name != tt.rating || r.Bonus != tt.bonus {
			t.Errorf("actual %v: official %v %s %v, want %v %s %v", tt.actual, r.Official, r.Rating.Name, r.Bonus,
				tt.official, tt.rating, tt.bonus)
		}
		if r.Official >= 90 && r.Rating.Min < 90 {
			t.Errorf("total %v shown with rating %s", r.Official, r.Rating.Name)
		}
	}
}

// TestBonusIsRoundedToMoney: linear bonus 8 625 432.1 ₫ is paid as 8 625 432
// ₫, and as 8 625 000 ₫ with a rounding step of 1 000.
func TestBonusIsRoundedToMoney(t *testing.T) {
	p := yearPlan(kpi(app.Higher, app.Last, 100, vals(86.254321)))
	p.Person.Currency = "VND"
	p.Rules.BonusMode = app.BonusLinear
	r := Plan(p, -1)
	// official = 86.25; 10 000 000 × 0.8625 = 8 625 000 exactly.
	if r.Official != 86.25 || r.Bonus != 8_625_000 {
		t.Fatalf("linear bonus = %v at %v, want 8 625 000 at 86.25", r.Bonus, r.Official)
	}
	p.Person.BaseBonus = 10_000_001 // × 0.8625 = 8 625 000.8625 → 8 625 001
	if r := Plan(p, -1); r.Bonus != 8_625_001 || r.BonusRaw == r.Bonus {
		t.Fatalf("bonus = %v (raw %v), want 8 625 001", r.Bonus, r.BonusRaw)
	}
	p.Rules.RoundingStep = 1000 // 8 625 000.8625 → 8 625 001 → 8 625 000
	if r := Plan(p, -1); r.Bonus != 8_625_000 {
		t.Fatalf("bonus at step 1 000 = %v, want 8 625 000", r.Bonus)
	}
}

// twoKPIs has k1 (A, 110 of 100) with data and k2 (A, no data), weight 1 each.
func twoKPIs(rule app.MissingData) *app.Plan {
	k1 := kpi(app.Higher, app.Last, 100, vals(110))
	k2 := kpi(app.Higher, app.Last, 100, nil)
	k1.ID, k2.ID = "k1", "k2"
	p := yearPlan(k1, k2)
	p.Rules.MissingData = rule
	return p
}

// TestMissingDataNeverRaisesABonus: under "zero" an empty KPI counts as 0;
// under "provisional" the result is marked until the KPI has data or is
// exempted with a reason; "exclude" (and "" of older plans) leaves it out.
func TestMissingDataNeverRaisesABonus(t *testing.T) {
	tests := []struct {
		rule        app.MissingData
		exempt      string
		total       float64
		provisional bool
	}{
		{app.MissingExclude, "", 110, false},            // k2 left out: 110
		{"", "", 110, false},                            // older plans: exclude
		{app.MissingZero, "", 55, false},                // (110 + 0) ÷ 2 = 55
		{app.MissingZero, "system down", 110, false},    // an exempted KPI is left out
		{app.MissingProvisional, "", 110, true},         // scored as exclude, marked
		{app.MissingProvisional, "new KPI", 110, false}, // exempted: final
	}
	for _, tt := range tests {
		p := twoKPIs(tt.rule)
		p.KPIs[1].Exempt = tt.exempt
		r := Plan(p, -1)
		if r.Official != tt.total || r.Provisional != tt.provisional {
			t.Errorf("rule %q exempt %q: total %v provisional %v, want %v %v", tt.rule, tt.exempt,
				r.Official, r.Provisional, tt.total, tt.provisional)
		}
		if tt.provisional && (len(r.Missing) != 1 || r.Missing[0] != "k2") {
			t.Errorf("rule %q: missing = %v, want [k2]", tt.rule, r.Missing)
		}
	}
}

// TestFormulaSaysWhichRuleScored: the plan screen shows the formula; a
// baseline changes it visibly.
func TestFormulaSaysWhichRuleScored(t *testing.T) {
	num := func(x float64) string {
		return strings.TrimSuffix(strings.TrimRight(strings.TrimRight(ftoa(x), "0"), "."), ".")
	}
	k := kpi(app.Higher, app.Last, 600, vals(620))
	r := Plan(yearPlan(k), -1).KPIs[0]
	if got := r.Formula.Text(num); got != "620 ÷ 600 = 103.33 %" || r.Formula.Rule != RuleRatio {
		t.Errorf("no baseline: %q", got)
	}
	k.Baseline = app.Float(500)
	r = Plan(yearPlan(k), -1).KPIs[0]
	// (620 − 500) ÷ (600 − 500) = 1.2 → 120 %
	if got := r.Formula.Text(num); got != "(620 − 500) ÷ (600 − 500) = 120 %" {
		t.Errorf("with baseline: %q", got)
	}
	low := kpi(app.Lower, app.Last, 20, vals(25))
	if got := Plan(yearPlan(low), -1).KPIs[0].Formula.Text(num); got != "20 ÷ 25 = 80 %" {
		t.Errorf("lower: %q", got)
	}
}

func ftoa(x float64) string { return strings.TrimSpace(strings.Replace(fmtFloat(x), "-0", "0", 1)) }

// TestNonFiniteAggregateIsNotScoredAtTheCap: two actuals of 1.7e308 sum to
// +Inf; the KPI must not score at the cap (validation refuses such plans).
func TestNonFiniteAggregateIsNotScoredAtTheCap(t *testing.T) {
	p := yearPlan(kpi(app.Higher, app.Sum, 100, vals(1.7e308, 1.7e308)))
	if r := Plan(p, -1); r.KPIs[0].Status != NoData || r.HasTotal {
		t.Fatalf("an infinite sum was scored: %+v", r.KPIs[0])
	}
	err := p.Validate()
	if err == nil || !strings.Contains(err.Error(), "actuals") {
		t.Fatalf("Validate accepted actuals summing to infinity: %v", err)
	}
}

func fmtFloat(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
