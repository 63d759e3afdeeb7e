package xlsx

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/app/sheet/sheettest"
)

// casePlans returns the plans of the rule cases scored over the whole cycle.
func casePlans() []*app.Plan {
	var plans []*app.Plan
	for _, c := range sheettest.Cases() {
		if c.At == -1 {
			plans = append(plans, c.Plan)
		}
	}
	return plans
}

func open(t *testing.T, path string, opts ...excelize.Options) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path, opts...)
	if err != nil {
		t.Fatalf("reopen %s: %v", path, err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestScorecardWorkbookReopens(t *testing.T) {
	plans := casePlans()
	plans[0] = plans[0].Clone()
	plans[0].KPIs[0].Name = `=HYPERLINK("http://evil","click")` // user text that looks like a formula
	wb, lays := sheet.Scorecards(plans, score.PickAt(-1), nil)
	path := filepath.Join(t.TempDir(), "cards.xlsx")
	if _, err := WriteWorkbook(context.Background(), path, wb, Options{}); err != nil {
		t.Fatal(err)
	}
	f := open(t, path)
	var names []string
	for _, l := range lays {
		names = append(names, l.Sheet)
	}
	if got := f.GetSheetList(); !slices.Equal(got, names) {
		t.Errorf("sheets %q, want %q", got, names)
	}
	name, lay := lays[0].Sheet, lays[0]
	res := score.Plan(plans[0], -1)
	for i, k := range res.KPIs {
		ref := sheet.Ref(sheet.ColAchievement, lay.KPIRows[i])
		formula, err := f.GetCellFormula(name, ref)
		if err != nil || !strings.HasPrefix(formula, "IF(") {
			t.Errorf("%s!%s: formula %q (%v), want the achievement formula", name, ref, formula, err)
		}
		raw, _ := f.GetCellValue(name, ref, excelize.Options{RawCellValue: true})
		if v, err := strconv.ParseFloat(raw, 64); err != nil || !near(raw, k.Achievement) {
			t.Errorf("%s!%s: cached %q (%v), want %v", name, ref, raw, v, k.Achievement)
		}
		if got := numFmt(t, f, name, ref); got != sheet.FormatPercent {
			t.Errorf("%s!%s: number format %q, want %q", name, ref, got, sheet.FormatPercent)
		}
	}
	evil := sheet.Ref(sheet.ColKPI, lay.KPIRows[0])
	if formula, _ := f.GetCellFormula(name, evil); formula != "" {
		t.Errorf("%s!%s: user text written as formula %q", name, evil, formula)
	}
	if v, _ := f.GetCellValue(name, evil); v != plans[0].KPIs[0].Name {
		t.Errorf("%s!%s = %q, want the KPI's name as text", name, evil, v)
	}
	bonus := sheet.Ref(sheet.ColScore, lay.BonusRow)
	if got, want := numFmt(t, f, name, bonus), `#,##0 "₫"`; got != want {
		t.Errorf("bonus number format %q, want %q", got, want)
	}
	rating, _ := f.GetCellValue(name, sheet.Ref(sheet.ColScore, lay.RatingRow))
	if rating != res.Rating.Name {
		t.Errorf("cached rating %q, want %q", rating, res.Rating.Name)
	}
	checkPage(t, f, name, sheet.FirstKPIRow, 2)
	names2 := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Scope == name {
			names2[d.Name] = d.RefersTo
		}
	}
	if got, want := names2["_xlnm.Print_Titles"], "'"+name+"'!$1:$5"; got != want {
		t.Errorf("print titles %q, want %q", got, want)
	}
	if got := names2["_xlnm.Print_Area"]; !strings.HasPrefix(got, "'"+name+"'!$A$1:$L$") {
		t.Errorf("print area %q, want columns A to L", got)
	}
	if n := zipEntries(t, path, "xl/charts/chart"); n != len(plans)-1 { // the plan without KPIs has no chart
		t.Errorf("%d charts, want %d", n, len(plans)-1)
	}
}

// numFmt returns the custom number format of a cell.
func numFmt(t *testing.T, f *excelize.File, name, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(name, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil {
		return ""
	}
	return *st.CustomNumFmt
}

// checkPage checks frozen panes and the A4 landscape fit-to-width setup.
func checkPage(t *testing.T, f *excelize.File, name string, rows, cols int) {
	t.Helper()
	p, err := f.GetPanes(name)
	if err != nil || !p.Freeze || p.YSplit != rows || p.XSplit != cols {
		t.Errorf("%s panes %+v (%v), want %d rows and %d columns frozen", name, p, err, rows, cols)
	}
	l, err := f.GetPageLayout(name)
	if err != nil || l.Size == nil || *l.Size != 9 || l.Orientation == nil || *l.Orientation != "landscape" ||
		l.FitToWidth == nil || *l.FitToWidth != 1 || l.FitToHeight == nil || *l.FitToHeight != 0 {
		t.Errorf("%s page layout %+v (%v), want A4 landscape one page wide", name, l, err)
	}
	pr, err := f.GetSheetProps(name)
	if err != nil || pr.FitToPage == nil || !*pr.FitToPage {
		t.Errorf("%s: fit to page is off (%v)", name, err)
	}
}

// zipEntries counts the entries of a zip file whose names start with prefix.
func zipEntries(t *testing.T, path, prefix string) int {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, prefix) {
			n++
		}
	}
	return n
}

