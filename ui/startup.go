package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowStartupError shows why the app could not start (for example, the
// database is open in another window) and runs until that window closes.
func ShowStartupError(a fyne.App, err error, lang string) {
	w := StartupErrorWindow(a, err, lang)
	w.ShowAndRun()
}

// StartupErrorWindow builds the window ShowStartupError shows.
func StartupErrorWindow(a fyne.App, err error, lang string) fyne.Window {
	tr := startupTranslator(lang)
	w := a.NewWindow(tr.T("KPI Planner"))
	msg := widget.NewLabel(tr.Err(err))
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(tr.T("Close"), func() { w.Close() })
	icon := widget.NewIcon(theme.ErrorIcon())
	title := widget.NewLabelWithStyle(tr.T("KPI Planner cannot open its database"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.SetContent(container.NewPadded(container.NewBorder(container.NewHBox(icon, title), container.NewHBox(quit), nil, nil, msg)))
	w.Resize(fyne.NewSize(520, 200))
	return w
}
