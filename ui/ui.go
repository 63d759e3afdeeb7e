// Package ui is KPI Planner's Fyne desktop interface: a thin shell of
// screens over the app packages. Screens build widgets from app state and
// call app in named handlers; database work runs off the UI goroutine.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/i18n"
	"kpiplanner/app/library"
	"kpiplanner/app/workspace"
)

// Options tune a UI.
type Options struct {
	// Sync runs database work on the calling goroutine (for headless tests).
	Sync bool
	// Lang forces the language ("vi" or "en"); "" uses the saved setting or the system's.
	Lang string
	// Today fixes the date official scoring windows are judged on (screenshots,
	// tests); nil uses the system clock.
	Today func() app.Date
	// OpenStore opens another workspace file (the sample company's);
	// cmd/kpiplanner passes storage.Open. Without it the sample is not offered.
	OpenStore func(path string) (app.Store, error)
	// Files reads and writes the spreadsheet files of imports and exports;
	// cmd/kpiplanner passes xlsx.Files. Without it, exports and imports fail
	// saying so (files.None).
	Files files.Spreadsheets
	// Dialogs shows the file dialogs; nil uses the system's (Fyne's in Sync mode,
	// so headless tests never open one).
	Dialogs FileDialogs
	// Trace, when set, is told of startup milestones ("plans list shown"), for
	// measuring how soon the app is usable.
	Trace func(event string)
	// Place says where the data folder's database is, for the warning about
	// a database in a synced folder (ui/synced.go); nil skips it.
	Place *DatabasePlace
}

// UI is the main window and the screens inside it.
type UI struct {
	app     fyne.App
	win     fyne.Window
	ws      *workspace.Workspace
	lib     *library.Library
	tr      *i18n.Translator
	opts    Options
	body    *fyne.Container // holds the current screen
	nav     *widget.List
	items   []navItem
	cur     screen
	home    *homeScreen
	status  *widget.Label  // one line of feedback at the bottom of the window
	real    *realWorkspace // the user's own workspace while the sample company is shown
	dialogs FileDialogs
	files   files.Spreadsheets // Options.Files, or files.None
}

// screen is one view of the main area.
type screen interface {
	view() fyne.CanvasObject
}

// New builds the main window over store. The library must already include
// the user's own entries.
func New(a fyne.App, store app.Store, lib *library.Library, opts Options) *UI {
	u := &UI{app: a, ws: workspace.New(store), lib: lib, opts: opts, dialogs: opts.Dialogs}
	if u.dialogs == nil {
		u.dialogs = defaultDialogs(opts.Sync)
	}
	u.files = opts.Files
	if u.files == nil {
		u.files = files.None{}
	}
	if opts.Today != nil {
		u.ws.Clock = opts.Today
	}
	u.win = a.NewWindow("KPI Planner")
	u.setLanguage(u.initialLanguage())
	u.applyTheme(u.setting(settingTheme))
	u.win.Resize(fyne.NewSize(1200, 760))
	u.win.SetMaster()
	u.addShortcuts()
	u.win.SetCloseIntercept(u.onClose)
	u.build()
	u.checkSynced() // ui/synced.go
	return u
}

// trace reports a startup milestone to Options.Trace.
func (u *UI) trace(event string) {
	if u.opts.Trace != nil {
		u.opts.Trace(event)
	}
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// ShowAndRun shows the window and runs the app until it closes.
func (u *UI) ShowAndRun() { u.win.ShowAndRun() }

// T translates an English UI string into the current language.
func (u *UI) T(key string, args ...any) string { return u.tr.T(key, args...) }

// build (re)creates every screen, e.g. after the language changed.
func (u *UI) build() {
	u.win.SetTitle(u.windowTitle())
	u.body = container.NewStack()
	u.home = newHomeScreen(u)
	u.items = u.navItems()
	u.nav = u.newNav()
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	split := container.NewHSplit(u.nav, u.body)
	split.Offset = 0.16
	u.win.SetContent(container.NewBorder(nil, u.status, nil, nil, split))
	u.show(u.home)
	u.nav.Select(0)
}

// show replaces the main area with s.
func (u *UI) show(s screen) {
	u.cur = s
	u.body.Objects = []fyne.CanvasObject{s.view()}
	u.body.Refresh()
}

// showError shows err as the user should read it, in their language.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	fyne.LogError("kpiplanner", err)
	showMessage(u.win, u.T("Something went wrong"), u.tr.Err(err))
}

// setting reads a saved setting, "" when unset or unreadable.
func (u *UI) setting(key string) string {
	v, err := u.ws.Store().Setting(key)
	if err != nil {
		fyne.LogError("read setting "+key, err)
	}
	return v
}
