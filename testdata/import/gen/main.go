//go:build ignore

// Command gen writes the workbooks of the import fixtures (testdata/import):
// sheets laid out as companies lay out their own KPI workbooks, each with the
// mapping (NAME.mapping.json) that imports it. Run it from the repository
// root after changing it:
//
//	go run testdata/import/gen/main.go
//
// cmd/kpi's TestImportFixtures imports each one and checks the preview,
// the plans and their scores.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

const dir = "testdata/import"

func main() {
	log.SetFlags(0)
	wideMonth()
	wideQuarter()
	long()
	kpisDown()
	header25()
	bilingual()
	percent()
	formulas()
	hiddenFirst()
	semicolonUTF16()
	weeks()
	serialHeaders()
	cp1258()
	sheetPerPerson()
	legacy()
}

// sheetPerPerson: one sheet per person, named after them, the same KPIs on
// each; a hidden sheet of notes is not read.
func sheetPerPerson() {
	b := newBook("Lý Thị Kim")
	for i, p := range []struct {
		name string
		v    []any
	}{{"Lý Thị Kim", []any{30, 40}}, {"Mai Văn Long", []any{5, 6}}} {
		if i > 0 {
			if _, err := b.f.NewSheet(p.name); err != nil {
				log.Fatal(err)
			}
			b.sheet = p.name
		}
		b.row(1, "Tên KPI", "Mục tiêu", "Tháng 1", "Tháng 2")
		b.row(2, append([]any{"Số khách hàng", 420}, p.v...)...)
	}
	if _, err := b.f.NewSheet("Ghi chú"); err != nil {
		log.Fatal(err)
	}
	b.sheet = "Ghi chú"
	b.row(1, "Tên KPI", "Mục tiêu", "Tháng 1")
	b.row(2, "Không đọc", 1, 1)
	if err := b.f.SetSheetVisible("Ghi chú", false); err != nil {
		log.Fatal(err)
	}
	b.save("sheet-per-person.xlsx")
	write("sheet-per-person.mapping.json", `{
  "version": 1,
  "all_sheets": true,
  "header_row": 1,
  "layout": "kpis_down",
  "columns": [
    {"column": "A", "header": "Tên KPI", "field": "kpi"},
    {"column": "B", "header": "Mục tiêu", "field": "target"},
    {"column": "C", "header": "Tháng 1", "field": "actual", "period": 1},
    {"column": "D", "header": "Tháng 2", "field": "actual", "period": 2}
  ],
  "person": {"from_sheet_name": true},
  `+cycle2026+`
}
`)
}

// book is a workbook being written.
type book struct {
	f     *excelize.File
	sheet string
}

func newBook(sheet string) *book {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		log.Fatal(err)
	}
	return &book{f: f, sheet: sheet}
}

// row writes vals from column A of 1-based row r.
func (b *book) row(r int, vals ...any) {
	cell, _ := excelize.CoordinatesToCellName(1, r)
	if err := b.f.SetSheetRow(b.sheet, cell, &vals); err != nil {
		log.Fatal(err)
	}
}

func (b *book) merge(from, to string) {
	if err := b.f.MergeCell(b.sheet, from, to); err != nil {
		log.Fatal(err)
	}
}

// style gives the cells from:to the number format fmtID (9 = 0 %, 10 = 0.00 %, 14 = a date).
func (b *book) style(from, to string, fmtID int) {
	st, err := b.f.NewStyle(&excelize.Style{NumFmt: fmtID})
	if err != nil {
		log.Fatal(err)
	}
	if err := b.f.SetCellStyle(b.sheet, from, to, st); err != nil {
		log.Fatal(err)
	}
}

func (b *book) save(name string) {
	if err := b.f.SaveAs(filepath.Join(dir, name)); err != nil {
		log.Fatal(err)
	}
}

func write(name, body string) {
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		log.Fatal(err)
	}
}

const cycle2026 = `"cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"}`

