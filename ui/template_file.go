package ui

import (
	"io"
	"path/filepath"

	"kpiplanner/app"
	"kpiplanner/app/template"
)

// onExport writes every template's latest version to a kpiplanner/template@1 file.
func (s *templatesScreen) onExport() {
	u := s.u
	ts := s.list
	u.chooseSaveFile("kpi-templates.json", func() string { return ".json" }, func(t saveTarget) {
		u.async(func() error {
			return u.files.WriteDocument(t.path, func(w io.Writer) error { return template.WriteFile(w, ts) })
		}, func(err error) {
			if err != nil {
				dropPlaceholder(t, nil)
				u.showError(err)
				return
			}
			dropPlaceholder(t, []string{t.path})
			u.notify(u.T("Exported %d templates to %s", len(ts), t.path))
		})
	})
}

// onImport reads a templates file and saves its new and changed templates.
func (s *templatesScreen) onImport() {
	u := s.u
	u.chooseOpenFile([]string{".json"}, func(path string) {
		var n int
		u.async(func() error {
			var ts []*app.Template
			err := u.files.ReadDocument(path, func(r io.Reader) error {
				var err error
				ts, err = template.ReadFile(r)
				return err
			})
			if err != nil {
				return err
			}
			n, err = u.ws.ImportTemplates(ts, filepath.Base(path))
			return err
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify(u.T("Imported %d template versions", n))
			s.reload()
		})
	})
}
