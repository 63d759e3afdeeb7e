package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// askReason asks why, in a dialog whose OK stays disabled until a reason is
// written, and passes the reason to done.
func (u *UI) askReason(title, question string, done func(reason string)) {
	e := widget.NewMultiLineEntry()
	e.SetMinRowsVisible(3)
	e.Wrapping = fyne.TextWrapWord
	e.SetPlaceHolder(u.T("e.g. the market shrank after the new competitor opened"))
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(u.T("a reason is required"))
		}
		return nil
	}
	q := widget.NewLabel(question)
	q.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{widget.NewFormItem("", q), widget.NewFormItem(u.T("Reason"), e)}
	d := dialog.NewForm(title, u.T("OK"), u.T("Cancel"), items, func(ok bool) {
		if ok && strings.TrimSpace(e.Text) != "" {
			done(strings.TrimSpace(e.Text))
		}
	}, u.win)
	d.Resize(fyne.NewSize(520, 300))
	dialogKeys(u.win, d, d.Submit)
	d.Show()
}
