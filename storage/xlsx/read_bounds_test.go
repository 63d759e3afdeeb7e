package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/sheet"
)

// withSheetXML writes a copy of a small excelize workbook whose first sheet's
// XML is what body writes, and returns its path.
func withSheetXML(t testing.TB, body func(w io.Writer)) string {
	t.Helper()
	f := excelize.NewFile()
	var src bytes.Buffer
	if err := f.Write(&src); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	zr, err := zip.NewReader(bytes.NewReader(src.Bytes()), int64(src.Len()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "in.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			body(w)
			io.WriteString(w, `</sheetData></worksheet>`)
			continue
		}
		rc, _ := zf.Open()
		_, _ = io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// emptyTempDir points the temporary directory to a new empty one and
// returns a check that nothing is left in it.
func emptyTempDir(t *testing.T) func() {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	return func() {
		t.Helper()
		if es, _ := os.ReadDir(dir); len(es) > 0 {
			t.Errorf("%d temporary file(s) left behind, e.g. %s", len(es), es[0].Name())
		}
	}
}

func TestImportXLSXZipBombIsRefused(t *testing.T) {
	defer func(b int64) { partBudget = b }(partBudget)
	partBudget = 4 << 20 // stands for sheet.MaxFileBytes: the file expands to 16 times it
	check := emptyTempDir(t)
	path := withSheetXML(t, func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>`)
		chunk := bytes.Repeat([]byte{' '}, 1<<20)
		for range 64 {
			_, _ = w.Write(chunk)
		}
		io.WriteString(w, `</t></is></c></row>`)
	})
	if fi, _ := os.Stat(path); fi.Size() > 1<<20 {
		t.Fatalf("the bomb is %d bytes", fi.Size())
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadGrid(path)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Fatalf("zip bomb: %v", err)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
		t.Errorf("reading the bomb allocated %d MB", grown>>20)
	}
	check()
}

func TestImportXLSXCellInColumnXFDIsRefused(t *testing.T) {
	check := emptyTempDir(t)
	f := excelize.NewFile()
	_ = f.SetCellValue("Sheet1", "A1", "KPI code")
	_ = f.SetCellValue("Sheet1", "XFD7", "x")
	path := filepath.Join(t.TempDir(), "wide.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	_, err := ReadGrid(path)
	if err == nil || !strings.Contains(err.Error(), "row 7 has a cell in column XFD") {
		t.Fatalf("cell in XFD: %v", err)
	}
	check()
}

func TestImportXLSXTooManyRowsIsRefused(t *testing.T) {
	path := withSheetXML(t, func(w io.Writer) {
		for r := 1; r <= sheet.MaxRows+1; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		}
	})
	_, err := ReadGrid(path)
	if err == nil || !strings.Contains(err.Error(), "more than 200000 rows") {
		t.Fatalf("too many rows: %v", err)
	}
	// A single row numbered beyond the bound is refused as soon as it is seen.
	far := withSheetXML(t, func(w io.Writer) { io.WriteString(w, `<row r="900000"><c r="A900000"><v>1</v></c></row>`) })
	if _, err := ReadGrid(far); err == nil || !strings.Contains(err.Error(), "more than 200000 rows") {
		t.Fatalf("row 900000: %v", err)
	}
}

func TestImportXLSXLeavesNoTemporaryFiles(t *testing.T) {
	check := emptyTempDir(t)
	// A sheet over excelize's 16 MB in-memory limit, with formulas to compute:
	// excelize extracts it to a temporary file, which must be removed.
	path := withSheetXML(t, func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>KPI code</t></is></c><c r="B1"><f>1+1</f></c></row>`)
		pad := strings.Repeat(" ", 1<<20)
		for r := 2; r < 20; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, pad)
		}
	})
	g, err := ReadGrid(path)
	if err != nil {
		t.Fatal(err)
	}
	if c := g[0][1]; !c.IsNum || c.Num != 2 {
		t.Errorf("B1 = %+v, want 2", c)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadGridContext(ctx, withSheetXML(t, func(w io.Writer) {
		for r := 1; r < 5000; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		}
	}), ReadOptions{}); err == nil {
		t.Error("a cancelled read succeeded")
	}
	check()
}

// BenchmarkImportActuals100k imports 100 000 actuals (1 000 KPIs × 100 weekly
// periods) from a long table, read, checked and applied. Goal: < 5 s, < 300 MB.
func BenchmarkImportActuals100k(b *testing.B) {
	p := app.NewPlan()
	p.Name = "Big"
	p.Cycle = app.Cycle{Start: app.NewDate(2026, 1, 5), End: app.NewDate(2027, 12, 31), Frequency: app.Weekly}
	periods := p.Cycle.Periods()[:100]
	for i := range 1000 {
		p.KPIs = append(p.KPIs, app.KPI{ID: fmt.Sprintf("k%d", i+1), Name: fmt.Sprintf("KPI %d", i+1), Unit: app.Number,
			Direction: app.Higher, Aggregation: app.Sum, Target: 100, Weight: 1, Group: app.GroupA})
	}
	dir := b.TempDir()
	files := map[string]string{"csv": filepath.Join(dir, "a.csv"), "xlsx": filepath.Join(dir, "a.xlsx")}
	wb := &sheet.Sheet{Name: "Actuals"}
	rows := []sheet.Row{{sheet.Str("KPI code", sheet.Header), sheet.Str("KPI", sheet.Header), sheet.Str("Period", sheet.Header), sheet.Str("Actual", sheet.Header)}}
	for i, k := range p.KPIs {
		for j, per := range periods {
			rows = append(rows, sheet.Row{sheet.Str(k.ID, 0), sheet.Str(k.Name, 0), sheet.Str(per.Label, 0), sheet.Num(float64(i*j%997)+0.25, 0, "")})
		}
	}
	wb.SetRows(rows)
	for _, path := range files {
		if _, err := WriteWorkbook(context.Background(), path, &sheet.Workbook{Sheets: []*sheet.Sheet{wb}}, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	for _, kind := range []string{"csv", "xlsx"} {
		b.Run(kind, func(b *testing.B) {
			b.ReportAllocs()
			peak := peakHeap(b)
			cpu := cpuTime()
			for b.Loop() {
				g, err := ReadGrid(files[kind])
				if err != nil {
					b.Fatal(err)
				}
				pv := sheet.ParseActuals(p, g, sheet.ImportOptions{})
				q, err := pv.Apply()
				if err != nil || len(pv.Changes) != 100_000 {
					b.Fatalf("%d changes, %v", len(pv.Changes), err)
				}
				_ = q
			}
			b.StopTimer()
			b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(peak(), "peak-heap-MB")
		})
	}
}
