package trend

import (
	"math"
	"slices"
	"testing"
	"time"

	"kpiplanner/app"
)

// yearPlan returns a plan over 2026 with monthly periods (12) and the default rules (cap 1.2, floor 0).
func yearPlan(kpis ...app.KPI) *app.Plan {
	p := app.NewPlan()
	p.Name = "test"
	p.Status = app.Approved
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	p.KPIs = kpis
	return p
}

var gap = math.NaN()

// vals makes actuals for consecutive periods from 0; NaN leaves a gap.
func vals(vs ...float64) []app.Actual {
	var out []app.Actual
	for i, v := range vs {
		if !math.IsNaN(v) {
			out = append(out, app.Actual{Period: i, Value: v})
		}
	}
	return out
}

func kpi(dir app.Direction, agg app.Aggregation, target float64, actuals []app.Actual) app.KPI {
	return app.KPI{ID: "k", Name: "Revenue", Unit: app.Number, Direction: dir, Aggregation: agg,
		Target: target, Weight: 1, Group: app.GroupA, Actuals: actuals}
}

// due sets k's deadline to a day in month m of 2026 (period m−1).
func due(k app.KPI, m int) app.KPI {
	k.Deadline = app.NewDate(2026, time.Month(m), 10)
	return k
}

func near(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}

func TestSeries(t *testing.T) {
	k := kpi(app.Higher, app.Sum, 1200, vals(100, gap, 120))
	got := Series(yearPlan(k), &k, 3)
	// values 100, –, 120, –; to date 100, 100, 100+120, 220; pro-rata target 1200 × (i+1)/12
	want := []Point{
		{0, "2026-01", 100, 100, 100},
		{1, "2026-02", gap, 100, 200},
		{2, "2026-03", 120, 220, 300},
		{3, "2026-04", gap, 220, 400},
	}
	if len(got) != len(want) {
		t.Fatalf("%d points, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.Period != w.Period || g.Label != w.Label || !near(g.Value, w.Value) || !near(g.ToDate, w.ToDate) || !near(g.Target, w.Target) {
			t.Errorf("point %d = %+v, want %+v", i, g, w)
		}
	}
	if n := len(Series(yearPlan(k), &k, -1)); n != 12 {
		t.Errorf("whole cycle: %d points, want 12", n)
	}
}

func TestSeriesRatio(t *testing.T) {
	k := kpi(app.Higher, app.Ratio, 4, []app.Actual{{Period: 0, Value: 3, Den: 100}, {Period: 1, Value: 5, Den: 0}, {Period: 2, Value: 5, Den: 125}})
	k.Unit = app.Percent
	got := Series(yearPlan(k), &k, 2)
	// per period: 3/100×100 = 3; den 0 → missing; 5/125×100 = 4
	// to date (ratio of sums): 3/100 = 3 %; (3+5)/(100+0) = 8 %; (3+5+5)/(100+0+125) = 13/225 × 100
	wantV := []float64{3, gap, 4}
	wantT := []float64{3, 8, 1300.0 / 225}
	for i := range got {
		if !near(got[i].Value, wantV[i]) || !near(got[i].ToDate, wantT[i]) || got[i].Target != 4 {
			t.Errorf("point %d = %+v, want value %g to date %g target 4", i, got[i], wantV[i], wantT[i])
		}
	}
}

