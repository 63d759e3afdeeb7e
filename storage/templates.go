package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"kpiplanner/app"
)

// bucketTemplates maps a template's uid (16 raw bytes) + its version
// (big-endian uint32) to an encoded app.Template: every version is kept, a
// template's versions are one prefix scan in order. Created by the first
// template saved; a file without it has no templates.
var bucketTemplates = []byte("templates")

// templateFormat1 is the first template record format: the head (uid,
// version, time) in place, then text fields (texts.go) sharing the plans'
// text table, so the strings of a template and of the plans made from it
// are one copy on disk and, when loaded together, in memory.
const templateFormat1 = 1

// templateKey returns the key of version v of template uid.
func templateKey(uid app.UID, v int) ([]byte, error) {
	k, err := uidBytes(uid)
	if err != nil {
		return nil, err
	}
	return binary.BigEndian.AppendUint32(k, uint32(v)), nil
}

// Templates returns every version of every position template, grouped by
// template (in uid order), each template's versions oldest first.
func (db *DB) Templates() ([]*app.Template, error) {
	var out []*app.Template
	err := db.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTemplates)
		if b == nil {
			return nil
		}
		shared, err := sharedTexts(tx, false, nil)
		if err != nil {
			return err
		}
		return b.ForEach(func(k, v []byte) error {
			t, err := decodeTemplate(k, v, shared)
			if err != nil {
				return err
			}
			out = append(out, t)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load templates: %w", err)
	}
	return out, nil
}

// SaveTemplate writes t as the template's next version: a new template
// (no uid) gets a uid and version 1, else t.Version becomes the highest
// stored version plus one.
func (t *txn) SaveTemplate(tp *app.Template) error {
	b, err := t.tx.CreateBucketIfNotExists(bucketTemplates)
	if err != nil {
		return fmt.Errorf("storage: save template %s: %w", tp.Name, err)
	}
	uid, version := tp.UID, tp.Version
	if uid == "" {
		tp.UID = app.NewUID()
		t.undos = append(t.undos, func() { tp.UID = uid })
	}
	prefix, err := uidBytes(tp.UID)
	if err != nil {
		return fmt.Errorf("storage: save template %s: %w", tp.Name, err)
	}
	last := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		last = int(binary.BigEndian.Uint32(k[16:]))
	}
	tp.Version = last + 1
	t.undos = append(t.undos, func() { tp.Version = version })
	key, _ := templateKey(tp.UID, tp.Version)
	val, err := encodeTemplate(tp, t.w.texts)
	if err == nil {
		err = b.Put(key, val)
	}
	if err != nil {
		return fmt.Errorf("storage: save template %s v%d: %w", tp.Name, tp.Version, err)
	}
	return nil
}

// SaveTemplateVersion writes tp under its own uid and version, as
// received in a packet; it refuses a tp without them and a version already
// stored (never overwritten).
func (t *txn) SaveTemplateVersion(tp *app.Template) error {
	if tp.UID == "" || tp.Version < 1 {
		return fmt.Errorf("storage: save template %s: a received version needs its uid and version", tp.Name)
	}
	b, err := t.tx.CreateBucketIfNotExists(bucketTemplates)
	if err != nil {
		return fmt.Errorf("storage: save template %s v%d: %w", tp.Name, tp.Version, err)
	}
	key, err := templateKey(tp.UID, tp.Version)
	if err != nil {
		return fmt.Errorf("storage: save template %s v%d: %w", tp.Name, tp.Version, err)
	}
	if b.Get(key) != nil {
		return fmt.Errorf("storage: template %s v%d is stored already", tp.Name, tp.Version)
	}
	val, err := encodeTemplate(tp, t.w.texts)
	if err == nil {
		err = b.Put(key, val)
	}
	if err != nil {
		return fmt.Errorf("storage: save template %s v%d: %w", tp.Name, tp.Version, err)
	}
	return nil
}

