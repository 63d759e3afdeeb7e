package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/storage"
)

// damagedDB returns a database file cut short, and whether a backup of it was
// written beside it first.
func damagedDB(t *testing.T, withBackup bool) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "kpiplanner.db")
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	p := app.NewPlan()
	p.Name = "Kế hoạch đã sao lưu"
	if err := db.SavePlan(p); err != nil {
		t.Fatal(err)
	}
	if withBackup {
		if err := db.Backup(filepath.Join(dir, "kpiplanner-2026-11-30.db")); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, 8192); err != nil { // the two meta pages only
		t.Fatal(err)
	}
	return path
}

func findWidget[T fyne.CanvasObject](w fyne.Window, match func(T) bool) (T, bool) {
	for _, o := range test.LaidOutObjects(w.Content()) {
		if x, ok := o.(T); ok && match(x) {
			return x, true
		}
	}
	var zero T
	return zero, false
}

// TestDamagedDatabaseOffersLatestBackup: the startup window of a damaged
// database names the latest backup beside it and restores it on a tap.
func TestDamagedDatabaseOffersLatestBackup(t *testing.T) {
	a := test.NewTempApp(t)
	path := damagedDB(t, true)
	_, err := storage.Open(path)
	if !errors.Is(err, app.ErrDamaged) {
		t.Fatalf("open: %v, want ErrDamaged", err)
	}
	var restored string
	w := DamagedWindow(a, err, DamagedOptions{Path: path, Lang: "vi", Recovery: storage.Recovery{}, Restored: func(msg string) { restored = msg }})
	if _, ok := findWidget(w, func(l *widget.Label) bool { return strings.Contains(l.Text, "kpiplanner-2026-11-30.db") }); !ok {
		t.Fatal("the window does not name the latest backup")
	}
	b, ok := findWidget(w, func(b *widget.Button) bool { return b.Text == "Khôi phục bản sao lưu gần nhất" })
	if !ok {
		t.Fatal("no Vietnamese restore button")
	}
	test.Tap(b)
	if !strings.Contains(restored, "bị hỏng được giữ tại") {
		t.Fatalf("Restored got %q, want the Vietnamese message naming the kept damaged file", restored)
	}
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ps, err := db.Plans(); err != nil || len(ps) != 1 || ps[0].Name != "Kế hoạch đã sao lưu" {
		t.Errorf("restored database: %v, %v", ps, err)
	}
}

func TestDamagedDatabaseWithoutBackupSaysSo(t *testing.T) {
	a := test.NewTempApp(t)
	path := damagedDB(t, false)
	_, err := storage.Open(path)
	w := DamagedWindow(a, err, DamagedOptions{Path: path, Lang: "en", Recovery: storage.Recovery{}})
	if _, ok := findWidget(w, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "No backup was found") }); !ok {
		t.Error("the window does not say that no backup was found")
	}
	if _, ok := findWidget(w, func(b *widget.Button) bool { return b.Text == "Choose a backup file…" }); !ok {
		t.Error("no button to choose a backup file")
	}
	if _, ok := findWidget(w, func(l *widget.Label) bool {
		return strings.Contains(l.Text, "damaged") && strings.Contains(l.Text, path)
	}); !ok {
		t.Error("the window does not say the file is damaged")
	}
}