// wideMonth: one row per person × KPI, a column per month, title rows above.
func wideMonth() {
	b := newBook("KPI 2026")
	b.row(1, "BẢNG THEO DÕI KPI NĂM 2026")
	b.row(2, "Phòng Kinh doanh")
	b.row(4, "Mã NV", "Họ tên", "Tên KPI", "ĐVT", "Trọng số", "Kế hoạch năm", "Tháng 1", "Tháng 2", "Tháng 3")
	b.row(5, "NV001", "Nguyễn Văn An", "Doanh số", "triệu đồng", 2, 1200, 90, 100, 110)
	b.row(6, "NV001", "Nguyễn Văn An", "Khách hàng mới", "khách hàng", 1, 60, 4, 5, 3)
	b.row(7, "NV002", "Trần Thị Bình", "Doanh số", "triệu đồng", 2, 600, 50, 40, 60)
	b.row(8, "", "", "Tổng", "", "", 1860, 144, 145, 173)
	b.save("wide-month.xlsx")
	write("wide-month.mapping.json", `{
  "version": 1,
  "sheet": "KPI 2026",
  "header_row": 4,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Mã NV", "field": "employee_code"},
    {"column": "B", "header": "Họ tên", "field": "person"},
    {"column": "C", "header": "Tên KPI", "field": "kpi"},
    {"column": "D", "header": "ĐVT", "field": "measure"},
    {"column": "E", "header": "Trọng số", "field": "weight"},
    {"column": "F", "header": "Kế hoạch năm", "field": "target"},
    {"column": "G", "header": "Tháng 1", "field": "actual", "period": 1},
    {"column": "H", "header": "Tháng 2", "field": "actual", "period": 2},
    {"column": "I", "header": "Tháng 3", "field": "actual", "period": 3}
  ],
  `+cycle2026+`
}
`)
}

// wideQuarter: quarters as columns, a quarterly cycle.
func wideQuarter() {
	b := newBook("Scorecard")
	b.row(1, "Employee code", "Employee name", "KPI", "Unit", "Direction", "Aggregation", "Target", "Q1", "Q2", "Q3", "Q4")
	b.row(2, "E100", "Alice Nguyen", "Support tickets closed", "count", "higher", "sum", 400, 90, 110, "", "")
	b.row(3, "E100", "Alice Nguyen", "Average response time", "hours", "lower", "average", 4, 5, 4, "", "")
	b.save("wide-quarter.xlsx")
	write("wide-quarter.mapping.json", `{
  "version": 1,
  "sheet": "Scorecard",
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Employee code", "field": "employee_code"},
    {"column": "B", "header": "Employee name", "field": "person"},
    {"column": "C", "header": "KPI", "field": "kpi"},
    {"column": "D", "header": "Unit", "field": "measure"},
    {"column": "E", "header": "Direction", "field": "direction"},
    {"column": "F", "header": "Aggregation", "field": "aggregation"},
    {"column": "G", "header": "Target", "field": "target"},
    {"column": "H", "header": "Q1", "field": "actual", "period": 1},
    {"column": "I", "header": "Q2", "field": "actual", "period": 2},
    {"column": "J", "header": "Q3", "field": "actual", "period": 3},
    {"column": "K", "header": "Q4", "field": "actual", "period": 4}
  ],
  "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "quarterly"}
}
`)
}

