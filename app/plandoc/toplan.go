package plandoc

import (
	"fmt"
	"slices"

	"kpiplanner/app"
)

// toPlan turns one document plan at path into an app plan, recording
// problems the document structs cannot express (conditional fields, periods,
// the uid). A plan whose rules leave out missing_data gets "": setMissingData
// fills it in once the document's format is known.
func toPlan(path string, d *docPlan, probs *problems) *app.Plan {
	if d.ID > app.MaxPlanID {
		probs.addOnce(path+".id", fmt.Sprintf("%d is above the highest plan id %d", d.ID, app.MaxPlanID))
	}
	for _, u := range []struct {
		field string
		uid   app.UID
	}{{"uid", d.UID}, {"person_uid", d.PersonUID}, {"unit_uid", d.UnitUID}} {
		if u.uid != "" {
			if _, err := app.ParseUID(string(u.uid)); err != nil {
				probs.addOnce(path+"."+u.field, err.Error())
			}
		}
	}
	p := &app.Plan{
		ID:       d.ID,
		UID:      d.UID,
		Name:     d.Name,
		Status:   d.Status,
		Revision: d.Revision, ApprovedOnce: d.ApprovedOnce, PersonUID: d.PersonUID,
		Person: app.Person{Name: d.Person.Name, Department: d.Person.Department, Position: d.Person.Position,
			BaseBonus: d.Person.BaseBonus, Currency: d.Person.Currency},
		Cycle: app.Cycle(d.Cycle),
		Goal:  app.Goal(d.Goal),
		Rules: app.DefaultRules(),
	}
	p.Rules.MissingData = ""
	if d.Template != nil {
		if _, err := app.ParseUID(string(d.Template.UID)); err != nil {
			probs.addOnce(path+".template.uid", err.Error())
		}
		if d.Template.Version < 1 {
			probs.addOnce(path+".template.version", "must be 1 or more")
		}
		p.TemplateUID, p.TemplateVersion = d.Template.UID, d.Template.Version
	}
	if p.Status == app.LegacyActive {
		p.Status = app.Approved // plan@1 and @2 said "active" for what is now approved
	}
	if d.Rules != nil {
		p.Rules = rulesOf(d.Rules)
	}
	p.UnitUID = d.UnitUID // format 5: cascade
	if len(d.KPIs) > 0 {
		p.KPIs = make([]app.KPI, len(d.KPIs))
	}
	pl := newPeriodLookup(p.Cycle)
	for j := range d.KPIs {
		p.KPIs[j] = toKPI(fmt.Sprintf("%s.kpis[%d]", path, j), &d.KPIs[j], pl, probs)
	}
	return p
}

// rulesOf converts document rules.
func rulesOf(d *docRules) app.Rules {
	r := app.Rules{
		GroupWeights: d.GroupWeights,
		BonusMode:    d.BonusMode,
		LinearCap:    d.LinearCap,
		Cap:          d.Cap,
		Floor:        d.Floor,
		RoundingStep: d.RoundingStep,
		NoteBelow:    app.DefaultNoteBelow,
		TeamWeight:   d.TeamWeight, // format 5: cascade
	}
	if d.NoteBelow != nil {
		r.NoteBelow = *d.NoteBelow
	}
	if d.MissingData != nil {
		r.MissingData = *d.MissingData
		if r.MissingData == "" {
			r.MissingData = app.MissingExclude
		}
	}
	if r.GroupWeights == nil {
		r.GroupWeights = map[app.Group]float64{}
	}
	if len(d.Bands) > 0 {
		r.Bands = make([]app.Band, len(d.Bands))
		for i, b := range d.Bands {
			r.Bands[i] = app.Band(b)
		}
	}
	return r
}

// toKPI converts one document KPI at path.
func toKPI(path string, d *docKPI, pl *periodLookup, probs *problems) app.KPI {
	k := app.KPI{
		ID: d.ID, LibraryID: d.LibraryID, Name: d.Name, Description: d.Description, Rationale: d.Rationale,
		Unit: d.Unit, Direction: d.Direction, Baseline: d.Baseline, Floor: d.Floor, Cap: d.Cap,
		Weight: d.Weight, Group: d.Group, Effort: d.Effort, Impact: d.Impact, Aggregation: d.Aggregation,
		DataSource: d.DataSource, Owner: d.Owner, Deadline: d.Deadline, Note: d.Note, Exempt: d.Exempt,
		UnitPlan: d.UnitPlan, UnitKPI: d.UnitKPI, Share: d.Share, // format 5: cascade
		FromTemplate: d.FromTemplate,
	}
	need := func(field string, v *float64, why string) {
		if v == nil {
			probs.addOnce(path+"."+field, "required field is missing ("+why+")")
		}
	}
	switch d.Direction {
	case app.Higher, app.Lower:
		need("target", d.Target, fmt.Sprintf("a %s KPI needs a target", d.Direction))
	case app.Range:
		why := "a range KPI needs range_low, range_high and tolerance"
		need("range_low", d.RangeLow, why)
		need("range_high", d.RangeHigh, why)
		need("tolerance", d.Tolerance, why)
	}
	k.Target, k.RangeLow, k.RangeHigh, k.Tolerance = orZero(d.Target), orZero(d.RangeLow), orZero(d.RangeHigh), orZero(d.Tolerance)
	if k.Group == "" {
		k.Group = app.SuggestGroup(k.Effort, k.Impact)
	}
	if len(d.Steps) > 0 {
		k.Steps = make([]app.StepBand, len(d.Steps))
		for i, s := range d.Steps {
			k.Steps[i] = app.StepBand(s)
		}
	}
	k.PeriodTargets, k.Reference = toPeriodTargets(path, d, pl, probs), d.Reference
	k.Actuals = toActuals(path, d, pl, probs)
	return k
}

