package importmap

import (
	"bytes"
	"encoding/binary"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"kpiplanner/app"
	"kpiplanner/app/plandoc"
)

func TestParsePeriod(t *testing.T) {
	for _, c := range []struct {
		cell Cell
		want PeriodRef
	}{
		{Cell{Text: "Tháng 1"}, PeriodRef{Month, 1, 0}},
		{Cell{Text: "THÁNG 12/2025"}, PeriodRef{Month, 12, 2025}},
		{Cell{Text: "T3"}, PeriodRef{Month, 3, 0}},
		{Cell{Text: "Jan-22"}, PeriodRef{Month, 1, 2022}},
		{Cell{Text: "September"}, PeriodRef{Month, 9, 0}},
		{Cell{Text: "2026-04"}, PeriodRef{Month, 4, 2026}},
		{Cell{Text: "05/2026"}, PeriodRef{Month, 5, 2026}},
		{Cell{Num: 44562, IsNum: true, Text: "44562"}, PeriodRef{Month, 1, 2022}}, // 2022-01-01
		{Cell{Text: "Q4"}, PeriodRef{Quarter, 4, 0}},
		{Cell{Text: "Quý 2"}, PeriodRef{Quarter, 2, 0}},
		{Cell{Text: "Quý III"}, PeriodRef{Quarter, 3, 0}},
		{Cell{Text: "Quý 1/ Q1"}, PeriodRef{Quarter, 1, 0}},
		{Cell{Text: "2026 Q2"}, PeriodRef{Quarter, 2, 2026}},
		{Cell{Text: "Tuần 7"}, PeriodRef{Week, 7, 0}},
		{Cell{Text: "W12"}, PeriodRef{Week, 12, 0}},
		{Cell{Text: "Week 3"}, PeriodRef{Week, 3, 0}},
		{Cell{Num: 5, IsNum: true, Text: "5"}, PeriodRef{Ordinal, 5, 0}},
	} {
		got, ok := ParsePeriod(c.cell)
		if !ok || got != c.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", c.cell.Text, got, ok, c.want)
		}
	}
	for _, s := range []string{"Doanh số", "Target", "Q5", "Tháng 13", "Quý 1/ Q2"} {
		if p, ok := ParsePeriod(Cell{Text: s}); ok {
			t.Errorf("ParsePeriod(%q) = %v, want no period", s, p)
		}
	}
}

func TestPeriodIndex(t *testing.T) {
	fy := app.Cycle{Start: app.NewDate(2025, 4, 1), End: app.NewDate(2026, 3, 31), Frequency: app.Monthly}
	// a fiscal year from April: month 4 is period 0, month 1 (of 2026) period 9
	for n, want := range map[int]int{4: 0, 12: 8, 1: 9, 3: 11} {
		if i, _, ok := (PeriodRef{Kind: Month, N: n}).Index(fy); !ok || i != want {
			t.Errorf("month %d: period %d (%v), want %d", n, i, ok, want)
		}
	}
	if _, why, ok := (PeriodRef{Kind: Quarter, N: 1}).Index(fy); ok || !strings.Contains(why.String(), "quarter") {
		t.Errorf("a quarter in a monthly cycle: %v %q, want a refusal", ok, why.String())
	}
}

