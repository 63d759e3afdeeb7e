package storage

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"kpiplanner/app"
)

// Record formats of the company model (schema 3). Each record starts with
// its format byte, so a later format can still read these.
const (
	personFormat1 = 1 // personFormat1 is an app.Employee without its uid (the key holds it).
	unitFormat1   = 1 // unitFormat1 is an app.OrgUnit without its uid.
	entryFormat1  = 1 // entryFormat1 is an app.HistoryEntry without its seq (the key holds it).
	closeFormat1  = 1 // closeFormat1 is an app.PeriodClose.
)

// uidBytes returns uid as its 16 raw bytes, or an error when it is not a UID.
func uidBytes(uid app.UID) ([]byte, error) {
	if _, err := app.ParseUID(string(uid)); err != nil {
		return nil, err
	}
	b, err := hex.DecodeString(string(uid))
	if err != nil {
		return nil, fmt.Errorf("uid %s: %w", uid, err)
	}
	return b, nil
}

// historyKey returns the history key of entry seq of the plan whose raw uid is prefix.
func historyKey(prefix []byte, seq uint64) []byte {
	return binary.BigEndian.AppendUint64(append(make([]byte, 0, 24), prefix...), seq)
}

// seqKey returns a big-endian key for an ordered sequence number.
func seqKey(seq uint64) []byte { return binary.BigEndian.AppendUint64(make([]byte, 0, 8), seq) }

// seqOf returns the sequence number a history or log key ends with.
func seqOf(key []byte) uint64 {
	if len(key) < 8 {
		return 0
	}
	return binary.BigEndian.Uint64(key[len(key)-8:])
}

func encodePerson(e *app.Employee) []byte {
	w := &writer{b: make([]byte, 0, 128)}
	w.byte(personFormat1)
	w.str(e.Code)
	w.str(e.Name)
	w.str(string(e.Unit))
	w.str(e.Position)
	w.varint(int64(e.Level))
	w.str(string(e.Manager))
	w.date(e.Joined)
	w.date(e.Left)
	w.float(e.BaseBonus)
	w.str(e.Currency)
	w.str(e.Email)
	return w.b
}

// decodePerson reads a person stored under key (its uid); strings are
// copied out of val.
func decodePerson(key, val []byte) (app.Employee, error) { return decodePersonIn(key, val, nil) }

// decodePersonIn is decodePerson with its texts (not its uids) interned
// through intern, when not nil.
func decodePersonIn(key, val []byte, intern map[string]string) (app.Employee, error) {
	r := &reader{src: val, intern: intern}
	if intern == nil {
		r = newReader(val)
	}
	e := app.Employee{UID: app.UID(key)}
	if f := r.byte(); r.err == nil && f != personFormat1 {
		return e, fmt.Errorf("person %s: unknown record format %d", key, f)
	}
	r.intern = nil // code and name: each is one person's
	e.Code = r.str()
	e.Name = r.str()
	r.intern = intern
	e.Unit = app.UID(r.str()) // few units and positions: interned
	e.Position = r.str()
	e.Level = int(r.varint())
	r.intern = nil
	e.Manager = app.UID(r.str())
	r.intern = intern
	e.Joined = r.date()
	e.Left = r.date()
	e.BaseBonus = r.float()
	e.Currency = r.str()
	e.Email = r.str()
	if err := r.done(); err != nil {
		return e, fmt.Errorf("person %s: damaged record: %w", key, err)
	}
	return e, nil
}

func encodeUnit(u *app.OrgUnit) []byte {
	w := &writer{b: make([]byte, 0, 96)}
	w.byte(unitFormat1)
	w.str(u.Code)
	w.str(u.Name)
	w.str(string(u.Parent))
	w.str(string(u.Head))
	return w.b
}

func decodeUnit(key, val []byte) (app.OrgUnit, error) {
	r := newReader(val)
	u := app.OrgUnit{UID: app.UID(key)}
	if f := r.byte(); r.err == nil && f != unitFormat1 {
		return u, fmt.Errorf("unit %s: unknown record format %d", key, f)
	}
	u.Code = r.str()
	u.Name = r.str()
	u.Parent = app.UID(r.str())
	u.Head = app.UID(r.str())
	if err := r.done(); err != nil {
		return u, fmt.Errorf("unit %s: damaged record: %w", key, err)
	}
	return u, nil
}

// encodeEntry writes a history entry without its seq. A plan's history
// leaves the plan uid out (the key holds it): pass withPlan false.
func encodeEntry(e *app.HistoryEntry, withPlan bool) []byte {
	w := &writer{b: make([]byte, 0, 32+len(e.User)+len(e.Device)+len(e.Source)+len(e.Path)+len(e.Old)+len(e.New)+len(e.Reason))}
	w.byte(entryFormat1)
	if withPlan {
		w.str(string(e.Plan))
	} else {
		w.str("")
	}
	w.time(e.At)
	w.str(e.User)
	w.str(e.Device)
	w.str(e.Source)
	w.str(e.Path)
	w.str(e.Old)
	w.str(e.New)
	w.str(e.Reason)
	return w.b
}

// decodeEntry reads an entry written by encodeEntry; plan, when not "",
// is the plan its key names.
func decodeEntry(plan app.UID, seq uint64, val []byte) (app.HistoryEntry, error) {
	r := newReader(val)
	e := app.HistoryEntry{Seq: seq}
	if f := r.byte(); r.err == nil && f != entryFormat1 {
		return e, fmt.Errorf("history entry %d: unknown record format %d", seq, f)
	}
	e.Plan = app.UID(r.str())
	if plan != "" {
		e.Plan = plan
	}
	e.At = r.time()
	e.User = r.str()
	e.Device = r.str()
	e.Source = r.str()
	e.Path = r.str()
	e.Old = r.str()
	e.New = r.str()
	e.Reason = r.str()
	if err := r.done(); err != nil {
		return e, fmt.Errorf("history entry %d: damaged record: %w", seq, err)
	}
	return e, nil
}

func encodeClose(c *app.PeriodClose) []byte {
	w := &writer{b: make([]byte, 0, 64+len(c.Reason))}
	w.byte(closeFormat1)
	w.str(string(c.Unit))
	w.str(c.Month)
	w.bool(c.Closed)
	w.time(c.At)
	w.str(c.User)
	w.str(c.Device)
	w.str(c.Reason)
	return w.b
}

func decodeClose(seq uint64, val []byte) (app.PeriodClose, error) {
	r := newReader(val)
	var c app.PeriodClose
	if f := r.byte(); r.err == nil && f != closeFormat1 {
		return c, fmt.Errorf("period close %d: unknown record format %d", seq, f)
	}
	c.Unit = app.UID(r.str())
	c.Month = r.str()
	c.Closed = r.bool()
	c.At = r.time()
	c.User = r.str()
	c.Device = r.str()
	c.Reason = r.str()
	if err := r.done(); err != nil {
		return c, fmt.Errorf("period close %d: damaged record: %w", seq, err)
	}
	return c, nil
}
