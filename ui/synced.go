package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/library"
	"kpiplanner/app/syncdir"
)

// The Fyne preferences of the synced-folder warning; they live outside the
// database, which is what moves.
const (
	// PrefSyncedKept lists the database files the user chose to keep in a
	// synced folder ("Keep it here"): the warning is not shown for them again.
	PrefSyncedKept = "database.synced.kept"
	// PrefMoved lists the database files moved to the data folder, each as
	// "old path\nnew path", so a start with --db naming the old place opens
	// the new one (MovedDatabase).
	PrefMoved = "database.moved"
)

// DatabasePlace says where the data folder's database file is and how to
// tell and change where the workspace file lies; cmd/kpiplanner fills it
// from package storage. Without it the synced-folder check is skipped.
type DatabasePlace struct {
	DataPath string                                     // the database file in the data folder (storage.DefaultPath)
	Synced   func(path string) (syncdir.Provider, bool) // storage.SyncedFolder
	Move     func(from, to string) error                // storage.MoveFile: the file must be closed
}

// MovedDatabase returns where the database once at path was moved to by
// "Move the database to the data folder", if it was.
func MovedDatabase(prefs fyne.Preferences, path string) (string, bool) {
	for _, pair := range prefs.StringList(PrefMoved) {
		if from, to, ok := strings.Cut(pair, "\n"); ok && from == path {
			return to, true
		}
	}
	return "", false
}

// checkSynced warns, once the check has run off the UI goroutine, when the
// workspace file lies in a folder a syncing service keeps in step.
func (u *UI) checkSynced() {
	pl := u.opts.Place
	if pl == nil || pl.Synced == nil || u.inSample() {
		return
	}
	path := u.ws.Store().Path()
	for _, kept := range u.app.Preferences().StringList(PrefSyncedKept) {
		if kept == path {
			return
		}
	}
	var prov syncdir.Provider
	var synced bool
	u.async(func() error { prov, synced = pl.Synced(path); return nil }, func(error) {
		if synced {
			u.showSyncedWarning(path, prov)
		}
	})
}

// showSyncedWarning explains the danger of a live database in a folder
// synced by prov and offers to move it to the data folder or keep it.
func (u *UI) showSyncedWarning(path string, prov syncdir.Provider) {
	msg := widget.NewLabel(u.T("The database %s is in a folder synced by %s. A live database in a synced folder gets corrupted: "+
		"the service copies the file while KPI Planner writes it, or makes conflicted copies of it. "+
		"To share plans through such a folder, use packets: send and collect them there, and keep the database in the data folder (%s).",
		path, string(prov), u.opts.Place.DataPath))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	move := widget.NewButtonWithIcon(u.T("Move the database to the data folder"), theme.ConfirmIcon(), func() {
		d.Hide()
		u.moveDatabase(path, u.opts.Place.DataPath)
	})
	move.Importance = widget.HighImportance
	keep := widget.NewButton(u.T("Keep it here"), func() {
		d.Hide()
		u.keepSynced(path)
	})
	if path == u.opts.Place.DataPath {
		move.Hide() // the data folder itself is synced: nowhere safer to move it
	}
	title := u.T("The database is in a folder synced by %s", string(prov))
	d = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, msg), u.win)
	d.SetButtons([]fyne.CanvasObject{keep, move})
	d.Resize(fyne.NewSize(600, 260))
	enter := keep.OnTapped
	if move.Visible() {
		enter = move.OnTapped
	}
	dialogKeys(u.win, d, enter)
	d.Show()
}

// keepSynced remembers not to warn about path again.
func (u *UI) keepSynced(path string) {
	prefs := u.app.Preferences()
	prefs.SetStringList(PrefSyncedKept, append(prefs.StringList(PrefSyncedKept), path))
	u.notify(u.T("The database stays in %s; you will not be asked again.", path))
}

// moveDatabase closes the workspace file at from, moves it to to (copied
// atomically and checked, see DatabasePlace.Move), and reopens the window
// on it; when the move fails it reopens from, which is left as it was.
func (u *UI) moveDatabase(from, to string) {
	pl := u.opts.Place
	old := u.ws.Store()
	bar := widget.NewProgressBarInfinite()
	wait := dialog.NewCustomWithoutButtons(u.T("Moving the database…"), container.NewVBox(widget.NewLabel(to), bar), u.win)
	wait.Show()
	var store app.Store
	var lib *library.Library
	var moveErr error
	u.async(func() error {
		if err := old.Close(); err != nil {
			return fmt.Errorf("close %s before moving it: %w", from, err)
		}
		moveErr = pl.Move(from, to)
		at := to
		if moveErr != nil {
			at = from
		}
		var err error
		store, lib, err = u.reopen(at)
		return err
	}, func(err error) {
		bar.Stop()
		wait.Hide()
		if err != nil {
			u.showError(fmt.Errorf("the database could not be opened again: close KPI Planner and start it again: %w", err))
			return
		}
		u.switchWorkspace(store, lib)
		if moveErr != nil {
			u.showError(moveErr)
			return
		}
		prefs := u.app.Preferences()
		prefs.SetStringList(PrefMoved, append(prefs.StringList(PrefMoved), from+"\n"+to))
		u.notify(u.T("The database is now in the data folder: %s", to))
	})
}

// reopen opens the workspace file at path with its KPI library.
func (u *UI) reopen(path string) (app.Store, *library.Library, error) {
	if u.opts.OpenStore == nil {
		return nil, nil, fmt.Errorf("open %s: no way to open a workspace file", path)
	}
	s, err := u.opts.OpenStore(path)
	if err != nil {
		return nil, nil, err
	}
	lib, err := library.Open(s)
	if lib == nil {
		_ = s.Close()
		return nil, nil, err
	}
	if err != nil {
		fyne.LogError("KPI library", err)
	}
	return s, lib, nil
}
