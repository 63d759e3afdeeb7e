package sheet

import (
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/score"
)

// provisionalPlan has k1 scored (100 of 100) and k2 without data, under the
// provisional missing-data rule, with actuals through 2026-02.
func provisionalPlan() *app.Plan {
	p := app.NewPlan()
	p.Name, p.Status = "P", app.Approved
	p.Person = app.Person{Name: "An", BaseBonus: 1000, Currency: "VND"}
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	p.KPIs = []app.KPI{
		{ID: "k1", Name: "k1", Unit: app.Number, Direction: app.Higher, Aggregation: app.Last, Target: 100, Weight: 1,
			Group: app.GroupA, Actuals: []app.Actual{{Period: 1, Value: 100}}},
		{ID: "k2", Name: "k2", Unit: app.Number, Direction: app.Higher, Aggregation: app.Last, Target: 100, Weight: 1, Group: app.GroupA},
	}
	return p
}

// TestExportsMarkProvisionalResultsAndTheirWindow: the company bonus sheet
// says through which period each total is scored and marks a provisional
// result naming the KPIs without data; the scorecard marks it under the bonus.
func TestExportsMarkProvisionalResultsAndTheirWindow(t *testing.T) {
	p := provisionalPlan()
	pick := score.PickOfficial(app.NewDate(2026, 3, 10))
	wb, _ := Company([]*app.Plan{p}, pick, nil)
	row := Collect(wb.Sheets[0])[1]
	if row[CoWindow].Str != "2026-02" || !strings.Contains(row[CoNote].Str, "k2") {
		t.Errorf("bonus sheet window %q note %q, want 2026-02 and a note naming k2", row[CoWindow].Str, row[CoNote].Str)
	}
	s, lay := Scorecard(p, pick, nil)
	rows := Collect(s)
	if got := cellAt(rows, lay.BonusRow+1, ColKPI).Str; !strings.Contains(got, "Provisional") || !strings.Contains(got, "k2") {
		t.Errorf("line under the bonus %q, want the provisional note", got)
	}
	p.KPIs[1].Exempt = "new KPI, no data source yet"
	if row := Collect(mustCompany(p, pick).Sheets[0])[1]; row[CoNote].Str != "" {
		t.Errorf("an exempted KPI still marks the result: %q", row[CoNote].Str)
	}
}

func mustCompany(p *app.Plan, pick score.Pick) *Workbook {
	wb, _ := Company([]*app.Plan{p}, pick, nil)
	return wb
}
