package wizard

import (
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/smart"
)

func TestGroupsStep(t *testing.T) {
	d := goalDraft(t)
	d.Plan.KPIs = d.Plan.KPIs[:3] // k1 MQL (A), k2 landing page rate (A), k3 CPL (B)
	if got := d.InGroup(app.GroupA); !slices.Equal(got, []string{"k1", "k2"}) {
		t.Fatalf("group A = %v", got)
	}
	d.Place("k3", app.Low, app.Low)
	if d.Plan.KPI("k3").Group != app.GroupC || !slices.Equal(d.Cell(app.Low, app.Low), []string{"k3"}) {
		t.Errorf("placing k3 low/low: group %s, cell %v", d.Plan.KPI("k3").Group, d.Cell(app.Low, app.Low))
	}
	d.SetGroup("k3", app.GroupB)
	if !d.Overridden("k3") || d.Overridden("k1") {
		t.Error("an override of the suggested group is not reported")
	}
	id, _ := d.AddCustom("Webinars held")
	if !slices.Equal(d.Unplaced(), []string{id}) || d.Complete(Groups) {
		t.Errorf("unplaced %v, groups complete %v", d.Unplaced(), d.Complete(Groups))
	}
	d.Place(id, app.High, app.High)
	d.SetKPIWeight("k1", 2)
	cases := map[string]struct {
		a, b, c float64
		sumOK   bool
		shareK1 float64
	}{
		// k1 weighs 2 of A's 2+1+1 = 4 (k1, k2, the custom KPI): 50 × 2/4 = 25.
		"default 50/30/20": {50, 30, 20, true, 25},
		// 60 × 2/4 = 30; 60 + 30 + 20 = 110.
		"sum 110": {60, 30, 20, false, 30},
		// 40 × 2/4 = 20; 40 + 40 + 20 = 100.
		"40/40/20": {40, 40, 20, true, 20},
	}
	for name, c := range cases {
		d.SetGroupWeight(app.GroupA, c.a)
		d.SetGroupWeight(app.GroupB, c.b)
		d.SetGroupWeight(app.GroupC, c.c)
		if d.GroupSumOK() != c.sumOK || !near(d.GroupSum(), c.a+c.b+c.c) || !near(d.Share("k1"), c.shareK1) {
			t.Errorf("%s: sum %g ok %v, share of k1 %g; want ok %v, share %g", name, d.GroupSum(), d.GroupSumOK(), d.Share("k1"), c.sumOK, c.shareK1)
		}
		if d.Complete(Groups) != c.sumOK {
			t.Errorf("%s: groups complete %v, want %v (%v)", name, d.Complete(Groups), c.sumOK, fields(d.Problems(Groups)))
		}
	}
	d.SetGroupWeight(app.GroupA, 50)
	d.SetGroupWeight(app.GroupB, 30)
	d.SetKPIWeight("k3", 0) // group B's only KPI weighs nothing
	if got := fields(d.Problems(Groups)); !slices.Equal(got, []string{"weight"}) {
		t.Errorf("zero-weight group: problems %v", got)
	}
}

