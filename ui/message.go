package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// showMessage shows a dialog with a title and a wrapped message; Enter or
// Escape closes it.
func showMessage(w fyne.Window, title, msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", l, w)
	d.Resize(fyne.NewSize(480, 200))
	dialogKeys(w, d, d.Hide)
	d.Show()
}

// confirm asks a yes/no question before a destructive action; Enter
// answers Yes, Escape No.
func (u *UI) confirm(title, msg string, yes func()) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, u.T("Yes"), u.T("No"), l, func(ok bool) {
		if ok {
			yes()
		}
	}, u.win)
	d.Resize(fyne.NewSize(460, 180))
	dialogKeys(u.win, d, d.Confirm)
	d.Show()
}

// notify shows a short message at the bottom of the window.
func (u *UI) notify(msg string) {
	if u.status != nil {
		u.status.SetText(msg)
	}
}
