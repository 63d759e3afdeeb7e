package app

// Text is a string in both of the app's languages.
type Text struct {
	VI string `json:"vi"`
	EN string `json:"en"`
}

// In returns the text in lang ("vi" or "en"), falling back to the other one.
func (t Text) In(lang string) string {
	if lang == "vi" && t.VI != "" || t.EN == "" {
		return t.VI
	}
	return t.EN
}

// LibraryEntry is a KPI of the KPI library: a known metric a plan can start from.
type LibraryEntry struct {
	ID          string      `json:"id"`
	Name        Text        `json:"name"`
	Description Text        `json:"description"`
	Formula     Text        `json:"formula"` // in words: "orders ÷ sessions × 100"
	Unit        Unit        `json:"unit"`
	Direction   Direction   `json:"direction"`
	Aggregation Aggregation `json:"aggregation"`
	Numerator   Text        `json:"numerator,omitzero"`   // ratio KPIs only
	Denominator Text        `json:"denominator,omitzero"` // ratio KPIs only
	Department  string      `json:"department"`           // marketing, digital-marketing, ecommerce, sales, customer-service, finance, hr, operations
	Stage       string      `json:"stage,omitempty"`      // awareness, consideration, conversion, loyalty
	Perspective string      `json:"perspective"`          // financial, customer, internal-process, learning-growth
	Tier        string      `json:"tier"`                 // operational, tactical, strategic
	Leading     bool        `json:"leading"`              // a leading (not lagging) indicator
	Vanity      bool        `json:"vanity"`               // a vanity metric unless tied to the goal
	DataSource  string      `json:"data_source"`          // web-analytics, ads-platform, crm, email-platform, accounting, hr-records, pos…
	Effort      Level       `json:"effort"`
	Impact      Level       `json:"impact"`
	Custom      bool        `json:"custom,omitempty"` // saved by a user, not built in
	Hidden      bool        `json:"hidden,omitempty"` // hidden from lists by the user
}

// NewKPI returns a KPI for a plan made from e, in lang, with id as its KPI id.
func (e *LibraryEntry) NewKPI(id, lang string) KPI {
	return KPI{
		ID:          id,
		LibraryID:   e.ID,
		Name:        e.Name.In(lang),
		Description: e.Description.In(lang),
		Unit:        e.Unit,
		Direction:   e.Direction,
		Aggregation: e.Aggregation,
		DataSource:  e.DataSource,
		Effort:      e.Effort,
		Impact:      e.Impact,
		Group:       SuggestGroup(e.Effort, e.Impact),
		Weight:      1,
	}
}
