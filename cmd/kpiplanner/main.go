// Command kpiplanner is the KPI Planner desktop application.
package main

import (
	"flag"
	"log"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"kpiplanner/app/library"
	"kpiplanner/storage"
	"kpiplanner/ui"
)

func main() {
	dbPath := flag.String("db", "", "database file (default: the user's data folder)")
	lang := flag.String("lang", "", "language: vi or en (default: the saved setting, then the system's)")
	shots := flag.String("screenshots", "", "show every screen, save a PNG of each into this folder, then quit")
	flag.Parse()

	a := fyneapp.NewWithID("vn.kpiplanner.app")
	path := *dbPath
	if path == "" {
		p, err := storage.DefaultPath()
		if err != nil {
			log.Fatal(err)
		}
		path = p
	}
	store, err := storage.Open(path)
	if err != nil {
		ui.ShowStartupError(a, err, *lang)
		return
	}
	defer store.Close()
	lib, err := library.Open(store)
	if lib == nil {
		ui.ShowStartupError(a, err, *lang)
		return
	}
	if err != nil {
		fyne.LogError("KPI library", err) // the user's own entries that could not be merged
	}
	u := ui.New(a, store, lib, ui.Options{Lang: *lang})
	if *shots != "" {
		a.Lifecycle().SetOnStarted(func() { go screenshots(a, u, *shots) })
	}
	u.ShowAndRun()
}