// orZero returns *v, or 0 when v is unset.
func orZero(v *float64) float64 {
	if v != nil {
		return *v
	}
	return 0
}

// toActuals converts a KPI's actuals, checking periods and value fields, and
// sorts them by period.
func toActuals(path string, d *docKPI, pl *periodLookup, probs *problems) []app.Actual {
	if len(d.Actuals) == 0 || pl.n == 0 { // a broken cycle is reported by validation
		return nil
	}
	out := make([]app.Actual, 0, len(d.Actuals))
	at := map[int]int{} // period → index in d.Actuals
	for i, da := range d.Actuals {
		ap := fmt.Sprintf("%s.actuals[%d]", path, i)
		idx, ok := pl.find(da.Period)
		if !ok {
			probs.addOnce(ap+".period", fmt.Sprintf("%q is not a period of the plan's cycle (%s … %s)", da.Period, pl.first, pl.last))
			continue
		}
		if j, dup := at[idx]; dup {
			probs.addOnce(ap+".period", fmt.Sprintf("%s is given twice (also at actuals[%d])", da.Period, j))
			continue
		}
		at[idx] = i
		a, ok := actualOf(ap, d.Aggregation, &da, probs)
		if ok {
			a.Period = idx
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b app.Actual) int { return a.Period - b.Period })
	if len(out) == 0 {
		return nil
	}
	return out
}

// actualOf checks that a ratio actual has num and den and any other has
// value, reporting one problem per mix-up.
func actualOf(path string, agg app.Aggregation, d *docActual, probs *problems) (app.Actual, bool) {
	bad := func(field, msg string) (app.Actual, bool) {
		probs.addOnce(path+"."+field, msg)
		return app.Actual{}, false
	}
	if agg != app.Ratio {
		switch {
		case d.Num != nil || d.Den != nil:
			field := "num"
			if d.Num == nil {
				field = "den"
			}
			return bad(field, fmt.Sprintf(`only ratio KPIs record "num" and "den"; this KPI's aggregation is %q, so give "value"`, agg))
		case d.Value == nil:
			return bad("value", "required field is missing")
		}
		return app.Actual{Value: *d.Value, Comment: d.Comment}, true
	}
	const both = `required field is missing (a ratio KPI records "num" and "den")`
	switch {
	case d.Value != nil:
		return bad("value", `a ratio KPI records "num" and "den", not "value"`)
	case d.Num == nil:
		return bad("num", both)
	case d.Den == nil:
		return bad("den", both)
	case *d.Den == 0 && *d.Num != 0: // as the sheet imports and the plan screen refuse it
		return bad("den", "must not be 0 when num is not 0")
	}
	return app.Actual{Value: *d.Num, Den: *d.Den, Comment: d.Comment}, true
}

// periodLookup resolves period labels of one cycle quickly.
type periodLookup struct {
	cycle       app.Cycle
	byLabel     map[string]int
	n           int
	first, last string
}

func newPeriodLookup(c app.Cycle) *periodLookup {
	ps := c.Periods()
	pl := &periodLookup{cycle: c, byLabel: make(map[string]int, len(ps)), n: len(ps)}
	for _, p := range ps {
		pl.byLabel[p.Label] = p.Index
	}
	if len(ps) > 0 {
		pl.first, pl.last = ps[0].Label, ps[len(ps)-1].Label
	}
	return pl
}

// find returns the index of the period labelled s; it also accepts what
// app.Cycle.FindPeriod accepts (a 1-based number, any letter case).
func (pl *periodLookup) find(s string) (int, bool) {
	if i, ok := pl.byLabel[s]; ok {
		return i, true
	}
	i, err := pl.cycle.FindPeriod(s)
	return i, err == nil
}

// noteBelowAbsent reports whether d leaves out rules.note_below.
func noteBelowAbsent(d *docPlan) bool { return d.Rules == nil || d.Rules.NoteBelow == nil }

// setFormatDefaults gives a plan the meaning of the document's format for
// the rules it left out: note_below (noteAbsent) is off (0) in plan@1 and @2
// documents, written before the rule existed, and the default in later ones;
// see setMissingData.
func setFormatDefaults(p *app.Plan, format string, noteAbsent bool) {
	if noteAbsent && (format == Format1 || format == Format2) {
		p.Rules.NoteBelow = 0
	}
	setMissingData(p, format)
}

// setMissingData gives a plan whose rules left out missing_data the meaning
// of the document's format: exclude in a kpiplanner/plan@1 document (what
// those plans were scored with), the default (provisional) in later ones.
func setMissingData(p *app.Plan, format string) {
	if p.Rules.MissingData != "" {
		return
	}
	if format == Format1 {
		p.Rules.MissingData = app.MissingExclude
		return
	}
	p.Rules.MissingData = app.DefaultRules().MissingData
}
