//go:build !windows && !darwin

package i18n

// osLocale returns "": on Unix the environment is the system locale.
func osLocale() string { return "" }
