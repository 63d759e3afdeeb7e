package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kpiplanner/app/workspace"
)

func TestSettingsIdentityDefaultsAndSave(t *testing.T) {
	u, store := testUI(t, "en")
	u.openSettings()
	s := u.cur.(*settingsScreen)
	sysUser, sysDevice := u.ws.Identity() // nothing saved: the system's names
	if s.who.user.Text != "" || s.who.user.PlaceHolder != sysUser+" (the system's)" ||
		s.who.device.PlaceHolder != sysDevice+" (the system's)" {
		t.Errorf("unset names show %q / %q, placeholders %q / %q", s.who.user.Text, s.who.device.Text,
			s.who.user.PlaceHolder, s.who.device.PlaceHolder)
	}
	test.Type(s.who.user, "Trần Thị Lan")
	test.Type(s.who.device, "hr-laptop")
	test.Tap(s.who.save)
	if got, _ := store.Setting(workspace.SettingUser); got != "Trần Thị Lan" {
		t.Errorf("saved user %q", got)
	}
	if got, _ := store.Setting(workspace.SettingDevice); got != "hr-laptop" {
		t.Errorf("saved device %q", got)
	}
	if !strings.Contains(u.status.Text, "Trần Thị Lan on hr-laptop") {
		t.Errorf("status %q", u.status.Text)
	}
	p := submittedFixture()
	if err := u.ws.Save(p); err != nil {
		t.Fatal(err)
	}
	h, err := u.ws.History(p.ID)
	if err != nil || len(h) == 0 || h[0].User != "Trần Thị Lan" || h[0].Device != "hr-laptop" {
		t.Errorf("a change after the save is recorded as %+v (%v)", h, err)
	}
	s.who.user.SetText("")
	test.Tap(s.who.save)
	if got, _ := u.ws.Identity(); got != sysUser {
		t.Errorf("an emptied user name gives %q, want the system's %q", got, sysUser)
	}
}
