package ui

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"github.com/ncruces/zenity"

	"kpiplanner/app/packet"
)

// FolderDialogs shows a dialog that asks for a folder (where packets are
// written or collected). FyneDialogs and NativeDialogs are FolderDialogs; a
// FileDialogs that is not gets Fyne's folder dialog.
type FolderDialogs interface {
	// Folder asks for a folder; the choice's Path is "" when cancelled.
	Folder(w fyne.Window, r FileRequest, done func(FileChoice, error))
}

// Folder asks for a folder with Fyne's dialog.
func (FyneDialogs) Folder(w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			done(FileChoice{}, err)
			return
		}
		done(FileChoice{Path: l.Path()}, nil)
	}, w)
	showFyneDialog(d, w, r)
}

// Folder asks for a folder with the system's dialog, or Fallback's.
func (n NativeDialogs) Folder(w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	fallback := func() {
		if f, ok := n.Fallback.(FolderDialogs); ok {
			f.Folder(w, r, done)
			return
		}
		FyneDialogs{}.Folder(w, r, done)
	}
	if n.available == nil || !n.available() {
		fallback()
		return
	}
	opts := append(zenityOptions(false, w, FileRequest{Title: r.Title, Dir: r.Dir}), zenity.Directory())
	go func() {
		path, err := zenity.SelectFile(opts...)
		fyne.Do(func() {
			switch {
			case errors.Is(err, zenity.ErrCanceled):
				done(FileChoice{}, nil)
			case err != nil:
				fyne.LogError("the system's folder dialog failed; showing Fyne's", err)
				fallback()
			default:
				done(FileChoice{Path: path}, nil)
			}
		})
	}()
}

// chooseFolder asks for a folder, starting in the last export folder, and
// passes it to done unless the dialog was cancelled.
func (u *UI) chooseFolder(title string, done func(dir string)) {
	fd, ok := u.dialogs.(FolderDialogs)
	if !ok {
		fd = FyneDialogs{}
	}
	fd.Folder(u.win, FileRequest{Title: title, Dir: u.setting(settingExportDir)}, func(c FileChoice, err error) {
		if err != nil || c.Path == "" {
			u.showError(err)
			return
		}
		u.rememberDir(filepath.Join(c.Path, "x")) // rememberDir keeps the folder of a file path
		done(c.Path)
	})
}

// packetsIn lists the packet files (.kpip) directly in dir, by name.
// It reads the folder: call it off the UI goroutine.
func packetsIn(dir string) ([]string, error) {
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil, err
	}
	items, err := l.List()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, it := range items {
		if strings.EqualFold(it.Extension(), packet.Ext) {
			out = append(out, it.Path())
		}
	}
	slices.Sort(out)
	return out, nil
}