func TestForecast(t *testing.T) {
	withFloor := func(k app.KPI, f float64) app.KPI { k.Floor = app.Float(f); return k }
	pct := func(k app.KPI) app.KPI { k.Unit = app.Percent; return k }
	tests := []struct {
		name        string
		k           app.KPI
		at          int
		ok          bool
		value       float64 // the forecast value at the horizon
		end         float64 // the line's per-period value at the horizon
		horizon     int
		achievement float64
		status      Status
	}{
		// x̄ = 1, ȳ = 90, slope = ((−1)(−10) + 0 + (1)(10)) / 2 = 10, intercept 80;
		// periods 3..11 project 110..190: 9 × 150 = 1350; total 270 + 1350 = 1620; 1620/1200 = 1.35 → cap 1.2
		{"sum linear", kpi(app.Higher, app.Sum, 1200, vals(80, 90, 100)), 2, true, 1620, 190, 11, 1.2, OnTrack},
		// one point: flat; 90 × 12 = 1080; 1080/1200 = 0.9
		{"sum one point flat", kpi(app.Higher, app.Sum, 1200, vals(90)), 0, true, 1080, 90, 11, 0.9, AtRisk},
		// slope 5, intercept 20; deadline in June (period 5): 20 + 5×5 = 45; 45/50 = 0.9
		{"last to deadline", due(kpi(app.Higher, app.Last, 50, vals(20, 25, 30)), 6), 2, true, 45, 45, 5, 0.9, AtRisk},
		// no deadline: period 11: 20 + 55 = 75; 75/50 = 1.5 → cap 1.2
		{"last to cycle end", kpi(app.Higher, app.Last, 50, vals(20, 25, 30)), 2, true, 75, 75, 11, 1.2, OnTrack},
		// slope 10, intercept 70; deadline April (3): projected 90, 100; mean (70+80+90+100)/4 = 85; 85/100 = 0.85
		{"average boundary at risk", due(kpi(app.Higher, app.Average, 100, vals(70, 80)), 4), 1, true, 85, 100, 3, 0.85, AtRisk},
		// slope −2, intercept 30; June (5): 30 − 10 = 20; lower: 20/20 = 1.0
		{"lower boundary on track", due(kpi(app.Lower, app.Last, 20, vals(30, 28, 26)), 6), 2, true, 20, 20, 5, 1, OnTrack},
		// slope −10, intercept 30; period 11: 30 − 110 = −80 → a non-negative series stops at 0; 0/50 = 0
		{"falling to zero", kpi(app.Higher, app.Last, 50, vals(30, 20, 10)), 2, true, 0, 0, 11, 0, OffTrack},
		// per period 3 %, 4 %: slope 1, intercept 3; April (3): 5 %, 6 % over the mean den 100;
		// (3 + 4 + 5 + 6) / (4 × 100) × 100 = 4.5 %; 4.5/4 = 1.125
		{"ratio percent", due(pct(kpi(app.Higher, app.Ratio, 4, []app.Actual{{Period: 0, Value: 3, Den: 100}, {Period: 1, Value: 4, Den: 100}})), 4), 1, true, 4.5, 6, 3, 1.125, OnTrack},
		// points (0, 10), (2, 14): slope (−1·−2 + 1·2)/2 = 2, intercept 12 − 2 = 10; April (3): 16; 16/20 = 0.8
		{"gap", due(kpi(app.Higher, app.Last, 20, vals(10, gap, 14)), 4), 2, true, 16, 16, 3, 0.8, OffTrack},
		// deadline February (1) already passed at April (3): nothing to project, value = last = 40; 40/40 = 1
		{"deadline passed", due(kpi(app.Higher, app.Last, 40, vals(10, 20, 30, 40)), 2), 3, true, 40, 40, 3, 1, OnTrack},
		// later actuals are outside the window: fit 10, 20 only; slope 10; March (2): 30; 30/100 = 0.3 < floor 0.5 → 0
		{"floor and window", due(withFloor(kpi(app.Higher, app.Last, 100, vals(10, 20, 500)), 0.5), 3), 1, true, 30, 30, 2, 0, OffTrack},
		{"no data", kpi(app.Higher, app.Last, 100, nil), 5, false, gap, gap, 11, 0, NoData},
		{"no data in window", kpi(app.Higher, app.Last, 100, vals(gap, gap, 5)), 1, false, gap, gap, 11, 0, NoData},
		// milestone: 0, 0 cannot be forecast before its deadline
		{"milestone pending", kpi(app.Milestone, app.Last, 1, vals(0, 0)), 1, true, 0, 0, 11, 0, Unknown},
		// done in February: the line only rises; last ≥ 1 → 1
		{"milestone done", kpi(app.Milestone, app.Last, 1, vals(0, 1)), 1, true, 11, 11, 11, 1, OnTrack},
		// deadline February (1) reached and still not done
		{"milestone overdue", due(kpi(app.Milestone, app.Last, 1, vals(0, 0)), 2), 1, true, 0, 0, 1, 0, OffTrack},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := yearPlan(tc.k)
			k := &p.KPIs[0]
			f := Project(p, k, tc.at)
			if f.OK != tc.ok || !near(f.Value, tc.value) || !near(f.End, tc.end) || f.Horizon != tc.horizon {
				t.Errorf("projection %+v; want ok %v value %g end %g horizon %d", f, tc.ok, tc.value, tc.end, tc.horizon)
			}
			if tc.ok && len(f.Ahead) != f.Horizon-tc.at {
				t.Errorf("%d values ahead, want %d", len(f.Ahead), f.Horizon-tc.at)
			}
			if tc.ok && !near(f.Achievement, tc.achievement) {
				t.Errorf("achievement %g, want %g", f.Achievement, tc.achievement)
			}
			if v, ok := Forecast(p, k, tc.at); ok != tc.ok || !near(v, tc.value) {
				t.Errorf("Forecast = %g, %v; want %g, %v", v, ok, tc.value, tc.ok)
			}
			if s := Of(p, k, tc.at).Status; s != tc.status {
				t.Errorf("status %q, want %q", s, tc.status)
			}
		})
	}
}

