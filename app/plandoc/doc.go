// Package plandoc reads and writes the JSON plan document
// ("format": "kpiplanner/plan@3"; "kpiplanner/plan@1" and "@2" are still
// read): one or many plans with their KPIs, actuals and scoring rules, their
// review status and revision, as described in docs/plan-format.md.
//
// Decoding is strict: unknown fields, wrong types, duplicate keys, numbers
// out of range, bad period labels and invalid plans are all reported with
// the JSON path of the value at fault, and every problem is listed (up to
// MaxProblems), not just the first.
//
// Decoding streams: Stream hands over each plan as soon as its JSON object
// has been read and checked, so a document of any size is read in a small,
// fixed window of memory; Decode and Unmarshal collect the plans it yields.
package plandoc

import "kpiplanner/app"

// Format is the value of the "format" field of the plan documents Encode
// writes. Since @3 a plan carries its review status (draft, submitted,
// approved, closed), revision, approved_once and person_uid, its rules
// note_below, and each actual an optional comment.
const Format = "kpiplanner/plan@3"

// Format2 is the second plan document format, still read: its status
// "active" reads as approved (so do @1's), and its rules without note_below
// get the default.
const Format2 = "kpiplanner/plan@2"

// Format1 is the first plan document format, still read: a plan's rules that
// leave out "missing_data" mean exclude in it (the behaviour of the time),
// where in Format they mean the default, provisional.
const Format1 = "kpiplanner/plan@1"

// readable reports whether a document of format f can be read.
func readable(f string) bool { return f == Format || f == Format2 || f == Format1 }

// The structs below mirror the document; their field order is the order
// fields are written in. A `plandoc:"required"` tag makes a missing field an
// error; pointers tell an absent number from a zero one.

// document is what Encode writes; decoding reads the same two fields but
// handles each plan on its own (see decoder.document).
type document struct {
	Format string    `json:"format" plandoc:"required"`
	Plans  []docPlan `json:"plans" plandoc:"required"`
}

type docPlan struct {
	ID     app.PlanID `json:"id,omitempty"`
	UID    app.UID    `json:"uid,omitempty"`
	Name   string     `json:"name" plandoc:"required"`
	Status app.Status `json:"status" plandoc:"required"`
	// Revision counts the plan's saved changes; ApprovedOnce says it has
	// been approved at least once (later changes to its terms need a reason).
	Revision     uint64    `json:"revision,omitempty"`
	ApprovedOnce bool      `json:"approved_once,omitempty"`
	PersonUID    app.UID   `json:"person_uid,omitempty"` // the people registry's person
	Person       docPerson `json:"person" plandoc:"required"`
	Cycle        docCycle  `json:"cycle" plandoc:"required"`
	Goal         docGoal   `json:"goal,omitzero"`
	Rules        *docRules `json:"rules,omitempty"`
	KPIs         []docKPI  `json:"kpis,omitempty"`
	// format 5: cascade — the org unit whose own plan this is
	UnitUID app.UID `json:"unit_uid,omitempty"`
	// Template is the position template the plan was made from (optional).
	Template *docTemplateRef `json:"template,omitempty"`
}

// docTemplateRef names a position template and its version.
type docTemplateRef struct {
	UID     app.UID `json:"uid" plandoc:"required"`
	Version int     `json:"version" plandoc:"required"`
}

type docPerson struct {
	Name       string  `json:"name" plandoc:"required"`
	Department string  `json:"department,omitempty"`
	Position   string  `json:"position,omitempty"`
	BaseBonus  float64 `json:"base_bonus,omitempty"`
	Currency   string  `json:"currency,omitempty"`
}

type docCycle struct {
	Start     app.Date      `json:"start" plandoc:"required"`
	End       app.Date      `json:"end" plandoc:"required"`
	Frequency app.Frequency `json:"frequency" plandoc:"required"`
}

type docGoal struct {
	Text string `json:"text,omitempty"`
	Type string `json:"type,omitempty"`
}

