package ui

import (
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/i18n"
)

// settingsScreen holds language, theme, the database location, backup and restore.
type settingsScreen struct {
	u     *UI
	lang  *widget.Select
	theme *widget.RadioGroup
	who   *identityRow
}

func newSettingsScreen(u *UI) *settingsScreen { return &settingsScreen{u: u} }

func (s *settingsScreen) view() fyne.CanvasObject {
	u := s.u
	var names []string
	for _, l := range i18n.Languages {
		names = append(names, l.Name)
	}
	s.lang = widget.NewSelect(names, nil)
	for _, l := range i18n.Languages {
		if l.Code == u.tr.Lang() {
			s.lang.SetSelected(l.Name)
		}
	}
	s.lang.OnChanged = s.onLanguageChanged

	themes := []string{u.T("System"), u.T("Light"), u.T("Dark")}
	s.theme = widget.NewRadioGroup(themes, nil)
	s.theme.Horizontal = true
	s.theme.SetSelected(themes[themeIndex(u.setting(settingTheme))])
	s.theme.OnChanged = s.onThemeChanged

	path := widget.NewLabel(u.ws.Store().Path())
	path.Wrapping = fyne.TextWrapBreak
	backup := widget.NewButtonWithIcon(u.T("Back up now…"), theme.DocumentSaveIcon(), s.onBackup)
	restore := widget.NewButtonWithIcon(u.T("Restore from a backup…"), theme.HistoryIcon(), s.onRestore)

	s.who = newIdentityRow(s)
	form := widget.NewForm(
		widget.NewFormItem(u.T("Language"), s.lang),
		widget.NewFormItem(u.T("Theme"), s.theme),
	)
	for _, it := range s.who.items() {
		form.AppendItem(it)
	}
	form.AppendItem(widget.NewFormItem(u.T("Workspace"), s.workspaceRow()))
	form.AppendItem(widget.NewFormItem(u.T("Database"), path))
	form.AppendItem(widget.NewFormItem("", container.NewHBox(backup, restore)))
	title := widget.NewLabelWithStyle(u.T("Settings"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(title, nil, nil, nil, container.NewVScroll(form))
}

// workspaceRow says which workspace is shown and offers the other: the
// sample company in a file of its own, or back to the user's own.
func (s *settingsScreen) workspaceRow() fyne.CanvasObject {
	u := s.u
	if u.inSample() {
		note := widget.NewLabel(u.T("The sample company (demo data). Your own plans are kept apart, untouched."))
		note.Wrapping = fyne.TextWrapWord
		back := widget.NewButtonWithIcon(u.T("Back to my workspace"), theme.NavigateBackIcon(), u.backToReal)
		back.Importance = widget.HighImportance
		return container.NewBorder(nil, nil, nil, back, note)
	}
	note := widget.NewLabel(u.T("Your own plans. The sample company opens in a file of its own."))
	note.Wrapping = fyne.TextWrapWord
	sample := widget.NewButtonWithIcon(u.T("Open the sample company"), theme.FolderOpenIcon(), u.openSample)
	return container.NewBorder(nil, nil, nil, sample, note)
}

func themeIndex(choice string) int {
	switch choice {
	case themeLight:
		return 1
	case themeDark:
		return 2
	}
	return 0
}

func (s *settingsScreen) onLanguageChanged(name string) {
	for _, l := range i18n.Languages {
		if l.Name == name {
			s.u.onLanguageChanged(l.Code)
		}
	}
}

func (s *settingsScreen) onThemeChanged(label string) {
	u := s.u
	choice := themeSystem
	switch label {
	case u.T("Light"):
		choice = themeLight
	case u.T("Dark"):
		choice = themeDark
	}
	u.applyTheme(choice)
	u.async(func() error { return u.ws.Store().SetSetting(settingTheme, choice) }, u.showError)
}

func (s *settingsScreen) onBackup() {
	u := s.u
	name := "kpiplanner-" + time.Now().Format("2006-01-02") + ".db"
	u.chooseSaveFile(name, func() string { return ".db" }, func(t saveTarget) {
		u.notify(u.T("Backing up…"))
		u.async(func() error { return u.ws.Store().Backup(t.path) }, func(err error) {
			if err != nil {
				dropPlaceholder(t, nil)
				u.showError(err)
				return
			}
			dropPlaceholder(t, []string{t.path})
			u.app.Preferences().SetString(PrefBackupDir, filepath.Dir(t.path)) // found again if the database is damaged
			u.notify(u.T("Backed up to %s", t.path))
		})
	})
}

func (s *settingsScreen) onRestore() {
	u := s.u
	u.chooseOpenFile([]string{".db"}, func(path string) {
		u.confirm(u.T("Restore from a backup"), u.T("Replace every plan in this database with the backup %s? Plans changed since that backup will be lost.", filepath.Base(path)), func() {
			u.restore(path)
		})
	})
}

// restore replaces the database with a backup, then reloads everything.
func (u *UI) restore(path string) {
	u.notify(u.T("Restoring…"))
	var safety string
	u.async(func() (err error) { safety, err = u.ws.Store().Restore(path); return err }, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		u.notify(u.T("Restored from %s; the database as it was before is kept in %s", path, safety))
		u.setLanguage(u.initialLanguage())
		u.applyTheme(u.setting(settingTheme))
		u.build()
	})
}
