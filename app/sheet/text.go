package sheet

import (
	"fmt"
	"strings"

	"kpiplanner/app"
	"kpiplanner/app/i18n"
)

// Translate renders a message in the reader's language. key is the English
// text (a fmt format), which is also the translation key and the fallback;
// (*i18n.Translator).T is one.
type Translate func(key string, args ...any) string

// English is the Translate that leaves every message in English.
func English(key string, args ...any) string {
	if len(args) == 0 {
		return strings.ReplaceAll(key, "%%", "%")
	}
	return fmt.Sprintf(key, args...)
}

// tr returns t, or English when t is nil.
func tr(t Translate) Translate {
	if t == nil {
		return English
	}
	return t
}

// lang holds a Translate under the name T, so that the translation catalog
// test finds every key the exports use.
type lang struct{ T Translate }

// enumNames are the English display names of the enumerated values the
// sheets show; they are the same translation keys package i18n uses.
var enumNames = map[string]string{
	string(app.Higher): i18n.N("Higher is better"), string(app.Lower): i18n.N("Lower is better"),
	string(app.Range): i18n.N("Within a range"), string(app.Milestone): i18n.N("Milestone"),

	string(app.Sum): i18n.N("Sum"), string(app.Average): i18n.N("Average"), string(app.Last): i18n.N("Last value"),
	string(app.Min): i18n.N("Minimum"), string(app.Max): i18n.N("Maximum"), string(app.Ratio): i18n.N("Ratio"),

	string(app.Number): i18n.N("Number"), string(app.Percent): i18n.N("Percent"), string(app.Currency): i18n.N("Currency"),
	string(app.Duration): i18n.N("Duration"), string(app.Count): i18n.N("Count"), string(app.Score): i18n.N("Score"),
	string(app.Days): i18n.N("Days"), string(app.Hours): i18n.N("Hours"), string(app.Minutes): i18n.N("Minutes"),
	string(app.Seconds): i18n.N("Seconds"),

	string(app.High): i18n.N("High"), string(app.Low): i18n.N("Low"),

	string(app.Weekly): i18n.N("Weekly"), string(app.Monthly): i18n.N("Monthly"), string(app.Quarterly): i18n.N("Quarterly"),

	string(app.Draft): i18n.N("Draft"), string(app.Submitted): i18n.N("Submitted"), string(app.Approved): i18n.N("Approved"), string(app.Closed): i18n.N("Closed"),

	string(app.BonusBand): i18n.N("By rating band"), string(app.BonusLinear): i18n.N("Proportional to the total"),
}

// Name returns the display name of an enumerated value (a direction, unit,
// aggregation, level, frequency, status or bonus mode) in t's language, or
// the value itself when it has none.
func (l lang) Name(v string) string {
	if n, ok := enumNames[v]; ok {
		return l.T(n)
	}
	return v
}

// Band returns a rating band's name in t's language: the default bands'
// names are translation keys; other names come back unchanged.
func (l lang) Band(name string) string {
	if name == "" {
		return ""
	}
	return l.T(name)
}
