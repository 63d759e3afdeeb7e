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
// in the current plan record format.
func encodePlan(p *app.Plan) []byte { return encodePlanAs(p, planFormat3) }

// encodePlanAs writes p in record format f; formats 1 and 2 (what schema 1
// and 2 files hold) leave out the fields added since.
func encodePlanAs(p *app.Plan, f byte) []byte {
	w := &writer{b: make([]byte, 0, 256+256*len(p.KPIs))}
	w.byte(f)
	if f >= planFormat2 {
		w.str(string(p.UID))
	}
	if f >= planFormat3 {
		w.uvarint(p.Revision)
		w.bool(p.ApprovedOnce)
		w.str(string(p.PersonUID))
	}
	w.str(p.Name)
	w.str(string(p.Status))
	w.str(p.Person.Name)
	w.str(p.Person.Department)
	w.str(p.Person.Position)
	w.float(p.Person.BaseBonus)
	w.str(p.Person.Currency)
	w.date(p.Cycle.Start)
	w.date(p.Cycle.End)
	w.str(string(p.Cycle.Frequency))
	w.str(p.Goal.Text)
	w.str(p.Goal.Type)
	encodeRules(w, &p.Rules, f)
	w.count(len(p.KPIs), p.KPIs == nil)
	for i := range p.KPIs {
		encodeKPI(w, &p.KPIs[i], f >= planFormat2)
	}
	return w.b
}

func encodeRules(w *writer, r *app.Rules, f byte) {
	groups := make([]app.Group, 0, len(r.GroupWeights))
	for g := range r.GroupWeights {
		groups = append(groups, g)
	}
	slices.Sort(groups)
	w.count(len(groups), r.GroupWeights == nil)
	for _, g := range groups {
		w.str(string(g))
		w.float(r.GroupWeights[g])
	}
	w.count(len(r.Bands), r.Bands == nil)
	for _, b := range r.Bands {
		w.float(b.Min)
		w.str(b.Name)
		w.float(b.Multiplier)
	}
	w.str(string(r.BonusMode))
	w.float(r.LinearCap)
	w.float(r.Cap)
	w.float(r.Floor)
	if f >= planFormat2 {
		w.float(r.RoundingStep)
		w.str(string(r.MissingData))
	}
	if f >= planFormat3 {
		w.float(r.NoteBelow)
	}
}

func encodeKPI(w *writer, k *app.KPI, v2 bool) {
	w.str(k.ID)
	w.str(k.LibraryID)
	w.str(k.Name)
	w.str(k.Description)
	w.str(k.Rationale)
	w.str(string(k.Unit))
	w.str(string(k.Direction))
	w.optFloat(k.Baseline)
	w.float(k.Target)
	w.float(k.RangeLow)
	w.float(k.RangeHigh)
	w.float(k.Tolerance)
	w.optFloat(k.Floor)
	w.optFloat(k.Cap)
	w.float(k.Weight)
	w.str(string(k.Group))
	w.str(string(k.Effort))
	w.str(string(k.Impact))
	w.str(string(k.Aggregation))
	w.str(k.DataSource)
	w.str(k.Owner)
	w.date(k.Deadline)
	w.count(len(k.Steps), k.Steps == nil)
	for _, s := range k.Steps {
		w.float(s.From)
		w.float(s.Score)
	}
	w.str(k.Note)
	if v2 {
		w.str(k.Exempt)
	}
}

// decodePlan reads a plan record stored under key; its KPIs have no actuals yet.
func decodePlan(key, val []byte) (*app.Plan, error) {
	id := idOf(key)
	r := newReader(val)
	f := r.byte()
	if r.err == nil && (f < planFormat1 || f > planFormat3) {
		return nil, fmt.Errorf("plan %d: unknown record format %d", id, f)
	}
	p := &app.Plan{ID: id}
	if f >= planFormat2 {
		p.UID = app.UID(r.str())
	}
	if f >= planFormat3 {
		p.Revision = r.uvarint()
		p.ApprovedOnce = r.bool()
		p.PersonUID = app.UID(r.str())
	}
	p.Name = r.str()
	if p.Status = app.Status(r.str()); p.Status == app.LegacyActive {
		p.Status = app.Approved
	}
	p.Person.Name = r.str()
	p.Person.Department = r.str()
	p.Person.Position = r.str()
	p.Person.BaseBonus = r.float()
	p.Person.Currency = r.str()
	p.Cycle.Start = r.date()
	p.Cycle.End = r.date()
	p.Cycle.Frequency = app.Frequency(r.str())
	p.Goal.Text = r.str()
	p.Goal.Type = r.str()
	decodeRules(r, &p.Rules, f)
	if n, isNil := r.count(20); !isNil {
		p.KPIs = make([]app.KPI, n)
		for i := range p.KPIs {
			decodeKPI(r, &p.KPIs[i], f >= planFormat2)
		}
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
		rules.GroupWeights = make(map[app.Group]float64, n)
		for range n {
			g := app.Group(r.str())
			rules.GroupWeights[g] = r.float()
		}
	}
	if n, isNil := r.count(17); !isNil {
		rules.Bands = make([]app.Band, n)
		for i := range rules.Bands {
			b := &rules.Bands[i]
			b.Min = r.float()
			b.Name = r.str()
			b.Multiplier = r.float()
		}
	}
	rules.BonusMode = app.BonusMode(r.str())
	rules.LinearCap = r.float()
	rules.Cap = r.float()
	rules.Floor = r.float()
	if f >= planFormat2 {
		rules.RoundingStep = r.float()
		rules.MissingData = app.MissingData(r.str())
	}
	if f >= planFormat3 {
		rules.NoteBelow = r.float()
	}
}

func decodeKPI(r *reader, k *app.KPI, v2 bool) {
	k.ID = r.str()
	k.LibraryID = r.str()
	k.Name = r.str()
	k.Description = r.str()
	k.Rationale = r.str()
	k.Unit = app.Unit(r.str())
	k.Direction = app.Direction(r.str())
	k.Baseline = r.optFloat()
	k.Target = r.float()
	k.RangeLow = r.float()
	k.RangeHigh = r.float()
	k.Tolerance = r.float()
	k.Floor = r.optFloat()
	k.Cap = r.optFloat()
	k.Weight = r.float()
	k.Group = app.Group(r.str())
	k.Effort = app.Level(r.str())
	k.Impact = app.Level(r.str())
	k.Aggregation = app.Aggregation(r.str())
	k.DataSource = r.str()
	k.Owner = r.str()
	k.Deadline = r.date()
	if n, isNil := r.count(16); !isNil {
		k.Steps = make([]app.StepBand, n)
		for i := range k.Steps {
			k.Steps[i] = app.StepBand{From: r.float(), Score: r.float()}
		}
	}
	k.Note = r.str()
	if v2 {
		k.Exempt = r.str()
	}
}
