package xlsx

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/i18n"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/app/sheet/sheettest"
)

// sofficeBin returns the LibreOffice binary. Without it the test is skipped
// on a developer machine but fails in CI, where `make test` installs it.
func sofficeBin(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("soffice (LibreOffice Calc) is not installed; `make test-deps` installs libreoffice-calc-nogui")
	}
	t.Skip("soffice (LibreOffice Calc) is not installed; `make test-deps` installs it")
	return ""
}

// recalcProfile makes LibreOffice recalculate every formula of the .xlsx
// files it opens instead of trusting their cached values.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// csvFilter is LibreOffice's CSV export: comma, double quotes, UTF-8, the
// language en-US (token 6, an LCID: 1033; 0 would be the system's), raw values
// rather than as shown (token 9), every sheet to its own file (token 12 = -1).
// The language token alone does not fix the export's decimal separator and date
// order: sofficeEnv pins the locale of the process too.
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1"

// sofficeEnv is the environment of the soffice process: the caller's, with
// HOME in dir and the locale pinned to C.UTF-8 (numbers as 0.5, dates as
// MM/DD/YYYY), whatever LANG, LC_* or LANGUAGE the tests were run under:
// under LANG=vi_VN.UTF-8 (or de_DE, en_GB) soffice wrote "0,5" and 01/02/2026
// for 1 February, and the comparisons failed.
func sofficeEnv(environ []string, dir string) []string {
	env := make([]string, 0, len(environ)+3)
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		if name == "HOME" || name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+dir, "LANG=C.UTF-8", "LC_ALL=C.UTF-8")
}

// recalc has LibreOffice open, recalculate and save every sheet of files as
// CSV in one run, and returns the grids by file and sheet name.
func recalc(t *testing.T, files ...string) map[string]map[string][][]string {
	t.Helper()
	bin := sofficeBin(t)
	dir := t.TempDir()
	profile := filepath.Join(dir, "profile")
	if err := os.MkdirAll(filepath.Join(profile, "user"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + profile,
		"--convert-to", csvFilter, "--outdir", out}, files...)
	cmd := exec.Command(bin, args...)
	cmd.Env = sofficeEnv(os.Environ(), dir)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	grids := map[string]map[string][][]string{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		matches, _ := filepath.Glob(filepath.Join(out, base+"-*.csv"))
		if len(matches) == 0 {
			t.Fatalf("soffice wrote no CSV for %s", f)
		}
		grids[f] = map[string][][]string{}
		for _, m := range matches {
			name := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(m), base+"-"), ".csv")
			grids[f][name] = readCSV(t, m)
		}
	}
	return grids
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	r := csv.NewReader(fh)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// at returns the text of a grid cell, "" outside the grid.
func at(g [][]string, row, col int) string {
	if row < len(g) && col < len(g[row]) {
		return g[row][col]
	}
	return ""
}

// near reports whether got (a recomputed cell) equals want to 1e-9,
// relative for values above 1: LibreOffice writes 15 significant digits,
// and percentages with a % sign even when not writing values as shown.
func near(got string, want float64) bool {
	scale := 1.0
	if s, ok := strings.CutSuffix(got, "%"); ok {
		got, scale = s, 100
	}
	v, err := strconv.ParseFloat(got, 64)
	return err == nil && math.Abs(v/scale-want) <= 1e-9*math.Max(1, math.Abs(want))
}

// poison replaces every cached formula result with nonsense, so the
// comparison only passes when LibreOffice recomputed the formulas.
func poison(s *sheet.Sheet) {
	rows := sheet.Collect(s)
	for _, r := range rows {
		for i := range r {
			if r[i].Formula != "" {
				r[i].Kind, r[i].Num, r[i].Str = sheet.Number, -98765.4321, ""
			}
		}
	}
	s.SetRows(rows)
}

// checkNum compares a recomputed cell with the engine: blank when !ok.
func checkNum(t *testing.T, where string, g [][]string, row, col int, want float64, ok bool) {
	t.Helper()
	got := at(g, row, col)
	switch {
	case !ok && got != "":
		t.Errorf("%s (%s): LibreOffice computed %q, the engine has no value", where, sheet.Ref(col, row), got)
	case ok && !near(got, want):
		t.Errorf("%s (%s): LibreOffice computed %q, the engine %.15g", where, sheet.Ref(col, row), got, want)
	}
}

