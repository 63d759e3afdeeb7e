package ui

import (
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
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
	r := FileRequest{Title: u.T("Save as"), Dir: u.setting(settingExportDir), Name: name}
	if e := ext(); e != "" {
		r.Exts = []string{e}
	} else {
		r.Exts, r.Filter = []string{extXLSX, extCSV}, u.T("Spreadsheets")
	}
	u.dialogs.Save(u.win, r, func(c FileChoice, err error) {
		if err != nil || c.Path == "" {
			u.showError(err)
			return
		}
		u.rememberDir(c.Path)
		e := ext()
		if e == "" {
			e = sheetExt(c.Path)
		}
		t := saveTarget{path: withExt(c.Path, e)}
		if c.Created {
			t.placeholder = storage.NewFileURI(c.Path)
		}
		done(t)
	})
}

// chooseOpenFile asks for a file with one of exts (".xlsx", ".json"…) to
// read; done gets its path.
func (u *UI) chooseOpenFile(exts []string, done func(path string)) {
	r := FileRequest{Title: u.T("Open"), Dir: u.setting(settingExportDir), Exts: exts, Filter: strings.Join(exts, ", ")}
	u.dialogs.Open(u.win, r, func(c FileChoice, err error) {
		if err != nil || c.Path == "" {
			u.showError(err)
			return
		}
		u.rememberDir(c.Path)
		done(c.Path)
	})
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
