package xlsx

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/importmap"
	"kpiplanner/app/workspace"
	"kpiplanner/internal/benchdata"
	"kpiplanner/storage"
)

// importBenchRows is the size of the sheet the import benchmarks read:
// 5 000 people × 10 KPIs, one row each, with three months of actuals.
const importBenchRows = 50_000

// writeImportBench writes a wide KPI workbook of importBenchRows rows.
func writeImportBench(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "kpi-50k.xlsx")
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	head := []any{"Mã NV", "Họ tên", "Tên KPI", "ĐVT", "Trọng số", "Kế hoạch năm", "Tháng 1", "Tháng 2", "Tháng 3"}
	if err := sw.SetRow("A1", head); err != nil {
		tb.Fatal(err)
	}
	for i := range importBenchRows {
		p, k := i/10, i%10
		row := []any{fmt.Sprintf("NV%05d", p), fmt.Sprintf("Nhân viên %d", p), fmt.Sprintf("Chỉ tiêu %d", k), "triệu đồng",
			1 + k%3, 1200 + k, 90 + k, 100 + p%7, 110}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// previewBench reads the workbook and previews its import into an empty workspace.
func previewBench(tb testing.TB, path string, st importmap.State) *importmap.Preview {
	tb.Helper()
	t, err := Importer{}.ReadTable(context.Background(), path, "", "")
	if err != nil {
		tb.Fatal(err)
	}
	m, _, err := importmap.Suggest(t, app.NewDate(2026, 4, 15))
	if err != nil {
		tb.Fatal(err)
	}
	rd, err := importmap.Read(t, m)
	if err != nil {
		tb.Fatal(err)
	}
	return importmap.BuildPreview(rd, m, st)
}

// BenchmarkImportPreview50k reads a 50 000-row sheet, suggests its mapping,
// reads it and builds the preview (5 000 new people and plans).
func BenchmarkImportPreview50k(b *testing.B) {
	path := writeImportBench(b)
	peak, cpu := benchdata.Peak(), cpuTime()
	for b.Loop() {
		pv := previewBench(b, path, importmap.State{})
		if n := pv.Count(importmap.PlanNew); n != importBenchRows/10 {
			b.Fatalf("%d new plans, want %d", n, importBenchRows/10)
		}
	}
	heap, rss := peak()
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(rss, "peak-rss-MB")
}

// BenchmarkImportApply50k saves the preview of the 50 000-row sheet (5 000
// people and plans of 10 KPIs) in one transaction into an empty workspace.
func BenchmarkImportApply50k(b *testing.B) {
	path := writeImportBench(b)
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		pv := previewBench(b, path, importmap.State{})
		db, err := storage.Open(filepath.Join(b.TempDir(), fmt.Sprintf("k%d.db", i)))
		if err != nil {
			b.Fatal(err)
		}
		ws := workspace.New(db)
		b.StartTimer()
		start := time.Now()
		res, err := ws.ApplySheetImport("kpi-50k.xlsx", "", pv)
		total += time.Since(start)
		b.StopTimer()
		if err != nil || res.Created != importBenchRows/10 {
			b.Fatalf("%+v, %v", res, err)
		}
		_ = db.Close()
		b.StartTimer()
	}
}
