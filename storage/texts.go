package storage

import (
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// Shared texts (schema 4). Texts that repeat across plans (KPI ids, names,
// descriptions, rationales, units, directions, groups, data sources, notes,
// goal texts, departments, positions, rating band names, statuses) are kept
// once in bucketTexts under a number, and a plan record in format 4 holds
// the number; only the plan's name and its person's name (and each KPI's
// owner, usually that person) are written in place. Inside one record, a
// text already written in place is referred to by its position. Loading
// every plan reads the table once into a slice, so a shared text costs no
// allocation and no hashing per plan. Texts are never removed from the
// table: a text no plan uses any more stays, as its old and new values stay
// in the plan's history.
const (
	// maxShared is the longest text put in the table (its index key); longer
	// ones are written in place.
	maxShared = 1024
	// minRepeat is the shortest in-place text a later field of the same
	// record may refer back to.
	minRepeat = 4
)

// The kinds of a format 4 text field, in the low two bits of its leading varint.
const (
	textInline = 0 // length << 2, then the bytes
	textRepeat = 1 // n << 2: the n-th in-place text of at least minRepeat bytes earlier in the record
	textShared = 2 // id << 2: the text numbered id in bucketTexts
)

// textTable gives texts their numbers inside one write transaction.
type textTable struct {
	texts, ids *bolt.Bucket
	known      map[string]uint64
}

// newTextTable returns the text table of write transaction tx.
func newTextTable(tx *bolt.Tx) (*textTable, error) {
	texts, err := bucket(tx, bucketTexts)
	if err != nil {
		return nil, err
	}
	ids, err := bucket(tx, bucketTextIDs)
	if err != nil {
		return nil, err
	}
	texts.FillPercent, ids.FillPercent = fillPercent, fillPercent
	return &textTable{texts: texts, ids: ids, known: map[string]uint64{}}, nil
}

// id returns the number of text s, adding it to the table when it is new.
func (t *textTable) id(s string) (uint64, error) {
	if id, ok := t.known[s]; ok {
		return id, nil
	}
	var id uint64
	if v := t.ids.Get([]byte(s)); len(v) == 8 {
		id = binary.BigEndian.Uint64(v)
	} else {
		var err error
		if id, err = t.texts.NextSequence(); err != nil {
			return 0, fmt.Errorf("number a shared text: %w", err)
		}
		key := seqKey(id)
		if err := t.texts.Put(key, []byte(s)); err != nil {
			return 0, fmt.Errorf("store shared text %d: %w", id, err)
		}
		if err := t.ids.Put([]byte(s), key); err != nil {
			return 0, fmt.Errorf("index shared text %d: %w", id, err)
		}
	}
	t.known[s] = id
	return id, nil
}

// sharedTexts returns a lookup of the shared texts of tx: loadAll reads the
// whole table at once (to decode many plans), else each text is read when
// first asked for and kept (a number always names the same text, so the
// lookup stays right while the transaction adds texts). Texts are interned
// through intern when it is not nil.
func sharedTexts(tx *bolt.Tx, loadAll bool, intern map[string]string) (func(uint64) (string, error), error) {
	b := tx.Bucket(bucketTexts)
	if b == nil {
		return func(id uint64) (string, error) {
			return "", fmt.Errorf("shared text %d: the file has no text table", id)
		}, nil
	}
	r := &reader{intern: intern}
	if !loadAll { // each text read once: a plan names "higher" or "sum" once per KPI
		seen := map[uint64]string{}
		return func(id uint64) (string, error) {
			if s, ok := seen[id]; ok {
				return s, nil
			}
			var key [8]byte
			binary.BigEndian.PutUint64(key[:], id)
			v := b.Get(key[:])
			if v == nil {
				return "", fmt.Errorf("shared text %d is missing", id)
			}
			s := r.string(v)
			seen[id] = s
			return s, nil
		}, nil
	}
	all, err := allTexts(b, r)
	if err != nil {
		return nil, err
	}
	return func(id uint64) (string, error) {
		if id < uint64(len(all)) && all[id].ok {
			return all[id].s, nil
		}
		return "", fmt.Errorf("shared text %d is missing", id)
	}, nil
}

// sharedText is one slot of the table as loaded: ok when a text has its number.
type sharedText struct {
	s  string
	ok bool
}

// allTexts reads table b into a slice indexed by number (numbers are
// given in sequence from 1, so the slice is dense).
func allTexts(b *bolt.Bucket, r *reader) ([]sharedText, error) {
	var all []sharedText
	err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return fmt.Errorf("shared text key %x is not 8 bytes", k)
		}
		id := binary.BigEndian.Uint64(k)
		if id > b.Sequence() || id > 1<<32 {
			return fmt.Errorf("shared text %d is numbered beyond the table's count %d", id, b.Sequence())
		}
		if id >= uint64(len(all)) {
			all = append(all, make([]sharedText, int(id)+1-len(all))...)
		}
		all[id] = sharedText{s: r.string(v), ok: true}
		return nil
	})
	return all, err
}

// text writes s as a format 4 text field: a reference to an earlier text of
// the record, a shared text's number (when shareable and the writer has a
// table), or in place.
func (w *writer) text(s string, shareable bool) {
	if len(s) >= minRepeat {
		if i, ok := w.seen[s]; ok {
			w.uvarint(uint64(i)<<2 | textRepeat)
			return
		}
	}
	if shareable && w.texts != nil && s != "" && len(s) <= maxShared {
		id, err := w.texts.id(s)
		if err == nil {
			w.uvarint(id<<2 | textShared)
			return
		}
		if w.err == nil {
			w.err = err
		}
	}
	w.uvarint(uint64(len(s))<<2 | textInline)
	w.b = append(w.b, s...)
	if len(s) >= minRepeat {
		if w.seen == nil {
			w.seen = map[string]int{}
		}
		w.seen[s] = len(w.seen)
	}
}

// field writes a string field: a format 4 text field when the writer
// writes format 4 records, else a plain string.
func (w *writer) field(s string, shareable bool) {
	if w.tagged {
		w.text(s, shareable)
		return
	}
	w.str(s)
}

// text reads a field written by writer.text.
func (r *reader) text() string {
	tag := r.uvarint()
	if r.err != nil {
		return ""
	}
	n := tag >> 2
	switch tag & 3 {
	case textInline:
		b := r.bytes(n)
		s := r.string(b)
		if len(b) >= minRepeat {
			r.seen = append(r.seen, s)
		}
		return s
	case textRepeat:
		if n >= uint64(len(r.seen)) {
			r.fail(fmt.Errorf("text refers to earlier text %d of %d", n, len(r.seen)))
			return ""
		}
		return r.seen[n]
	case textShared:
		if r.shared == nil {
			r.fail(fmt.Errorf("shared text %d: no text table to read it from", n))
			return ""
		}
		s, err := r.shared(n)
		if err != nil {
			r.fail(err)
		}
		return s
	}
	r.fail(errors.New("bad text field kind"))
	return ""
}

// field reads a string field written by writer.field.
func (r *reader) field() string {
	if r.tagged {
		return r.text()
	}
	return r.str()
}
