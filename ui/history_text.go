package ui

import (
	"strconv"
	"strings"

	"kpiplanner/app"
)

// historyWhat makes a history path readable: "kpis[k3].target" is "Doanh
// thu mới: Target", "kpis[k3].actuals[2026-03].value" "Doanh thu mới:
// actual of 2026-03"; names holds KPI names by id.
func (u *UI) historyWhat(path string, names map[string]string) string {
	switch path {
	case "plan":
		return u.T("Plan")
	case "status":
		return u.tr.FieldName("status")
	}
	id := app.KPIOf(path)
	if id == "" {
		return u.tr.FieldName(dotted(path))
	}
	name := names[id]
	if name == "" {
		name = id
	}
	rest := strings.TrimPrefix(path, "kpis["+id+"]")
	if rest == "" {
		return u.T("KPI %s", name)
	}
	rest = strings.TrimPrefix(rest, ".")
	if label, sub, ok := actualPath(rest); ok {
		switch sub {
		case "comment":
			return u.T("%s: comment on %s", name, label)
		case "den":
			return u.T("%s: denominator of %s", name, label)
		}
		return u.T("%s: actual of %s", name, label)
	}
	return name + ": " + u.tr.FieldName(dotted(rest))
}

// actualPath splits "actuals[2026-03].value" into the period label and the field.
func actualPath(rest string) (label, field string, ok bool) {
	inner, ok := strings.CutPrefix(rest, "actuals[")
	if !ok {
		return "", "", false
	}
	label, field, _ = strings.Cut(inner, "]")
	return label, strings.TrimPrefix(field, "."), true
}

// dotted writes map and slice keys as path words: rules.group_weights[A] is
// rules.group_weights.A, the form field names use.
func dotted(path string) string {
	return strings.NewReplacer("[", ".", "]", "").Replace(path)
}

// historyValue writes a recorded value the user's way: numbers with the
// language's separators, dates as the language writes them, statuses by name.
func (u *UI) historyValue(path, v string) string {
	if v == "" {
		return ""
	}
	if path == "status" {
		return u.tr.Name(app.Status(v))
	}
	if d, err := app.ParseDate(v); err == nil && len(v) == len("2006-01-02") {
		return u.tr.FormatDate(d)
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "eE") {
		return u.tr.FormatNumber(x, -1)
	}
	return v
}

// targetMarkers returns, for each KPI whose target changed after the plan's
// first approval, a line on the latest such change: "100 to 120 on
// 12/03/2026 by Lan: market shrank".
func (s *planScreen) targetMarkers(entries []app.HistoryEntry) map[string]string {
	u := s.u
	out := map[string]string{}
	approved := false
	for _, e := range entries {
		if e.Path == "status" && e.New == string(app.Approved) {
			approved = true
			continue
		}
		id := app.KPIOf(e.Path)
		if !approved || id == "" || e.Path != "kpis["+id+"].target" {
			continue
		}
		when := u.tr.FormatDate(app.DateOf(e.At.Local()))
		line := u.T("Target changed after approval: %s to %s on %s by %s", u.historyValue(e.Path, e.Old),
			u.historyValue(e.Path, e.New), when, e.User)
		if e.Reason != "" {
			line = u.T("%s: %s", line, e.Reason)
		}
		out[id] = line
	}
	return out
}
