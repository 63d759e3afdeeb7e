package ui

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/storage"
)

// syncedUI opens a UI over a database in a fake OneDrive folder holding one
// plan, with the data folder's database at dataPath.
func syncedUI(t *testing.T, a fyne.App, lang, dataPath string) (*UI, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "OneDrive - Công ty ABC", "KPI", "kpi.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	store, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close() })
	p := app.NewPlan()
	p.Name = "Kế hoạch của Lan"
	if err := store.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	place := &DatabasePlace{DataPath: dataPath, Synced: storage.SyncedFolder, Move: storage.MoveFile}
	u := New(a, store, lib, Options{Sync: true, Lang: lang, Today: testToday, OpenStore: openStore, Place: place})
	t.Cleanup(func() { _ = u.ws.Store().Close() })
	return u, path
}

func TestSyncedFolderWarningMovesTheDatabase(t *testing.T) {
	a := test.NewTempApp(t)
	dataPath := filepath.Join(t.TempDir(), "kpiplanner", "kpiplanner.db")
	u, path := syncedUI(t, a, "en", dataPath)
	u.win.Resize(fyne.NewSize(1024, 600))
	text := overlayText(u)
	if !strings.Contains(text, "synced by OneDrive") || !strings.Contains(text, "packets") || !strings.Contains(text, path) {
		t.Fatalf("the warning says %q", text)
	}
	tapButton(t, u, "Move the database to the data folder")
	if got := u.ws.Store().Path(); got != dataPath {
		t.Fatalf("the window works on %s, want %s", got, dataPath)
	}
	if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the database is still in the synced folder: %v", err)
	}
	plans, err := u.ws.Store().Plans()
	if err != nil || len(plans) != 1 || plans[0].Name != "Kế hoạch của Lan" {
		t.Fatalf("the moved database holds %v (%v), want the one plan", plans, err)
	}
	if to, ok := MovedDatabase(a.Preferences(), path); !ok || to != dataPath {
		t.Fatalf("the new place is not remembered: %q %v", to, ok)
	}
	if !strings.Contains(u.status.Text, dataPath) {
		t.Fatalf("status says %q", u.status.Text)
	}
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is still shown: %s", overlayText(u))
	}
}

func TestSyncedFolderWarningRefusesToReplaceADatabase(t *testing.T) {
	a := test.NewTempApp(t)
	dataPath := filepath.Join(t.TempDir(), "kpiplanner.db")
	other, err := storage.Open(dataPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := other.SavePlans([]*app.Plan{app.NewPlan(), app.NewPlan()}); err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	u, path := syncedUI(t, a, "vi", dataPath)
	tapButton(t, u, "Chuyển cơ sở dữ liệu về thư mục dữ liệu")
	if !strings.Contains(overlayText(u), "2 kế hoạch") {
		t.Fatalf("the refusal says %q, want what the database there holds", overlayText(u))
	}
	if got := u.ws.Store().Path(); got != path {
		t.Fatalf("the window works on %s, want the old place %s", got, path)
	}
	if plans, err := u.ws.Store().Plans(); err != nil || len(plans) != 1 {
		t.Fatalf("reopened database: %d plans, %v", len(plans), err)
	}
	if _, ok := MovedDatabase(a.Preferences(), path); ok {
		t.Fatal("a move that did not happen is remembered")
	}
}

func TestSyncedFolderKeepItHereIsNotAskedAgain(t *testing.T) {
	a := test.NewTempApp(t)
	u, path := syncedUI(t, a, "en", filepath.Join(t.TempDir(), "kpiplanner.db"))
	tapButton(t, u, "Keep it here")
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("the warning is still shown")
	}
	if u.ws.Store().Path() != path {
		t.Fatal("the database moved")
	}
	u.win.Close()
	u.checkSynced() // as at the next start
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("asked again: %s", overlayText(u))
	}
}
