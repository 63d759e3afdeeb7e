package ui

import (
	"strconv"

	"kpiplanner/app"
	"kpiplanner/app/roster"
)

// describe is one line with everything about a person, however narrow the columns.
func describePerson(u *UI, r *roster.Roster, e *app.Employee) string {
	parts := []string{e.Code, e.Name, r.Org.Name(e.Unit), e.Position}
	if e.Level > 0 {
		parts = append(parts, u.T("level %d", e.Level))
	}
	if m := r.NameOf(e.Manager); m != "" {
		parts = append(parts, u.T("manager: %s", m))
	}
	if !e.Joined.IsZero() {
		parts = append(parts, u.T("joined %s", e.Joined))
	}
	if e.Archived() {
		parts = append(parts, u.T("left %s", e.Left))
	}
	if e.BaseBonus > 0 {
		parts = append(parts, u.T("base bonus %s", u.tr.FormatMoney(e.BaseBonus, e.Currency)))
	}
	return joinNonEmpty(" · ", append(parts, e.Email)...)
}

// levelChoices returns the levels people have, as the level filter lists them.
func levelChoices(r *roster.Roster) []string {
	vs := r.LevelValues()
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = levelText(v)
	}
	return out
}

func levelText(l int) string {
	if l == 0 {
		return "—"
	}
	return strconv.Itoa(l)
}
