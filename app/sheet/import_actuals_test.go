package sheet

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kpiplanner/app"
)

// importPlan has a sum KPI, a percent ratio KPI and a milestone over
// January–June 2026, with a few actuals recorded.
func importPlan() *app.Plan {
	p := app.NewPlan()
	p.Name, p.Person.Name = "Import", "Trần Thị Bình"
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 6, 30), Frequency: app.Monthly}
	p.KPIs = []app.KPI{
		{ID: "k1", Name: "Revenue", Unit: app.Currency, Direction: app.Higher, Aggregation: app.Sum, Target: 600, Weight: 1, Group: app.GroupA,
			Actuals: []app.Actual{{Period: 0, Value: 90}}},
		{ID: "cr", Name: "Conversion rate", Unit: app.Percent, Direction: app.Higher, Aggregation: app.Ratio, Target: 3, Weight: 1, Group: app.GroupB,
			Actuals: []app.Actual{{Period: 0, Value: 3, Den: 100}}},
		{ID: "m", Name: "Tỷ lệ hoàn thành dự án", Unit: app.Number, Direction: app.Milestone, Aggregation: app.Last, Target: 1, Weight: 1, Group: app.GroupC},
	}
	return p
}

// gridOf returns the cells of a sheet as an import file would hold them:
// text as text, numbers and dates as stored numbers.
func gridOf(s *Sheet) Grid {
	var g Grid
	for _, r := range Collect(s) {
		row := make([]GridCell, len(r))
		for i, c := range r {
			switch c.Kind {
			case Text:
				row[i] = GridCell{Text: c.Str}
			case Number, Percent, Money, Date:
				row[i] = NumCell(c.Num)
			}
		}
		g = append(g, row)
	}
	return g
}

// change writes an ActualChange compactly: "cr 2026-02 5/150 (was none)".
func change(c ActualChange) string {
	v := strconv.FormatFloat(c.Actual.Value, 'g', -1, 64)
	if c.KPI == "cr" {
		v += "/" + strconv.FormatFloat(c.Actual.Den, 'g', -1, 64)
	}
	was := "none"
	if c.Old != nil {
		was = strconv.FormatFloat(c.Old.Value, 'g', -1, 64)
	}
	return fmt.Sprintf("%s %s %s (was %s)", c.KPI, c.Label, v, was)
}

// viNumber reads numbers the Vietnamese way for the tests: 1.234,5.
func viNumber(s string) (float64, error) {
	t := strings.ReplaceAll(strings.TrimSpace(s), ".", "")
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", "."), 64)
	if err != nil {
		return 0, &msgError{app.M("%q is not a number", strings.TrimSpace(s))}
	}
	return v, nil
}

