package storage

import (
	"encoding/binary"
	"fmt"
	"math"

	"kpiplanner/app"
)

// encodeActuals returns one KPI's actuals as a record: a format byte, a
// count, then per actual its period as a varint and its value; when any
// actual has a denominator, each one's denominator; when any has a comment,
// each one's denominator and comment (format actualsWithComment).
func encodeActuals(as []app.Actual) []byte {
	format := actualsFormat(as)
	if format == actualsWithComment {
		return encodeCommentedActuals(as)
	}
	size := 9
	if format == actualsWithDen {
		size = 17
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

// actualsFormat picks the smallest record format that holds as.
func actualsFormat(as []app.Actual) byte {
	format := byte(actualsPlain)
	for _, a := range as {
		if a.Comment != "" {
			return actualsWithComment
		}
		if math.Float64bits(a.Den) != 0 { // keeps -0 and NaN too
			format = actualsWithDen
		}
	}
	return format
}

func encodeCommentedActuals(as []app.Actual) []byte {
	w := &writer{b: make([]byte, 0, 1+binary.MaxVarintLen64+len(as)*24)}
	w.byte(actualsWithComment)
	w.uvarint(uint64(len(as)))
	for _, a := range as {
		w.varint(int64(a.Period))
		w.float(a.Value)
		w.float(a.Den)
		w.str(a.Comment)
	}
	return w.b
}

// decodeActuals reads a record written by encodeActuals. It reads val in
// place (no copy of the record), so it is safe on bytes a transaction owns;
// comments are copied out.
func decodeActuals(val []byte) ([]app.Actual, error) { return decodeActualsInto(nil, val) }

// actualsIn returns n zero actuals: dst's memory when dst is not nil.
func actualsIn(dst []app.Actual, n int) []app.Actual {
	if dst == nil {
		return make([]app.Actual, n)
	}
	out := grow(dst, n)
	clear(out)
	return out
}

// decodeActualsInto is decodeActuals into dst's memory when dst is not nil.
func decodeActualsInto(dst []app.Actual, val []byte) ([]app.Actual, error) {
	if len(val) < 1 {
		return nil, errShort
	}
	format, size := val[0], 8
	switch format {
	case actualsPlain:
	case actualsWithDen:
		size = 16
	case actualsWithComment:
		return decodeCommentedActuals(dst, val)
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
	out := actualsIn(dst, int(n))
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

func decodeCommentedActuals(dst []app.Actual, val []byte) ([]app.Actual, error) {
	r := newReader(val[1:])
	out := actualsIn(dst, r.length(18))
	for i := range out {
		out[i] = app.Actual{Period: int(r.varint()), Value: r.float(), Den: r.float(), Comment: r.str()}
	}
	if err := r.done(); err != nil {
		return nil, fmt.Errorf("actuals record: %w", err)
	}
	return out, nil
}
