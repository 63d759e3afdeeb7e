package app

import "unicode/utf8"

// The longest texts a plan may hold, in characters (runes). They keep every
// text well inside a spreadsheet cell (32 767 characters) and a screen; see
// docs/plan-format.md.
const (
	MaxIDLen   = 64    // KPI ids, library ids, goal types, currency codes
	MaxNameLen = 200   // names: plan, person, department, position, KPI, band, data source, owner
	MaxTextLen = 4_000 // descriptions, rationales, notes, exemption reasons, the goal's text
)

// lengths checks the length of every text of p.
func (v *validator) lengths(p *Plan) {
	v.maxLen("", "name", p.Name, MaxNameLen)
	v.maxLen("", "person.name", p.Person.Name, MaxNameLen)
	v.maxLen("", "person.department", p.Person.Department, MaxNameLen)
	v.maxLen("", "person.position", p.Person.Position, MaxNameLen)
	v.maxLen("", "person.currency", p.Person.Currency, MaxIDLen)
	v.maxLen("", "goal.text", p.Goal.Text, MaxTextLen)
	v.maxLen("", "goal.type", p.Goal.Type, MaxIDLen)
	for _, b := range p.Rules.Bands {
		v.maxLen("", "rules.bands", b.Name, MaxNameLen)
	}
	for i := range p.KPIs {
		k := &p.KPIs[i]
		id := k.ID
		if utf8.RuneCountInString(id) > MaxIDLen {
			id = string([]rune(id)[:MaxIDLen]) + "…"
		}
		v.maxLen(id, "id", k.ID, MaxIDLen)
		v.maxLen(id, "library_id", k.LibraryID, MaxIDLen)
		v.maxLen(id, "name", k.Name, MaxNameLen)
		v.maxLen(id, "data_source", k.DataSource, MaxNameLen)
		v.maxLen(id, "owner", k.Owner, MaxNameLen)
		v.maxLen(id, "description", k.Description, MaxTextLen)
		v.maxLen(id, "rationale", k.Rationale, MaxTextLen)
		v.maxLen(id, "note", k.Note, MaxTextLen)
		v.maxLen(id, "exempt", k.Exempt, MaxTextLen)
	}
}

// maxLen records an error when s has more than n characters.
func (v *validator) maxLen(kpi, field, s string, n int) {
	if len(s) > n && utf8.RuneCountInString(s) > n {
		v.add(kpi, field, M("is %d characters long; at most %d are allowed", utf8.RuneCountInString(s), n))
	}
}

// Short returns s cut to at most n characters, ending in "…" when cut, for
// quoting a name in a message.
func Short(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 0)]) + "…"
}
