package ui

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// settingExportDir remembers the folder of the last export or import.
const settingExportDir = "export.dir"

// Spreadsheet file extensions.
const (
	extXLSX = ".xlsx"
	extCSV  = ".csv"
)

// withExt returns path ending in ext: a .xlsx or .csv extension is
// replaced, any other text is kept and ext added ("Q1.v2" → "Q1.v2.xlsx").
func withExt(path, ext string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ext:
		return path
	case extXLSX, extCSV:
		return strings.TrimSuffix(path, filepath.Ext(path)) + ext
	}
	return path + ext
}

// sheetExt returns the spreadsheet extension path names: .csv, else .xlsx.
func sheetExt(path string) string {
	if strings.EqualFold(filepath.Ext(path), extCSV) {
		return extCSV
	}
	return extXLSX
}

// safeFileName replaces the characters file systems reject in names.
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
}

// saveTarget is where an export goes: the path the export writes, and the
// file the save dialog created, which is removed unless the export wrote it.
type saveTarget struct {
	path        string
	placeholder fyne.URI
}

// chooseSaveFile asks where to save a file, suggesting name; done gets the
// chosen path with its extension fixed by ext (given ext() at the moment
// the user confirms; "" keeps a typed .csv, else adds .xlsx).
func (u *UI) chooseSaveFile(name string, ext func() string, done func(saveTarget)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			u.showError(err)
			return
		}
		uri := w.URI()
		if err := w.Close(); err != nil { // the export writes the file itself (temp file + rename)
			u.showError(err)
			return
		}
		u.rememberDir(uri.Path())
		e := ext()
		if e == "" {
			e = sheetExt(uri.Path())
		}
		done(saveTarget{path: withExt(uri.Path(), e), placeholder: uri})
	}, u.win)
	d.SetFileName(name)
	u.startIn(d)
	d.Show()
}

// chooseOpenFile asks for a file with one of exts (".xlsx", ".json"…) to
// read; done gets its path.
func (u *UI) chooseOpenFile(exts []string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			u.showError(err)
			return
		}
		path := r.URI().Path()
		if err := r.Close(); err != nil {
			u.showError(err)
			return
		}
		u.rememberDir(path)
		done(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	u.startIn(d)
	d.Show()
}

// startIn opens a file dialog in the folder of the last export or import.
func (u *UI) startIn(d *dialog.FileDialog) {
	dir := u.setting(settingExportDir)
	if dir == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		d.SetLocation(l)
	}
}

// rememberDir saves the folder of path for the next file dialog.
func (u *UI) rememberDir(path string) {
	dir := filepath.Dir(path)
	u.async(func() error { return u.ws.Store().SetSetting(settingExportDir, dir) }, func(err error) {
		if err != nil {
			fyne.LogError("remember the export folder", err)
		}
	})
}

// dropPlaceholder removes the empty file the save dialog created when the
// export did not write it (it failed, was cancelled, or wrote other names).
func dropPlaceholder(t saveTarget, written []string) {
	if t.placeholder == nil || slices.Contains(written, t.placeholder.Path()) {
		return
	}
	if err := storage.Delete(t.placeholder); err != nil {
		fyne.LogError("remove "+t.placeholder.Path(), err)
	}
}
