package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// teamDB returns a database holding teamDoc's plan 1.
func teamDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "k.db")
	if code, _, errs := kpi(t, "import", writeFile(t, "team.json", teamDoc), "--db", db); code != 0 {
		t.Fatalf("import: %s", errs)
	}
	return db
}

// exported returns plan 1 as a plan document, to compare before and after.
func exported(t *testing.T, db string) string {
	t.Helper()
	code, out, errs := kpi(t, "export-json", "1", "--db", db)
	if code != 0 {
		t.Fatalf("export-json: %s", errs)
	}
	return out
}

// actualsOf returns the actuals of KPI id of plan 1 as compact JSON.
func actualsOf(t *testing.T, db, id string) string {
	t.Helper()
	var doc struct {
		Plans []struct {
			KPIs []struct {
				ID      string            `json:"id"`
				Actuals []json.RawMessage `json:"actuals"`
			} `json:"kpis"`
		} `json:"plans"`
	}
	if err := json.Unmarshal([]byte(exported(t, db)), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range doc.Plans[0].KPIs {
		if k.ID == id {
			var b bytes.Buffer
			for _, a := range k.Actuals {
				_ = json.Compact(&b, a)
			}
			return b.String()
		}
	}
	t.Fatalf("no KPI %s", id)
	return ""
}

// refused runs a command that must fail with exit 1 naming every one of
// want, and leave the database as it was.
func refused(t *testing.T, db string, want []string, args ...string) {
	t.Helper()
	before := exported(t, db)
	code, out, errs := kpi(t, append(args, "--db", db)...)
	if code != exitUser {
		t.Fatalf("%v: exit %d, want %d; out %q err %q", args, code, exitUser, out, errs)
	}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("%v: error %q does not name %q", args, errs, w)
		}
	}
	if exported(t, db) != before {
		t.Errorf("%v: a refused import changed the database", args)
	}
}

// imported runs an import that must succeed, printing every one of want.
func imported(t *testing.T, db string, want []string, args ...string) string {
	t.Helper()
	code, out, errs := kpi(t, append(args, "--db", db)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("%v: output %q does not say %q", args, out, w)
		}
	}
	return out
}

func TestImportKPISheetChangingAggregationIsRefusedUnlessConfirmed(t *testing.T) {
	db := teamDB(t)
	// k1 (last, 2 actuals) becomes a ratio: its values would read as numerators without denominators.
	sheet := writeFile(t, "kpis.csv", "KPI code,Aggregation,Target\r\nk1,Ratio,100\r\nk2,Last value,120\r\n")
	// The plan is approved: its KPI definitions are its terms, refused until it is reopened.
	refused(t, db, []string{"nothing imported", "is approved: reopen it to change its terms"}, "import", sheet, "--plan", "1", "--kpis", "--allow-dropping-actuals")
	mustKPI(t, "reopen", "1", "--reason", "new KPI definitions", "--db", db)
	refused(t, db, []string{"k1", "Revenue from new customers"}, "import", sheet, "--plan", "1", "--kpis")
	refused(t, db, []string{"aggregation from last to ratio", "--allow-dropping-actuals"}, "import", sheet, "--plan", "1", "--kpis")
	out := imported(t, db, []string{"imported 2 KPI row(s)", "k1 (Revenue from new customers)"}, "import", sheet, "--plan", "1", "--kpis", "--allow-dropping-actuals")
	if strings.Contains(out, "k2") {
		t.Errorf("k2 kept its aggregation, yet it is listed: %s", out)
	}
	// A change that keeps the actuals' meaning needs no confirmation.
	imported(t, db, []string{"imported 1 KPI row(s)"}, "import", writeFile(t, "t.csv", "KPI code,Target\nk2,130\n"), "--plan", "1", "--kpis")
}

func TestImportCSVStrayQuoteIsAnError(t *testing.T) {
	db := teamDB(t)
	// Before the fix the quote on line 3 swallowed lines 3–5: 1 of 4 values imported, exit 0.
	csv := "KPI code,Period,Actual\r\nk4,2026-01,1\r\nk4,2026-02,\"2\r\nk4,2026-03,3\r\nk4,2026-04,4\r\n"
	refused(t, db, []string{"line 3", "quote"}, "import", writeFile(t, "a.csv", csv), "--plan", "1")
	bare := "KPI code,Period,Actual\r\nk4,2026-01,1\r\nk4,2026-02,2\"\r\n"
	refused(t, db, []string{"line 3", "quote"}, "import", writeFile(t, "b.csv", bare), "--plan", "1")
}

