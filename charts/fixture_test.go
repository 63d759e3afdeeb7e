package charts

import (
	"math"
	"time"

	"kpiplanner/app"
)

// monthly makes actuals for consecutive months from January; NaN leaves a gap.
func monthly(vs ...float64) []app.Actual {
	var out []app.Actual
	for i, v := range vs {
		if !math.IsNaN(v) {
			out = append(out, app.Actual{Period: i, Value: v})
		}
	}
	return out
}

// ratios makes ratio actuals num/den for consecutive months.
func ratios(nd ...float64) []app.Actual {
	var out []app.Actual
	for i := 0; i+1 < len(nd); i += 2 {
		out = append(out, app.Actual{Period: i / 2, Value: nd[i], Den: nd[i+1]})
	}
	return out
}

var gap = math.NaN()

// samplePlan is a marketing manager's 2026 plan with KPIs of every kind, in
// Vietnamese, with actuals to September.
func samplePlan() *app.Plan {
	p := app.NewPlan()
	p.Name = "Nguyễn Thị Hồng Nhung — Marketing 2026"
	p.Status = app.Approved
	p.Person = app.Person{Name: "Nguyễn Thị Hồng Nhung", Department: "Marketing", BaseBonus: 20_000_000, Currency: "VND"}
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	k := func(id, name string, g app.Group, u app.Unit, dir app.Direction, agg app.Aggregation, target float64, acts []app.Actual) app.KPI {
		return app.KPI{ID: id, Name: name, Group: g, Unit: u, Direction: dir, Aggregation: agg, Target: target, Weight: 1, Actuals: acts}
	}
	rev := k("rev", "Doanh thu từ khách hàng mới", app.GroupA, app.Currency, app.Higher, app.Sum, 12_000_000_000,
		monthly(820e6, 870e6, 910e6, 960e6, 1010e6, 990e6, 1080e6, 1120e6, 1150e6))
	conv := k("conv", "Tỷ lệ chuyển đổi — Đạt", app.GroupA, app.Percent, app.Higher, app.Ratio, 3.5,
		ratios(52, 2000, 55, 2100, 60, 2150, 58, 2050, 63, 2200, 61, 2100, 66, 2250, 30, 2300, 68, 2200))
	cac := k("cac", "Chi phí có được một khách hàng (CAC)", app.GroupA, app.Currency, app.Lower, app.Average, 450_000,
		monthly(520e3, 505e3, 498e3, 480e3, 476e3, 470e3, 462e3, 590e3, 455e3))
	cac.Deadline = app.NewDate(2026, time.November, 30)
	leads := k("leads", "Số khách hàng tiềm năng đủ điều kiện (MQL)", app.GroupB, app.Count, app.Higher, app.Sum, 6000,
		monthly(380, 410, gap, 395, 420, 405, 415, 400, 390))
	csat := k("csat", "Điểm hài lòng khách hàng", app.GroupB, app.Score, app.Higher, app.Average, 4.5,
		monthly(4.2, 4.3, 4.3, 4.4, 4.3, 4.4, 4.4, 4.5, 4.4))
	site := k("site", "Ra mắt website mới", app.GroupC, app.Number, app.Milestone, app.Last, 1, monthly(0, 0, 0, 0, 0, 1))
	budget := k("budget", "Ngân sách quảng cáo đã dùng", app.GroupC, app.Percent, app.Range, app.Last, 0,
		monthly(8, 16, 24, 33, 41, 52, 60, 71, 79))
	budget.RangeLow, budget.RangeHigh, budget.Tolerance = 70, 80, 20
	nps := k("nps", "Chỉ số NPS", app.GroupC, app.Score, app.Higher, app.Last, 40, nil)
	p.KPIs = []app.KPI{rev, conv, cac, leads, csat, site, budget, nps}
	return p
}
