package storage

import (
	"encoding/binary"
	"fmt"
	"slices"

	"kpiplanner/app"
)

// Record format versions. A plan or actuals record starts with one of these
// bytes, so a later format can still read older records.
const (
	planFormat1 = 1 // planFormat1 is a plan without actuals, as written before plans had a uid.
	// planFormat2 adds the plan's uid, the rules' rounding step and
	// missing-data rule and each KPI's exemption.
	planFormat2 = 2
	// planFormat3 adds the plan's revision, whether it was ever approved,
	// its person's uid and the rules' note-below threshold; encodePlan
	// writes it. The person's code and unit and the closed periods are
	// derived on load and never stored.
	planFormat3 = 3
	// planFormat4 holds the fields of format 3; its head (format, uid,
	// revision, approved once, person uid) is written as in format 3, every
	// later string as a text field (texts.go): in place, a reference to an
	// earlier text of the record, or the number of a shared text. encodePlan
	// writes it.
	planFormat4 = 4
	// planFormat5 adds, each in its own block at the end of the plan head
	// or of each KPI, the fields of later features; encodePlan writes it.
	planFormat5 = 5

	actualsPlain       = 1 // actualsPlain holds period and value per actual.
	actualsWithDen     = 2 // actualsWithDen also holds each actual's denominator.
	actualsWithComment = 3 // actualsWithComment holds period, value, denominator and comment.
)

// planKey returns the bucket key of plan id: 8 bytes, big-endian, so keys sort by id.
func planKey(id app.PlanID) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), uint64(id))
}

// actualsKey returns the key of one KPI's actuals: the plan key, then the KPI id.
func actualsKey(id app.PlanID, kpiID string) []byte {
	k := make([]byte, 0, 8+len(kpiID))
	k = binary.BigEndian.AppendUint64(k, uint64(id))
	return append(k, kpiID...)
}

// idOf returns the plan id a plan or actuals key starts with.
func idOf(key []byte) app.PlanID {
	if len(key) < 8 {
		return 0
	}
	return app.PlanID(binary.BigEndian.Uint64(key))
}

// encodePlan returns p without its ID (the key holds it) and without actuals,
// in the current plan record format, every text in place.
func encodePlan(p *app.Plan) []byte { return encodePlanAs(p, planFormat5) }

// encodePlanWith returns p's record in the current format, its shareable
// texts numbered in table t.
func encodePlanWith(p *app.Plan, t *textTable) ([]byte, error) {
	w := &writer{b: make([]byte, 0, 128+64*len(p.KPIs)), texts: t}
	encodePlanTo(w, p, planFormat5)
	return w.b, w.err
}

// encodePlanAs writes p in record format f, every text in place; formats 1
// to 3 (what schema 1 to 3 files hold) leave out the fields added since.
func encodePlanAs(p *app.Plan, f byte) []byte {
	w := &writer{b: make([]byte, 0, 256+256*len(p.KPIs))}
	encodePlanTo(w, p, f)
	return w.b
}

func encodePlanTo(w *writer, p *app.Plan, f byte) {
	w.byte(f)
	if f >= planFormat2 {
		w.str(string(p.UID))
	}
	if f >= planFormat3 {
		w.uvarint(p.Revision)
		w.bool(p.ApprovedOnce)
		w.str(string(p.PersonUID))
	}
	if f >= planFormat5 { // format 5: position templates (first: recordTemplate reads it here)
		w.str(string(p.TemplateUID))
		w.uvarint(uint64(p.TemplateVersion))
	}
	if f >= planFormat5 {
		// format 5: cascade — the unit whose own plan this is, the team weight
		w.str(string(p.UnitUID))
		w.float(p.Rules.TeamWeight)
	}
	w.tagged = f >= planFormat4
	w.field(p.Name, false)
	w.field(string(p.Status), true)
	w.field(p.Person.Name, false)
	w.field(p.Person.Department, true)
	w.field(p.Person.Position, true)
	w.float(p.Person.BaseBonus)
	w.field(p.Person.Currency, true)
	w.date(p.Cycle.Start)
	w.date(p.Cycle.End)
	w.field(string(p.Cycle.Frequency), true)
	w.field(p.Goal.Text, true)
	w.field(p.Goal.Type, true)
	encodeRules(w, &p.Rules, f)
	w.count(len(p.KPIs), p.KPIs == nil)
	for i := range p.KPIs {
		encodeKPI(w, &p.KPIs[i], f)
	}
}

