package xlsx

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"
	"time"

	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
)

// BenchmarkCompanyExport10k writes the bonus workbook of the 10 000-person
// demo company (bonus sheet, rules, ~1 M actuals rows). Goal: < 2 s, < 150 MB.
func BenchmarkCompanyExport10k(b *testing.B) {
	plans := demo.Company(10_000, 1)
	path := filepath.Join(b.TempDir(), "company.xlsx")
	b.ReportAllocs()
	peak := peakHeap(b)
	cpu := cpuTime()
	for b.Loop() {
		if _, err := WriteCompany(context.Background(), path, plans, score.PickAt(-1), Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(peak(), "peak-heap-MB")
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
	}
}

// peakHeap samples the live heap every 5 ms from now on and returns a
// function that stops sampling and reports the peak above the heap at the
// start (the plans themselves), in MiB.
func peakHeap(b *testing.B) func() float64 {
	b.Helper()
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				if v := read(); v > peak.Load() {
					peak.Store(v)
				}
			}
		}
	}()
	b.ResetTimer()
	return func() float64 {
		close(stop)
		<-done
		return float64(peak.Load()-min(base, peak.Load())) / (1 << 20)
	}
}

// BenchmarkCompanyCSV10k writes the same tables as CSV files.
func BenchmarkCompanyCSV10k(b *testing.B) {
	plans := demo.Company(10_000, 1)
	path := filepath.Join(b.TempDir(), "company.csv")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteCompany(context.Background(), path, plans, score.PickAt(-1), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScorecardExport writes the scorecards of 10 demo plans.
func BenchmarkScorecardExport(b *testing.B) {
	plans := demo.Company(10, 1)
	path := filepath.Join(b.TempDir(), "cards.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteScorecards(context.Background(), path, plans, score.PickAt(-1), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompanyModel10k only produces the company workbook's rows.
func BenchmarkCompanyModel10k(b *testing.B) {
	plans := demo.Company(10_000, 1)
	b.ReportAllocs()
	for b.Loop() {
		wb, _ := sheet.Company(plans, score.PickAt(-1), nil)
		n := 0
		for _, s := range wb.Sheets {
			for range s.Rows {
				n++
			}
		}
		if n != wb.NumRows() {
			b.Fatalf("%d rows, NumRows %d", n, wb.NumRows())
		}
	}
}

// BenchmarkCompanyExport10kStreamWriter writes the same workbook with every
// sheet through excelize's stream writer, for comparison with bulk writing.
func BenchmarkCompanyExport10kStreamWriter(b *testing.B) {
	plans := demo.Company(10_000, 1)
	path := filepath.Join(b.TempDir(), "company.xlsx")
	b.ReportAllocs()
	peak := peakHeap(b)
	cpu := cpuTime()
	for b.Loop() {
		wb, _ := sheet.Company(plans, score.PickAt(-1), nil)
		if err := write(context.Background(), path, wb, Options{}, limits{maxRows: MaxRows, bulkRows: 1 << 30}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(peak(), "peak-heap-MB")
}
