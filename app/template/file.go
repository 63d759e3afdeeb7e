package template

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"kpiplanner/app"
)

// FileFormat is the "format" of a templates file (docs/template-format.md).
const FileFormat = "kpiplanner/template@1"

type fileDoc struct {
	Format    string        `json:"format"`
	Templates []templateDoc `json:"templates"`
}

type templateDoc struct {
	UID      app.UID   `json:"uid,omitempty"`
	Version  int       `json:"version,omitempty"`
	Name     string    `json:"name"`
	Position string    `json:"position"`
	Level    int       `json:"level,omitempty"`
	GoalType string    `json:"goal_type,omitempty"`
	Goal     string    `json:"goal,omitempty"`
	At       time.Time `json:"changed_at,omitzero"`
	User     string    `json:"changed_by,omitempty"`
	Device   string    `json:"device,omitempty"`
	Note     string    `json:"note,omitempty"`
	Rules    rulesDoc  `json:"rules"`
	KPIs     []kpiDoc  `json:"kpis"`
}

type rulesDoc struct {
	GroupWeights map[app.Group]float64 `json:"group_weights"`
	Bands        []bandDoc             `json:"bands"`
	BonusMode    app.BonusMode         `json:"bonus_mode"`
	LinearCap    float64               `json:"linear_cap"`
	Cap          float64               `json:"cap"`
	Floor        float64               `json:"floor"`
	RoundingStep float64               `json:"rounding_step"`
	MissingData  app.MissingData       `json:"missing_data"`
	NoteBelow    float64               `json:"note_below"`
	TeamWeight   float64               `json:"team_weight,omitempty"`
}

type bandDoc struct {
	Min        float64 `json:"min"`
	Name       string  `json:"name"`
	Multiplier float64 `json:"multiplier"`
}

type kpiDoc struct {
	ID          string          `json:"id"`
	LibraryID   string          `json:"library_id,omitempty"`
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	Rationale   string          `json:"rationale,omitempty"`
	Unit        app.Unit        `json:"unit"`
	Direction   app.Direction   `json:"direction"`
	Baseline    *float64        `json:"baseline,omitempty"`
	Target      float64         `json:"target"`
	RangeLow    float64         `json:"range_low,omitempty"`
	RangeHigh   float64         `json:"range_high,omitempty"`
	Tolerance   float64         `json:"tolerance,omitempty"`
	Floor       *float64        `json:"floor,omitempty"`
	Cap         *float64        `json:"cap,omitempty"`
	Weight      float64         `json:"weight"`
	Group       app.Group       `json:"group"`
	Effort      app.Level       `json:"effort,omitempty"`
	Impact      app.Level       `json:"impact,omitempty"`
	Aggregation app.Aggregation `json:"aggregation"`
	DataSource  string          `json:"data_source,omitempty"`
	Owner       string          `json:"owner,omitempty"`
	Deadline    app.Date        `json:"deadline,omitzero"`
	Steps       []app.StepBand  `json:"steps,omitempty"`
	Note        string          `json:"note,omitempty"`
	Exempt      string          `json:"exempt,omitempty"`
	// PeriodTargets are targets per period by 0-based period index (the
	// template has no cycle of its own); Reference is last year's value.
	PeriodTargets []periodDoc `json:"period_targets,omitempty"`
	Reference     *float64    `json:"reference,omitempty"`
}

type periodDoc struct {
	Period int     `json:"period"`
	Value  float64 `json:"value"`
}

// periodDocs returns ts as the file writes them.
func periodDocs(ts []app.PeriodTarget) []periodDoc {
	var out []periodDoc
	for _, t := range ts {
		out = append(out, periodDoc(t))
	}
	return out
}

// periodTargets returns ds as a KPI holds them.
func periodTargets(ds []periodDoc) []app.PeriodTarget {
	var out []app.PeriodTarget
	for _, d := range ds {
		out = append(out, app.PeriodTarget(d))
	}
	return out
}