// long: one row per person × KPI × month; months as dates; a ratio KPI
// with numerator and denominator (one denominator 0, as a plan document may hold).
func long() {
	b := newBook("Data")
	b.row(1, "Employee code", "Employee name", "KPI", "Unit", "Target", "Month", "Actual", "Numerator", "Denominator", "Comment")
	rows := [][]any{
		{"E200", "Bao Tran", "Leads", "count", 120, 46023, 8, "", "", ""},
		{"E200", "Bao Tran", "Leads", "count", 120, 46054, 10, "", "", "trade fair"},
		{"E200", "Bao Tran", "Win rate", "%", 25, 46023, "", 3, 12, ""},
		{"E200", "Bao Tran", "Win rate", "%", 25, 46054, "", 0, 0, "no offers"},
		{"E201", "Chi Le", "Leads", "count", 60, 46023, 5, "", "", ""},
	}
	for i, r := range rows {
		b.row(i+2, r...)
	}
	b.style("F2", "F6", 14)
	b.save("long.xlsx")
	write("long.mapping.json", `{
  "version": 1,
  "sheet": "Data",
  "header_row": 1,
  "layout": "long",
  "columns": [
    {"column": "A", "header": "Employee code", "field": "employee_code"},
    {"column": "B", "header": "Employee name", "field": "person"},
    {"column": "C", "header": "KPI", "field": "kpi"},
    {"column": "D", "header": "Unit", "field": "measure"},
    {"column": "E", "header": "Target", "field": "target"},
    {"column": "F", "header": "Month", "field": "period"},
    {"column": "G", "header": "Actual", "field": "actual"},
    {"column": "H", "header": "Numerator", "field": "numerator"},
    {"column": "I", "header": "Denominator", "field": "denominator"},
    {"column": "J", "header": "Comment", "field": "comment"}
  ],
  `+cycle2026+`
}
`)
}

// kpisDown: one sheet, a block per person: labels, a header, the KPIs.
// The same KPI names recur in each block with other values.
func kpisDown() {
	b := newBook("Đánh giá")
	b.row(1, "PHIẾU ĐÁNH GIÁ KPI")
	r := 3
	for _, p := range []struct {
		code, name string
		sales      []any
	}{{"NV010", "Lê Văn Cường", []any{10, 20, 30}}, {"NV011", "Phạm Thị Dung", []any{1, 2, 3}}, {"NV012", "Hoàng Văn Em", []any{7, "", 9}}} {
		b.row(r, "Họ và tên: "+p.name)
		b.row(r+1, "Mã NV:", p.code)
		b.row(r+2, "STT", "Tên KPI", "ĐVT", "Trọng số", "Mục tiêu", "T1", "T2", "T3")
		b.row(r+3, append([]any{1, "Số hợp đồng", "hợp đồng", 1, 60}, p.sales...)...)
		b.row(r+4, 2, "Số khiếu nại", "lần", 1, 2, 1, 0, 0)
		r += 7
	}
	b.save("kpis-down.xlsx")
	write("kpis-down.mapping.json", `{
  "version": 1,
  "sheet": "Đánh giá",
  "header_row": 5,
  "layout": "kpis_down",
  "columns": [
    {"column": "A", "header": "STT", "field": ""},
    {"column": "B", "header": "Tên KPI", "field": "kpi"},
    {"column": "C", "header": "ĐVT", "field": "measure"},
    {"column": "D", "header": "Trọng số", "field": "weight"},
    {"column": "E", "header": "Mục tiêu", "field": "target"},
    {"column": "F", "header": "T1", "field": "actual", "period": 1},
    {"column": "G", "header": "T2", "field": "actual", "period": 2},
    {"column": "H", "header": "T3", "field": "actual", "period": 3}
  ],
  `+cycle2026+`
}
`)
}

