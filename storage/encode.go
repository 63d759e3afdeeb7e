package storage

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"kpiplanner/app"
)

// Record format versions. A plan or actuals record starts with one of these
// bytes, so a later format can still read older records.
const (
	planFormat1 = 1 // planFormat1 is a plan without actuals, as written before plans had a uid.
	// planFormat2 adds the plan's uid, the rules' rounding step and
	// missing-data rule and each KPI's exemption; encodePlan writes it.
	planFormat2 = 2

	actualsPlain   = 1 // actualsPlain holds period and value per actual.
	actualsWithDen = 2 // actualsWithDen also holds each actual's denominator.
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
func encodePlan(p *app.Plan) []byte { return encodePlanAs(p, planFormat2) }

// encodePlanAs writes p in record format f; format 1 (what schema 1 files
// hold) leaves out the fields added since.
func encodePlanAs(p *app.Plan, f byte) []byte {
	v2 := f >= planFormat2
	w := &writer{b: make([]byte, 0, 256+256*len(p.KPIs))}
	w.byte(f)
	if v2 {
		w.str(string(p.UID))
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
	encodeRules(w, &p.Rules, v2)
	w.count(len(p.KPIs), p.KPIs == nil)
	for i := range p.KPIs {
		encodeKPI(w, &p.KPIs[i], v2)
	}
	return w.b
}

func encodeRules(w *writer, r *app.Rules, v2 bool) {
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
	if v2 {
		w.float(r.RoundingStep)
		w.str(string(r.MissingData))
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
	if r.err == nil && f != planFormat1 && f != planFormat2 {
		return nil, fmt.Errorf("plan %d: unknown record format %d", id, f)
	}
	v2 := f == planFormat2
	p := &app.Plan{ID: id}
	if v2 {
		p.UID = app.UID(r.str())
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
	decodeRules(r, &p.Rules, v2)
	if n, isNil := r.count(20); !isNil {
		p.KPIs = make([]app.KPI, n)
		for i := range p.KPIs {
			decodeKPI(r, &p.KPIs[i], v2)
		}
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("plan %d: damaged record: %w", id, err)
	}
	return p, nil
}

// decodeRules reads rules; v2 says the record has the format 2 fields. A
// format 1 record's missing-data rule stays "", which means exclude: the
// behaviour it was scored with.
func decodeRules(r *reader, rules *app.Rules, v2 bool) {
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
	if !v2 {
		return
	}
	rules.RoundingStep = r.float()
	rules.MissingData = app.MissingData(r.str())
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

// encodeActuals returns one KPI's actuals as a record: a format byte (with or
// without denominators), a count, then per actual its period as a varint, its
// value and, when any actual has one, its denominator.
func encodeActuals(as []app.Actual) []byte {
	format := byte(actualsPlain)
	size := 9
	for _, a := range as {
		if math.Float64bits(a.Den) != 0 { // keeps -0 and NaN too
			format, size = actualsWithDen, 17
			break
		}
	}
	w := &writer{b: make([]byte, 0, 1+binary.MaxVarintLen64+len(as)*(size+2))}
	w.byte(format)
	w.uvarint(uint64(len(as)))
	for _, a := range as {
		w.varint(int64(a.Period))
		w.float(a.Value)
		if format == actualsWithDen {
			w.float(a.Den)
		}
	}
	return w.b
}

// decodeActuals reads a record written by encodeActuals. It reads val in
// place (no copy of the record), so it is safe on bytes a transaction owns.
func decodeActuals(val []byte) ([]app.Actual, error) {
	if len(val) < 1 {
		return nil, errShort
	}
	format, size := val[0], 8
	switch format {
	case actualsPlain:
	case actualsWithDen:
		size = 16
	default:
		return nil, fmt.Errorf("unknown actuals format %d", format)
	}
	n, used := binary.Uvarint(val[1:])
	if used <= 0 {
		return nil, errShort
	}
	b := val[1+used:]
	if n > uint64(len(b)/(size+1)) {
		return nil, errShort
	}
	out := make([]app.Actual, n)
	for i := range out {
		period, used := binary.Varint(b)
		if used <= 0 || len(b)-used < size {
			return nil, errShort
		}
		b = b[used:]
		out[i].Period = int(period)
		out[i].Value = math.Float64frombits(binary.LittleEndian.Uint64(b))
		if format == actualsWithDen {
			out[i].Den = math.Float64frombits(binary.LittleEndian.Uint64(b[8:]))
		}
		b = b[size:]
	}
	if len(b) != 0 {
		return nil, fmt.Errorf("actuals record has %d unexpected trailing bytes", len(b))
	}
	return out, nil
}
