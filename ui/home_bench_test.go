package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app/demo"
	"kpiplanner/app/library"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// BenchmarkHomeFilterKeystroke10k is one keystroke in the plans list's
// search over 10 000 plans, as the window sees it: the entry's text set,
// the rows filtered, sorted and the table refreshed (goal: < 100 ms).
func BenchmarkHomeFilterKeystroke10k(b *testing.B) {
	a := test.NewTempApp(b)
	store, err := storage.Open(filepath.Join(b.TempDir(), "kpi.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = store.Close() })
	if err := store.SavePlans(demo.CompanyIn(10_000, 1, "vi")); err != nil {
		b.Fatal(err)
	}
	lib, err := library.Load()
	if err != nil {
		b.Fatal(err)
	}
	u := New(a, store, lib, Options{Sync: true, Lang: "vi", Today: testToday, Files: xlsx.Files{}})
	u.win.Resize(fyne.NewSize(1366, 768))
	h := u.home
	if len(h.all) != 10_000 {
		b.Fatalf("the list has %d plans", len(h.all))
	}
	typed := []rune("nguyễn thị")
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		i = i%len(typed) + 1
		h.search.SetText(string(typed[:i]))
	}
}