// header25: a company form, the header at rows 25–26: the KPI name merged
// over both rows, each month merged over its Plan and Actual sub-columns.
func header25() {
	b := newBook("Form")
	b.row(1, "CÔNG TY CỔ PHẦN ABC")
	b.merge("A1", "F1")
	b.row(3, "Mã nhân viên:", "NV020")
	b.row(4, "Họ và tên:", "Đỗ Thị Giang")
	for r := 6; r <= 23; r++ {
		b.row(r, fmt.Sprintf("Hướng dẫn %d: điền số liệu vào các ô trắng.", r-5))
	}
	b.row(25, "TÊN KPI", "Trọng số", "Tháng 1", "", "Tháng 2", "", "Tháng 3", "")
	b.row(26, "", "", "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện")
	b.merge("A25", "A26")
	b.merge("B25", "B26")
	b.merge("C25", "D25")
	b.merge("E25", "F25")
	b.merge("G25", "H25")
	b.row(27, "Doanh thu", 3, 100, 80, 100, 120, 150, 150)
	b.row(28, "Số buổi đào tạo", 1, 2, 2, 2, 1, 2, 3)
	b.save("header25-merged.xlsx")
	write("header25-merged.mapping.json", `{
  "version": 1,
  "sheet": "Form",
  "header_row": 25,
  "layout": "kpis_down",
  "columns": [
    {"column": "A", "header": "TÊN KPI", "field": "kpi"},
    {"column": "B", "header": "Trọng số", "field": "weight"},
    {"column": "C", "header": "Tháng 1 / Kế hoạch", "field": "period_target", "period": 1},
    {"column": "D", "header": "Tháng 1 / Thực hiện", "field": "actual", "period": 1},
    {"column": "E", "header": "Tháng 2 / Kế hoạch", "field": "period_target", "period": 2},
    {"column": "F", "header": "Tháng 2 / Thực hiện", "field": "actual", "period": 2},
    {"column": "G", "header": "Tháng 3 / Kế hoạch", "field": "period_target", "period": 3},
    {"column": "H", "header": "Tháng 3 / Thực hiện", "field": "actual", "period": 3}
  ],
  `+cycle2026+`
}
`)
}

// bilingual: Vietnamese/English headers, last year's value, quarters as "Quý n / Qn".
func bilingual() {
	b := newBook("BSC")
	b.row(1, "MÃ NV/ Employee code", "TÊN KPI/ Name of KPI", "ĐƠN VỊ TÍNH/ Unit", "TRỌNG SỐ/ Weight", "CHỈ TIÊU/ Target",
		"CÙNG KỲ NĂM TRƯỚC/ Last year", "Quý 1/ Q1", "Quý 2/ Q2")
	b.row(2, "NV030", "Lợi nhuận gộp", "tỷ đồng", 2, 40, 35, 9, 11)
	b.row(3, "NV030", "Tỷ lệ nghỉ việc", "%", 1, 5, 6, "", "")
	b.save("bilingual.xlsx")
	write("bilingual.mapping.json", `{
  "version": 1,
  "sheet": "BSC",
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "MÃ NV/ Employee code", "field": "employee_code"},
    {"column": "B", "header": "TÊN KPI/ Name of KPI", "field": "kpi"},
    {"column": "C", "header": "ĐƠN VỊ TÍNH/ Unit", "field": "measure"},
    {"column": "D", "header": "TRỌNG SỐ/ Weight", "field": "weight"},
    {"column": "E", "header": "CHỈ TIÊU/ Target", "field": "target"},
    {"column": "F", "header": "CÙNG KỲ NĂM TRƯỚC/ Last year", "field": "reference"},
    {"column": "G", "header": "Quý 1/ Q1", "field": "actual", "period": 1},
    {"column": "H", "header": "Quý 2/ Q2", "field": "actual", "period": 2}
  ],
  "cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "quarterly"}
}
`)
}

// percent: percent-formatted cells (0.7075 shown as 70.75 %).
func percent() {
	b := newBook("Quality")
	b.row(1, "Employee code", "KPI", "Unit", "Target", "Jan", "Feb")
	b.row(2, "E300", "First call resolution", "%", 0.9, 0.7075, 0.95)
	b.row(3, "E300", "Calls handled", "count", 6000, 480, 520)
	b.style("D2", "F2", 10)
	b.save("percent.xlsx")
	write("percent.mapping.json", `{
  "version": 1,
  "sheet": "Quality",
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Employee code", "field": "employee_code"},
    {"column": "B", "header": "KPI", "field": "kpi"},
    {"column": "C", "header": "Unit", "field": "measure"},
    {"column": "D", "header": "Target", "field": "target"},
    {"column": "E", "header": "Jan", "field": "actual", "period": 1},
    {"column": "F", "header": "Feb", "field": "actual", "period": 2}
  ],
  `+cycle2026+`
}
`)
}

