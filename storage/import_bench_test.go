package storage_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/plandoc"
	"kpiplanner/storage"
)

// BenchmarkImportJSON10k streams a plan document of the 10 000-person demo
// company into a new database, as `kpi import` does (goal < 5 s, < 200 MB
// peak memory, which is measured on the command itself, see
// docs/performance.md): each plan is decoded, checked and put into one
// transaction as soon as its JSON object ends.
func BenchmarkImportJSON10k(b *testing.B) {
	var doc bytes.Buffer
	if err := plandoc.Encode(&doc, demo.Company(10_000, 1)); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer() // it also drops metrics reported before it
	for b.Loop() {
		b.StopTimer()
		s, err := storage.Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		n, err := s.ImportPlans(func(put func(*app.Plan) error) error {
			return plandoc.Stream(bytes.NewReader(doc.Bytes()), put)
		})
		if err != nil || n != 10_000 {
			b.Fatalf("imported %d plans: %v", n, err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(doc.Len())/1e6, "MB-json")
}
