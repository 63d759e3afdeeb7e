package sheet

import (
	"reflect"
	"slices"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
	"kpiplanner/app/sheet/sheettest"
)

// definition returns k without what the KPI sheet does not carry.
func definition(k app.KPI) app.KPI {
	k.Actuals, k.LibraryID = nil, ""
	if len(k.Steps) == 0 {
		k.Steps = nil
	}
	return k
}

func TestKPISheetRoundTrip(t *testing.T) {
	for _, c := range sheettest.Cases() {
		src := c.Plan.Clone()
		for i := range src.KPIs {
			k := &src.KPIs[i]
			k.Description, k.Owner, k.DataSource, k.Note = "Mô tả "+k.ID, "Owner "+k.ID, "crm", "=not a formula"
			k.Effort, k.Impact, k.Deadline = app.High, app.Low, src.Cycle.End
		}
		g := gridOf(KPISheet(src, nil))
		empty := app.NewPlan()
		empty.Cycle = src.Cycle
		pv := ParseKPIs(empty, g, ImportOptions{})
		if len(pv.Errors) != 0 {
			t.Errorf("%s: %v", c.Name, pv.Errors)
			continue
		}
		got, err := pv.Apply()
		if err != nil {
			t.Fatal(err)
		}
		if len(got.KPIs) != len(src.KPIs) {
			t.Fatalf("%s: %d KPIs, want %d", c.Name, len(got.KPIs), len(src.KPIs))
		}
		for i := range src.KPIs {
			if g, w := definition(got.KPIs[i]), definition(src.KPIs[i]); !reflect.DeepEqual(g, w) {
				t.Errorf("%s KPI %s:\n got %+v\nwant %+v", c.Name, w.ID, g, w)
			}
		}
		// Read back into the plan itself: every KPI is an update, actuals stay.
		again := ParseKPIs(src, g, ImportOptions{})
		same, err := again.Apply()
		if err != nil || !reflect.DeepEqual(same.KPIs, src.KPIs) || slices.ContainsFunc(again.Rows, func(r KPIRow) bool { return r.New }) {
			t.Errorf("%s: re-import into the same plan changed it (%v)", c.Name, err)
		}
	}
}