// formulas: actuals as formulas saved without results (as openpyxl writes them).
func formulas() {
	b := newBook("Calc")
	b.row(1, "Employee code", "KPI", "Target", "Jan", "Feb", "Mar")
	b.row(2, "E400", "Units shipped", 1680, 100, nil, nil)
	b.row(3, "E400", "Returns", nil, 2, nil, nil)
	for _, f := range [][2]string{{"E2", "D2*1.1"}, {"F2", "E2+D2"}, {"E3", "D3+1"}, {"F3", "SUM(D3:E3)"}, {"C3", "C2/25"}} {
		if err := b.f.SetCellFormula("Calc", f[0], f[1]); err != nil {
			log.Fatal(err)
		}
	}
	b.save("formulas.xlsx")
	write("formulas.mapping.json", `{
  "version": 1,
  "sheet": "Calc",
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Employee code", "field": "employee_code"},
    {"column": "B", "header": "KPI", "field": "kpi"},
    {"column": "C", "header": "Target", "field": "target"},
    {"column": "D", "header": "Jan", "field": "actual", "period": 1},
    {"column": "E", "header": "Feb", "field": "actual", "period": 2},
    {"column": "F", "header": "Mar", "field": "actual", "period": 3}
  ],
  `+cycle2026+`
}
`)
}

// hiddenFirst: a hidden first sheet of settings, the data on the second.
func hiddenFirst() {
	b := newBook("Config")
	b.row(1, "Tham số", "Giá trị")
	b.row(2, "Năm", 2026)
	if _, err := b.f.NewSheet("Số liệu"); err != nil {
		log.Fatal(err)
	}
	b.f.SetActiveSheet(1)
	if err := b.f.SetSheetVisible("Config", false); err != nil {
		log.Fatal(err)
	}
	b.sheet = "Số liệu"
	b.row(1, "Mã NV", "Chỉ tiêu", "Kế hoạch", "Kỳ", "Thực hiện")
	b.row(2, "NV040", "Số đơn hàng", 240, "Tháng 1", 18)
	b.row(3, "NV040", "Số đơn hàng", 240, "Tháng 2", 22)
	b.save("hidden-first.xlsx")
	write("hidden-first.mapping.json", `{
  "version": 1,
  "layout": "long",
  "columns": [
    {"column": "A", "header": "Mã NV", "field": "employee_code"},
    {"column": "B", "header": "Chỉ tiêu", "field": "kpi"},
    {"column": "C", "header": "Kế hoạch", "field": "target"},
    {"column": "D", "header": "Kỳ", "field": "period"},
    {"column": "E", "header": "Thực hiện", "field": "actual"}
  ],
  `+cycle2026+`
}
`)
}

// utf16 returns s as UTF-16 LE with a byte order mark.
func utf16le(s string) []byte {
	var buf bytes.Buffer
	buf.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(s)) {
		_ = binary.Write(&buf, binary.LittleEndian, u)
	}
	return buf.Bytes()
}

// semicolonUTF16: a CSV file as Excel's "Unicode text" or a Vietnamese
// locale writes it: UTF-16 LE, semicolons, decimal commas.
func semicolonUTF16() {
	lines := []string{
		"Mã NV;Họ tên;Tên KPI;ĐVT;Mục tiêu;Tháng 1;Tháng 2",
		"NV050;Vũ Thị Hoa;Tỷ lệ đúng hạn;%;95;92,5;97,25",
		"NV050;Vũ Thị Hoa;Chi phí;triệu đồng;1.200,5;100,25;98",
	}
	if err := os.WriteFile(filepath.Join(dir, "semicolon-utf16.csv"), utf16le(strings.Join(lines, "\r\n")+"\r\n"), 0o644); err != nil {
		log.Fatal(err)
	}
	write("semicolon-utf16.mapping.json", `{
  "version": 1,
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Mã NV", "field": "employee_code"},
    {"column": "B", "header": "Họ tên", "field": "person"},
    {"column": "C", "header": "Tên KPI", "field": "kpi"},
    {"column": "D", "header": "ĐVT", "field": "measure"},
    {"column": "E", "header": "Mục tiêu", "field": "target"},
    {"column": "F", "header": "Tháng 1", "field": "actual", "period": 1},
    {"column": "G", "header": "Tháng 2", "field": "actual", "period": 2}
  ],
  `+cycle2026+`
}
`)
}