// checkScorecard compares a recomputed scorecard with the engine's result;
// band names the rating bands as the sheet's language does (nil: as they are).
func checkScorecard(t *testing.T, name string, g [][]string, lay sheet.Layout, res score.Result, band func(string) string) {
	t.Helper()
	for i, k := range res.KPIs {
		r := lay.KPIRows[i]
		ok := k.Status == score.Scored
		checkNum(t, fmt.Sprintf("%s KPI %s achievement", name, k.ID), g, r, sheet.ColAchievement, k.Achievement, ok)
		checkNum(t, fmt.Sprintf("%s KPI %s score", name, k.ID), g, r, sheet.ColScore, k.Score, ok)
		checkNum(t, fmt.Sprintf("%s KPI %s actual", name, k.ID), g, r, sheet.ColActual, k.Actual, ok)
		checkNum(t, fmt.Sprintf("%s KPI %s target", name, k.ID), g, r, sheet.ColWindowTarget, k.Target, true)
	}
	for i, gr := range res.Groups {
		checkNum(t, fmt.Sprintf("%s group %s", name, gr.Group), g, lay.GroupRows[i], sheet.ColScore, gr.Score, gr.Scored)
	}
	checkNum(t, name+" total", g, lay.TotalRow, sheet.ColScore, res.Official, res.HasTotal)
	checkNum(t, name+" multiplier", g, lay.MultiplierRow, sheet.ColScore, res.Rating.Multiplier, res.HasTotal)
	checkNum(t, name+" bonus", g, lay.BonusRow, sheet.ColScore, res.Bonus, res.HasTotal)
	want := res.Rating.Name
	if band != nil && want != "" {
		want = band(want)
	}
	if got := at(g, lay.RatingRow, sheet.ColScore); got != want {
		t.Errorf("%s rating: LibreOffice computed %q, the engine %q", name, got, want)
	}
}

func TestLibreOfficeRecomputesScorecards(t *testing.T) {
	sofficeBin(t)
	dir := t.TempDir()
	type export struct {
		path string
		lays []sheet.Layout
		cs   []sheettest.Case
	}
	var exports []export
	for _, c := range sheettest.Cases() {
		// One workbook per window; the plans of the same window share one.
		if len(exports) == 0 || exports[len(exports)-1].cs[0].At != c.At {
			exports = append(exports, export{path: filepath.Join(dir, fmt.Sprintf("cards%d.xlsx", len(exports)))})
		}
		e := &exports[len(exports)-1]
		e.cs = append(e.cs, c)
	}
	var files []string
	for i := range exports {
		e := &exports[i]
		plans := make([]*app.Plan, len(e.cs))
		for j, c := range e.cs {
			plans[j] = c.Plan
		}
		wb, lays := sheet.Scorecards(plans, score.PickAt(e.cs[0].At), nil)
		for _, s := range wb.Sheets {
			poison(s)
		}
		e.lays = lays
		if err := Write(context.Background(), e.path, wb, Options{}); err != nil {
			t.Fatal(err)
		}
		files = append(files, e.path)
	}
	edited, editedPlan, editedLay := editedScorecard(t, dir)
	vi, err := i18n.New("vi")
	if err != nil {
		t.Fatal(err)
	}
	viPlans := casePlans()
	viWB, viLays := sheet.Scorecards(viPlans, score.PickAt(-1), vi.T)
	viPath := filepath.Join(dir, "vi.xlsx")
	if err := Write(context.Background(), viPath, viWB, Options{}); err != nil {
		t.Fatal(err)
	}
	paPlans, paPath := planActualFile(t, dir)
	grids := recalc(t, append(files, edited, viPath, paPath)...)
	for _, c := range paPlans {
		checkPlanActual(t, grids[paPath], c)
	}
	checkScorecard(t, "edited in a spreadsheet", grids[edited][editedLay.Sheet], editedLay, score.Plan(editedPlan, -1), nil)
	for i, p := range viPlans {
		checkScorecard(t, "vi "+p.Name, grids[viPath][viLays[i].Sheet], viLays[i], score.Plan(p, -1), func(s string) string { return vi.T(s) })
	}
	for _, e := range exports {
		for j, c := range e.cs {
			g, ok := grids[e.path][e.lays[j].Sheet]
			if !ok {
				t.Errorf("%s: no CSV for sheet %q", c.Name, e.lays[j].Sheet)
				continue
			}
			checkScorecard(t, c.Name, g, e.lays[j], score.Plan(c.Plan, c.At), nil)
		}
	}
}

// editedScorecard writes the directions plan's scorecard, then changes a
// target, a baseline, an actual, a group weight and the base bonus in the
// file as a spreadsheet user would, and returns the file with the plan
// those edits make, whose scores the recomputed file must show.
func editedScorecard(t *testing.T, dir string) (string, *app.Plan, sheet.Layout) {
	t.Helper()
	p := sheettest.Cases()[0].Plan
	wb, lays := sheet.Scorecards([]*app.Plan{p}, score.PickAt(-1), nil)
	path := filepath.Join(dir, "edited.xlsx")
	if err := Write(context.Background(), path, wb, Options{}); err != nil {
		t.Fatal(err)
	}
	lay := lays[0]
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q := p.Clone()
	set := func(col, row int, v float64) {
		if err := f.SetCellFloat(lay.Sheet, sheet.Ref(col, row), v, -1, 64); err != nil {
			t.Fatal(err)
		}
	}
	h1, h2, l1 := lay.KPIRows[0], lay.KPIRows[1], lay.KPIRows[2]
	set(sheet.ColTarget, h1, 80) // h1: 90/80, capped at 1.2
	q.KPIs[0].Target = 80
	set(sheet.ColBaseline, h2, 70) // h2: (80−70)/(100−70)
	q.KPIs[1].Baseline = app.Float(70)
	set(sheet.ColActual, l1, 40) // l1: 20/40
	q.KPIs[2].Actuals = []app.Actual{{Period: 0, Value: 40}}
	set(sheet.ColWeight, lay.GroupRows[2], 40) // group C weighs 40 instead of 20
	q.Rules.GroupWeights[app.GroupC] = 40
	set(sheet.ColScore, lay.BaseBonusRow, 20_000_000)
	q.Person.BaseBonus = 20_000_000
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	return path, q, lay
}

