package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/score"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// importFixture describes one workbook of testdata/import, imported with
// its mapping: what the dry run prints, the plans it makes (by employee
// code) and their totals scored through period at.
type importFixture struct {
	file    string
	at      int
	preview []string
	check   func(t *testing.T, plans map[string]*app.Plan)
	totals  map[string]float64
	// inPreview checks per-period targets and reference values, both in the
	// plans of the preview and in the plans saved (by employee code).
	inPreview func(t *testing.T, plans map[string]*app.Plan)
}

// kpiOf returns p's KPI named name, failing the test when there is none.
func kpiOf(t *testing.T, p *app.Plan, name string) *app.KPI {
	t.Helper()
	if p == nil {
		t.Fatalf("no plan for KPI %s", name)
	}
	for i := range p.KPIs {
		if p.KPIs[i].Name == name {
			return &p.KPIs[i]
		}
	}
	t.Fatalf("plan %q has no KPI %q", p.Name, name)
	return nil
}

// values returns k's actual values (numerators for ratio KPIs) by period.
func values(k *app.KPI) map[int]float64 {
	out := map[int]float64{}
	for _, a := range k.Actuals {
		out[a.Period] = a.Value
	}
	return out
}

func wantKPI(t *testing.T, k *app.KPI, unit app.Unit, dir app.Direction, agg app.Aggregation, target, weight float64, acts map[int]float64) {
	t.Helper()
	if k.Unit != unit || k.Direction != dir || k.Aggregation != agg || k.Target != target || k.Weight != weight {
		t.Errorf("%s: unit %s direction %s aggregation %s target %g weight %g, want %s %s %s %g %g",
			k.Name, k.Unit, k.Direction, k.Aggregation, k.Target, k.Weight, unit, dir, agg, target, weight)
	}
	got := values(k)
	if len(got) != len(acts) {
		t.Errorf("%s: actuals %v, want %v", k.Name, got, acts)
	}
	for per, v := range acts {
		if math.Abs(got[per]-v) > 1e-9 {
			t.Errorf("%s: period %d actual %g, want %g", k.Name, per+1, got[per], v)
		}
	}
}

