package ui

import (
	"unicode/utf8"

	"fyne.io/fyne/v2/widget"

	"kpiplanner/app/score"
)

// totalText writes an official total with the window it covers:
// "89.96 · to 2026-09" (vi "89,96 · đến 2026-09").
func (u *UI) totalText(total float64, w score.Window) string {
	num := u.tr.FormatNumber(total, 2)
	if w.Empty() {
		return num
	}
	return u.T("%s · to %s", num, w.Label)
}

// ratingText writes a rating's name, marked when the result is provisional.
func (u *UI) ratingText(name string, provisional bool) string {
	if name == "" {
		return "—"
	}
	if provisional {
		return u.T("%s (provisional)", u.T(name))
	}
	return u.T(name)
}

// formulaText writes the formula that scored a KPI with the screen's number
// format, and says when the floor or the cap changed its result.
func (u *UI) formulaText(k score.KPIResult) string {
	if k.Status != score.Scored {
		if k.Exempt {
			return u.T("Exempted from the missing-data rule")
		}
		if k.Zero {
			return u.T("No data: counts as 0")
		}
		return ""
	}
	f := fontSafe.Replace(k.Formula.Text(func(x float64) string { return u.tr.FormatNumber(x, -1) }))
	switch {
	case k.Achievement < k.Raw && k.Achievement == 0:
		return u.T("%s, below the floor: 0", f)
	case k.Achievement < k.Raw:
		return u.T("%s, capped at %s", f, u.tr.FormatPercent(100*k.Achievement, -1))
	}
	return f
}

// choiceLabels names each scoring-window choice for a selector.
func (u *UI) choiceLabels(cs []score.Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		switch c.Kind {
		case score.ChooseOfficial:
			out[i] = u.T("Official")
		case score.ChooseWhole:
			out[i] = u.T("Whole cycle")
		default:
			out[i] = c.Label
		}
	}
	return out
}

// choiceIndex returns the index of c in cs (same kind and label), or 0 (official).
func choiceIndex(cs []score.Choice, c score.Choice) int {
	for i, x := range cs {
		if x.Kind == c.Kind && x.Label == c.Label {
			return i
		}
	}
	return 0
}

// setOptions gives sel its options and a placeholder as long as the longest,
// so the select is wide enough for each (a Select is as wide as its placeholder).
func setOptions(sel *widget.Select, opts []string) {
	sel.PlaceHolder = ""
	for _, o := range opts {
		if utf8.RuneCountInString(o) > utf8.RuneCountInString(sel.PlaceHolder) {
			sel.PlaceHolder = o
		}
	}
	sel.SetOptions(opts)
}

// targetText is a KPI's formula line, with its window target and
// reference value beside it when the KPI has a reference.
func (u *UI) targetText(k score.KPIResult) string {
	f := u.formulaText(k)
	if k.Reference == nil {
		return f
	}
	ref := u.T("target %s, reference value %s", u.tr.FormatNumber(score.Round2(k.Target), -1), u.tr.FormatNumber(*k.Reference, -1))
	if f == "" {
		return ref
	}
	return u.T("%s · %s", f, ref)
}