func TestImportNumberAmbiguousInEitherLanguageIsRefused(t *testing.T) {
	for _, lang := range []string{"en", "vi"} {
		db := teamDB(t)
		for _, tc := range []struct{ in, a, b string }{
			{"1.500", "1500", "1.5"}, {"1,500", "1500", "1.5"}, {"500.000", "500000", "500"}, {"12.500", "12500", "12.5"},
		} {
			csv := fmt.Sprintf("KPI code,Period,Actual\nk4,2026-01,\"%s\"\n", tc.in)
			refused(t, db, []string{"row 2", "Actual", tc.in, "ambiguous", tc.a, tc.b}, "import", writeFile(t, "n.csv", csv), "--plan", "1", "--lang", lang)
		}
		// Spaces, non-breaking and narrow non-breaking spaces group digits in both languages.
		csv := "KPI code,Period,Actual\nk1,2026-05,10 000 000\nk1,2026-06,10\u00a0000\u00a0001\nk1,2026-07,10\u202f000\u202f002\n"
		imported(t, db, []string{"imported 3 actual(s)"}, "import", writeFile(t, "s.csv", csv), "--plan", "1", "--lang", lang)
		if got := actualsOf(t, db, "k1"); !strings.Contains(got, `"value":10000000}`) || !strings.Contains(got, `"value":10000001}`) || !strings.Contains(got, `"value":10000002}`) {
			t.Errorf("%s: k1 actuals %s", lang, got)
		}
	}
	// Unambiguous forms keep working: 1.234.567 and 12,5 in vi; 1,234,567 and 12.5 in en.
	for lang, vals := range map[string][2]string{"vi": {"1.234.567", "12,5"}, "en": {"1,234,567", "12.5"}} {
		db := teamDB(t)
		csv := fmt.Sprintf("KPI code,Period,Actual\nk1,2026-05,\"%s\"\nk1,2026-06,\"%s\"\n", vals[0], vals[1])
		imported(t, db, []string{"imported 2 actual(s)"}, "import", writeFile(t, "u.csv", csv), "--plan", "1", "--lang", lang)
		if got := actualsOf(t, db, "k1"); !strings.Contains(got, `"value":1234567}`) || !strings.Contains(got, `"value":12.5}`) {
			t.Errorf("%s: k1 actuals %s", lang, got)
		}
	}
	// A number the sheet stores as a number is never ambiguous.
	db := teamDB(t)
	path := xlsxFile(t, map[string]any{"A1": "KPI code", "B1": "Period", "C1": "Actual", "A2": "k4", "B2": "2026-01", "C2": 1.5})
	imported(t, db, []string{"imported 1 actual(s)"}, "import", path, "--plan", "1", "--lang", "vi")
}