var importFixtures = []importFixture{
	{file: "wide-month.xlsx", at: 2,
		preview: []string{`new plan "Nguyễn Văn An — 2026" for NV001 Nguyễn Văn An (new person): 2 KPI(s)`,
			`new plan "Trần Thị Bình — 2026" for NV002 Trần Thị Bình (new person): 1 KPI(s)`,
			"2 new plan(s), 0 changed, 0 unchanged, 0 refused; 2 new person(s); 0 value(s) refused"},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			a := ps["NV001"]
			wantKPI(t, kpiOf(t, a, "Doanh số"), app.Currency, app.Higher, app.Sum, 1200, 2, map[int]float64{0: 90, 1: 100, 2: 110})
			wantKPI(t, kpiOf(t, a, "Khách hàng mới"), app.Count, app.Higher, app.Sum, 60, 1, map[int]float64{0: 4, 1: 5, 2: 3})
			wantKPI(t, kpiOf(t, ps["NV002"], "Doanh số"), app.Currency, app.Higher, app.Sum, 600, 2, map[int]float64{0: 50, 1: 40, 2: 60})
			if a.Status != app.Draft || a.Cycle.Frequency != app.Monthly || a.Cycle.Start.String() != "2026-01-01" {
				t.Errorf("plan %s %s from %s, want a monthly 2026 draft", a.Status, a.Cycle.Frequency, a.Cycle.Start)
			}
		},
		// NV001 through March (3 of 12 months, sum KPIs pro rata): Doanh số
		// 300 of 1200×3/12 = 300 → 100; Khách hàng mới 12 of 15 → 80; group
		// A weighted (2×100 + 1×80)/3 = 93.33. NV002: 150 of 150 → 100.
		totals: map[string]float64{"NV001": 93.33, "NV002": 100}},
	{file: "wide-quarter.xlsx", at: 1,
		preview: []string{`new plan "Alice Nguyen — 2026" for E100 Alice Nguyen (new person): 2 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["E100"]
			wantKPI(t, kpiOf(t, p, "Support tickets closed"), app.Count, app.Higher, app.Sum, 400, 1, map[int]float64{0: 90, 1: 110})
			wantKPI(t, kpiOf(t, p, "Average response time"), app.Hours, app.Lower, app.Average, 4, 1, map[int]float64{0: 5, 1: 4})
			if p.Cycle.Frequency != app.Quarterly {
				t.Errorf("frequency %s, want quarterly", p.Cycle.Frequency)
			}
		},
		// Through Q2: tickets 200 of 400×2/4 → 100; response time average
		// 4.5 h against 4 (lower is better) → 4/4.5 = 88.89; (100 + 88.89)/2 = 94.44.
		totals: map[string]float64{"E100": 94.44}},
	{file: "long.xlsx", at: 1,
		preview: []string{`new plan "Bao Tran — 2026" for E200 Bao Tran (new person): 2 KPI(s)`,
			`new plan "Chi Le — 2026" for E201 Chi Le (new person): 1 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["E200"]
			leads := kpiOf(t, p, "Leads")
			wantKPI(t, leads, app.Count, app.Higher, app.Sum, 120, 1, map[int]float64{0: 8, 1: 10})
			if a, _ := leads.ActualAt(1); a.Comment != "trade fair" {
				t.Errorf("Leads February comment %q, want trade fair", a.Comment)
			}
			win := kpiOf(t, p, "Win rate")
			wantKPI(t, win, app.Percent, app.Higher, app.Ratio, 25, 1, map[int]float64{0: 3, 1: 0})
			// 0/0 is kept, as a plan document keeps it
			if a, _ := win.ActualAt(1); a.Den != 0 || a.Comment != "no offers" {
				t.Errorf("Win rate February %+v, want 0/0 with its comment", a)
			}
			if a, _ := win.ActualAt(0); a.Den != 12 {
				t.Errorf("Win rate January denominator %g, want 12", a.Den)
			}
			wantKPI(t, kpiOf(t, ps["E201"], "Leads"), app.Count, app.Higher, app.Sum, 60, 1, map[int]float64{0: 5})
		},
		// E200 through February: Leads 18 of 120×2/12 = 20 → 90; Win rate
		// (3+0)/(12+0) = 25 % of 25 → 100; (90+100)/2 = 95. E201: 5 of 10 → 50.
		totals: map[string]float64{"E200": 95, "E201": 50}},
	{file: "kpis-down.xlsx", at: 2,
		preview: []string{`new plan "Lê Văn Cường — 2026" for NV010 Lê Văn Cường (new person): 2 KPI(s)`,
			`new plan "Phạm Thị Dung — 2026" for NV011 Phạm Thị Dung (new person): 2 KPI(s)`,
			`new plan "Hoàng Văn Em — 2026" for NV012 Hoàng Văn Em (new person): 2 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			// each block's rows go to its own person only
			wantKPI(t, kpiOf(t, ps["NV010"], "Số hợp đồng"), app.Count, app.Higher, app.Sum, 60, 1, map[int]float64{0: 10, 1: 20, 2: 30})
			wantKPI(t, kpiOf(t, ps["NV011"], "Số hợp đồng"), app.Count, app.Higher, app.Sum, 60, 1, map[int]float64{0: 1, 1: 2, 2: 3})
			wantKPI(t, kpiOf(t, ps["NV012"], "Số hợp đồng"), app.Count, app.Higher, app.Sum, 60, 1, map[int]float64{0: 7, 2: 9})
			wantKPI(t, kpiOf(t, ps["NV011"], "Số khiếu nại"), app.Count, app.Higher, app.Sum, 2, 1, map[int]float64{0: 1, 1: 0, 2: 0})
			if n := len(ps["NV010"].KPIs); n != 2 {
				t.Errorf("NV010 has %d KPIs, want 2", n)
			}
		},
		// Through March: contracts target 60×3/12 = 15; complaints 2×3/12 =
		// 0.5 (higher is better: no direction column), 1 of 0.5 → capped 120.
		// NV010: 60/15 capped 120, 120 → 120. NV011: 6/15 = 40, 120 → 80.
		// NV012: 16/15 = 106.67, 120 → 113.33.
		totals: map[string]float64{"NV010": 120, "NV011": 80, "NV012": 113.33}},
	{file: "header25-merged.xlsx", at: 2,
		preview: []string{`new plan "Đỗ Thị Giang — 2026" for NV020 Đỗ Thị Giang (new person): 2 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			k := kpiOf(t, ps["NV020"], "Doanh thu")
			// no cycle target column: the sum of the period targets, 100+100+150
			wantKPI(t, k, app.Number, app.Higher, app.Sum, 350, 3, map[int]float64{0: 80, 1: 120, 2: 150})
			wantKPI(t, kpiOf(t, ps["NV020"], "Số buổi đào tạo"), app.Number, app.Higher, app.Sum, 6, 1, map[int]float64{0: 2, 1: 1, 2: 3})
		},
		inPreview: func(t *testing.T, ps map[string]*app.Plan) {
			k := kpiOf(t, ps["NV020"], "Doanh thu")
			want := []app.PeriodTarget{{Period: 0, Value: 100}, {Period: 1, Value: 100}, {Period: 2, Value: 150}}
			if !slices.Equal(k.PeriodTargets, want) {
				t.Errorf("period targets %v, want %v", k.PeriodTargets, want)
			}
		},
		// Through March (the sheet's three-month cycle): revenue 80+120+150 =
		// 350 of the period targets 100+100+150 = 350 → 100; training 2+1+3 =
		// 6 of 6 → 100; group A (3×100 + 1×100)/4 = 100.
		totals: map[string]float64{"NV020": 100}},
	{file: "bilingual.xlsx", at: 1,
		preview: []string{`new plan "NV030 — 2026" for NV030 (new person): 2 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["NV030"]
			gp := kpiOf(t, p, "Lợi nhuận gộp")
			wantKPI(t, gp, app.Currency, app.Higher, app.Sum, 40, 2, map[int]float64{0: 9, 1: 11})
			wantKPI(t, kpiOf(t, p, "Tỷ lệ nghỉ việc"), app.Percent, app.Higher, app.Average, 5, 1, map[int]float64{})
		},
		inPreview: func(t *testing.T, ps map[string]*app.Plan) {
			for name, want := range map[string]float64{"Lợi nhuận gộp": 35, "Tỷ lệ nghỉ việc": 6} {
				if k := kpiOf(t, ps["NV030"], name); k.Reference == nil || *k.Reference != want {
					t.Errorf("%s: reference %v, want %v", name, k.Reference, want)
				}
			}
		},
		// Through Q2: gross profit 20 of 40×2/4 → 100; churn has no data (left out).
		totals: map[string]float64{"NV030": 100}},
	{file: "percent.xlsx", at: 1,
		preview: []string{"note: First call resolution: 3 percent-formatted cell(s) read as percent (0.7075 shown as 70.75 % is 70.75)"},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["E300"]
			wantKPI(t, kpiOf(t, p, "First call resolution"), app.Percent, app.Higher, app.Average, 90, 1, map[int]float64{0: 70.75, 1: 95})
			wantKPI(t, kpiOf(t, p, "Calls handled"), app.Count, app.Higher, app.Sum, 6000, 1, map[int]float64{0: 480, 1: 520})
		},
		// Through February: FCR average (70.75+95)/2 = 82.875 of 90 → 92.08;
		// calls 1000 of 6000×2/12 = 1000 → 100; (92.083+100)/2 = 96.04.
		totals: map[string]float64{"E300": 96.04}},
	{file: "formulas.xlsx", at: 2,
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["E400"]
			// E2 = D2×1.1, F2 = E2+D2; E3 = D3+1, F3 = SUM(D3:E3); C3 = C2/25
			wantKPI(t, kpiOf(t, p, "Units shipped"), app.Number, app.Higher, app.Sum, 1680, 1, map[int]float64{0: 100, 1: 110, 2: 210})
			wantKPI(t, kpiOf(t, p, "Returns"), app.Number, app.Higher, app.Sum, 67.2, 1, map[int]float64{0: 2, 1: 3, 2: 5})
		},
		// Through March: units 420 of 1680×3/12 = 420 → 100; returns 10 of
		// 67.2×3/12 = 16.8 → 59.52; (100+59.52)/2 = 79.76.
		totals: map[string]float64{"E400": 79.76}},
	{file: "hidden-first.xlsx", at: 1,
		preview: []string{`new plan "NV040 — 2026" for NV040 (new person): 1 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			wantKPI(t, kpiOf(t, ps["NV040"], "Số đơn hàng"), app.Number, app.Higher, app.Sum, 240, 1, map[int]float64{0: 18, 1: 22})
		},
		// Through February: 40 of 240×2/12 = 40 → 100.
		totals: map[string]float64{"NV040": 100}},
	{file: "semicolon-utf16.csv", at: 1,
		preview: []string{`new plan "Vũ Thị Hoa — 2026" for NV050 Vũ Thị Hoa (new person): 2 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["NV050"]
			wantKPI(t, kpiOf(t, p, "Tỷ lệ đúng hạn"), app.Percent, app.Higher, app.Average, 95, 1, map[int]float64{0: 92.5, 1: 97.25})
			wantKPI(t, kpiOf(t, p, "Chi phí"), app.Currency, app.Higher, app.Sum, 1200.5, 1, map[int]float64{0: 100.25, 1: 98})
		},
		// Through February: on time (92.5+97.25)/2 = 94.875 of 95 → 99.868;
		// cost 198.25 of 1200.5×2/12 = 200.083 → 99.084; mean 99.48.
		totals: map[string]float64{"NV050": 99.48}},
	{file: "weeks.xlsx", at: 3,
		preview: []string{"note: column F has no header; read as week 3 (between its neighbours)"},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["NV060"]
			wantKPI(t, kpiOf(t, p, "Cuộc gọi"), app.Number, app.Higher, app.Sum, 2600, 1, map[int]float64{0: 50, 1: 45, 2: 55, 3: 60})
			if n := p.Cycle.NumPeriods(); n != 51 {
				t.Errorf("%d weeks, want 51 (2026-01-05 to 2026-12-27)", n)
			}
		},
		// Through week 4 of 51: 210 of 2600×4/51 = 203.92 → 102.98.
		totals: map[string]float64{"NV060": 102.98}},
	{file: "serial-headers.xlsx", at: 2,
		check: func(t *testing.T, ps map[string]*app.Plan) {
			p := ps["E500"]
			wantKPI(t, kpiOf(t, p, "Deliveries"), app.Number, app.Higher, app.Sum, 1200, 1, map[int]float64{0: 95, 1: 101, 2: 99})
			if p.Cycle.Start.String() != "2022-01-01" {
				t.Errorf("cycle starts %s, want 2022-01-01", p.Cycle.Start)
			}
		},
		// Through March 2022: 295 of 1200×3/12 = 300 → 98.33.
		totals: map[string]float64{"E500": 98.33}},
	{file: "cp1258-bar.csv", at: 0,
		preview: []string{`new plan "NV070 — 2026" for NV070 (new person): 1 KPI(s)`},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			wantKPI(t, kpiOf(t, ps["NV070"], "Số đơn"), app.Number, app.Higher, app.Sum, 100, 1, map[int]float64{0: 9})
		},
		// January: 9 of 100/12 = 8.33 → 108.
		totals: map[string]float64{"NV070": 108}},
	{file: "sheet-per-person.xlsx", at: 1,
		preview: []string{`new plan "Lý Thị Kim — 2026" for NV0001 Lý Thị Kim (new person): 1 KPI(s)`,
			`new plan "Mai Văn Long — 2026" for NV0002 Mai Văn Long (new person): 1 KPI(s)`,
			"2 new plan(s), 0 changed, 0 unchanged, 0 refused; 2 new person(s); 0 value(s) refused"},
		check: func(t *testing.T, ps map[string]*app.Plan) {
			// each sheet is its person's; the hidden notes sheet is not read
			wantKPI(t, kpiOf(t, ps["NV0001"], "Số khách hàng"), app.Number, app.Higher, app.Sum, 420, 1, map[int]float64{0: 30, 1: 40})
			wantKPI(t, kpiOf(t, ps["NV0002"], "Số khách hàng"), app.Number, app.Higher, app.Sum, 420, 1, map[int]float64{0: 5, 1: 6})
			if len(ps) != 2 {
				t.Errorf("%d plans, want 2", len(ps))
			}
		},
		// Through February: 70 of 420×2/12 = 70 → 100; 11 of 70 → 15.71.
		totals: map[string]float64{"NV0001": 100, "NV0002": 15.71}},
}

// plansByCode loads the plans of db keyed by their person's employee code.
func plansByCode(t *testing.T, db string) map[string]*app.Plan {
	t.Helper()
	s, err := storage.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	people, err := s.People()
	if err != nil {
		t.Fatal(err)
	}
	code := map[app.UID]string{}
	for _, e := range people {
		code[e.UID] = e.Code
	}
	plans, err := s.Plans()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*app.Plan{}
	for _, p := range plans {
		out[code[p.PersonUID]] = p
	}
	return out
}

// previewPlans reads file with mapping and returns the plans its preview
// would save into an empty workspace, by employee code.
func previewPlans(t *testing.T, file, mapping string) map[string]*app.Plan {
	t.Helper()
	mf, err := os.Open(mapping)
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close()
	m, err := importmap.ReadMapping(mf)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := xlsx.Importer{}.ReadTable(context.Background(), file, m.Sheet, "")
	if err != nil {
		t.Fatal(err)
	}
	rd, err := importmap.Read(tab, m)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*app.Plan{}
	for _, pp := range importmap.BuildPreview(rd, m, importmap.State{}).Plans {
		out[pp.Person.Code] = pp.New
	}
	return out
}

func TestImportFixtures(t *testing.T) {
	for _, f := range importFixtures {
		t.Run(f.file, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "k.db")
			file := filepath.Join("..", "..", "testdata", "import", f.file)
			mapping := strings.TrimSuffix(file, filepath.Ext(file)) + ".mapping.json"
			code, out, errs := kpi(t, "import", file, "--mapping", mapping, "--dry-run", "--db", db)
			if code != exitOK {
				t.Fatalf("dry run: exit %d: %s%s", code, out, errs)
			}
			for _, w := range f.preview {
				if !strings.Contains(out, w+"\n") {
					t.Errorf("the preview does not say %q:\n%s", w, out)
				}
			}
			if ps := plansByCode(t, db); len(ps) != 0 {
				t.Fatalf("the dry run saved %d plan(s)", len(ps))
			}
			if code, out, errs = kpi(t, "import", file, "--mapping", mapping, "--db", db); code != exitOK {
				t.Fatalf("import: exit %d: %s%s", code, out, errs)
			}
			plans := plansByCode(t, db)
			f.check(t, plans)
			for who, want := range f.totals {
				if r := score.Plan(plans[who], f.at); !r.HasTotal || r.Official != want {
					t.Errorf("%s: total %v (has %v), want %v", who, r.Official, r.HasTotal, want)
				}
			}
			if f.inPreview != nil {
				f.inPreview(t, previewPlans(t, file, mapping))
				f.inPreview(t, plans)
			}
			// the same file again changes nothing, and says so
			code, _, errs = kpi(t, "import", file, "--mapping", mapping, "--db", db)
			if code != exitUser || !strings.Contains(errs, "would change nothing") {
				t.Errorf("a second import: exit %d, %q; want a refusal saying it would change nothing", code, errs)
			}
		})
	}
}

// TestImportMappingSavedAndReused: --save-mapping keeps the mapping in the
// workspace; next month's file is imported with --mapping NAME.
func TestImportMappingSavedAndReused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	dir := filepath.Join("..", "..", "testdata", "import")
	if code, out, errs := kpi(t, "import", filepath.Join(dir, "wide-month.xlsx"), "--mapping", filepath.Join(dir, "wide-month.mapping.json"),
		"--save-mapping", "Bảng KPI", "--db", db); code != exitOK {
		t.Fatalf("import: %s%s", out, errs)
	}
	march := writeFile(t, "march.csv", "Mã NV,Họ tên,Tên KPI,ĐVT,Trọng số,Kế hoạch năm,Tháng 1,Tháng 2,Tháng 3\n"+
		"NV001,Nguyễn Văn An,Doanh số,triệu đồng,2,1200,90,100,120\n")
	code, out, errs := kpi(t, "import", march, "--mapping", "Bảng KPI", "--db", db)
	if code != exitOK || !strings.Contains(out, "kpis[k1].actuals[2026-03].value: 110 -> 120") || !strings.Contains(out, "0 plan(s) created, 1 changed") {
		t.Fatalf("reusing the saved mapping: exit %d\n%s%s", code, out, errs)
	}
	if a, _ := kpiOf(t, plansByCode(t, db)["NV001"], "Doanh số").ActualAt(2); a.Value != 120 {
		t.Errorf("March %g, want 120", a.Value)
	}
	if code, _, errs := kpi(t, "import", march, "--mapping", "no such mapping", "--db", db); code != exitUser || !strings.Contains(errs, "nor a saved mapping") {
		t.Errorf("an unknown mapping: exit %d, %q", code, errs)
	}
}

// TestImportRefusesBinaryWorkbooksClearly: an .xls file, with --mapping or
// given as a plan document under another name, is refused saying how to
// save it as .xlsx, never read as JSON.
func TestImportRefusesBinaryWorkbooksClearly(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	xls := filepath.Join("..", "..", "testdata", "import", "legacy.xls")
	raw, err := os.ReadFile(xls)
	if err != nil {
		t.Fatal(err)
	}
	renamed := writeFile(t, "export.json", string(raw))
	for _, args := range [][]string{
		{"import", xls, "--mapping", filepath.Join("..", "..", "testdata", "import", "long.mapping.json")},
		{"import", xls, "--suggest-mapping"},
		{"import", renamed},
	} {
		code, _, errs := kpi(t, append(args, "--db", db)...)
		if code != exitUser || !strings.Contains(errs, "Save As, Excel Workbook (.xlsx)") || strings.Contains(errs, "JSON") {
			t.Errorf("%v: exit %d, %q; want the way to save it as .xlsx", args, code, errs)
		}
	}
	// a hidden sheet is read only when named, and listed by name when a sheet is missing
	hidden := filepath.Join("..", "..", "testdata", "import", "hidden-first.xlsx")
	if code, _, errs := kpi(t, "import", hidden, "--suggest-mapping", "--sheet", "Nope", "--db", db); code != exitUser ||
		!strings.Contains(errs, `its sheets are "Config", "Số liệu"`) {
		t.Errorf("a missing sheet: exit %d, %q", code, errs)
	}
}

// TestImportChecksTheLifecycle: a mapped import changes an approved plan
// only as an edit on screen may: not its targets, and not the actuals of a
// closed period; nothing is saved when it refuses.
func TestImportChecksTheLifecycle(t *testing.T) {
	db := filepath.Join(t.TempDir(), "k.db")
	dir := filepath.Join("..", "..", "testdata", "import")
	mapping := filepath.Join(dir, "wide-month.mapping.json")
	for _, args := range [][]string{
		{"import", filepath.Join(dir, "wide-month.xlsx"), "--mapping", mapping}, {"submit", "1"}, {"approve", "1"}, {"period", "close", "2026-01"},
	} {
		if code, out, errs := kpi(t, append(args, "--db", db, "--today", "2026-04-15")...); code != exitOK {
			t.Fatalf("%v: %s%s", args, out, errs)
		}
	}
	head := "Mã NV,Họ tên,Tên KPI,ĐVT,Trọng số,Kế hoạch năm,Tháng 1,Tháng 2,Tháng 3\n"
	for file, want := range map[string]string{
		"target.csv":  "NV001,Nguyễn Văn An,Doanh số,triệu đồng,2,1300,90,100,110\n|is approved: reopen it to change its terms",
		"january.csv": "NV001,Nguyễn Văn An,Doanh số,triệu đồng,2,1200,95,100,110\n|period 2026-01 is closed",
	} {
		row, msg, _ := strings.Cut(want, "|")
		_, before, _ := kpi(t, "export-json", "--db", db)
		code, _, errs := kpi(t, "import", writeFile(t, file, head+row), "--mapping", mapping, "--reason", "fix", "--db", db, "--today", "2026-04-15")
		if code != exitUser || !strings.Contains(errs, "nothing imported") || !strings.Contains(errs, msg) {
			t.Errorf("%s: exit %d, %q; want a refusal saying %q", file, code, errs, msg)
		}
		if _, after, _ := kpi(t, "export-json", "--db", db); after != before {
			t.Errorf("%s: the refused import changed the database", file)
		}
	}
}
