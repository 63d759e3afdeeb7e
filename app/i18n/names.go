package i18n

import (
	"fmt"
	"strings"

	"kpiplanner/app"
)

// fieldNames are the English labels of the field paths app.FieldError uses.
var fieldNames = map[string]string{
	"status":              N("Status"),
	"cycle.start":         N("Cycle start"),
	"cycle.end":           N("Cycle end"),
	"cycle.frequency":     N("Review frequency"),
	"person.name":         N("Employee name"),
	"person.department":   N("Department"),
	"person.position":     N("Position"),
	"person.base_bonus":   N("Base bonus"),
	"person.currency":     N("Currency"),
	"goal.text":           N("Business goal"),
	"goal.type":           N("Goal type"),
	"rules.group_weights": N("Group weights"),
	"rules.bands":         N("Rating bands"),
	"rules.bonus_mode":    N("Bonus mode"),
	"rules.linear_cap":    N("Linear bonus cap"),
	"rules.cap":           N("Achievement cap"),
	"rules.floor":         N("Achievement floor"),
	"rules.rounding_step": N("Bonus rounding step"),
	"rules.missing_data":  N("Missing data"),
	"exempt":              N("Exemption reason"),
	"id":                  N("KPI code"),
	"library_id":          N("Library entry"),
	"name":                N("Name"),
	"description":         N("Description"),
	"rationale":           N("Rationale"),
	"unit":                N("Unit"),
	"direction":           N("Direction"),
	"baseline":            N("Baseline"),
	"target":              N("Target"),
	"range_low":           N("Range low"),
	"range_high":          N("Range high"),
	"tolerance":           N("Tolerance"),
	"floor":               N("Achievement floor"),
	"cap":                 N("Achievement cap"),
	"weight":              N("Weight"),
	"group":               N("Group"),
	"effort":              N("Effort"),
	"impact":              N("Impact"),
	"aggregation":         N("Aggregation"),
	"data_source":         N("Data source"),
	"owner":               N("Owner"),
	"deadline":            N("Deadline"),
	"steps":               N("Step bands"),
	"note":                N("Notes"),
	"actuals":             N("Actuals"),
	"period_targets":      N("Targets per period"),
	"reference":           N("Reference value"),
}

// FieldName returns the label of an app.FieldError field path ("target",
// "rules.group_weights.A"), or the path itself when it has none.
func (t *Translator) FieldName(field string) string {
	if g, ok := strings.CutPrefix(field, "rules.group_weights."); ok {
		return t.T("Weight of group %s", g)
	}
	if n, ok := fieldNames[field]; ok {
		return t.T(n)
	}
	return field
}

// names are the English display names of the domain's enumerated values:
// app's statuses, directions, aggregations, units, levels, frequencies and
// bonus modes, and the KPI library's departments, funnel stages, perspectives,
// tiers and data sources.
var names = map[string]string{
	string(app.Draft): N("Draft"), string(app.Submitted): N("Submitted"), string(app.Approved): N("Approved"), string(app.Closed): N("Closed"),

	string(app.Higher): N("Higher is better"), string(app.Lower): N("Lower is better"),
	string(app.Range): N("Within a range"), string(app.Milestone): N("Milestone"),

	string(app.Sum): N("Sum"), string(app.Average): N("Average"), string(app.Last): N("Last value"),
	string(app.Min): N("Minimum"), string(app.Max): N("Maximum"), string(app.Ratio): N("Ratio"),

	string(app.Number): N("Number"), string(app.Percent): N("Percent"), string(app.Currency): N("Currency"),
	string(app.Duration): N("Duration"), string(app.Count): N("Count"), string(app.Score): N("Score"),
	string(app.Days): N("Days"), string(app.Hours): N("Hours"), string(app.Minutes): N("Minutes"),
	string(app.Seconds): N("Seconds"),

	string(app.High): N("High"), string(app.Low): N("Low"),

	string(app.Weekly): N("Weekly"), string(app.Monthly): N("Monthly"), string(app.Quarterly): N("Quarterly"),

	string(app.BonusBand): N("By rating band"), string(app.BonusLinear): N("Proportional to the total"),

	string(app.MissingExclude): N("Leave out of the group's mean"), string(app.MissingZero): N("Count as 0"),
	string(app.MissingProvisional): N("Provisional until complete"),

	"marketing": N("Marketing"), "digital-marketing": N("Digital marketing"), "ecommerce": N("E-commerce"),
	"sales": N("Sales"), "customer-service": N("Customer service"), "finance": N("Finance"),
	"hr": N("Human resources"), "operations": N("Operations & production"),

	"awareness": N("Awareness"), "consideration": N("Consideration"), "conversion": N("Conversion"),
	"loyalty": N("Loyalty"),

	"financial": N("Financial"), "customer": N("Customer"), "internal-process": N("Internal process"),
	"learning-growth": N("Learning & growth"),

	"operational": N("Operational"), "tactical": N("Tactical"), "strategic": N("Strategic"),

	"web-analytics": N("Web analytics"), "ads-platform": N("Ads platform"), "crm": N("CRM"),
	"email-platform": N("Email platform"), "accounting": N("Accounting"), "hr-records": N("HR records"),
	"pos": N("POS"), "social-media": N("Social media"), "survey": N("Survey"), "helpdesk": N("Helpdesk"),
	"production-records": N("Production records"), "project-management": N("Project management tool"),
	"inventory": N("Inventory system"), "ecommerce-platform": N("E-commerce platform"),
	"manual": N("Manual entry"),
	// the KPI library's ids for the same sources
	"social-platform": N("Social media"), "project-tool": N("Project management tool"),
	"production-system": N("Production records"),
}

// Name returns the display name of an enumerated value: an app.Status,
// Direction, Aggregation, Unit, Level, Frequency, BonusMode or MissingData, an app.Group
// ("Group A"), or a KPI library id of a department, funnel stage,
// perspective, tier or data source ("digital-marketing" → "Marketing số").
// Unknown values come back unchanged.
func (t *Translator) Name(v any) string {
	var id string
	switch v := v.(type) {
	case app.Group:
		return t.T("Group %s", string(v))
	case app.Status:
		id = string(v)
	case app.Direction:
		id = string(v)
	case app.Aggregation:
		id = string(v)
	case app.Unit:
		id = string(v)
	case app.Level:
		id = string(v)
	case app.Frequency:
		id = string(v)
	case app.BonusMode:
		id = string(v)
	case app.MissingData:
		id = string(v)
	case string:
		id = v
	default:
		return fmt.Sprint(v)
	}
	if n, ok := names[id]; ok {
		return t.T(n)
	}
	return id
}