func TestPasswordProtectsWorkbook(t *testing.T) {
	for name, lim := range map[string]limits{
		"stream": {maxRows: MaxRows, bulkRows: bulkRows},
		"bulk":   {maxRows: MaxRows, bulkRows: 10},
	} {
		t.Run(name, func(t *testing.T) {
			wb, lay := sheet.Company(demo.Company(5, 1), score.PickAt(-1), nil)
			path := filepath.Join(t.TempDir(), "company.xlsx")
			if err := write(context.Background(), path, wb, Options{Password: "bí mật"}, lim); err != nil {
				t.Fatal(err)
			}
			if f, err := excelize.OpenFile(path); err == nil {
				_ = f.Close()
				t.Fatal("opened without the password")
			}
			f := open(t, path, excelize.Options{Password: "bí mật"})
			rows, err := f.GetRows(lay.Actuals)
			if err != nil || len(rows) != wb.Sheets[2].NumRows {
				t.Errorf("actuals: %d rows (%v), want %d", len(rows), err, wb.Sheets[2].NumRows)
			}
		})
	}
}

func TestBulkSheetContinues(t *testing.T) {
	plans := demo.Company(20, 2)
	wb, lay := sheet.Company(plans, score.PickAt(-1), nil)
	want := sheet.Collect(wb.Sheets[2])
	path := filepath.Join(t.TempDir(), "company.xlsx")
	const maxRows = 500
	if err := write(context.Background(), path, wb, Options{}, limits{maxRows: maxRows, bulkRows: 100}); err != nil {
		t.Fatal(err)
	}
	f := open(t, path)
	var got [][]string
	for part := 1; ; part++ {
		name := lay.Actuals
		if part > 1 {
			name += " (" + strconv.Itoa(part) + ")"
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			if part == 1 {
				t.Fatal(err)
			}
			break
		}
		if len(rows) > maxRows {
			t.Errorf("%s has %d rows, more than %d", name, len(rows), maxRows)
		}
		if len(rows) == 0 || rows[0][0] != want[0][0].Str {
			t.Errorf("%s does not start with the header row", name)
		}
		checkPage(t, f, name, 1, 2)
		if part > 1 {
			rows = rows[1:]
		}
		got = append(got, rows...)
	}
	parts := (len(want) - 1 + maxRows - 2) / (maxRows - 1)
	if n := len(f.GetSheetList()); n != 2+parts {
		t.Errorf("%d sheets, want bonus, rules and %d actuals parts", n, parts)
	}
	if len(got) != len(want) {
		t.Fatalf("%d actuals rows, want %d", len(got), len(want))
	}
	for r, row := range want {
		for c, cell := range row {
			var w string
			switch cell.Kind {
			case sheet.Text:
				w = cell.Str
			case sheet.Number, sheet.Date:
				w = strconv.FormatFloat(cell.Num, 'G', -1, 64)
			}
			g := ""
			if c < len(got[r]) {
				g = got[r][c]
			}
			if g != w {
				t.Fatalf("actuals %s: %q, want %q", sheet.Ref(c, r), g, w)
			}
		}
	}
}

