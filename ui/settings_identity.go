package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/workspace"
)

// identityRow edits the user and device names every change is recorded
// under; empty fields go back to the system's names, shown as placeholders.
type identityRow struct {
	s      *settingsScreen
	user   *widget.Entry
	device *widget.Entry
	save   *widget.Button
}

func newIdentityRow(s *settingsScreen) *identityRow {
	u := s.u
	r := &identityRow{s: s, user: widget.NewEntry(), device: widget.NewEntry()}
	r.save = widget.NewButtonWithIcon(u.T("Save names"), theme.DocumentSaveIcon(), r.onSave)
	r.load()
	return r
}

// items returns the settings form's rows for the names.
func (r *identityRow) items() []*widget.FormItem {
	u := r.s.u
	note := widget.NewLabel(u.T("Changes are recorded under these names. This is attribution, not access control: anyone using this computer can change them."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	return []*widget.FormItem{
		widget.NewFormItem(u.T("User name"), r.user),
		widget.NewFormItem(u.T("Device name"), container.NewBorder(nil, nil, nil, r.save, r.device)),
		widget.NewFormItem("", note),
	}
}

// load reads the saved names and the defaults in the background.
func (r *identityRow) load() {
	u := r.s.u
	var savedUser, savedDevice, user, device string
	u.async(func() error {
		var err error
		if savedUser, err = u.ws.Store().Setting(workspace.SettingUser); err != nil {
			return err
		}
		if savedDevice, err = u.ws.Store().Setting(workspace.SettingDevice); err != nil {
			return err
		}
		user, device = u.ws.Identity()
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		r.user.SetText(savedUser)
		r.device.SetText(savedDevice)
		r.user.SetPlaceHolder(placeholder(u, savedUser, user))
		r.device.SetPlaceHolder(placeholder(u, savedDevice, device))
	})
}

// placeholder shows the default an empty field goes back to.
func placeholder(u *UI, saved, effective string) string {
	if saved == "" {
		return u.T("%s (the system's)", effective)
	}
	return u.T("empty: the system's name")
}

func (r *identityRow) onSave() {
	u := r.s.u
	user, device := r.user.Text, r.device.Text
	var who, on string
	u.async(func() error {
		if err := u.ws.SetIdentity(user, device); err != nil {
			return err
		}
		who, on = u.ws.Identity()
		return nil
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		r.load()
		u.notify(u.T("Changes are now recorded as %s on %s", who, on))
	})
}
