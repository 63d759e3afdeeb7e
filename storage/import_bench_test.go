package storage_test

import (
	"bytes"
	"path/filepath"
	"testing"

	"kpiplanner/app/demo"
	"kpiplanner/app/plandoc"
	"kpiplanner/storage"
)

// BenchmarkImportJSON10k decodes a plan document of the 10 000-person demo
// company and saves it, as `kpi import` does (goal < 5 s, < 200 MB).
func BenchmarkImportJSON10k(b *testing.B) {
	var doc bytes.Buffer
	if err := plandoc.Encode(&doc, demo.Company(10_000, 1)); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(doc.Len())/1e6, "MB-json")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, err := storage.Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		plans, err := plandoc.Unmarshal(doc.Bytes())
		if err != nil {
			b.Fatal(err)
		}
		if err := s.SavePlans(plans); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}