type docRules struct {
	GroupWeights map[app.Group]float64 `json:"group_weights"`
	Bands        []docBand             `json:"bands"`
	BonusMode    app.BonusMode         `json:"bonus_mode"`
	LinearCap    float64               `json:"linear_cap"`
	Cap          float64               `json:"cap"`
	Floor        float64               `json:"floor"`
	RoundingStep float64               `json:"rounding_step"`
	MissingData  *app.MissingData      `json:"missing_data,omitempty"` // nil: absent, read per the format
	NoteBelow    *float64              `json:"note_below,omitempty"`   // nil: absent, read per the format
	// format 5: cascade — percent of the total taken from the unit plan's total
	TeamWeight float64 `json:"team_weight,omitempty"`
}

// setDefaults fills r with app.DefaultRules, so fields a document leaves out
// keep their defaults; missing_data stays absent, since its default depends
// on the document's format.
func (r *docRules) setDefaults() {
	*r = rulesDoc(app.DefaultRules())
	r.MissingData, r.NoteBelow = nil, nil
}

type docBand struct {
	Min        float64 `json:"min" plandoc:"required"`
	Name       string  `json:"name" plandoc:"required"`
	Multiplier float64 `json:"multiplier" plandoc:"required"`
}

type docKPI struct {
	ID          string          `json:"id" plandoc:"required"`
	LibraryID   string          `json:"library_id,omitempty"`
	Name        string          `json:"name" plandoc:"required"`
	Description string          `json:"description,omitempty"`
	Rationale   string          `json:"rationale,omitempty"`
	Unit        app.Unit        `json:"unit" plandoc:"required"`
	Direction   app.Direction   `json:"direction" plandoc:"required"`
	Baseline    *float64        `json:"baseline,omitempty"`
	Target      *float64        `json:"target,omitempty"`
	RangeLow    *float64        `json:"range_low,omitempty"`
	RangeHigh   *float64        `json:"range_high,omitempty"`
	Tolerance   *float64        `json:"tolerance,omitempty"`
	Floor       *float64        `json:"floor,omitempty"`
	Cap         *float64        `json:"cap,omitempty"`
	Weight      float64         `json:"weight"`
	Group       app.Group       `json:"group"`
	Effort      app.Level       `json:"effort,omitempty"`
	Impact      app.Level       `json:"impact,omitempty"`
	Aggregation app.Aggregation `json:"aggregation" plandoc:"required"`
	DataSource  string          `json:"data_source,omitempty"`
	Owner       string          `json:"owner,omitempty"`
	Deadline    app.Date        `json:"deadline,omitzero"`
	Steps       []docStep       `json:"steps,omitempty"`
	Note        string          `json:"note,omitempty"`
	Exempt      string          `json:"exempt,omitempty"`
	// PeriodTargets and Reference: targets per period and reference value (issue 12).
	PeriodTargets []docTarget `json:"period_targets,omitempty"`
	Reference     *float64    `json:"reference,omitempty"`
	Actuals       []docActual `json:"actuals,omitempty"`
	// format 5: cascade — the unit KPI this one contributes to, and its share
	UnitPlan app.UID `json:"unit_plan,omitempty"`
	UnitKPI  string  `json:"unit_kpi,omitempty"`
	Share    float64 `json:"share,omitempty"`
	// FromTemplate is the id of the template KPI this KPI was made from (optional).
	FromTemplate string `json:"from_template,omitempty"`
}

// setDefaults gives a KPI the weight 1 when the document leaves it out.
func (k *docKPI) setDefaults() { k.Weight = 1 }

type docStep struct {
	From  float64 `json:"from" plandoc:"required"`
	Score float64 `json:"score" plandoc:"required"`
}

type docActual struct {
	Period  string   `json:"period" plandoc:"required"`
	Value   *float64 `json:"value,omitempty"`
	Num     *float64 `json:"num,omitempty"`
	Den     *float64 `json:"den,omitempty"`
	Comment string   `json:"comment,omitempty"`
}

// defaulter is a document struct with defaults for the fields a document leaves out.
type defaulter interface{ setDefaults() }
