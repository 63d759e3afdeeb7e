package app

import (
	"strconv"
	"strings"
	"time"
)

// Template is one version of a position template: the KPI set, default
// targets and scoring rules that plans of people in a position (and,
// optionally, a level) start from. Every version is kept; plans made from a
// template record its uid and version (Plan.TemplateUID, TemplateVersion)
// and each KPI the template KPI it came from (KPI.FromTemplate).
type Template struct {
	UID      UID
	Name     string // e.g. "Nhân viên kinh doanh — cấp 2"
	Position string // the people's position the template is for
	Level    int    // the level it is for; 0 for every level
	GoalType string // the library goal type it started from, if any
	Goal     string // the goal text its plans start with
	Rules    Rules
	KPIs     []KPI // the KPIs with their default values; never actuals
	// Version counts the saved versions from 1; the store gives it.
	Version int
	// At, User and Device say when and by whom this version was saved; Note why.
	At           time.Time
	User, Device string
	Note         string
}

// NewTemplate returns an empty template with the default rules.
func NewTemplate(name, position string, level int) *Template {
	return &Template{Name: name, Position: position, Level: level, Rules: DefaultRules()}
}

// Label returns the template's name with its version: "Sales — v3".
func (t *Template) Label() string { return t.Name + " v" + strconv.Itoa(t.Version) }

// AsPlan returns the template as a draft plan over a placeholder cycle, so
// plan validation and Diff apply to it. The plan shares t's KPIs.
func (t *Template) AsPlan() *Plan {
	return &Plan{Name: t.Name, Status: Draft, Goal: Goal{Text: t.Goal, Type: t.GoalType}, Rules: t.Rules, KPIs: t.KPIs,
		Person: Person{Position: t.Position},
		Cycle:  Cycle{Start: NewDate(2000, 1, 1), End: NewDate(2000, 12, 31), Frequency: Monthly}}
}

// Clone returns a deep copy of t.
func (t *Template) Clone() *Template {
	c := *t
	p := t.AsPlan().Clone()
	c.Rules, c.KPIs = p.Rules, p.KPIs
	return &c
}

// Validate checks the template's own fields (name, position, level) and its
// KPIs and rules as a plan's, returning a *ValidationError naming each bad
// field, or nil. A target of 0 is allowed: no default, each plan sets its own.
func (t *Template) Validate() error {
	v := &validator{}
	v.required("name", t.Name)
	v.maxLen("", "name", t.Name, MaxNameLen)
	v.required("position", t.Position)
	v.maxLen("", "position", t.Position, MaxNameLen)
	if t.Level < 0 || t.Level > 99 {
		v.add("", "level", M("must be between 0 and 99"))
	}
	if len(t.KPIs) == 0 {
		v.add("", "kpis", M("a template needs at least one KPI"))
	}
	for _, k := range t.KPIs {
		if len(k.Actuals) > 0 {
			v.add(k.ID, "actuals", M("a template holds no actuals"))
		}
	}
	if err := t.AsPlan().Validate(); err != nil {
		if ve, ok := err.(*ValidationError); ok {
			for _, f := range ve.Fields {
				if k := t.KPI(f.KPI); f.Field == "target" && k != nil && k.Target == 0 {
					continue // no default target: each plan sets its own
				}
				if f.Field == "deadline" {
					continue // the template has no cycle yet: each plan's is checked
				}
				v.errs = append(v.errs, f)
			}
		}
	}
	return v.result(t.Name)
}

// NormalizeText trims and NFC-normalises the template's texts as a plan's are.
func (t *Template) NormalizeText() {
	p := t.AsPlan()
	p.NormalizeText()
	t.Name, t.Goal, t.KPIs = p.Name, p.Goal.Text, p.KPIs
	t.Position = strings.TrimSpace(t.Position)
}

// DiffTemplates lists what changed between two versions of a template as
// history paths (name, position, level, goal.text, rules…, kpis[k1].target);
// either may be nil.
func DiffTemplates(before, after *Template) []Edit {
	var b, a *Plan
	var out []Edit
	if before != nil {
		b = before.AsPlan()
	}
	if after != nil {
		a = after.AsPlan()
	}
	pos := func(t *Template) (string, string) {
		if t == nil {
			return "", ""
		}
		lv := ""
		if t.Level != 0 {
			lv = strconv.Itoa(t.Level)
		}
		return t.Position, lv
	}
	bp, bl := pos(before)
	ap, al := pos(after)
	if bp != ap {
		out = append(out, Edit{Path: "position", Old: bp, New: ap})
	}
	if bl != al {
		out = append(out, Edit{Path: "level", Old: bl, New: al})
	}
	for _, e := range Diff(b, a) {
		if !strings.HasPrefix(e.Path, "cycle") {
			out = append(out, e)
		}
	}
	return out
}

// KPI returns the template's KPI with the given id, or nil.
func (t *Template) KPI(id string) *KPI {
	for i := range t.KPIs {
		if t.KPIs[i].ID == id {
			return &t.KPIs[i]
		}
	}
	return nil
}
