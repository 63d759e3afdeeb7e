package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
)

// testUI opens a UI in lang, in Sync mode, over a new bbolt file in t.TempDir().
func testUI(t testing.TB, lang string) (*UI, *storage.DB) {
	t.Helper()
	a := test.NewTempApp(t)
	store, err := storage.Open(filepath.Join(t.TempDir(), "kpi.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	return New(a, store, lib, Options{Sync: true, Lang: lang, Today: testToday, OpenStore: openStore, Files: xlsx.Files{}}), store
}

// openStore opens a workspace file for the sample company, as cmd/kpiplanner does.
func openStore(path string) (app.Store, error) { return storage.Open(path) }

// testToday is the date the UI tests judge official windows on: mid-March
// 2026, inside the fixtures' cycles.
func testToday() app.Date { return app.NewDate(2026, 3, 15) }
