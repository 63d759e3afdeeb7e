package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app"
	"kpiplanner/app/files"
	"kpiplanner/app/packet"
)

// askPassword asks for the password of the protected file the importer
// tried to read (err says whether none or a wrong one was given) and reads
// it again with the password typed.
func (im *planImporter) askPassword(path string, err error) {
	im.passDialog = im.s.u.askPassword(err, func(pw string) {
		im.passDialog = nil
		im.password = pw
		im.read(path)
	}, func() { im.passDialog = nil })
}

// askPassword asks for a protected file's password (again, after a wrong
// one, as err says) and calls then with it, or cancelled when the user gives up.
func (u *UI) askPassword(err error, then func(password string), cancelled func()) *dialog.FormDialog {
	msg := u.T("This file is password-protected. Type its password to import it.")
	if errors.Is(err, files.ErrWrongPassword) || errors.Is(err, packet.ErrWrongPassword) { // a packet's too (ui/packet_read.go)
		msg = u.T("Wrong password. Type the file's password again.")
	}
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	pw := widget.NewPasswordEntry()
	items := []*widget.FormItem{{Widget: l}, widget.NewFormItem(u.T("Password"), pw)}
	d := dialog.NewForm(u.T("Import"), u.T("Open"), u.T("Cancel"), items, func(ok bool) {
		if ok {
			then(pw.Text)
			return
		}
		cancelled()
	}, u.win)
	d.Resize(fyne.NewSize(460, 220))
	u.formKeys(d, items)
	d.Show()
	u.win.Canvas().Focus(pw)
	return d
}

// isPasswordError reports whether err is a missing or wrong password.
func isPasswordError(err error) bool {
	return errors.Is(err, files.ErrPasswordProtected) || errors.Is(err, files.ErrWrongPassword)
}

// confirmLosses asks before saving a KPI import that drops or reinterprets
// recorded actuals, listing the KPIs; with none it saves at once.
func (im *planImporter) confirmLosses(losses []app.ActualsLoss, save func()) {
	u := im.s.u
	u.confirmLosses(losses, u.T("This import changes KPIs that have recorded actuals, which would then be dropped or read differently:"),
		u.T("Import anyway?"), save)
}

// confirmLosses lists the KPIs whose recorded actuals a change would drop or
// reinterpret after intro, and saves only when the user confirms ask; with
// no loss it saves at once.
func (u *UI) confirmLosses(losses []app.ActualsLoss, intro, ask string, save func()) {
	if len(losses) == 0 {
		save()
		return
	}
	lines := make([]string, len(losses))
	for i, l := range losses {
		lines[i] = "• " + u.tr.Msg(l.Message())
	}
	u.confirm(u.T("Recorded actuals would change"), intro+"\n\n"+strings.Join(lines, "\n")+"\n\n"+ask, save)
}
