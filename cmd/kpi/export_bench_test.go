//go:build unix

package main

import (
	"io"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"kpiplanner/internal/benchdata"
)

// BenchmarkExportCompanyCommand10k is `kpi export --company --out F.xlsx`
// for 10 000 people as the user waits for it: opening the database, loading
// and scoring every plan and writing the workbook. It reports the CPU time
// and the peak resident memory of the command (VmHWM, reset at the start).
func BenchmarkExportCompanyCommand10k(b *testing.B) {
	db := benchdata.Company(b, 10_000)
	out := filepath.Join(b.TempDir(), "company.xlsx")
	args := []string{"--db", db, "--today", "2026-12-31", "export", "--company", "--out", out}
	stop := benchdata.Peak()
	cpu := cpuNow()
	b.ResetTimer()
	for b.Loop() {
		if code := run(args, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	b.StopTimer()
	heap, rss := stop()
	b.ReportMetric(float64((cpuNow()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(heap, "peak-heap-MB")
	b.ReportMetric(rss, "peak-rss-MB")
}

// cpuNow is the process's user and system CPU time so far.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
