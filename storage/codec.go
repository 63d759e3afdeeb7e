package storage

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"kpiplanner/app"
)

// errShort reports a record that ends before its fields do.
var errShort = errors.New("record is truncated")

// writer appends fields to a byte slice in the storage's binary form:
// unsigned and signed varints, float64 as 8 little-endian bytes of its bits,
// strings as a length then bytes.
type writer struct {
	b []byte
	// tagged writes string fields as format 4 text fields (writer.text).
	tagged bool
	texts  *textTable     // where shareable texts are numbered; nil: every text in place
	seen   map[string]int // in-place texts of the record so far, by position
	err    error          // the first failure of the text table
}

func (w *writer) byte(v byte)      { w.b = append(w.b, v) }
func (w *writer) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) varint(v int64)   { w.b = binary.AppendVarint(w.b, v) }

func (w *writer) float(v float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
}

func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.b = append(w.b, s...)
}

// bool writes v as one byte, 0 or 1.
func (w *writer) bool(v bool) {
	if v {
		w.byte(1)
		return
	}
	w.byte(0)
}

// time writes t as seconds since 1970 and nanoseconds; it reads back in UTC.
func (w *writer) time(t time.Time) {
	w.varint(t.Unix())
	w.uvarint(uint64(t.Nanosecond()))
}

// optFloat writes a presence byte, then the value when p is not nil.
func (w *writer) optFloat(p *float64) {
	if p == nil {
		w.byte(0)
		return
	}
	w.byte(1)
	w.float(*p)
}

// count writes a slice or map length so that nil (0) differs from empty (1).
func (w *writer) count(n int, isNil bool) {
	if isNil {
		w.uvarint(0)
		return
	}
	w.uvarint(uint64(n) + 1)
}

// date writes d as days since 1970-01-01 (the zero Date is 0001-01-01).
func (w *writer) date(d app.Date) {
	w.varint(floorDiv(d.Time().Unix(), secondsPerDay))
}

const secondsPerDay = 24 * 60 * 60

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// reader reads fields written by writer. The first problem sticks in err and
// later reads return zero values. It reads src in place; every string it
// returns is copied out (or, with an intern table, shared with an equal
// string read before), so nothing it returns refers to src, which may be a
// transaction's memory.
type reader struct {
	src    []byte
	off    int
	err    error
	intern map[string]string // equal strings read through it share memory; nil: none
	// tagged reads string fields as format 4 text fields (reader.text).
	tagged bool
	shared func(id uint64) (string, error) // the shared text numbered id
	seen   []string                        // in-place texts of the record so far
	floats []float64                       // where optFloat's values live, a chunk at a time
	buf    *planBuf                        // memory a plan is decoded into; nil: new memory
	whole  string                          // a copy of src, when sliced
	sliced bool                            // strings are cut from whole instead of copied one by one
}

// newReader returns a reader of a small record whose strings are all kept
// (a person, a unit, a history entry): the record is copied once and its
// strings are cut from the copy.
func newReader(b []byte) *reader { return &reader{src: b, whole: string(b), sliced: true} }

// string returns b as a string: the interned copy when there is an intern
// table (adding it at first sight), else a new copy.
func (r *reader) string(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if r.intern == nil {
		return string(b)
	}
	if s, ok := r.intern[string(b)]; ok {
		return s
	}
	s := string(b)
	r.intern[s] = s
	return s
}

func (r *reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func (r *reader) left() int { return len(r.src) - r.off }

func (r *reader) byte() byte {
	if r.err != nil || r.left() < 1 {
		r.fail(errShort)
		return 0
	}
	r.off++
	return r.src[r.off-1]
}

func (r *reader) uvarint() uint64 {
	var v uint64
	for shift := uint(0); shift < 64; shift += 7 {
		c := r.byte()
		if r.err != nil {
			return 0
		}
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.fail(errors.New("varint overflows 64 bits"))
	return 0
}

func (r *reader) varint() int64 {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

func (r *reader) float() float64 {
	if r.err != nil || r.left() < 8 {
		r.fail(errShort)
		return 0
	}
	s := r.src[r.off : r.off+8]
	r.off += 8
	u := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return math.Float64frombits(u)
}

func (r *reader) str() string {
	n := r.uvarint()
	if r.err != nil || n > uint64(r.left()) {
		r.fail(errShort)
		return ""
	}
	return r.take(int(n))
}

// take returns the next n bytes (n checked by the caller) as a string.
func (r *reader) take(n int) string {
	start := r.off
	r.off += n
	if r.sliced {
		return r.whole[start:r.off]
	}
	return r.string(r.src[start:r.off])
}

// bytes reads n raw bytes in place, or nil when fewer are left.
func (r *reader) bytes(n uint64) []byte {
	if r.err != nil || n > uint64(r.left()) {
		r.fail(errShort)
		return nil
	}
	b := r.src[r.off : r.off+int(n)]
	r.off += int(n)
	return b
}

func (r *reader) bool() bool {
	switch r.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail(errors.New("bad boolean"))
	return false
}

// time reads a time written by writer.time, in UTC; the zero time reads
// back as the zero time.
func (r *reader) time() time.Time {
	s, ns := r.varint(), r.uvarint()
	if r.err != nil {
		return time.Time{}
	}
	if ns >= 1e9 {
		r.fail(errors.New("bad nanoseconds"))
		return time.Time{}
	}
	return time.Unix(s, int64(ns)).UTC()
}

// length reads a plain element count, each element taking at least minSize
// bytes, bounded by what is left so a damaged record cannot ask for a huge
// allocation.
func (r *reader) length(minSize int) int {
	n := r.uvarint()
	if r.err == nil && n > uint64(r.left()/max(minSize, 1)) {
		r.fail(errShort)
	}
	if r.err != nil {
		return 0
	}
	return int(n)
}

func (r *reader) optFloat() *float64 {
	switch r.byte() {
	case 0:
		return nil
	case 1:
		if len(r.floats) == cap(r.floats) { // a new chunk: the old one stays where its values are
			r.floats = make([]float64, 0, 16)
		}
		r.floats = append(r.floats, r.float())
		return &r.floats[len(r.floats)-1]
	}
	r.fail(errors.New("bad presence flag"))
	return nil
}

// count reads a length written by writer.count; isNil reports a nil slice or
// map. Each element takes at least minSize bytes, which bounds n by what is
// left so a damaged record cannot ask for a huge allocation.
func (r *reader) count(minSize int) (n int, isNil bool) {
	c := r.uvarint()
	if r.err != nil {
		return 0, true
	}
	if c == 0 {
		return 0, true
	}
	c--
	if c > uint64(r.left()/max(minSize, 1)) {
		r.fail(errShort)
		return 0, true
	}
	return int(c), false
}

func (r *reader) date() app.Date {
	days := r.varint()
	if r.err != nil {
		return app.Date{}
	}
	t := time.Unix(days*secondsPerDay, 0).UTC()
	return app.NewDate(t.Year(), t.Month(), t.Day())
}

// done fails unless every byte was read.
func (r *reader) done() error {
	if r.err == nil && r.left() != 0 {
		r.fail(errors.New("record has unexpected trailing bytes"))
	}
	return r.err
}
