package plandoc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"kpiplanner/app"
)

// Decode reads a plan document from r and returns its plans. On failure the
// error is an *Error listing every problem with its JSON path; no plans are
// returned then.
func Decode(r io.Reader) ([]*app.Plan, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read plan document: %w", err)
	}
	return Unmarshal(data)
}

// Unmarshal reads a plan document from data; see Decode.
func Unmarshal(data []byte) ([]*app.Plan, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark left by Windows editors
	probs := &problems{}
	doc, err := parse(data, probs)
	if err != nil {
		return nil, err
	}
	plans := convert(doc, probs)
	if err := probs.err(); err != nil {
		return nil, err
	}
	return plans, nil
}

// parse maps data onto a document, stopping early when the JSON is
// unreadable or the format is not Format.
func parse(data []byte, probs *problems) (*document, error) {
	doc := &document{}
	r := newReader(data, probs)
	err := r.value(reflect.ValueOf(doc).Elem())
	if errors.Is(err, errFatal) {
		return nil, probs.err()
	}
	if err != nil {
		return nil, err
	}
	if _, err := r.dec.Token(); !errors.Is(err, io.EOF) {
		line, col := lineCol(data, r.dec.InputOffset())
		return nil, &Error{Problems: []*Problem{{Msg: fmt.Sprintf("unexpected data after the document at line %d, column %d", line, col)}}}
	}
	if doc.Format != Format {
		return nil, formatError(doc.Format, probs)
	}
	return doc, nil
}

// formatError explains a missing or unsupported "format"; other problems are
// dropped, since a document of another format is not worth checking further.
func formatError(got string, probs *problems) error {
	for _, p := range probs.list {
		if p.Path == "" { // not an object at all
			return &Error{Problems: []*Problem{p}}
		}
		if p.Path == "format" { // missing, or not a string
			return &Error{Problems: []*Problem{{Path: "format", Msg: p.Msg + fmt.Sprintf(" (expected %q)", Format)}}}
		}
	}
	msg := fmt.Sprintf("expected %q, got %q", Format, got)
	if strings.HasPrefix(got, "kpiplanner/plan@") {
		msg = fmt.Sprintf("%q is not supported by this version of KPI Planner, which reads %q", got, Format)
	}
	return &Error{Problems: []*Problem{{Path: "format", Msg: msg}}}
}

// convert turns the document's plans into app plans, recording problems, and
// validates each plan that had no problem of its own.
func convert(doc *document, probs *problems) []*app.Plan {
	plans := make([]*app.Plan, len(doc.Plans))
	ids := map[app.PlanID]int{}
	for i := range doc.Plans {
		path := fmt.Sprintf("plans[%d]", i)
		before := probs.count()
		if id := doc.Plans[i].ID; id != 0 {
			if j, dup := ids[id]; dup {
				probs.add(path+".id", fmt.Sprintf("%d is also the id of plans[%d]", id, j), nil)
			}
			ids[id] = i
		}
		plans[i] = toPlan(path, &doc.Plans[i], probs)
		if probs.count() == before && !probs.bad[i] {
			validate(path, plans[i], probs)
		}
	}
	return plans
}

// validate runs p.Validate and records its errors under the plan's path and name.
func validate(path string, p *app.Plan, probs *problems) {
	err := p.Validate()
	if err == nil {
		return
	}
	if p.Name != "" {
		path += " (" + p.Name + ")"
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
