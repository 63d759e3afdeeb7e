package plandoc

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"kpiplanner/app"
)

// Decode reads a plan document from r and returns its plans. On failure the
// error is an *Error listing every problem with its JSON path (or the error
// reading r failed with); no plans are returned then. Stream does the same
// without holding every plan in memory.
func Decode(r io.Reader) ([]*app.Plan, error) {
	return collect(newStreamLexer(r))
}

// Unmarshal reads a plan document from data; see Decode.
func Unmarshal(data []byte) ([]*app.Plan, error) {
	return collect(newLexer(data))
}

// collect decodes the document l reads into a slice of plans.
func collect(l *lexer) ([]*app.Plan, error) {
	plans := []*app.Plan{}
	err := decode(l, func(p *app.Plan) error {
		plans = append(plans, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return plans, nil
}

// Stream reads a plan document from r and calls yield with each plan as
// soon as its JSON object has been read, converted and validated, so a
// document of any size is decoded in little memory. The checks are those of
// Decode and the error is the same: an *Error listing every problem (up to
// MaxProblems, reading on after the first), the error reading r failed
// with, or the first error yield returns, which stops decoding.
//
// Plans are yielded only while no problem has been found, but a problem may
// come later in the document: when Stream returns an error, discard every
// plan it yielded, for example by rolling back the transaction they were
// saved in. Some fields mean different things in different formats, so the
// plans of a document that writes "format" after "plans" are held in memory
// and yielded at the end, once the format is known.
func Stream(r io.Reader, yield func(*app.Plan) error) error {
	return decode(newStreamLexer(r), yield)
}

// decoder reads a document's plans one by one.
type decoder struct {
	r      *reader
	probs  *problems
	yield  func(*app.Plan) error
	format string
	ids    map[app.PlanID]int // plan id → index of the plan that has it
	uids   map[app.UID]int    // plan uid → index of the plan that has it
	held   []*app.Plan        // plans read before the format was known
	noNote map[*app.Plan]bool // held plans whose rules leave out note_below
}

// decode reads the document l lexes, yielding its plans; see Stream.
func decode(l *lexer, yield func(*app.Plan) error) error {
	l.skipBOM()
	probs := &problems{}
	d := &decoder{r: &reader{dec: l, probs: probs}, probs: probs, yield: yield, ids: map[app.PlanID]int{}, uids: map[app.UID]int{}}
	err := d.document()
	if errors.Is(err, errFatal) { // as if no plan were checked before the document was read
		probs.checked = problemList{}
		return probs.err()
	}
	if err != nil {
		return err
	}
	if _, err := l.Token(); !errors.Is(err, io.EOF) {
		if l.rerr != nil {
			return l.rerr
		}
		line, col := l.lineCol(l.InputOffset())
		return &Error{Problems: []*Problem{{Msg: fmt.Sprintf("unexpected data after the document at line %d, column %d", line, col)}}}
	}
	if !readable(d.format) {
		return formatError(d.format, probs)
	}
	if err := probs.err(); err != nil {
		return err
	}
	for _, p := range d.held {
		setFormatDefaults(p, d.format, d.noNote[p])
		if err := d.yield(p); err != nil {
			return err
		}
	}
	return nil
}

// document reads the document object: its "format" and its "plans", in either order.
func (d *decoder) document() error {
	r := d.r
	tok, err := r.token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return r.mismatch(tok, "an object")
	}
	seen := map[string]bool{}
	err = r.members(func(key string) error {
		switch {
		case key != "format" && key != "plans":
			r.problem("unknown field")
			return r.skip()
		case seen[key]:
			r.problem("duplicate key")
			return r.skip()
		}
		seen[key] = true
		if key == "format" {
			return r.value(reflect.ValueOf(&d.format).Elem())
		}
		return d.plans()
	})
	if err != nil {
		return err
	}
	for _, key := range []string{"format", "plans"} {
		if !seen[key] {
			r.path = append(r.path, seg{key: key, idx: -1})
			r.problem("required field is missing")
			r.path = r.path[:len(r.path)-1]
		}
	}
	return nil
}

// plans reads the plans array, handling each plan as soon as it is read;
// null stands for no plans.
func (d *decoder) plans() error {
	r := d.r
	tok, err := r.token()
	if err != nil || tok == nil {
		return err
	}
	if tok != json.Delim('[') {
		return r.mismatch(tok, "an array")
	}
	for i := 0; r.dec.More(); i++ {
		var dp docPlan
		r.path = append(r.path, seg{idx: i})
		err := r.value(reflect.ValueOf(&dp).Elem())
		r.path = r.path[:len(r.path)-1]
		if err == nil {
			err = d.plan(i, &dp)
		}
		if err != nil {
			return err
		}
	}
	_, err = r.token()
	return err
}

// plan converts and validates plans[i], then yields it unless the document
// already has a problem (and so will not be imported).
func (d *decoder) plan(i int, dp *docPlan) error {
	probs := d.probs
	path := fmt.Sprintf("plans[%d]", i)
	before := probs.checked.count()
	if id := dp.ID; id != 0 {
		if j, dup := d.ids[id]; dup {
			probs.add(path+".id", fmt.Sprintf("%d is also the id of plans[%d]", id, j), nil)
		}
		d.ids[id] = i
	}
	if uid := dp.UID; uid != "" {
		if j, dup := d.uids[uid]; dup {
			probs.add(path+".uid", fmt.Sprintf("%s is also the uid of plans[%d]", uid, j), nil)
		}
		d.uids[uid] = i
	}
	p := toPlan(path, dp, probs)
	if probs.checked.count() == before && !probs.bad[i] {
		validate(path, p, probs)
	}
	switch {
	case probs.count() > 0 || d.format != "" && !readable(d.format):
		return nil
	case d.format == "":
		d.held = append(d.held, p)
		if noteBelowAbsent(dp) {
			if d.noNote == nil {
				d.noNote = map[*app.Plan]bool{}
			}
			d.noNote[p] = true
		}
		return nil
	}
	setFormatDefaults(p, d.format, noteBelowAbsent(dp))
	return d.yield(p)
}

// formatError explains a missing or unsupported "format"; other problems are
// dropped, since a document of another format is not worth checking further.
func formatError(got string, probs *problems) error {
	for _, p := range probs.read.list {
		if p.Path == "" { // not an object at all
			return &Error{Problems: []*Problem{p}}
		}
		if p.Path == "format" { // missing, or not a string
			return &Error{Problems: []*Problem{{Path: "format", Msg: p.Msg + fmt.Sprintf(" (expected %q)", Format)}}}
		}
	}
	msg := fmt.Sprintf("expected %q, got %q", Format, got)
	if strings.HasPrefix(got, "kpiplanner/plan@") {
		msg = fmt.Sprintf("%q is not supported by this version of KPI Planner, which reads %q, %q and %q", got, Format1, Format2, Format)
	}
	return &Error{Problems: []*Problem{{Path: "format", Msg: msg}}}
}

// validate runs p.Validate and records its errors under the plan's path and name.
func validate(path string, p *app.Plan, probs *problems) {
	err := p.Validate()
	if err == nil {
		return
	}
	if p.Name != "" {
		path += " (" + app.Short(p.Name, 60) + ")"
	}
	var ve *app.ValidationError
	if !errors.As(err, &ve) {
		probs.add(path, err.Error(), err)
		return
	}
	for _, f := range ve.Fields {
		probs.add(path, f.Error(), f)
	}
}
