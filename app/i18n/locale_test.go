package i18n

import (
	"runtime"
	"testing"
)

func TestSystemLanguage(t *testing.T) {
	tests := map[string]struct {
		lcAll, lcMessages, lang, language string
		want                              string
	}{
		"vi_VN.UTF-8":            {lang: "vi_VN.UTF-8", want: "vi"},
		"vi bare":                {lang: "vi", want: "vi"},
		"en_US":                  {lang: "en_US", want: "en"},
		"en_GB.UTF-8":            {lang: "en_GB.UTF-8", want: "en"},
		"C":                      {lang: "C", want: "en"},
		"C.UTF-8":                {lang: "C.UTF-8", want: "en"},
		"POSIX":                  {lang: "POSIX", want: "en"},
		"unknown language":       {lang: "fr_FR.UTF-8", want: "en"},
		"garbage":                {lang: "???", want: "en"},
		"LC_ALL wins over LANG":  {lcAll: "vi_VN.UTF-8", lang: "en_US.UTF-8", want: "vi"},
		"LC_MESSAGES over LANG":  {lcMessages: "en_US.UTF-8", lang: "vi_VN.UTF-8", want: "en"},
		"C in LC_ALL wins":       {lcAll: "C", lang: "vi_VN.UTF-8", want: "en"},
		"LANGUAGE list first":    {lang: "en_US.UTF-8", language: "vi:en", want: "vi"},
		"LANGUAGE skips unknown": {lang: "en_US.UTF-8", language: "fr:vi_VN", want: "vi"},
		"C ignores LANGUAGE":     {lang: "C", language: "vi", want: "en"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Setenv("LC_ALL", tc.lcAll)
			t.Setenv("LC_MESSAGES", tc.lcMessages)
			t.Setenv("LANG", tc.lang)
			t.Setenv("LANGUAGE", tc.language)
			if got := SystemLanguage(); got != tc.want {
				t.Errorf("SystemLanguage() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestSystemLanguageEmpty(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		t.Skip("with no locale variables the answer comes from the OS")
	}
	for _, env := range []string{"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"} {
		t.Setenv(env, "")
	}
	if got := SystemLanguage(); got != "en" {
		t.Errorf("SystemLanguage() with no locale = %q, want en", got)
	}
}

func TestMatchLanguage(t *testing.T) {
	tests := map[string]string{
		"vi_VN.UTF-8": "vi", "vi-VN": "vi", "VI": "vi", "vi@latin": "vi",
		"en": "en", "en-US": "en", "en_US.UTF-8": "en",
		"fr-FR": "", "": "", "C": "", "video": "",
	}
	for in, want := range tests {
		if got := MatchLanguage(in); got != want {
			t.Errorf("MatchLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}