func TestSuggestField(t *testing.T) {
	for header, want := range map[string]Field{
		"TÊN KPI/ Name of KPI": FKPI, "Ten KPI": FKPI, "Mã NV": FCode, "MA NHAN VIEN": FCode,
		"Họ và tên": FPerson, "ĐVT": FMeasure, "Unit of measure": FMeasure, "Trọng số (%)": FWeight,
		"Kế hoạch năm": FTarget, "Thực hiện": FActual, "Cùng kỳ năm trước": FReference, "Last year": FReference,
		"Tử số": FNumerator, "Mẫu số": FDenominator, "Ghi chú": FComment, "Chiều đánh giá": FDirection,
		"Nhóm": FGroup, "Phòng ban": FUnit, "Kỳ": FPeriod, "Chênh lệch": Ignore, "Baseline": FBaseline,
	} {
		if got, q := SuggestField(header); got != want || q == 0 && want != Ignore {
			t.Errorf("SuggestField(%q) = %q (quality %d), want %q", header, got, q, want)
		}
	}
	// a bilingual header naming two fields offers both, best first
	c := SuggestFields("CHỈ TIÊU/ Target")
	if len(c) < 2 || c[0].Field != FKPI || c[1].Field != FTarget {
		t.Errorf("SuggestFields(CHỈ TIÊU/ Target) = %v, want kpi then target", c)
	}
}

// formTable returns a sheet with a company form's title block, a person's
// labels, and the header at row 40: the KPI name merged over two rows,
// each month merged over its Plan and Actual sub-columns.
func formTable() *Table {
	t := &Table{Sheet: "Form"}
	row := func(cells ...string) []Cell {
		out := make([]Cell, len(cells))
		for i, s := range cells {
			out[i] = Cell{Text: s}
		}
		return out
	}
	t.Rows = append(t.Rows, row("CÔNG TY ABC - PHIẾU GIAO KPI"), row(), row("Mã nhân viên:", "NV9"), row("Họ tên:", "Ngô Bảo"))
	for len(t.Rows) < 39 {
		t.Rows = append(t.Rows, row("Ghi chú: điền vào ô trắng"))
	}
	t.Rows = append(t.Rows, row("Tên KPI", "Tháng 1", "", "Tháng 2", ""), row("", "Kế hoạch", "Thực hiện", "Plan", "Actual"))
	t.Rows = append(t.Rows, []Cell{{Text: "Doanh số"}, {Text: "10", Num: 10, IsNum: true}, {Text: "8", Num: 8, IsNum: true},
		{Text: "12", Num: 12, IsNum: true}, {Text: "15", Num: 15, IsNum: true}})
	t.Merged = []Merge{{Row0: 39, Col0: 0, Row1: 40, Col1: 0}, {Row0: 39, Col0: 1, Row1: 39, Col1: 2}, {Row0: 39, Col0: 3, Row1: 39, Col1: 4}}
	return t
}

