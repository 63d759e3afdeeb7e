package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices as saved in settings.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// variantTheme is the default theme forced to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color returns the default theme's colour for the forced variant.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme switches between light, dark and the system's choice.
func (u *UI) applyTheme(choice string) {
	switch choice {
	case themeLight:
		u.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		u.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		u.app.Settings().SetTheme(theme.DefaultTheme())
	}
}