// companyPlans is a demo company with some plans given other bonus rules,
// so that the rules sheet holds several rule sets, and the rule cases.
func companyPlans() []*app.Plan {
	plans := demo.Company(300, 3)
	for i := 10; i < 40; i++ {
		plans[i].Rules.BonusMode = app.BonusLinear
	}
	for i := 40; i < 60; i++ {
		plans[i].Rules.BonusMode = app.BonusLinear
		plans[i].Rules.LinearCap = 0.9
	}
	for i := 60; i < 80; i++ {
		plans[i].Rules.Bands = []app.Band{{Min: 100, Name: "Xuất sắc", Multiplier: 2}, {Min: 80, Name: "Đạt", Multiplier: 1}}
	}
	for _, c := range sheettest.Cases() {
		plans = append(plans, c.Plan)
	}
	return plans
}

func TestLibreOfficeRecomputesCompany(t *testing.T) {
	sofficeBin(t)
	// Small limits: the actuals sheet is written in bulk and continues on
	// more sheets; with 100, the bonus sheet is written in bulk too (as for
	// a company of 5 000 people or more), its text as shared strings.
	for _, bulkAt := range []int{1000, 100} {
		t.Run(fmt.Sprintf("bulk from %d rows", bulkAt), func(t *testing.T) { recomputeCompany(t, bulkAt) })
	}
}

func recomputeCompany(t *testing.T, bulkAt int) {
	plans := companyPlans()
	const window = 8 // January to September
	wb, lay := sheet.Company(plans, score.PickAt(window), nil)
	poison(wb.Sheets[0])
	want := sheet.Collect(wb.Sheets[2]) // the actuals, before writing
	path := filepath.Join(t.TempDir(), "company.xlsx")
	if err := write(context.Background(), path, wb, Options{}, limits{maxRows: 5000, bulkRows: bulkAt}); err != nil {
		t.Fatal(err)
	}
	grids := recalc(t, path)[path]
	g := grids[lay.Bonus]
	pool := 0.0
	for i, p := range plans {
		res := score.Plan(p, window)
		pool += res.Bonus
		r := i + 1
		where := fmt.Sprintf("plan %d (%s)", i, p.Name)
		checkNum(t, where+" total", g, r, sheet.CoTotal, res.Official, res.HasTotal)
		checkNum(t, where+" multiplier", g, r, sheet.CoMultiplier, res.Rating.Multiplier, res.HasTotal)
		checkNum(t, where+" bonus", g, r, sheet.CoBonus, res.Bonus, res.HasTotal)
		if got := at(g, r, sheet.CoRating); got != res.Rating.Name {
			t.Errorf("%s rating: LibreOffice computed %q, the engine %q", where, got, res.Rating.Name)
		}
	}
	checkNum(t, "bonus pool", g, lay.TotalRow, sheet.CoBonus, pool, true)
	checkActuals(t, grids, lay.Actuals, want)
}

// checkActuals compares the actuals sheet and its continuations, as
// LibreOffice read them, with the rows of the model.
func checkActuals(t *testing.T, grids map[string][][]string, name string, want []sheet.Row) {
	t.Helper()
	var got [][]string
	for part := 1; ; part++ {
		sheetName := name
		if part > 1 {
			sheetName = fmt.Sprintf("%s (%d)", name, part)
		}
		g, ok := grids[sheetName]
		if !ok {
			break
		}
		if part > 1 {
			g = g[1:] // the repeated header
		}
		got = append(got, g...)
	}
	if len(got) != len(want) {
		t.Fatalf("actuals: LibreOffice read %d rows over the parts, the model has %d", len(got), len(want))
	}
	for r, row := range want {
		for c := range row {
			cell := &row[c]
			g := at(got, r, c)
			switch cell.Kind {
			case sheet.Text:
				if g != cell.Str {
					t.Fatalf("actuals %s: got %q, want %q", sheet.Ref(c, r), g, cell.Str)
				}
			case sheet.Date: // LibreOffice writes MM/DD/YYYY, or ISO for ISO formats
				d := sheet.FromSerial(cell.Num).Time()
				if g != d.Format("01/02/2006") && g != d.Format("2006-01-02") {
					t.Fatalf("actuals %s: got %q, want %s", sheet.Ref(c, r), g, d.Format("2006-01-02"))
				}
			case sheet.Number:
				if !near(g, cell.Num) {
					t.Fatalf("actuals %s: got %q, want %v", sheet.Ref(c, r), g, cell.Num)
				}
			}
		}
	}
}