func TestParseActuals(t *testing.T) {
	head := []string{"KPI code", "KPI", "Unit", "Value type", "2026-01", "2026-02", "2026-03"}
	tests := map[string]struct {
		rows    [][]string
		opts    ImportOptions
		changes []string
		errs    []string
		skipped int
	}{
		"template rows": {
			rows: [][]string{{"Actuals — Import"}, {"note"}, head,
				{"k1", "Revenue", "", "Actual", "100", "110", ""},
				{"cr", "Conversion rate", "", "Numerator", "4", "5", ""},
				{"cr", "Conversion rate", "", "Denominator", "", "150", ""},
				{"", "Tỷ lệ hoàn thành dự án", "", "", "0", "", "1"},
			},
			changes: []string{"k1 2026-01 100 (was 90)", "k1 2026-02 110 (was none)",
				"cr 2026-01 4/100 (was 3)", "cr 2026-02 5/150 (was none)", // 4 over the recorded denominator 100
				"m 2026-01 0 (was none)", "m 2026-03 1 (was none)"},
		},
		"every problem, named": {
			rows: [][]string{head,
				{"k1", "", "", "", "abc", "", ""},
				{"k9", "", "", "", "1", "", ""},
				{"cr", "", "", "Numerator", "", "7", ""},
				{"m", "", "", "", "", "2", ""},
				{"k1", "", "", "Numerator", "1", "", ""},
				{"cr", "", "", "Denominator", "", "", "-5"},
				{"cr", "", "", "Tử số", "", "", "1"},
				{"", "Nobody", "", "", "1", "", ""},
			},
			errs: []string{
				"row 2, 2026-01: 'abc' is not a number",
				"row 3, KPI code: 'k9' is not a KPI of this plan",
				"row 4, 2026-02: Conversion rate: the denominator for period 2026-02 is missing",
				"row 5, 2026-02: \"2\": a milestone takes 1 (done) or 0 (not done)",
				"row 6, Value type: Revenue is not a ratio KPI: it takes one value per period, not a numerator and a denominator",
				"row 7, 2026-03: \"-5\": the denominator must not be negative",
				"row 9, KPI: 'Nobody' is not a KPI of this plan",
			},
		},
		"vietnamese headers and numbers": {
			rows: [][]string{
				{"MÃ KPI", "tên kpi", "Loại giá trị", "2026-04", "Ghi chú"},
				{"K1", "", "", "1.234,5", "ignored"},
				{"cr", "", "tử số", "12", ""},
				{"cr", "", "Mẫu Số", "400", ""},
			},
			opts:    ImportOptions{ParseNumber: viNumber},
			changes: []string{"k1 2026-04 1234.5 (was none)", "cr 2026-04 12/400 (was none)"},
		},
		"ratio in one cell": {
			rows:    [][]string{head, {"cr", "", "", "", "", "6/200", "7"}},
			changes: []string{"cr 2026-02 6/200 (was none)"},
			errs:    []string{`row 2, 2026-03: "7": write a ratio as numerator/denominator, e.g. 3/150`},
		},
		"period headers": {
			rows: [][]string{{"KPI code", "2027-01", "6", "2026-05", "2026-05"}, {"k1", "1", "2", "3", "4"}},
			errs: []string{
				"row 1, 2027-01: '2027-01' is not a period of the plan's cycle (2026-01 – 2026-06)",
				"row 1, 2026-05: period 2026-05 is also in column 2026-05",
			},
			changes: []string{"k1 2026-05 3 (was none)", "k1 2026-06 2 (was none)"},
		},
		"twice": {
			rows:    [][]string{head, {"k1", "", "", "", "1"}, {"k1", "", "", "", "2"}},
			changes: []string{"k1 2026-01 1 (was 90)"}, // shown in the preview; Apply refuses
			errs:    []string{"row 3, 2026-01: period 2026-01 is given twice (also in row 2)"},
		},
		"long table of several people": {
			rows: [][]string{
				{"No.", "Person", "KPI", "Period", "Actual", "Denominator"},
				{"1", "Trần Thị Bình", "Revenue", "2026-02", "50", ""},
				{"2", "Lê Văn Cường", "Revenue", "2026-02", "70", ""},
				{"1", "tran thi binh", "Conversion rate", "3", "9", "300"},
				{"1", "Trần Thị Bình", "Conversion rate", "2026-04", "2/50", ""},
				{"1", "Trần Thị Bình", "Revenue", "2027-02", "5", ""},
				{"1", "Trần Thị Bình", "Revenue", "2026-05", "", ""},
			},
			skipped: 1,
			changes: []string{"k1 2026-02 50 (was none)", "cr 2026-03 9/300 (was none)", "cr 2026-04 2/50 (was none)"},
			errs:    []string{"row 6, Period: '2027-02' is not a period of the plan's cycle (2026-01 – 2026-06)"},
		},
		"no header": {
			rows: [][]string{{"Revenue", "1"}},
			errs: []string{"no header row with a KPI column in the first 20 rows"},
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			p := importPlan()
			pv := ParseActuals(p, TextGrid(tc.rows), tc.opts)
			var got []string
			for _, c := range pv.Changes {
				got = append(got, change(c))
			}
			if !slices.Equal(got, tc.changes) {
				t.Errorf("changes\n %q\nwant\n %q", got, tc.changes)
			}
			var errs []string
			for _, e := range pv.Errors {
				errs = append(errs, e.Error())
			}
			if !slices.Equal(errs, tc.errs) {
				t.Errorf("errors\n %q\nwant\n %q", errs, tc.errs)
			}
			if pv.Skipped != tc.skipped {
				t.Errorf("skipped %d rows, want %d", pv.Skipped, tc.skipped)
			}
			q, err := pv.Apply()
			if len(tc.errs) > 0 {
				if q != nil || !errors.Is(err, app.ErrInvalid) {
					t.Errorf("Apply with problems = %v, %v; want nothing and the problems", q, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range pv.Changes {
				if a, _ := q.KPI(c.KPI).ActualAt(c.Period); a != c.Actual {
					t.Errorf("applied %s: %+v", change(c), a)
				}
			}
			if a, _ := p.KPI("k1").ActualAt(0); a.Value != 90 {
				t.Error("Apply changed the original plan")
			}
		})
	}
}

func TestActualsTemplateRoundTrip(t *testing.T) {
	p := importPlan()
	p.KPIs[2].Actuals = []app.Actual{{Period: 2, Value: 1}}
	empty := ParseActuals(p, gridOf(ActualsTemplate(p, nil, false)), ImportOptions{})
	if len(empty.Changes) != 0 || len(empty.Errors) != 0 {
		t.Errorf("empty template: %d changes, errors %v", len(empty.Changes), empty.Errors)
	}
	full := ParseActuals(p, gridOf(ActualsTemplate(p, nil, true)), ImportOptions{})
	if len(full.Errors) != 0 {
		t.Fatal(full.Errors)
	}
	var got []string
	for _, c := range full.Changes {
		got = append(got, change(c))
	}
	want := []string{"k1 2026-01 90 (was 90)", "cr 2026-01 3/100 (was 3)", "m 2026-03 1 (was 1)"}
	if !slices.Equal(got, want) {
		t.Errorf("filled template reads back %q, want %q", got, want)
	}
}

func TestParseActualsDateCells(t *testing.T) {
	p := importPlan()
	g := Grid{
		{{Text: "KPI code"}, NumCell(Serial(app.NewDate(2026, 2, 1))), {Text: "Period"}, {Text: "Actual"}},
	}
	// A wide header whose period is a date cell; no Period column, so still wide.
	g[0] = g[0][:2]
	g = append(g, []GridCell{{Text: "k1"}, NumCell(42)})
	pv := ParseActuals(p, g, ImportOptions{})
	if len(pv.Errors) != 0 || len(pv.Changes) != 1 || pv.Changes[0].Period != 1 {
		t.Fatalf("changes %+v errors %v, want 42 in February", pv.Changes, pv.Errors)
	}
}
