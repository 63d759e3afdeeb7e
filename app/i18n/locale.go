package i18n

import (
	"os"
	"strings"
)

// SystemLanguage returns the app language the system locale asks for: "vi"
// or "en". It reads the first set of LC_ALL, LC_MESSAGES and LANG, then the
// LANGUAGE priority list (as gettext does), and when none is set asks the
// operating system (Windows: the user's locale; macOS: AppleLocale). A C or
// POSIX locale, an unset one and any language other than Vietnamese give
// "en", quietly.
func SystemLanguage() string {
	locale := ""
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = os.Getenv(env); locale != "" {
			break
		}
	}
	if isCLocale(locale) {
		return "en"
	}
	for l := range strings.SplitSeq(os.Getenv("LANGUAGE"), ":") {
		if lang := MatchLanguage(l); lang != "" {
			return lang
		}
	}
	if locale == "" {
		locale = osLocale()
	}
	if lang := MatchLanguage(locale); lang != "" {
		return lang
	}
	return "en"
}

// isCLocale reports whether locale is the C or POSIX locale (C.UTF-8 included).
func isCLocale(locale string) bool {
	base, _, _ := strings.Cut(locale, ".")
	return base == "C" || base == "POSIX"
}

// MatchLanguage returns the app language of a locale name such as
// "vi_VN.UTF-8", "vi-VN" or "en_US", or "" when the app has no translation
// for it. It suits names from Fyne's lang.SystemLocale() too.
func MatchLanguage(locale string) string {
	l := strings.ToLower(strings.TrimSpace(locale))
	if i := strings.IndexAny(l, "_-.@"); i >= 0 {
		l = l[:i]
	}
	if Supported(l) {
		return l
	}
	return ""
}