func TestStatusOf(t *testing.T) {
	tests := []struct {
		name string
		a    float64
		want Status
	}{
		{"exactly on target", 1.0, OnTrack},
		{"over target", 1.2, OnTrack},
		{"rounding below 1", 1 - 1e-12, OnTrack},
		{"just below 1", 0.9999, AtRisk},
		{"exactly 85 %", 0.85, AtRisk},
		{"85 % computed", 85.0 / 100, AtRisk},
		{"rounding below 85 %", 0.85 - 1e-12, AtRisk},
		{"just below 85 %", 0.8499, OffTrack},
		{"zero", 0, OffTrack},
	}
	for _, tc := range tests {
		if got := StatusOf(tc.a); got != tc.want {
			t.Errorf("%s: StatusOf(%g) = %q, want %q", tc.name, tc.a, got, tc.want)
		}
	}
}

func TestAnomalies(t *testing.T) {
	ratio := func(nums ...float64) app.KPI {
		var as []app.Actual
		for i, n := range nums {
			as = append(as, app.Actual{Period: i, Value: n, Den: 100})
		}
		k := kpi(app.Higher, app.Ratio, 4, as)
		k.Unit = app.Percent
		return k
	}
	type hit struct {
		period      int
		median, mad float64
		dir         Move
	}
	tests := []struct {
		name string
		k    app.KPI
		want []hit
	}{
		{"constant", kpi(app.Higher, app.Last, 1, vals(100, 100, 100, 100, 100, 100, 100, 100)), nil},
		// history 100 ×4: median 100, MAD 0 → spread = 5 % × 100 = 5; |130 − 100| = 30 > 3 × 5
		{"flat then jump", kpi(app.Higher, app.Last, 1, vals(100, 100, 100, 100, 130)), []hit{{4, 100, 0, Up}}},
		// |110 − 100| = 10 ≤ 15: a 10 % step off a flat history is not unusual
		{"flat then small step", kpi(app.Higher, app.Last, 1, vals(100, 100, 100, 100, 110)), nil},
		// median 0: spread 1e-9; the first complaint after four clean months is flagged
		{"zero then one", kpi(app.Lower, app.Last, 1, vals(0, 0, 0, 0, 1)), []hit{{4, 0, 0, Up}}},
		// at 30: history 10 12 11 13 12 → sorted 10 11 12 12 13, median 12; |dev| 2 0 1 1 0 → MAD 1;
		// spread max(1.4826 × 1, 5 % × 12 = 0.6) = 1.4826; |30 − 12| = 18 > 3 × 1.4826 = 4.4478.
		// at 12: history 10 12 11 13 → median 11.5, |dev| 1.5 .5 .5 1.5 → MAD 1; |12 − 11.5| = 0.5 ≤ 4.4478
		{"noisy then spike", kpi(app.Higher, app.Last, 1, vals(10, 12, 11, 13, 12, 30)), []hit{{5, 12, 1, Up}}},
		// history 50 52 48 51 49 → median 50, |dev| 0 2 2 1 1 → MAD 1; spread max(1.4826, 2.5) = 2.5;
		// |20 − 50| = 30 > 7.5
		{"drop", kpi(app.Higher, app.Last, 1, vals(50, 52, 48, 51, 49, 20)), []hit{{5, 50, 1, Down}}},
		// median 12, threshold 4.4478: 16.44 is inside, 16.45 outside
		{"inside the threshold", kpi(app.Higher, app.Last, 1, vals(10, 12, 11, 13, 12, 16.44)), nil},
		{"past the threshold", kpi(app.Higher, app.Last, 1, vals(10, 12, 11, 13, 12, 16.45)), []hit{{5, 12, 1, Up}}},
		{"too little history", kpi(app.Higher, app.Last, 1, vals(10, 10, 10, 50)), nil},
		// only the last 6 periods count: at 6 history 5×6 → MAD 0, spread 0.25, |9 − 5| = 4 > 0.75 → flagged;
		// at 7 [5 5 5 5 5 9] median 5 MAD 0 → flagged; at 8 [5 5 5 5 9 9] median 5, |dev| 0 0 0 0 4 4 → MAD 0
		// → flagged; at 9 [5 5 5 9 9 9] median 7, MAD 2, |9 − 7| = 2 ≤ 3 × 2.9652; at 10 and 11 the median is 9.
		// With the whole history (median 5, MAD 0) periods 9–11 would be flagged too.
		{"window of six", kpi(app.Higher, app.Last, 1, vals(5, 5, 5, 5, 5, 5, 9, 9, 9, 9, 9, 9)), []hit{{6, 5, 0, Up}, {7, 5, 0, Up}, {8, 5, 0, Up}}},
		// gaps are skipped: the 4 previous points are periods 0, 1, 3, 4; |1 − 7| = 6 > 3 × 0.35
		{"gap kept out", kpi(app.Higher, app.Last, 1, vals(7, 7, gap, 7, 7, 1)), []hit{{5, 7, 0, Down}}},
		// per period 3 %, 3 %, 3 %, 3 %, 9 %: |9 − 3| = 6 > 3 × 0.15
		{"ratio per period", ratio(3, 3, 3, 3, 9), []hit{{4, 3, 0, Up}}},
		{"milestone", kpi(app.Milestone, app.Last, 1, vals(0, 0, 0, 0, 1)), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := yearPlan(tc.k)
			got := Anomalies(p, &p.KPIs[0], -1)
			if len(got) != len(tc.want) {
				t.Fatalf("%d anomalies %+v, want %d", len(got), got, len(tc.want))
			}
			for i, w := range tc.want {
				g := got[i]
				if g.Period != w.period || !near(g.Median, w.median) || !near(g.MAD, w.mad) || g.Direction != w.dir || g.KPI != "k" {
					t.Errorf("anomaly %d = %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

func TestAnomalyMessage(t *testing.T) {
	p := yearPlan(kpi(app.Higher, app.Last, 1, vals(50, 52, 48, 51, 49, 20, 49, 51, 50, 52, 80)))
	got := Anomalies(p, &p.KPIs[0], -1)
	var msgs []string
	for _, a := range got {
		msgs = append(msgs, a.Msg.String())
	}
	want := []string{"Revenue fell unusually in 2026-06", "Revenue rose unusually in 2026-11"}
	if !slices.Equal(msgs, want) {
		t.Errorf("messages %q, want %q", msgs, want)
	}
	if got[0].Label != "2026-06" || got[0].Value != 20 {
		t.Errorf("first anomaly %+v", got[0])
	}
	if n := len(Anomalies(p, &p.KPIs[0], 8)); n != 1 {
		t.Errorf("window to September: %d anomalies, want 1", n)
	}
}

func TestAnalyse(t *testing.T) {
	a := kpi(app.Higher, app.Sum, 1200, vals(80, 90, 100))
	a.ID, a.Name = "rev", "Doanh thu"
	b := kpi(app.Higher, app.Last, 100, nil)
	b.ID, b.Group = "nps", app.GroupB
	p := yearPlan(a, b)
	got := Analyse(p, 2)
	if len(got) != 2 || got[0].ID != "rev" || got[1].ID != "nps" || got[1].Group != app.GroupB {
		t.Fatalf("trends %+v", got)
	}
	if len(got[0].Labels) != 12 || len(got[0].Points) != 3 || got[0].Status != OnTrack || !near(got[0].Projection.Value, 1620) {
		t.Errorf("rev trend %+v", got[0])
	}
	if got[1].Status != NoData || got[1].Projection.OK {
		t.Errorf("nps trend status %q", got[1].Status)
	}
	if w := Analyse(p, 99); len(w[0].Points) != 12 {
		t.Errorf("at past the end: %d points, want 12", len(w[0].Points))
	}
}
