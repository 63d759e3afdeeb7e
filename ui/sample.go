package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/library"
	"kpiplanner/app/workspace"
)

// samplePeople is how many people the sample company has.
const samplePeople = 60

// realWorkspace is the user's own workspace, kept open while the sample
// company is shown in its place.
type realWorkspace struct {
	ws  *workspace.Workspace
	lib *library.Library
}

// SamplePath returns the file of the sample company in lang beside the
// workspace file real: <its folder>/sample-vi.db or sample-en.db.
func SamplePath(real, lang string) string {
	return filepath.Join(filepath.Dir(real), "sample-"+lang+".db")
}

// inSample reports whether the window shows the sample company.
func (u *UI) inSample() bool { return u.real != nil }

// windowTitle is the window's title, which says when the sample company is shown.
func (u *UI) windowTitle() string {
	if u.inSample() {
		return u.T("KPI Planner — sample company (demo data)")
	}
	return u.T("KPI Planner")
}

// openSample opens the sample company in its own workspace file beside the
// user's, creating it on first use, and switches the window to it. The
// user's own workspace is neither changed nor closed.
func (u *UI) openSample() {
	if u.inSample() {
		return
	}
	lang := u.tr.Lang() // read here: the language may change while the plans are saved
	path := SamplePath(u.ws.Store().Path(), lang)
	u.notify(u.T("Creating the sample company…"))
	var store app.Store
	var lib *library.Library
	u.async(func() (err error) {
		store, lib, err = openSampleStore(u.opts.OpenStore, path, lang)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.real = &realWorkspace{ws: u.ws, lib: u.lib}
		u.switchWorkspace(store, lib)
		u.notify(u.T("This is the sample company (%s); your own plans are untouched. To go back: Settings, Back to my workspace.", path))
	})
}

// openSampleStore opens the sample company's file, filling it with the
// sample company in lang (one transaction) when it holds no plan yet.
func openSampleStore(open func(string) (app.Store, error), path, lang string) (app.Store, *library.Library, error) {
	if open == nil {
		return nil, nil, fmt.Errorf("open the sample company %s: no way to open a workspace file", path)
	}
	s, err := open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("open the sample company %s: %w", path, err)
	}
	fail := func(err error) (app.Store, *library.Library, error) {
		_ = s.Close()
		return nil, nil, fmt.Errorf("fill the sample company %s: %w", path, err)
	}
	plans, err := s.Plans() // at most the sample's few dozen plans
	if err != nil {
		return fail(err)
	}
	if len(plans) == 0 {
		if _, err := demo.Save(s, samplePeople, 1, lang); err != nil {
			return fail(err)
		}
	}
	lib, err := library.Open(s)
	if lib == nil {
		return fail(err)
	}
	if err != nil {
		fyne.LogError("KPI library of the sample company", err)
	}
	return s, lib, nil
}

// backToReal switches the window back to the user's own workspace and
// closes the sample company's file.
func (u *UI) backToReal() {
	if !u.inSample() {
		return
	}
	sample := u.ws.Store()
	r := u.real
	u.real = nil
	u.ws, u.lib = r.ws, r.lib
	u.build()
	u.notify(u.T("Back in your workspace (%s).", u.ws.Store().Path()))
	u.async(sample.Close, func(err error) {
		if err != nil {
			fyne.LogError("close the sample company", err)
		}
	})
}

// switchWorkspace shows store (with its library) in the window, keeping the
// language, the theme and the clock.
func (u *UI) switchWorkspace(store app.Store, lib *library.Library) {
	clock := u.ws.Clock
	u.ws = workspace.New(store)
	u.ws.Clock = clock
	u.lib = lib
	u.build()
}
