// Command kpiplanner is the KPI Planner desktop application.
package main

import (
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/assets"
	"kpiplanner/storage"
	"kpiplanner/storage/xlsx"
	"kpiplanner/ui"
)

func main() {
	dbPath := flag.String("db", "", "database file (default: the user's data folder)")
	lang := flag.String("lang", "", "language: vi or en (default: the saved setting, then the system's)")
	shots := flag.String("screenshots", "", "show every screen, save a PNG of each into this folder, then quit")
	size := flag.String("size", "", "the window's size in pixels, WIDTHxHEIGHT (e.g. 1024x600)")
	trace := flag.Bool("trace", false, "print startup milestones with the time since the process started")
	flag.Parse()
	winSize, err := parseSize(*size)
	if err != nil {
		log.Fatal(err)
	}

	a := fyneapp.NewWithID("vn.kpiplanner.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	dataPath, err := storage.DefaultPath()
	if err != nil {
		log.Fatal(err)
	}
	path := *dbPath
	if path == "" {
		path = dataPath
	} else if to, ok := ui.MovedDatabase(a.Preferences(), path); ok {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			path = to // moved to the data folder by the synced-folder warning
		}
	}
	place := &ui.DatabasePlace{DataPath: dataPath, Synced: storage.SyncedFolder, Move: storage.MoveFile}
	var store *storage.DB
	defer func() {
		if store != nil {
			store.Close()
		}
	}()
	s, err := storage.Open(path)
	switch {
	case errors.Is(err, app.ErrDamaged):
		// Offer to restore a backup; once restored, open the app on it.
		w := ui.DamagedWindow(a, err, ui.DamagedOptions{Path: path, Lang: *lang, Recovery: storage.Recovery{}, Restored: func(msg string) {
			s, err := storage.Open(path)
			if err != nil {
				ui.StartupErrorWindow(a, err, *lang).Show()
				return
			}
			store = s
			u, err := start(a, s, *lang, "", false, place)
			if err != nil {
				ui.StartupErrorWindow(a, err, *lang).Show()
				return
			}
			u.Window().Show()
			dialog.ShowInformation("KPI Planner", msg, u.Window())
		}})
		w.ShowAndRun()
		return
	case err != nil:
		ui.ShowStartupError(a, err, *lang)
		return
	}
	store = s
	u, err := start(a, s, *lang, *shots, *trace, place)
	if err != nil {
		ui.ShowStartupError(a, err, *lang)
		return
	}
	if winSize != (fyne.Size{}) {
		u.Window().Resize(winSize)
	}
	if file := flag.Arg(0); file != "" && *shots == "" {
		// a double-clicked packet (kpiplanner FILE.kpip): opened once the window runs
		go fyne.Do(func() { u.OpenFile(file) })
	}
	u.ShowAndRun()
}

// processStart is when the process started, as near as Go can tell.
var processStart = time.Now()

// traceEvent prints a startup milestone with the time since the process started.
func traceEvent(event string) {
	fmt.Fprintf(os.Stderr, "trace %6.0f ms  %s\n", float64(time.Since(processStart).Microseconds())/1000, event)
}

// parseSize reads a window size written WIDTHxHEIGHT; "" is the zero Size.
func parseSize(s string) (fyne.Size, error) {
	if s == "" {
		return fyne.Size{}, nil
	}
	var w, h int
	if n, err := fmt.Sscanf(s, "%dx%d", &w, &h); err != nil || n != 2 || w < 320 || h < 240 {
		return fyne.Size{}, fmt.Errorf("--size %q: want WIDTHxHEIGHT, at least 320x240", s)
	}
	return fyne.NewSize(float32(w), float32(h)), nil
}

// start builds the app's main window over store, or returns why it cannot;
// with trace it prints startup milestones; place is for the synced-folder warning.
func start(a fyne.App, store *storage.DB, lang, shots string, trace bool, place *ui.DatabasePlace) (*ui.UI, error) {
	lib, err := library.Open(store)
	if lib == nil {
		return nil, err
	}
	if err != nil {
		fyne.LogError("KPI library", err) // the user's own entries that could not be merged
	}
	o := ui.Options{Lang: lang, Files: xlsx.Files{}, OpenStore: func(path string) (app.Store, error) { return storage.Open(path) }, Place: place}
	if trace {
		o.Trace = traceEvent
		a.Lifecycle().SetOnStarted(func() {
			traceEvent("app started")
			fyne.Do(func() { traceEvent("first frame") }) // runs once the loop has drawn the window
		})
	}
	u := ui.New(a, store, lib, o)
	if trace {
		traceEvent("window built")
	}
	if shots != "" {
		a.Lifecycle().SetOnStarted(func() { go screenshots(a, u, shots) })
	}
	return u, nil
}