// WriteFile writes templates as a kpiplanner/template@1 file.
func WriteFile(w io.Writer, ts []*app.Template) error {
	d := fileDoc{Format: FileFormat, Templates: make([]templateDoc, len(ts))}
	for i, t := range ts {
		d.Templates[i] = docOf(t)
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("write templates: %w", err)
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// docOf returns t as the file writes it.
func docOf(t *app.Template) templateDoc {
	r := t.Rules
	d := templateDoc{UID: t.UID, Version: t.Version, Name: t.Name, Position: t.Position, Level: t.Level,
		GoalType: t.GoalType, Goal: t.Goal, At: t.At, User: t.User, Device: t.Device, Note: t.Note,
		Rules: rulesDoc{GroupWeights: r.GroupWeights, BonusMode: r.BonusMode, LinearCap: r.LinearCap, Cap: r.Cap,
			Floor: r.Floor, RoundingStep: r.RoundingStep, MissingData: r.MissingData, NoteBelow: r.NoteBelow,
			TeamWeight: r.TeamWeight},
		KPIs: make([]kpiDoc, len(t.KPIs))}
	for _, b := range r.Bands {
		d.Rules.Bands = append(d.Rules.Bands, bandDoc(b))
	}
	for j := range t.KPIs {
		k := t.KPIs[j]
		d.KPIs[j] = kpiDoc{ID: k.ID, LibraryID: k.LibraryID, Name: k.Name, Description: k.Description,
			Rationale: k.Rationale, Unit: k.Unit, Direction: k.Direction, Baseline: k.Baseline, Target: k.Target,
			RangeLow: k.RangeLow, RangeHigh: k.RangeHigh, Tolerance: k.Tolerance, Floor: k.Floor, Cap: k.Cap,
			Weight: k.Weight, Group: k.Group, Effort: k.Effort, Impact: k.Impact, Aggregation: k.Aggregation,
			DataSource: k.DataSource, Owner: k.Owner, Deadline: k.Deadline, Steps: k.Steps, Note: k.Note, Exempt: k.Exempt,
			PeriodTargets: periodDocs(k.PeriodTargets), Reference: k.Reference}
	}
	return d
}

// ReadFile reads a kpiplanner/template@1 file strictly (unknown fields and
// another format are errors) and validates each template, naming the
// template and field at fault.
func ReadFile(r io.Reader) ([]*app.Template, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read templates: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var d fileDoc
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("templates file: %w", err)
	}
	if d.Format != FileFormat {
		return nil, fmt.Errorf("templates file: format %q, want %q", d.Format, FileFormat)
	}
	out := make([]*app.Template, len(d.Templates))
	for i, td := range d.Templates {
		t, err := templateOf(i, td)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}

// templateOf returns the template of document td, the i-th of its list,
// checked (uid syntax, Validate).
func templateOf(i int, td templateDoc) (*app.Template, error) {
	t := &app.Template{UID: td.UID, Version: td.Version, Name: td.Name, Position: td.Position, Level: td.Level,
		GoalType: td.GoalType, Goal: td.Goal, At: td.At, User: td.User, Device: td.Device, Note: td.Note,
		Rules: app.Rules{GroupWeights: td.Rules.GroupWeights, BonusMode: td.Rules.BonusMode, LinearCap: td.Rules.LinearCap,
			Cap: td.Rules.Cap, Floor: td.Rules.Floor, RoundingStep: td.Rules.RoundingStep, MissingData: td.Rules.MissingData,
			NoteBelow: td.Rules.NoteBelow, TeamWeight: td.Rules.TeamWeight}}
	for _, b := range td.Rules.Bands {
		t.Rules.Bands = append(t.Rules.Bands, app.Band(b))
	}
	if td.UID != "" {
		if _, err := app.ParseUID(string(td.UID)); err != nil {
			return nil, fmt.Errorf("templates[%d].uid: %w", i, err)
		}
	}
	for _, k := range td.KPIs {
		t.KPIs = append(t.KPIs, app.KPI{ID: k.ID, LibraryID: k.LibraryID, Name: k.Name, Description: k.Description,
			Rationale: k.Rationale, Unit: k.Unit, Direction: k.Direction, Baseline: k.Baseline, Target: k.Target,
			RangeLow: k.RangeLow, RangeHigh: k.RangeHigh, Tolerance: k.Tolerance, Floor: k.Floor, Cap: k.Cap,
			Weight: k.Weight, Group: k.Group, Effort: k.Effort, Impact: k.Impact, Aggregation: k.Aggregation,
			DataSource: k.DataSource, Owner: k.Owner, Deadline: k.Deadline, Steps: k.Steps, Note: k.Note, Exempt: k.Exempt,
			PeriodTargets: periodTargets(k.PeriodTargets), Reference: k.Reference})
	}
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("templates[%d] (%s): %w", i, t.Name, err)
	}
	return t, nil
}