func TestCancelLeavesNoFile(t *testing.T) {
	for _, tc := range []struct {
		name string
		file string
		lim  limits
	}{
		{"xlsx stream", "company.xlsx", limits{maxRows: MaxRows, bulkRows: 1 << 30}},
		{"xlsx bulk", "company.xlsx", limits{maxRows: MaxRows, bulkRows: 100}},
		{"csv", "company.csv", limits{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			wb, _ := sheet.Company(demo.Company(100, 1), score.PickAt(-1), nil)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := Options{Progress: func(done, total int) {
				if done >= total/2 {
					cancel()
				}
			}}
			var err error
			if tc.file == "company.csv" {
				_, err = WriteWorkbook(ctx, path, wb, opts)
			} else {
				err = write(ctx, path, wb, opts, tc.lim)
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 || entries[0].Name() != tc.file {
				t.Errorf("directory holds %v, want only the old %s", entries, tc.file)
			}
			if b, _ := os.ReadFile(path); string(b) != "old" {
				t.Errorf("the existing file changed")
			}
		})
	}
}

func TestProgressReachesTotal(t *testing.T) {
	wb, _ := sheet.Company(demo.Company(50, 1), score.PickAt(-1), nil)
	var calls [][2]int
	path := filepath.Join(t.TempDir(), "company.xlsx")
	err := write(context.Background(), path, wb, Options{Progress: func(done, total int) {
		calls = append(calls, [2]int{done, total})
	}}, limits{maxRows: MaxRows, bulkRows: 100})
	if err != nil {
		t.Fatal(err)
	}
	total := wb.NumRows()
	if len(calls) < 2 || calls[len(calls)-1] != [2]int{total, total} {
		t.Fatalf("progress calls end %v, want [%d %d]", calls[max(0, len(calls)-2):], total, total)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] || calls[i][1] != total {
			t.Fatalf("progress went %v → %v", calls[i-1], calls[i])
		}
	}
}

func TestBulkSheetRowsMustRepeat(t *testing.T) {
	calls := 0
	s := &sheet.Sheet{Name: "Fickle", NumRows: 200, HeaderRows: 1}
	s.Rows = func(yield func(sheet.Row) bool) {
		calls++
		for i := range 200 {
			st := sheet.Plain
			if calls > 1 && i > 50 { // a second reading styles its cells differently
				st = sheet.Total
			}
			if !yield(sheet.Row{sheet.Num(float64(i), st, "")}) {
				return
			}
		}
	}
	dir := t.TempDir()
	err := write(context.Background(), filepath.Join(dir, "fickle.xlsx"), &sheet.Workbook{Sheets: []*sheet.Sheet{s}}, Options{}, limits{maxRows: MaxRows, bulkRows: 100})
	if err == nil || !strings.Contains(err.Error(), "changed between two readings") {
		t.Fatalf("err = %v, want the rows-changed error", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed export left %v", entries)
	}
}

func TestEmptyExports(t *testing.T) {
	dir := t.TempDir()
	files, err := WriteCompany(context.Background(), filepath.Join(dir, "none.xlsx"), nil, score.PickAt(-1), Options{})
	if err != nil || len(files) != 1 {
		t.Fatalf("company of nobody: %v, %v", files, err)
	}
	f := open(t, files[0])
	if n := len(f.GetSheetList()); n != 3 {
		t.Errorf("%d sheets, want 3", n)
	}
	if _, err := WriteScorecards(context.Background(), filepath.Join(dir, "none-cards.xlsx"), nil, score.PickAt(-1), Options{}); err == nil {
		t.Error("scorecards of no plan: no error")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %v, want only none.xlsx", entries)
	}
}