func encodeRules(w *writer, r *app.Rules, f byte) {
	groups := make([]app.Group, 0, len(r.GroupWeights))
	for g := range r.GroupWeights {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	w.count(len(groups), r.GroupWeights == nil)
	for _, g := range groups {
		w.field(string(g), true)
		w.float(r.GroupWeights[g])
	}
	w.count(len(r.Bands), r.Bands == nil)
	for _, b := range r.Bands {
		w.float(b.Min)
		w.field(b.Name, true)
		w.float(b.Multiplier)
	}
	w.field(string(r.BonusMode), true)
	w.float(r.LinearCap)
	w.float(r.Cap)
	w.float(r.Floor)
	if f >= planFormat2 {
		w.float(r.RoundingStep)
		w.field(string(r.MissingData), true)
	}
	if f >= planFormat3 {
		w.float(r.NoteBelow)
	}
}

func encodeKPI(w *writer, k *app.KPI, f byte) {
	w.field(k.ID, true)
	w.field(k.LibraryID, true)
	w.field(k.Name, true)
	w.field(k.Description, true)
	w.field(k.Rationale, true)
	w.field(string(k.Unit), true)
	w.field(string(k.Direction), true)
	w.optFloat(k.Baseline)
	w.float(k.Target)
	w.float(k.RangeLow)
	w.float(k.RangeHigh)
	w.float(k.Tolerance)
	w.optFloat(k.Floor)
	w.optFloat(k.Cap)
	w.float(k.Weight)
	w.field(string(k.Group), true)
	w.field(string(k.Effort), true)
	w.field(string(k.Impact), true)
	w.field(string(k.Aggregation), true)
	w.field(k.DataSource, true)
	w.field(k.Owner, false)
	w.date(k.Deadline)
	w.count(len(k.Steps), k.Steps == nil)
	for _, s := range k.Steps {
		w.float(s.From)
		w.float(s.Score)
	}
	w.field(k.Note, true)
	if f >= planFormat2 {
		w.field(k.Exempt, true)
	}
	if f >= planFormat5 { // format 5: targets per period and reference value
		w.count(len(k.PeriodTargets), k.PeriodTargets == nil)
		for _, t := range k.PeriodTargets {
			w.uvarint(uint64(t.Period))
			w.float(t.Value)
		}
		w.optFloat(k.Reference)
	}
	if f >= planFormat5 {
		// format 5: cascade — the unit KPI this one contributes to, and its share
		w.field(string(k.UnitPlan), true)
		w.field(k.UnitKPI, true)
		w.float(k.Share)
	}
	if f >= planFormat5 { // format 5: position templates
		w.field(k.FromTemplate, true)
	}
}

// decodePlan reads a plan record stored under key, without a text table
// (a record that refers to a shared text fails); its KPIs have no actuals yet.
func decodePlan(key, val []byte) (*app.Plan, error) { return decodePlanWith(key, val, nil, nil) }

// decodePlanWith reads a plan record stored under key, its shared texts
// from shared and its strings interned through intern (either may be nil).
// The plan refers to nothing in val. Its KPIs have no actuals yet.
func decodePlanWith(key, val []byte, shared func(uint64) (string, error), intern map[string]string) (*app.Plan, error) {
	return decodePlanIn(key, val, shared, intern, nil)
}

// decodePlanIn is decodePlanWith into buf's memory when buf is not nil
// (the plan before is overwritten).
func decodePlanIn(key, val []byte, shared func(uint64) (string, error), intern map[string]string, buf *planBuf) (*app.Plan, error) {
	id := idOf(key)
	r := &reader{src: val, shared: shared, buf: buf} // the head's uids are not interned: each is one plan's
	f := r.byte()
	if r.err == nil && (f < planFormat1 || f > planFormat5) {
		return nil, fmt.Errorf("plan %d: unknown record format %d", id, f)
	}
	p := r.newPlan(id)
	if f >= planFormat2 {
		p.UID = app.UID(r.str())
	}
	if f >= planFormat3 {
		p.Revision = r.uvarint()
		p.ApprovedOnce = r.bool()
		p.PersonUID = app.UID(r.str())
	}
	if f >= planFormat5 { // format 5: position templates (first: recordTemplate reads it here)
		p.TemplateUID = app.UID(r.str())
		p.TemplateVersion = int(r.uvarint())
	}
	if f >= planFormat5 {
		// format 5: cascade — the unit whose own plan this is, the team weight
		p.UnitUID = app.UID(r.str())
		p.Rules.TeamWeight = r.float()
	}
	r.tagged, r.intern = f >= planFormat4, intern
	p.Name = r.field()
	if p.Status = app.Status(r.field()); p.Status == app.LegacyActive {
		p.Status = app.Approved
	}
	p.Person.Name = r.field()
	p.Person.Department = r.field()
	p.Person.Position = r.field()
	p.Person.BaseBonus = r.float()
	p.Person.Currency = r.field()
	p.Cycle.Start = r.date()
	p.Cycle.End = r.date()
	p.Cycle.Frequency = app.Frequency(r.field())
	p.Goal.Text = r.field()
	p.Goal.Type = r.field()
	decodeRules(r, &p.Rules, f)
	if n, isNil := r.count(20); !isNil {
		p.KPIs = r.newKPIs(n)
		for i := range p.KPIs {
			decodeKPI(r, &p.KPIs[i], i, f)
		}
	}
	if buf != nil {
		buf.keep(r)
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("plan %d: damaged record: %w", id, err)
	}
	return p, nil
}

// decodeRules reads rules of a record in format f. A format 1 record's
// missing-data rule stays "", which means exclude, and a format 1 or 2
// record's note-below threshold stays 0 (off): the behaviour each was
// scored with.
func decodeRules(r *reader, rules *app.Rules, f byte) {
	if n, isNil := r.count(9); !isNil {
		rules.GroupWeights = r.newWeights(n)
		for range n {
			g := app.Group(r.field())
			rules.GroupWeights[g] = r.float()
		}
	}
	if n, isNil := r.count(17); !isNil {
		rules.Bands = r.newBands(n)
		for i := range rules.Bands {
			b := &rules.Bands[i]
			b.Min = r.float()
			b.Name = r.field()
			b.Multiplier = r.float()
		}
	}
	rules.BonusMode = app.BonusMode(r.field())
	rules.LinearCap = r.float()
	rules.Cap = r.float()
	rules.Floor = r.float()
	if f >= planFormat2 {
		rules.RoundingStep = r.float()
		rules.MissingData = app.MissingData(r.field())
	}
	if f >= planFormat3 {
		rules.NoteBelow = r.float()
	}
}

// decodeKPI reads the KPI at position i of a plan record.
func decodeKPI(r *reader, k *app.KPI, i int, f byte) {
	k.ID = r.field()
	k.LibraryID = r.field()
	k.Name = r.field()
	k.Description = r.field()
	k.Rationale = r.field()
	k.Unit = app.Unit(r.field())
	k.Direction = app.Direction(r.field())
	k.Baseline = r.optFloat()
	k.Target = r.float()
	k.RangeLow = r.float()
	k.RangeHigh = r.float()
	k.Tolerance = r.float()
	k.Floor = r.optFloat()
	k.Cap = r.optFloat()
	k.Weight = r.float()
	k.Group = app.Group(r.field())
	k.Effort = app.Level(r.field())
	k.Impact = app.Level(r.field())
	k.Aggregation = app.Aggregation(r.field())
	k.DataSource = r.field()
	k.Owner = r.field()
	k.Deadline = r.date()
	if n, isNil := r.count(16); !isNil {
		k.Steps = r.newSteps(i, n)
		for i := range k.Steps {
			k.Steps[i] = app.StepBand{From: r.float(), Score: r.float()}
		}
	}
	k.Note = r.field()
	if f >= planFormat2 {
		k.Exempt = r.field()
	}
	if f >= planFormat5 { // format 5: targets per period and reference value
		if n, isNil := r.count(9); !isNil {
			k.PeriodTargets = make([]app.PeriodTarget, n)
			for j := range k.PeriodTargets {
				k.PeriodTargets[j] = app.PeriodTarget{Period: int(r.uvarint()), Value: r.float()}
			}
		}
		k.Reference = r.optFloat()
	}
	if f >= planFormat5 {
		// format 5: cascade — the unit KPI this one contributes to, and its share
		k.UnitPlan = app.UID(r.field())
		k.UnitKPI = r.field()
		k.Share = r.float()
	}
	if f >= planFormat5 { // format 5: position templates
		k.FromTemplate = r.field()
	}
}