func TestExample(t *testing.T) {
	cases := map[string]struct {
		edit   func(d *Draft)
		pct    float64
		total  float64
		rating string
		bonus  float64 // base bonus 10 000 000
	}{
		// Every KPI at 95 %: score 95 everywhere, total 95 → Good ×1.0.
		"95 %": {func(d *Draft) {}, 95, 95, "Good", 10_000_000},
		// 130 % is capped at 120 %: total 120 → Excellent ×1.5.
		"capped": {func(d *Draft) {}, 130, 120, "Excellent", 15_000_000},
		// Cap lifted to 150 %: 130 counts in full → Excellent ×1.5.
		"cap 150": {func(d *Draft) { d.SetCapPercent(150) }, 130, 130, "Excellent", 15_000_000},
		// Floor 70 %: 60 % scores 0 → Below target ×0.
		"under floor": {func(d *Draft) { d.SetFloorPercent(70) }, 60, 0, "Below target", 0},
		// 75 %: Fair (≥ 70) ×0.5.
		"fair": {func(d *Draft) {}, 75, 75, "Fair", 5_000_000},
		// Step bands: 95 % reaches the 90 % band → 80 points → Fair ×0.5.
		"steps": {func(d *Draft) { d.SetUseSteps(true) }, 95, 80, "Fair", 5_000_000},
		// Linear bonus: 10 000 000 × min(95/100, 1.5) = 9 500 000.
		"linear": {func(d *Draft) { d.Plan.Rules.BonusMode = app.BonusLinear }, 95, 95, "Good", 9_500_000},
		// Linear capped at 110 %: 10 000 000 × min(1.2, 1.1) = 11 000 000.
		"linear capped": {func(d *Draft) {
			d.Plan.Rules.BonusMode = app.BonusLinear
			d.SetLinearCapPercent(110)
		}, 130, 120, "Excellent", 11_000_000},
	}
	for name, c := range cases {
		d := goalDraft(t)
		d.Plan.Person.BaseBonus = 10_000_000
		c.edit(d)
		ex := d.Example(c.pct)
		if !ex.HasTotal || !near(ex.Total, c.total) || ex.Rating.Name != c.rating || !near(ex.Bonus, c.bonus) {
			t.Errorf("%s: total %g (%v) %s bonus %g; want %g %s %g", name, ex.Total, ex.HasTotal, ex.Rating.Name, ex.Bonus, c.total, c.rating, c.bonus)
		}
	}
	empty := New(lib(t), "en", today)
	if ex := empty.Example(95); ex.HasTotal {
		t.Errorf("a plan without KPIs has an example total %g", ex.Total)
	}
	empty.Plan.Cycle = app.Cycle{} // no cycle yet: the example still works
	empty.AddCustom("Webinars held")
	empty.SetGroup("k1", app.GroupA)
	if ex := empty.Example(100); !ex.HasTotal || !near(ex.Total, 100) {
		t.Errorf("no cycle: total %g (%v), want 100", ex.Total, ex.HasTotal)
	}
}

func TestStepBands(t *testing.T) {
	d := goalDraft(t)
	if d.UsesSteps() || d.Steps() != nil {
		t.Fatal("a new plan uses step bands")
	}
	d.SetUseSteps(true)
	if !slices.Equal(d.Steps(), DefaultSteps) || len(d.Plan.KPIs[6].Steps) != len(DefaultSteps) {
		t.Errorf("steps on: %v", d.Steps())
	}
	d.SetSteps([]StepRow{{100, 100}, {80, 60}})
	d.Next() // sorts them
	if got := d.Plan.KPIs[0].Steps; got[0].From != 0.8 || got[1].Score != 100 {
		t.Errorf("steps not sorted lowest first: %v", got)
	}
	d.SetUseSteps(false)
	if d.UsesSteps() {
		t.Error("steps off left bands")
	}
}

func TestBands(t *testing.T) {
	d := goalDraft(t)
	d.AddBand() // 110 + 10 = 120, ×1.5 like the top band
	if b := d.Plan.Rules.Bands[0]; b.Min != 120 || b.Multiplier != 1.5 || len(d.Plan.Rules.Bands) != 5 {
		t.Errorf("added band %+v", b)
	}
	d.Plan.Rules.Bands[0].Min = 80 // now out of order
	d.tidy()
	if mins := []float64{d.Plan.Rules.Bands[0].Min, d.Plan.Rules.Bands[1].Min, d.Plan.Rules.Bands[2].Min}; !slices.Equal(mins, []float64{110, 90, 80}) {
		t.Errorf("bands after tidy: %v", d.Plan.Rules.Bands)
	}
	for range 10 {
		d.RemoveBand(0)
	}
	if len(d.Plan.Rules.Bands) != 1 {
		t.Errorf("%d bands left, want 1", len(d.Plan.Rules.Bands))
	}
	if got, want := d.CapPercent(), 120.0; !near(got, want) {
		t.Errorf("cap %g%%, want %g%%", got, want)
	}
}

func TestWarnings(t *testing.T) {
	d := goalDraft(t)
	fillSMART(d)
	if _, err := d.Select("impressions"); err != nil { // a vanity metric
		t.Fatal(err)
	}
	var plan, vanity, letters int
	for _, w := range d.Warnings() {
		switch {
		case w.Letter == "" && w.KPI == "":
			plan++ // 8 KPIs > 7
		case w.Letter == "":
			vanity++
		default:
			letters++
			if w.Verdict == smart.Pass || w.Name == "" {
				t.Errorf("letter warning %+v", w)
			}
		}
	}
	if plan != 1 || vanity != 1 || letters == 0 {
		t.Errorf("warnings: %d plan, %d vanity, %d letters; want 1, 1, some", plan, vanity, letters)
	}
}
