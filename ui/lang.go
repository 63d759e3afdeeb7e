package ui

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kpiplanner/app/i18n"
	"kpiplanner/assets"
)

// Setting keys.
const (
	settingLang  = "language"
	settingTheme = "theme"
)

// initialLanguage is the forced, saved or system language, in that order.
func (u *UI) initialLanguage() string {
	for _, l := range []string{u.opts.Lang, u.setting(settingLang), i18n.SystemLanguage()} {
		if i18n.Supported(l) {
			return l
		}
	}
	return "en"
}

// setLanguage switches the UI's translator and Fyne's own strings to code.
func (u *UI) setLanguage(code string) {
	tr, err := i18n.New(code)
	if err != nil {
		fyne.LogError("load language "+code, err)
		tr, _ = i18n.New("en")
	}
	u.tr = tr
	setFyneLanguage(tr.Lang())
}

// setFyneLanguage makes Fyne's dialogs ("Cancel", "OK"…) speak code. Fyne
// picks its language from the locale environment each time translations are
// added, so set the environment and add ours again.
func setFyneLanguage(code string) {
	locale := map[string]string{"vi": "vi_VN.UTF-8", "en": "en_US.UTF-8"}[code]
	_ = os.Setenv("LC_ALL", locale)
	_ = os.Setenv("LANGUAGE", code)
	if err := lang.AddTranslationsFS(assets.Lang, "lang"); err != nil {
		fyne.LogError("load Fyne translations", err)
	}
}

// onLanguageChanged saves the choice and rebuilds every screen in it.
func (u *UI) onLanguageChanged(code string) {
	if code == u.tr.Lang() {
		return
	}
	u.async(func() error { return u.ws.Store().SetSetting(settingLang, code) }, func(err error) {
		u.showError(err)
		u.setLanguage(code)
		u.build()
		u.openSettings()
	})
}
