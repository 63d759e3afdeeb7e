// Command kpiplanner is the KPI Planner desktop application.
package main

import (
	"flag"
	"log"

	fyneapp "fyne.io/fyne/v2/app"

	"kpiplanner/app/library"
	"kpiplanner/storage"
	"kpiplanner/ui"
)

func main() {
	dbPath := flag.String("db", "", "database file (default: the user's data folder)")
	lang := flag.String("lang", "", "language: vi or en (default: saved setting, then the system's)")
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
	if err != nil {
		ui.ShowStartupError(a, err, *lang)
		return
	}
	ui.New(a, store, lib, ui.Options{Lang: *lang}).ShowAndRun()
}