func TestDetectHeaderDeepWithMergedGroups(t *testing.T) {
	tab := formTable()
	m, h, err := Suggest(tab, app.NewDate(2026, 5, 1))
	if err != nil {
		t.Fatal(err)
	}
	if h.Row != 39 || h.Rows != 2 || h.DataStart() != 41 {
		t.Fatalf("header at row %d (%d rows), want rows 40–41", h.Row+1, h.Rows)
	}
	want := []ColumnMap{{"A", "Tên KPI", FKPI, 0}, {"B", "Tháng 1 / Kế hoạch", FPeriodTgt, 1}, {"C", "Tháng 1 / Thực hiện", FActual, 1},
		{"D", "Tháng 2 / Plan", FPeriodTgt, 2}, {"E", "Tháng 2 / Actual", FActual, 2}}
	if len(m.Columns) != len(want) {
		t.Fatalf("columns %+v, want %+v", m.Columns, want)
	}
	for i := range want {
		if m.Columns[i] != want[i] {
			t.Errorf("column %d: %+v, want %+v", i, m.Columns[i], want[i])
		}
	}
	if m.Layout != KPIsDown || m.Person.FromSheetName || m.Cycle.Start != app.NewDate(2026, 1, 1) {
		t.Errorf("layout %s, from sheet name %v, cycle %s; want kpis_down with the person from the labels, 2026", m.Layout, m.Person.FromSheetName, m.Cycle.Start)
	}
	rd, err := Read(tab, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(rd.Records) != 1 || rd.Records[0].Person != (PersonKey{Code: "NV9", Name: "Ngô Bảo"}) {
		t.Fatalf("records %+v, want one of NV9 Ngô Bảo", rd.Records)
	}
	r := rd.Records[0]
	if r.PeriodTargets[0].V != 10 || r.PeriodTargets[1].V != 12 || r.Actuals[0].Value.V != 8 || r.Actuals[1].Value.V != 15 {
		t.Errorf("targets %v, actuals %v; want 10, 12 and 8, 15", r.PeriodTargets, r.Actuals)
	}
}

func utf16Bytes(s string, bo binary.ByteOrder, bom []byte) []byte {
	var b bytes.Buffer
	b.Write(bom)
	for _, u := range utf16.Encode([]rune(s)) {
		_ = binary.Write(&b, bo, u)
	}
	return b.Bytes()
}

func TestReadCSVEncodingsAndSeparators(t *testing.T) {
	text := "Mã NV,Tên KPI,Đạt\nNV1,Doanh số,\"1,5\"\n"
	enc1252, _ := charmap.Windows1252.NewEncoder().String("Name|KPI|Café\nA|Sales|3\n")
	for name, c := range map[string]struct {
		raw  []byte
		want string // the third cell of the first row
		rows int
	}{
		"utf-8":           {[]byte(text), "Đạt", 2},
		"utf-8 bom":       {append([]byte("\ufeff"), text...), "Đạt", 2},
		"utf-16le semi":   {utf16Bytes(strings.ReplaceAll(text, ",", ";"), binary.LittleEndian, []byte{0xFF, 0xFE}), "Đạt", 2},
		"utf-16be tab":    {utf16Bytes(strings.ReplaceAll(text, ",", "\t"), binary.BigEndian, []byte{0xFE, 0xFF}), "Đạt", 2},
		"windows-1252 |":  {[]byte(enc1252), "Café", 2},
		"windows-1258 vi": {[]byte("M\xE3 NV;T\xEAn KPI;\xD0a\xF2t\r\nNV1;A;1\r\n"), "Đạt", 2}, // Đ a + dot below + t
	} {
		tab, err := ReadCSV(bytes.NewReader(c.raw), "", 0)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if len(tab.Rows) != c.rows || len(tab.Rows[0]) < 3 || tab.Rows[0][2].Text != c.want {
			t.Errorf("%s: rows %v, want %d rows, the third header %q", name, tab.Rows, c.rows, c.want)
		}
	}
}

func TestNumber(t *testing.T) {
	for s, want := range map[string]float64{"1,234.5": 1234.5, "1.234,5": 1234.5, "70,75": 70.75, "1,234,567": 1234567,
		"1.234.567": 1234567, "(12)": -12, "12 %": 12, "0.5": 0.5, "1 200": 1200} {
		if v, _, ok := number(s); !ok || v != want {
			t.Errorf("number(%q) = %v, %v; want %v", s, v, ok, want)
		}
	}
	if _, pct, _ := number("70,75 %"); !pct {
		t.Error(`number("70,75 %") is not a percent`)
	}
}

// personPlan returns a registry person and their approved-never 2026 plan
// with one KPI holding January's actual.
func personPlan() (app.Employee, *app.Plan) {
	e := app.Employee{UID: "u1", Code: "NV1", Name: "An"}
	p := app.NewPlan()
	p.ID, p.UID, p.Name, p.PersonUID = 7, "p1", "An 2026", e.UID
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
	k := app.CustomKPI("k1", "Doanh số")
	k.Group, k.Target = app.GroupA, 120
	k.Actuals = []app.Actual{{Period: 0, Value: 10}}
	p.KPIs = []app.KPI{k}
	return e, p
}

func csvMapping() *Mapping {
	return &Mapping{Version: 1, HeaderRow: 1, Layout: Wide, Columns: []ColumnMap{
		{Column: "A", Field: FCode}, {Column: "B", Field: FKPI}, {Column: "C", Field: FActual, Period: 1}, {Column: "D", Field: FActual, Period: 2}},
		Cycle: CycleSpec{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}}
}

func preview(t *testing.T, csv string, m *Mapping, st State) *Preview {
	t.Helper()
	tab, err := ReadCSV(strings.NewReader(csv), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	rd, err := Read(tab, m)
	if err != nil {
		t.Fatal(err)
	}
	return BuildPreview(rd, m, st)
}

func TestPreviewNewChangedUnchangedRefused(t *testing.T) {
	e, p := personPlan()
	st := State{People: []app.Employee{e}, Plans: []*app.Plan{p}}
	// NV1's January stays 10, February is new; NV2 is a new person; row 4's February is no number
	pv := preview(t, "Mã NV,KPI,Tháng 1,Tháng 2,Ghi chú riêng\nNV1,Doanh số,10,12,x\nNV2,Doanh số,5,6,\nNV3,Doanh số,1,abc,\n", csvMapping(), st)
	// NV2's and NV3's new KPIs have no target column to take one from: refused, saying so
	if len(pv.Plans) != 3 || pv.Plans[0].Status != PlanChanged || pv.Plans[1].Status != PlanRefused || pv.Plans[2].Status != PlanRefused ||
		!strings.Contains(pv.Plans[1].Refused[0].Text(), "target: must be greater than 0") {
		for _, pp := range pv.Plans {
			t.Logf("%s %s %v", pp.Person, pp.Status, pp.Refused)
		}
		t.Fatalf("%d plans, want changed, refused, refused", len(pv.Plans))
	}
	edits := pv.Plans[0].Edits
	if len(edits) != 1 || edits[0].Path != "kpis[k1].actuals[2026-02].value" || edits[0].Old != "" || edits[0].New != "12" {
		t.Errorf("edits %+v, want February's actual added as 12", edits)
	}
	if p.KPIs[0].Actuals[0].Value != 10 || len(p.KPIs[0].Actuals) != 1 {
		t.Errorf("the preview changed the stored plan: %+v", p.KPIs[0].Actuals)
	}
	if len(pv.NewPeople) != 2 || pv.NewPeople[0].Code != "NV2" || !pv.Plans[1].NewPerson {
		t.Errorf("new people %+v, want NV2 and NV3", pv.NewPeople)
	}
	if len(pv.Refused) != 1 || pv.Refused[0].Row != 3 || pv.Refused[0].Col != 3 || pv.Refused[0].Value != "abc" {
		t.Errorf("refused %+v, want row 4, column D, abc", pv.Refused)
	}
	if got := pv.Refused[0].Text(); got != `row 4, column D ("abc"): actual is not a number` {
		t.Errorf("refusal %q", got)
	}
	if len(pv.Unread) != 1 || pv.Unread[0] != "E (Ghi chú riêng)" {
		t.Errorf("unread %v, want column E", pv.Unread)
	}

	// the same values again: unchanged, and an error naming the unread column
	pv = preview(t, "Mã NV,KPI,Tháng 1,Tháng 2,Ghi chú riêng\nNV1,Doanh số,10,,x\n", csvMapping(), st)
	if pv.Plans[0].Status != PlanUnchanged {
		t.Fatalf("status %s, want unchanged", pv.Plans[0].Status)
	}
	if err := pv.Check(); err == nil || !strings.Contains(err.Error(), "E (Ghi chú riêng)") || !strings.Contains(err.Error(), "change nothing") {
		t.Errorf("Check() = %v, want an error naming column E", err)
	}
}

func TestKPIsDownBlocksKeepTheirPeopleApart(t *testing.T) {
	csv := "Họ tên: An\nMã NV: NV1\nTên KPI,Mục tiêu,T1\nDoanh số,100,10\nHọ tên: Bình\nMã NV: NV2\nTên KPI,Mục tiêu,T1\nDoanh số,50,20\nKhiếu nại,2,1\n"
	m := &Mapping{Version: 1, HeaderRow: 3, Layout: KPIsDown, Columns: []ColumnMap{
		{Column: "A", Field: FKPI}, {Column: "B", Field: FTarget}, {Column: "C", Field: FActual, Period: 1}},
		Cycle: CycleSpec{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}}
	pv := preview(t, csv, m, State{})
	if len(pv.Plans) != 2 {
		t.Fatalf("%d plans, want 2", len(pv.Plans))
	}
	a, b := pv.Plans[0].New, pv.Plans[1].New
	if len(a.KPIs) != 1 || a.KPIs[0].Target != 100 || a.KPIs[0].Actuals[0].Value != 10 || pv.Plans[0].Person.Code != "NV1" {
		t.Errorf("An's plan %+v, want only Doanh số 100 with 10", a.KPIs)
	}
	if len(b.KPIs) != 2 || b.KPIs[0].Target != 50 || b.KPIs[0].Actuals[0].Value != 20 || pv.Plans[1].Person.Code != "NV2" {
		t.Errorf("Bình's plan %+v, want Doanh số 50 with 20 and Khiếu nại", b.KPIs)
	}
}

// TestZeroDenominatorsAsInAPlanDocument: a sheet and a plan document
// accept a ratio of 0/0 and refuse 5/0 alike (regression: sheets refused
// what JSON accepted).
func TestZeroDenominatorsAsInAPlanDocument(t *testing.T) {
	m := &Mapping{Version: 1, HeaderRow: 1, Layout: Wide, Columns: []ColumnMap{
		{Column: "A", Field: FCode}, {Column: "B", Field: FKPI}, {Column: "C", Field: FNumerator, Period: 1}, {Column: "D", Field: FDenominator, Period: 1},
		{Column: "E", Field: FTarget}, {Column: "F", Field: FMeasure}},
		Cycle: CycleSpec{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}}
	doc := func(num float64) string {
		return `{"format": "kpiplanner/plan@3", "plans": [{"name": "P", "status": "draft", "person": {"name": "An"}, "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"},
		"kpis": [{"id": "k1", "name": "Win rate", "unit": "percent", "direction": "higher", "target": 10, "weight": 1, "group": "A", "aggregation": "ratio",
		"actuals": [{"period": "2026-01", "num": ` + app.M("%g", num).String() + `, "den": 0}]}]}]}`
	}
	for num, ok := range map[float64]bool{0: true, 5: false} {
		pv := preview(t, "Mã NV,KPI,Tử số,Mẫu số,Mục tiêu,ĐVT\nNV1,Win rate,"+app.M("%g", num).String()+",0,10,%\n", m, State{})
		sheetOK := len(pv.Plans) == 1 && pv.Plans[0].Status == PlanNew
		_, err := plandoc.Unmarshal([]byte(doc(num)))
		if sheetOK != ok || (err == nil) != ok {
			t.Errorf("%g/0: the sheet accepts it %v (%v), the plan document %v (%v); want both %v", num, sheetOK, pv.Plans, err == nil, err, ok)
		}
	}
}

// TestAKnownIgnoredColumnTakesNoOtherField is the regression test for our
// KPI sheet's "Targets per period" column, which a second ignored column
// ("Achievement floor" before it) let fall through to its alternative,
// "period", turning the sheet into a long layout.
func TestAKnownIgnoredColumnTakesNoOtherField(t *testing.T) {
	seen := map[Field]bool{Ignore: true}
	f, q := SuggestField("Targets per period")
	c := HeaderCol{Col: 26, Text: "Targets per period", Field: f, Quality: q, Alt: []Field{FPeriod}}
	cm, ok := suggestColumn(c, app.Cycle{}, seen)
	if !ok || cm.Field != Ignore || seen[FPeriod] {
		t.Fatalf("got %+v (%v), want the column left out, not read as the period", cm, ok)
	}
}
