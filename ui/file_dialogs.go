package ui

import (
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/storage"
	"github.com/ncruces/zenity"
)

// FileRequest says what a file dialog asks for.
type FileRequest struct {
	Title  string   // the dialog's title
	Dir    string   // the folder it starts in; "" for the system's choice
	Name   string   // the file name a save dialog proposes
	Exts   []string // the extensions offered, such as ".xlsx" and ".csv"
	Filter string   // the name of the filter, such as "Spreadsheets"
}

// FileChoice is what the user chose in a file dialog.
type FileChoice struct {
	Path string // "" when the dialog was cancelled
	// Created says the dialog itself created an empty file at Path (Fyne's
	// save dialog does), which the caller removes if it does not write it.
	Created bool
}

// FileDialogs shows the dialogs that ask for a file to save or open. Done is
// always called on the UI goroutine, once.
type FileDialogs interface {
	// Save asks where to save a file.
	Save(w fyne.Window, r FileRequest, done func(FileChoice, error))
	// Open asks for a file to read.
	Open(w fyne.Window, r FileRequest, done func(FileChoice, error))
}

// NativeDialogs shows the operating system's file dialogs (the system
// dialog on Windows; zenity, qarma or matedialog on Linux), and Fallback's
// when there is none or it fails.
type NativeDialogs struct {
	Fallback FileDialogs
	// available and run stand in for zenity in tests.
	available func() bool
	run       func(save bool, opts []zenity.Option) (string, error)
}

// NewNativeDialogs returns the system's file dialogs, falling back to Fyne's.
func NewNativeDialogs() NativeDialogs {
	return NativeDialogs{Fallback: FyneDialogs{}, available: zenity.IsAvailable, run: runZenity}
}

// defaultDialogs returns the system's file dialogs, or Fyne's in Sync mode.
func defaultDialogs(sync bool) FileDialogs {
	if sync {
		return FyneDialogs{}
	}
	return NewNativeDialogs()
}

func runZenity(save bool, opts []zenity.Option) (string, error) {
	if save {
		return zenity.SelectFileSave(opts...)
	}
	return zenity.SelectFile(opts...)
}

// Save asks where to save a file with the system's dialog.
func (n NativeDialogs) Save(w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	n.show(true, w, r, done)
}

// Open asks for a file to read with the system's dialog.
func (n NativeDialogs) Open(w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	n.show(false, w, r, done)
}

// show runs the system's dialog off the UI goroutine (it blocks until the
// user answers) and comes back on it; without one it shows Fallback's.
func (n NativeDialogs) show(save bool, w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	fallback := func() {
		if save {
			n.Fallback.Save(w, r, done)
		} else {
			n.Fallback.Open(w, r, done)
		}
	}
	if n.available == nil || n.run == nil || !n.available() {
		fallback()
		return
	}
	opts := zenityOptions(save, w, r)
	go func() {
		path, err := n.run(save, opts)
		fyne.Do(func() {
			switch {
			case errors.Is(err, zenity.ErrCanceled):
				done(FileChoice{}, nil)
			case err != nil:
				fyne.LogError("the system's file dialog failed; showing Fyne's", err)
				fallback()
			default:
				done(FileChoice{Path: path}, nil)
			}
		})
	}()
}

// zenityOptions turns r into zenity's options, attached to window w.
func zenityOptions(save bool, w fyne.Window, r FileRequest) []zenity.Option {
	opts := []zenity.Option{zenity.Title(r.Title), zenity.Modal()}
	if id := nativeWindowID(w); id != nil {
		opts = append(opts, zenity.Attach(id))
	}
	switch {
	case save && (r.Dir != "" || r.Name != ""):
		opts = append(opts, zenity.Filename(filepath.Join(r.Dir, r.Name)))
	case r.Dir != "":
		opts = append(opts, zenity.Filename(r.Dir+string(filepath.Separator))) // a folder to start in
	}
	if save {
		opts = append(opts, zenity.ConfirmOverwrite())
	}
	if len(r.Exts) > 0 {
		f := zenity.FileFilter{Name: r.Filter, CaseFold: true}
		for _, e := range r.Exts {
			f.Patterns = append(f.Patterns, "*"+e)
		}
		opts = append(opts, zenity.FileFilters{f})
	}
	return opts
}

// nativeWindowID returns w's system handle (HWND on Windows, the X11 window
// on Linux) for the system's dialog to sit on, or nil (Wayland, tests).
func nativeWindowID(w fyne.Window) any {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return nil
	}
	var id any
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.WindowsWindowContext: // zenity wants a uintptr here
			if c.HWND != 0 {
				id = c.HWND
			}
		case driver.X11WindowContext: // and an int here
			if c.WindowHandle != 0 {
				id = int(c.WindowHandle)
			}
		}
	})
	return id
}

// FyneDialogs shows Fyne's own file dialogs, as large as the window allows.
type FyneDialogs struct{}

// Save asks where to save a file with Fyne's dialog.
func (FyneDialogs) Save(w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			done(FileChoice{}, err)
			return
		}
		path := wc.URI().Path()
		if err := wc.Close(); err != nil { // the caller writes the file itself (temp file + rename)
			done(FileChoice{}, err)
			return
		}
		done(FileChoice{Path: path, Created: true}, nil)
	}, w)
	d.SetFileName(r.Name)
	showFyneDialog(d, w, r)
}

// Open asks for a file to read with Fyne's dialog.
func (FyneDialogs) Open(w fyne.Window, r FileRequest, done func(FileChoice, error)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			done(FileChoice{}, err)
			return
		}
		path := rc.URI().Path()
		if err := rc.Close(); err != nil {
			done(FileChoice{}, err)
			return
		}
		done(FileChoice{Path: path}, nil)
	}, w)
	if len(r.Exts) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(r.Exts))
	}
	showFyneDialog(d, w, r)
}

// showFyneDialog starts d in r.Dir and shows it nearly as large as w.
func showFyneDialog(d *dialog.FileDialog, w fyne.Window, r FileRequest) {
	if r.Title != "" {
		d.SetTitleText(r.Title)
	}
	if r.Dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(r.Dir)); err == nil {
			d.SetLocation(l)
		}
	}
	s := w.Canvas().Size()
	d.Resize(fyne.NewSize(max(s.Width*0.92, 640), max(s.Height*0.92, 440)))
	d.Show()
	fixFyneFileDialog(d, w)
}
