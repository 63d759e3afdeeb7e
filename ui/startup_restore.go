package ui

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// PrefBackupDir is the Fyne preference holding the folder of the last backup
// made in Settings. It lives outside the database, so it is still known when
// the database is damaged.
const PrefBackupDir = "backup.dir"

// DamagedOptions say where a damaged database is and what to do once it has
// been restored.
type DamagedOptions struct {
	Path string // the database file
	Lang string
	// Restored is called, on the UI goroutine, after a backup has replaced
	// the database, with a message saying from where and where the damaged
	// file is kept; it opens the app on the database. The window then closes.
	Restored func(msg string)
	// Dialogs shows the file dialog; nil uses the system's.
	Dialogs FileDialogs
	// Recovery finds and restores the backups (storage.Recovery).
	Recovery app.Recovery
}

// DamagedWindow builds the window shown when the database file is damaged:
// it explains the problem and offers to restore the latest backup found
// beside the database or in the backup folder used by Settings, or, when
// there is none, says so and offers to choose a backup file.
func DamagedWindow(a fyne.App, err error, o DamagedOptions) fyne.Window {
	tr := startupTranslator(o.Lang)
	w := a.NewWindow(tr.T("KPI Planner"))
	msg := widget.NewLabel(tr.Err(err))
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	restore := func(backup string) {
		safety, rerr := o.Recovery.RestoreFile(o.Path, backup)
		if rerr != nil {
			status.SetText(tr.Err(rerr))
			return
		}
		kept := tr.T("Restored from %s.", backup)
		if safety != "" {
			kept = tr.T("Restored from %s; the damaged database is kept in %s", backup, safety)
		}
		status.SetText(kept)
		if o.Restored != nil {
			o.Restored(kept)
			w.Close()
		}
	}
	choose := widget.NewButton(tr.T("Choose a backup file…"), func() {
		dialogs := o.Dialogs
		if dialogs == nil {
			dialogs = NewNativeDialogs()
		}
		r := FileRequest{Title: tr.T("Choose a backup file…"), Dir: filepath.Dir(o.Path), Exts: []string{".db"}, Filter: ".db"}
		dialogs.Open(w, r, func(c FileChoice, err error) {
			if err == nil && c.Path != "" {
				restore(c.Path)
			}
		})
	})
	found := o.Recovery.FindBackups(o.Path, filepath.Dir(o.Path), a.Preferences().String(PrefBackupDir))
	var offer fyne.CanvasObject
	if len(found) == 0 {
		offer = widget.NewLabel(tr.T("No backup was found beside the database or in the backup folder."))
	} else {
		latest := found[0]
		offer = container.NewVBox(
			widget.NewLabel(tr.T("Latest backup: %s (%s)", latest.Path, latest.ModTime.Format("2006-01-02 15:04"))),
			widget.NewButtonWithIcon(tr.T("Restore the latest backup"), theme.HistoryIcon(), func() { restore(latest.Path) }),
		)
	}
	quit := widget.NewButton(tr.T("Close"), func() { w.Close() })
	icon := widget.NewIcon(theme.ErrorIcon())
	title := widget.NewLabelWithStyle(tr.T("The database file is damaged"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.SetContent(container.NewPadded(container.NewBorder(container.NewHBox(icon, title), container.NewHBox(choose, quit), nil, nil,
		container.NewVBox(msg, offer, status))))
	w.Resize(fyne.NewSize(640, 300))
	return w
}

// startupTranslator returns a translator for lang, else the system's language, else English.
func startupTranslator(lang string) *i18n.Translator {
	if !i18n.Supported(lang) {
		lang = i18n.SystemLanguage()
	}
	tr, err := i18n.New(lang)
	if err != nil {
		tr, _ = i18n.New("en")
	}
	setFyneLanguage(tr.Lang())
	return tr
}