// xlsxFile writes an .xlsx file with the given cells (formulas start with =) and returns its path.
func xlsxFile(t *testing.T, cells map[string]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for ref, v := range cells {
		var err error
		if s, ok := v.(string); ok && strings.HasPrefix(s, "=") {
			err = f.SetCellFormula("Sheet1", ref, s[1:])
		} else {
			err = f.SetCellValue("Sheet1", ref, v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "in.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportFormulasWithoutCachedValuesAreComputed(t *testing.T) {
	db := teamDB(t)
	// excelize, like openpyxl and pandas, saves formulas without their results.
	path := xlsxFile(t, map[string]any{"A1": "KPI code", "B1": "Period", "C1": "Actual",
		"A2": "k4", "B2": "2026-01", "C2": "=1+2", "A3": "k4", "B3": "2026-02", "C3": "=C2*2"})
	imported(t, db, []string{"imported 2 actual(s)"}, "import", path, "--plan", "1")
	if got := actualsOf(t, db, "k4"); got != `{"period":"2026-01","value":3}{"period":"2026-02","value":6}` {
		t.Errorf("k4 actuals %s, want 3 and 6", got)
	}
	// One that cannot be computed is refused, naming the cell.
	bad := xlsxFile(t, map[string]any{"A1": "KPI code", "B1": "Period", "C1": "Actual",
		"A2": "k4", "B2": "2026-03", "C2": "=NOSUCHFUNCTION(1)"})
	refused(t, db, []string{"C2", "formula"}, "import", bad, "--plan", "1")
}

func TestImportNothingIsAnError(t *testing.T) {
	db := teamDB(t)
	for name, body := range map[string]string{
		"header only":  "KPI code,Period,Actual\n",
		"empty values": "KPI code,Period,Actual\nk4,2026-01,\nk1,2026-02,\n",
	} {
		refused(t, db, []string{"nothing to import"}, "import", writeFile(t, name+".csv", body), "--plan", "1")
	}
	refused(t, db, []string{"nothing to import"}, "import", writeFile(t, "k.csv", "KPI code,Name\n"), "--plan", "1", "--kpis")
	refused(t, db, []string{"nothing to import"}, "import", xlsxFile(t, map[string]any{"A1": "KPI code", "B1": "Period", "C1": "Actual", "A2": "k4", "B2": "2026-01", "C2": `=""`}), "--plan", "1")
}

func TestImportPasswordProtectedXLSX(t *testing.T) {
	db := teamDB(t)
	f := excelize.NewFile()
	for ref, v := range map[string]any{"A1": "KPI code", "B1": "Period", "C1": "Actual", "A2": "k4", "B2": "2026-01", "C2": 2} {
		_ = f.SetCellValue("Sheet1", ref, v)
	}
	path := filepath.Join(t.TempDir(), "secret.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: "s3cret"}); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	refused(t, db, []string{"this file is password-protected", "--password"}, "import", path, "--plan", "1")
	refused(t, db, []string{"wrong password"}, "import", path, "--plan", "1", "--password", "nope")
	imported(t, db, []string{"imported 1 actual(s)"}, "import", path, "--plan", "1", "--password", "s3cret")
	pw := writeFile(t, "pw.txt", "s3cret\n")
	imported(t, db, []string{"imported 1 actual(s)"}, "import", path, "--plan", "1", "--password-file", pw)
	if code, _, _ := kpi(t, "import", path, "--plan", "1", "--db", db, "--password", "a", "--password-file", pw); code != exitUsage {
		t.Errorf("both --password and --password-file: exit %d, want usage", code)
	}
}

func TestImportCSVExcelViResaveWithSemicolonsAndTitleLines(t *testing.T) {
	db := teamDB(t)
	// What Excel set to Vietnamese writes when it re-saves our CSV template:
	// semicolons, the title and note lines above the header, padded rows, decimal commas.
	csv := "Thực tế — Sales 2026;;;;;\r\n" +
		"\"Mỗi KPI một dòng, mỗi kỳ một cột; KPI tỷ lệ có dòng tử số và dòng mẫu số.\";;;;;\r\n" +
		"Mã KPI;KPI;Đơn vị;Loại giá trị;2026-01;2026-02\r\n" +
		"k4;Training courses completed;Số lượng;Thực tế;1;2\r\n" +
		"k2;New customer orders;Số lượng;Thực tế;;12,5\r\n"
	imported(t, db, []string{"imported 3 actual(s)"}, "import", writeFile(t, "vi.csv", csv), "--plan", "1", "--lang", "vi")
	if got := actualsOf(t, db, "k2"); !strings.Contains(got, `"value":12.5`) {
		t.Errorf("k2 actuals %s", got)
	}
}

func TestImportCSVUTF16WithBOM(t *testing.T) {
	csv := "KPI code,Period,Actual\r\nk4,2026-01,1\r\nk4,2026-02,2\r\n"
	units := utf16.Encode([]rune(csv))
	for name, order := range map[string]binary.ByteOrder{"LE": binary.LittleEndian, "BE": binary.BigEndian} {
		db := teamDB(t)
		var b bytes.Buffer
		_ = binary.Write(&b, order, uint16(0xFEFF))
		_ = binary.Write(&b, order, units)
		path := filepath.Join(t.TempDir(), name+".csv")
		if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		imported(t, db, []string{"imported 2 actual(s)"}, "import", path, "--plan", "1")
	}
}
