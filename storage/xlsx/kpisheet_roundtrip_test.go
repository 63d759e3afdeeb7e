package xlsx

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet"
)

// everyFieldKPI returns a KPI with every field but Actuals set to a value
// that is hard to write and read back: long decimals, exactly three
// decimals, text with spaces, line breaks and a leading =.
func everyFieldKPI() app.KPI {
	return app.KPI{
		ID: "rev-1", LibraryID: "sales.revenue-new", Name: " Doanh thu khách hàng mới ",
		Description: "=SUM(A1) is text\nsecond line", Rationale: "Tăng trưởng  20 %", Unit: app.Currency, Direction: app.Higher,
		Baseline: app.Float(0.1 + 0.2), Target: 123.456, RangeLow: 12.345, RangeHigh: 1e6 + 0.5, Tolerance: 7,
		Floor: app.Float(0.35), Cap: app.Float(1.25), Weight: 1.5, Group: app.GroupB, Effort: app.High, Impact: app.Low,
		Aggregation: app.Average, DataSource: "CRM; kế toán", Owner: "Trần Thị Bình", Deadline: app.NewDate(2026, 6, 30),
		Steps:  []app.StepBand{{From: 0.8123456789, Score: 60.5}, {From: 1, Score: 100}, {From: 1.125, Score: 123.456}},
		Note:   "  ghi chú  ",
		Exempt: "Dữ liệu quý 1 chưa có, đã thống nhất với phòng nhân sự",
	}
}

func TestKPISheetCarriesEveryFieldOfKPI(t *testing.T) {
	k := everyFieldKPI()
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		if f := v.Type().Field(i); f.Name != "Actuals" && f.Name != "PeriodTargets" && f.Name != "Reference" && v.Field(i).IsZero() { // the last two until h-phasing lands
			t.Fatalf("everyFieldKPI leaves %s unset: set it, and write and read it in the KPI sheet", f.Name)
		}
	}
	src := app.NewPlan()
	src.Name = "Round trip"
	src.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	k.Actuals = []app.Actual{{Period: 0, Value: 5}}
	src.KPIs = []app.KPI{k}
	if err := src.Validate(); err != nil {
		t.Fatal(err)
	}
	k.Actuals = nil
	for _, lang := range []string{"en", "vi"} {
		tr, err := i18n.New(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range []string{"kpis.xlsx", "kpis.csv"} {
			path := filepath.Join(t.TempDir(), file)
			if _, err := WriteKPISheet(context.Background(), path, src, Options{T: tr.T}); err != nil {
				t.Fatal(err)
			}
			g, err := ReadGrid(path)
			if err != nil {
				t.Fatal(err)
			}
			empty := app.NewPlan()
			empty.Cycle = src.Cycle
			o := sheet.ImportOptions{T: tr.T, ParseNumber: tr.ParseNumber, ParseDate: tr.ParseDate}
			got, err := sheet.ParseKPIs(empty, g, o).Apply()
			if err != nil {
				t.Fatalf("%s %s: %v", lang, file, err)
			}
			if len(got.KPIs) != 1 || !reflect.DeepEqual(got.KPIs[0], k) {
				t.Errorf("%s %s:\n got %+v\nwant %+v", lang, file, got.KPIs, k)
			}
			// Read into the plan it came from, it changes nothing and keeps the actuals.
			same, err := sheet.ParseKPIs(src, g, o).Apply()
			if err != nil || !reflect.DeepEqual(same, src) {
				t.Errorf("%s %s: into its own plan: %v\n got %+v\nwant %+v", lang, file, err, same.KPIs, src.KPIs)
			}
		}
	}
}