// weeks: week columns, one heading left blank between Tuần 2 and Tuần 4.
func weeks() {
	b := newBook("Tuần")
	b.row(1, "Mã NV", "Tên KPI", "Mục tiêu", "Tuần 1", "Tuần 2", "", "Tuần 4")
	b.row(2, "NV060", "Cuộc gọi", 2600, 50, 45, 55, 60)
	b.save("weeks.xlsx")
	write("weeks.mapping.json", `{
  "version": 1,
  "sheet": "Tuần",
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Mã NV", "field": "employee_code"},
    {"column": "B", "header": "Tên KPI", "field": "kpi"},
    {"column": "C", "header": "Mục tiêu", "field": "target"},
    {"column": "D", "header": "Tuần 1", "field": "actual", "period": 1},
    {"column": "E", "header": "Tuần 2", "field": "actual", "period": 2},
    {"column": "F", "header": "", "field": "actual", "period": 3},
    {"column": "G", "header": "Tuần 4", "field": "actual", "period": 4}
  ],
  "cycle": {"start": "2026-01-05", "end": "2026-12-27", "frequency": "weekly"}
}
`)
}

// serialHeaders: month headers that are Excel date serials (44562 = 2022-01-01).
func serialHeaders() {
	b := newBook("2022")
	b.row(1, "Employee code", "KPI", "Target", 44562, 44593, 44621)
	b.row(2, "E500", "Deliveries", 1200, 95, 101, 99)
	b.save("serial-headers.xlsx")
	write("serial-headers.mapping.json", `{
  "version": 1,
  "sheet": "2022",
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Employee code", "field": "employee_code"},
    {"column": "B", "header": "KPI", "field": "kpi"},
    {"column": "C", "header": "Target", "field": "target"},
    {"column": "D", "header": "44562", "field": "actual", "period": 1},
    {"column": "E", "header": "44593", "field": "actual", "period": 2},
    {"column": "F", "header": "44621", "field": "actual", "period": 3}
  ],
  "cycle": {"start": "2022-01-01", "end": "2022-12-31", "frequency": "monthly"}
}
`)
}

// cp1258: a CSV file in Windows-1258 with vertical bars, as old Vietnamese
// Windows programs write it.
func cp1258() {
	text := "Mã NV|Tên KPI|Mục tiêu|Tháng 1\r\nNV070|Số đơn|100|9\r\n"
	enc := ""
	for _, r := range text {
		e, err := charmap.Windows1258.NewEncoder().String(string(r))
		if err != nil { // a tone mark cp1258 keeps apart: the letter, then the combining mark
			d := []rune(norm.NFD.String(string(r)))
			e, err = charmap.Windows1258.NewEncoder().String(norm.NFC.String(string(d[:len(d)-1])) + string(d[len(d)-1]))
			if err != nil {
				log.Fatal(err)
			}
		}
		enc += e
	}
	write("cp1258-bar.csv", enc)
	write("cp1258-bar.mapping.json", `{
  "version": 1,
  "header_row": 1,
  "layout": "wide",
  "columns": [
    {"column": "A", "header": "Mã NV", "field": "employee_code"},
    {"column": "B", "header": "Tên KPI", "field": "kpi"},
    {"column": "C", "header": "Mục tiêu", "field": "target"},
    {"column": "D", "header": "Tháng 1", "field": "actual", "period": 1}
  ],
  `+cycle2026+`
}
`)
}

// legacy: an Excel 97–2003 workbook (its OLE2 signature and an empty sector).
func legacy() {
	raw := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
	if err := os.WriteFile(filepath.Join(dir, "legacy.xls"), raw, 0o644); err != nil {
		log.Fatal(err)
	}
}