// encodeTemplate writes a template record, its shareable texts numbered in
// table tt (nil: in place).
func encodeTemplate(tp *app.Template, tt *textTable) ([]byte, error) {
	w := &writer{b: make([]byte, 0, 256+128*len(tp.KPIs)), texts: tt}
	w.byte(templateFormat1)
	w.time(tp.At)
	w.tagged = true
	w.field(tp.Name, true)
	w.field(tp.Position, true)
	w.uvarint(uint64(tp.Level))
	w.field(tp.GoalType, true)
	w.field(tp.Goal, true)
	w.field(tp.User, true)
	w.field(tp.Device, true)
	w.field(tp.Note, false)
	encodeRules(w, &tp.Rules, planFormat5)
	w.count(len(tp.KPIs), tp.KPIs == nil)
	for i := range tp.KPIs {
		encodeKPI(w, &tp.KPIs[i], planFormat5)
	}
	return w.b, w.err
}

// decodeTemplate reads the template record v stored under key k.
func decodeTemplate(k, v []byte, shared func(uint64) (string, error)) (*app.Template, error) {
	if len(k) != 20 {
		return nil, fmt.Errorf("template key %x is not 20 bytes", k)
	}
	tp := &app.Template{UID: app.UID(fmt.Sprintf("%x", k[:16])), Version: int(binary.BigEndian.Uint32(k[16:]))}
	r := &reader{src: v, shared: shared}
	if f := r.byte(); r.err == nil && f != templateFormat1 {
		return nil, fmt.Errorf("template %s v%d: unknown record format %d", tp.UID, tp.Version, f)
	}
	tp.At = r.time()
	r.tagged = true
	tp.Name = r.field()
	tp.Position = r.field()
	tp.Level = int(r.uvarint())
	tp.GoalType = r.field()
	tp.Goal = r.field()
	tp.User = r.field()
	tp.Device = r.field()
	tp.Note = r.field()
	decodeRules(r, &tp.Rules, planFormat5)
	if n, isNil := r.count(20); !isNil {
		tp.KPIs = make([]app.KPI, n)
		for i := range tp.KPIs {
			decodeKPI(r, &tp.KPIs[i], i, planFormat5)
		}
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("template %s v%d: damaged record: %w", tp.UID, tp.Version, err)
	}
	return tp, nil
}

// PlansOfTemplate returns the plans holding template uid (any version),
// with their KPIs and actuals, ordered by id. Other plans are not decoded:
// the template uid is read from the head of each record.
func (db *DB) PlansOfTemplate(uid app.UID) ([]*app.Plan, error) {
	var out []*app.Plan
	err := db.view(func(tx *bolt.Tx) error {
		plans, acts, err := planBuckets(tx)
		if err != nil {
			return err
		}
		shared, err := sharedTexts(tx, true, nil)
		if err != nil {
			return err
		}
		org, closes, err := loadOrg(tx)
		if err != nil {
			return err
		}
		ac := acts.Cursor()
		return plans.ForEach(func(k, v []byte) error {
			if recordTemplate(v) != uid {
				return nil
			}
			p, err := decodePlanWith(k, v, shared, nil)
			if err != nil {
				return err
			}
			for ak, av := ac.Seek(k); ak != nil && bytes.HasPrefix(ak, k); ak, av = ac.Next() {
				if err := attachActuals(p, ak, av); err != nil {
					return err
				}
			}
			if err := resolveWith(tx, p, org, closes); err != nil {
				return fmt.Errorf("plan %d: %w", p.ID, err)
			}
			out = append(out, p)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("storage: load the plans of template %s: %w", uid, err)
	}
	return out, nil
}

// recordTemplate returns the template uid at the head of an encoded plan
// record (format 5 and later), or "".
func recordTemplate(v []byte) app.UID {
	if len(v) == 0 || v[0] < planFormat5 || v[0] > planFormat5 {
		return ""
	}
	r := &reader{src: v[1:]}
	r.skipStr()
	r.uvarint()
	r.bool()
	r.skipStr()
	n := r.uvarint()
	if r.err != nil || n > uint64(r.left()) {
		return ""
	}
	return app.UID(r.src[r.off : r.off+int(n)])
}

// skipStr reads past a plain string field.
func (r *reader) skipStr() {
	n := r.uvarint()
	if r.err != nil || n > uint64(r.left()) {
		r.fail(errShort)
		return
	}
	r.off += int(n)
}