func TestParseKPIs(t *testing.T) {
	year := app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	base := func() *app.Plan {
		p := app.NewPlan()
		p.Cycle = year
		p.KPIs = []app.KPI{{ID: "k1", Name: "Revenue", Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum,
			Target: 100, Weight: 1, Group: app.GroupA, Actuals: []app.Actual{{Period: 0, Value: 7}}}}
		return p
	}
	filler := make([][]string, 12) // rows 2–13, left empty
	tests := map[string]struct {
		rows [][]string
		opts ImportOptions
		want []app.KPI // the plan's KPIs after the import, without actuals
		errs []string
	}{
		"vietnamese headers and words": {
			rows: [][]string{
				{"Tên KPI", "ĐƠN VỊ", "chieu danh gia", "Mục tiêu", "Giá trị nền", "Trọng số", "Nhóm", "Cách tổng hợp", "Ngưỡng sàn", "Mức trần", "Hạn", "Thang điểm"},
				{"Tỷ lệ chuyển đổi", "Phần trăm", "Càng cao càng tốt", "3,5", "2", "2", "nhóm b", "Tỷ lệ", "50%", "1,5", "2026-06-30", "80%: 50; 100%: 100"},
				{"Chi phí mỗi khách hàng", "VND", "giảm", "1.150.000", "", "1", "C", "trung bình", "", "", "", ""},
			},
			opts: ImportOptions{ParseNumber: viNumber},
			want: []app.KPI{
				{ID: "k1", Name: "Revenue", Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum, Target: 100, Weight: 1, Group: app.GroupA},
				{ID: "k2", Name: "Tỷ lệ chuyển đổi", Unit: app.Percent, Direction: app.Higher, Aggregation: app.Ratio, Target: 3.5,
					Baseline: app.Float(2), Weight: 2, Group: app.GroupB, Floor: app.Float(0.5), Cap: app.Float(1.5),
					Deadline: app.NewDate(2026, 6, 30), Steps: []app.StepBand{{From: 0.8, Score: 50}, {From: 1, Score: 100}}},
				{ID: "k3", Name: "Chi phí mỗi khách hàng", Unit: app.Currency, Direction: app.Lower, Aggregation: app.Average, Target: 1150000, Weight: 1, Group: app.GroupC},
			},
		},
		"update by name keeps actuals": {
			rows: [][]string{{"KPI", "Target"}, {"revenue", "120"}},
			want: []app.KPI{{ID: "k1", Name: "Revenue", Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum, Target: 120, Weight: 1, Group: app.GroupA}},
		},
		"the brief's example": {
			rows: append(append([][]string{{"KPI code", "Name", "Target"}}, filler...), []string{"k1", "Revenue", "abc"}),
			errs: []string{"row 14, Target: 'abc' is not a number"},
		},
		"every problem, named": {
			rows: [][]string{
				{"Code", "Name", "Direction", "Baseline", "Target", "Group", "Weight"},
				{"x1", "Leads", "sideways", "", "10", "A", "1"},
				{"x2", "Sales", "higher", "200", "100", "A", "1"},
				{"x3", "", "", "", "", "", ""},
				{"x2", "Sales again", "", "", "", "", ""},
				{"x4", "Complaints", "lower", "", "0", "D", "-1"},
			},
			errs: []string{
				"row 2, Direction: 'sideways' is not one of: Higher is better, Lower is better, Within a range, Milestone",
				"row 3, Baseline: must be below the target for a higher-is-better KPI",
				"row 4, Name: a new KPI needs a name",
				"row 5, Code: KPI code x2 is also in row 3",
				"row 6, Group: 'D' is not one of: A, B, C",
				"row 6, Weight: must not be negative",
				"row 6, Target: must be greater than 0 (achievement divides by it); to aim for 0, give a baseline above it",
			},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := base()
			pv := ParseKPIs(p, TextGrid(tc.rows), tc.opts)
			var errs []string
			for _, e := range pv.Errors {
				errs = append(errs, e.Error())
			}
			if !slices.Equal(errs, tc.errs) {
				t.Errorf("errors\n %q\nwant\n %q", errs, tc.errs)
			}
			got, err := pv.Apply()
			if len(tc.errs) > 0 {
				if got != nil || err == nil {
					t.Error("Apply went ahead despite the problems")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i := range got.KPIs {
				if i < len(tc.want) && !reflect.DeepEqual(definition(got.KPIs[i]), tc.want[i]) {
					t.Errorf("KPI %d:\n got %+v\nwant %+v", i, definition(got.KPIs[i]), tc.want[i])
				}
			}
			if len(got.KPIs) != len(tc.want) {
				t.Errorf("%d KPIs, want %d", len(got.KPIs), len(tc.want))
			}
			if a, ok := got.KPI("k1").ActualAt(0); !ok || a.Value != 7 {
				t.Error("the import lost k1's actual")
			}
		})
	}
}

// TestVietnameseFilesReadInEitherLanguage writes the KPI sheet and the
// actuals template in Vietnamese and reads them back with the Vietnamese
// and the English reader.
func TestVietnameseFilesReadInEitherLanguage(t *testing.T) {
	vi, err := i18n.New("vi")
	if err != nil {
		t.Fatal(err)
	}
	src := sheettest.Cases()[2].Plan // ratio KPIs, units, no data
	for name, o := range map[string]ImportOptions{
		"vi reader": {T: vi.T, ParseNumber: vi.ParseNumber, ParseDate: vi.ParseDate},
		"en reader": {},
	} {
		empty := app.NewPlan()
		empty.Cycle = src.Cycle
		got, err := ParseKPIs(empty, gridOf(KPISheet(src, vi.T)), o).Apply()
		if err != nil {
			t.Fatalf("%s: KPI sheet: %v", name, err)
		}
		for i := range src.KPIs {
			if g, w := definition(got.KPIs[i]), definition(src.KPIs[i]); !reflect.DeepEqual(g, w) {
				t.Errorf("%s KPI %s:\n got %+v\nwant %+v", name, w.ID, g, w)
			}
		}
		pv := ParseActuals(src, gridOf(ActualsTemplate(src, vi.T, true)), o)
		n := 0
		for _, k := range src.KPIs {
			n += len(k.Actuals)
		}
		if pv.Err() != nil || len(pv.Changes) != n {
			t.Errorf("%s: actuals template: %d changes, want %d (%v)", name, len(pv.Changes), n, pv.Err())
		}
	}
}

// TestKPISheetNewKPIStartsWithSensibleDefaults: a new KPI read from a sheet
// without unit, direction or aggregation columns is a number, higher is
// better, summed (like a KPI added in the app), not a "last value" KPI.
func TestKPISheetNewKPIStartsWithSensibleDefaults(t *testing.T) {
	p := app.NewPlan()
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	pv := ParseKPIs(p, TextGrid([][]string{{"Name", "Target", "Group"}, {"Webinars held", "6", "A"}}), ImportOptions{})
	got, err := pv.Apply()
	if err != nil {
		t.Fatal(err)
	}
	k := got.KPIs[0]
	if k.Unit != app.Number || k.Direction != app.Higher || k.Aggregation != app.Sum || k.Weight != 1 {
		t.Errorf("new KPI = %+v, want number/higher/sum weight 1", k)
	}
}
