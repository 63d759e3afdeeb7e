package workspace

import (
	"os"
	"os/user"
	"strings"
	"time"

	"kpiplanner/app"
)

// Settings keys of the workspace's identity: who its changes are recorded as.
const (
	SettingUser   = "user.name"
	SettingDevice = "user.device"
)

// Identity returns the user and device names changes are recorded under:
// the saved settings, else the operating system's user and host names.
func (w *Workspace) Identity() (userName, device string) {
	userName, _ = w.store.Setting(SettingUser)
	device, _ = w.store.Setting(SettingDevice)
	if strings.TrimSpace(userName) == "" {
		userName = osUser()
	}
	if strings.TrimSpace(device) == "" {
		device, _ = os.Hostname()
	}
	return userName, device
}

// SetIdentity saves the user and device names; "" goes back to the default.
func (w *Workspace) SetIdentity(userName, device string) error {
	return w.store.Update(func(tx app.Tx) error {
		if err := tx.SetSetting(SettingUser, strings.TrimSpace(userName)); err != nil {
			return err
		}
		return tx.SetSetting(SettingDevice, strings.TrimSpace(device))
	})
}

func osUser() string {
	if u, err := user.Current(); err == nil {
		if u.Name != "" {
			return u.Name
		}
		return u.Username
	}
	return os.Getenv("USER")
}

// who returns the identity of a change made now through this workspace.
func (w *Workspace) who(reason string) app.Who {
	u, d := w.Identity()
	return app.Who{User: u, Device: d, Source: w.Source, Reason: strings.TrimSpace(reason)}
}

// now is the time changes are recorded at.
func (w *Workspace) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}
