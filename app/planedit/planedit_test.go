package planedit

import (
	"errors"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/score"
)

func translator(t *testing.T, lang string) *i18n.Translator {
	t.Helper()
	tr, err := i18n.New(lang)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestParseCell(t *testing.T) {
	plain := &app.KPI{Direction: app.Higher, Aggregation: app.Sum}
	ratio := &app.KPI{Direction: app.Higher, Aggregation: app.Ratio, Unit: app.Percent}
	mile := &app.KPI{Direction: app.Milestone, Aggregation: app.Last}
	tests := map[string]struct {
		lang  string
		k     *app.KPI
		text  string
		want  Input
		isErr bool
	}{
		"vi thousands and decimals": {"vi", plain, "1.234,5", Input{Actual: app.Actual{Period: 2, Value: 1234.5}}, false},
		"en thousands and decimals": {"en", plain, "1,234.5", Input{Actual: app.Actual{Period: 2, Value: 1234.5}}, false},
		"vi negative":               {"vi", plain, "-12,25", Input{Actual: app.Actual{Period: 2, Value: -12.25}}, false},
		"empty clears":              {"vi", plain, "  ", Input{Clear: true, Actual: app.Actual{Period: 2}}, false},
		"vi english decimal":        {"vi", plain, "1.5", Input{}, true}, // '.' groups thousands in vi: 1.5 is malformed
		"not a number":              {"en", plain, "abc", Input{}, true},
		"ratio":                     {"vi", ratio, "3/150", Input{Actual: app.Actual{Period: 2, Value: 3, Den: 150}}, false},
		"ratio spaced vi":           {"vi", ratio, " 1.200 / 40.000 ", Input{Actual: app.Actual{Period: 2, Value: 1200, Den: 40000}}, false},
		"ratio zero over zero":      {"en", ratio, "0/0", Input{Actual: app.Actual{Period: 2}}, false},
		"ratio without slash":       {"en", ratio, "2", Input{}, true},
		"ratio two slashes":         {"en", ratio, "1/2/3", Input{}, true},
		"ratio bad numerator":       {"en", ratio, "x/3", Input{}, true},
		"ratio negative den":        {"en", ratio, "3/-1", Input{}, true},
		"ratio zero den":            {"en", ratio, "3/0", Input{}, true},
		"milestone done":            {"en", mile, "1", Input{Actual: app.Actual{Period: 2, Value: 1}}, false},
		"milestone half":            {"en", mile, "0.5", Input{}, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got, err := ParseCell(tc.k, 2, tc.text, translator(t, tc.lang))
			if tc.isErr {
				if err == nil || !errors.Is(err, app.ErrInvalid) {
					t.Fatalf("got %+v, %v; want an invalid-input error", got, err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestCellTextRoundTrips(t *testing.T) {
	plain := &app.KPI{Direction: app.Higher, Aggregation: app.Sum}
	ratio := &app.KPI{Direction: app.Higher, Aggregation: app.Ratio}
	tests := map[string]struct {
		lang string
		k    *app.KPI
		a    app.Actual
		want string
	}{
		"vi number": {"vi", plain, app.Actual{Value: 1234.5}, "1.234,5"},
		"en number": {"en", plain, app.Actual{Value: 1234.5}, "1,234.5"},
		"vi ratio":  {"vi", ratio, app.Actual{Value: 3, Den: 1500}, "3/1.500"},
		"en ratio":  {"en", ratio, app.Actual{Value: 2.5, Den: 10}, "2.5/10"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			tr := translator(t, tc.lang)
			if got := CellText(tc.k, tc.a, tr); got != tc.want {
				t.Fatalf("CellText = %q, want %q", got, tc.want)
			}
			back, err := ParseCell(tc.k, tc.a.Period, tc.want, tr)
			if err != nil || back.Actual != tc.a {
				t.Fatalf("parse back %q = %+v, %v; want %+v", tc.want, back, err, tc.a)
			}
		})
	}
}

func yearPlan() *app.Plan {
	p := app.NewPlan()
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	p.KPIs = []app.KPI{{ID: "k1"}, {ID: "k3"}}
	return p
}

func TestDefaultPeriod(t *testing.T) {
	tests := map[string]struct {
		actuals [][]app.Actual
		want    int
	}{
		"no data":           {nil, -1},
		"latest of any KPI": {[][]app.Actual{{{Period: 1}}, {{Period: 0}, {Period: 4}}}, 4},
		"outside cycle":     {[][]app.Actual{{{Period: 2}, {Period: 12}}}, 2}, // 12 periods: index 12 is past the end
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := yearPlan()
			for i, acts := range tc.actuals {
				p.KPIs[i].Actuals = acts
			}
			if got := DefaultPeriod(p); got != tc.want {
				t.Fatalf("DefaultPeriod = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestNewAndRemoveKPI(t *testing.T) {
	p := yearPlan()
	k := NewKPI(p) // k3 is taken: 2 KPIs → try k3, then k4
	if k.ID != "k4" || k.Group != app.GroupC || k.Weight != 1 {
		t.Fatalf("NewKPI = %+v, want id k4 in group C weight 1", k)
	}
	if !RemoveKPI(p, "k1") || len(p.KPIs) != 1 || p.KPIs[0].ID != "k3" {
		t.Fatalf("RemoveKPI k1 left %+v", p.KPIs)
	}
	if RemoveKPI(p, "k1") {
		t.Fatal("RemoveKPI of a missing id reported true")
	}
}

func TestMergeActuals(t *testing.T) {
	src := yearPlan()
	src.KPIs[0].Actuals = []app.Actual{{Period: 0, Value: 5}}
	p := src.Clone()
	p.KPIs[0].Actuals = nil
	p.KPIs[1].Actuals = []app.Actual{{Period: 1, Value: 9}} // stale: src has none for k3
	p.KPIs = append(p.KPIs, app.KPI{ID: "k9", Actuals: []app.Actual{{Period: 2}}})
	MergeActuals(p, src)
	if len(p.KPIs[0].Actuals) != 1 || p.KPIs[0].Actuals[0].Value != 5 || p.KPIs[1].Actuals != nil || p.KPIs[2].Actuals != nil {
		t.Fatalf("merged %+v", p.KPIs)
	}
	src.KPIs[0].Actuals[0].Value = 6
	if p.KPIs[0].Actuals[0].Value != 5 {
		t.Fatal("MergeActuals shares the actuals slice with src")
	}
}

func TestApplies(t *testing.T) {
	tests := map[string]struct {
		dir   app.Direction
		field string
		want  bool
	}{
		"range tolerance":     {app.Range, "tolerance", true},
		"higher tolerance":    {app.Higher, "range_low", false},
		"lower baseline":      {app.Lower, "baseline", true},
		"milestone target":    {app.Milestone, "target", false},
		"range baseline":      {app.Range, "baseline", false},
		"any weight":          {app.Milestone, "weight", true},
		"higher target":       {app.Higher, "target", true},
		"range range_high":    {app.Range, "range_high", true},
		"milestone range_low": {app.Milestone, "range_low", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			if got := Applies(&app.KPI{Direction: tc.dir}, tc.field); got != tc.want {
				t.Fatalf("Applies(%s, %s) = %v, want %v", tc.dir, tc.field, got, tc.want)
			}
		})
	}
}

func TestAchievementPercent(t *testing.T) {
	if got := AchievementPercent(score.KPIResult{Achievement: 0.955}); got != 95.5 { // 0.955 × 100
		t.Fatalf("got %g, want 95.5", got)
	}
}

// TestNewKPIStartsWithSensibleDefaults: a KPI added in the plan's KPI table
// is a number, higher is better, summed, group C, weight 1.
func TestNewKPIStartsWithSensibleDefaults(t *testing.T) {
	k := NewKPI(&app.Plan{})
	if k.ID != "k1" || k.Unit != app.Number || k.Direction != app.Higher || k.Aggregation != app.Sum ||
		k.Group != app.GroupC || k.Weight != 1 {
		t.Errorf("NewKPI = %+v, want k1 number/higher/sum C weight 1", k)
	}
}
