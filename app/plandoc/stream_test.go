package plandoc

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"kpiplanner/app"
	"kpiplanner/app/demo"
)

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// docOf returns a document holding the given plan objects, with format written first.
func docOf(plans ...string) string {
	return `{"format": "kpiplanner/plan@1", "plans": [` + strings.Join(plans, ", ") + `]}`
}

// names streams doc and returns the names of the plans yielded, and the error.
func names(doc string) ([]string, error) {
	var got []string
	err := Stream(strings.NewReader(doc), func(p *app.Plan) error {
		got = append(got, p.Name)
		return nil
	})
	return got, err
}

func TestStreamYieldsEachPlanAsItIsRead(t *testing.T) {
	plans := demo.Company(60, 1)
	b := mustMarshal(t, plans)
	if len(b) < 8*windowSize {
		t.Fatalf("document of %d bytes is too small to span several windows", len(b))
	}
	cr := &countingReader{r: bytes.NewReader(b)}
	var read []int // bytes read when each plan was yielded
	var got []*app.Plan
	err := Stream(cr, func(p *app.Plan) error {
		read = append(read, cr.n)
		got = append(got, p)
		return nil
	})
	if err != nil || !equalPlans(got, plans) {
		t.Fatalf("streamed %d plans: %v", len(got), err)
	}
	// The first plan comes after at most two windows, not after the whole document.
	if read[0] > 2*windowSize || read[len(read)-1] < len(b)-windowSize {
		t.Errorf("bytes read at the first and last plan: %d, %d of %d", read[0], read[len(read)-1], len(b))
	}
}

func TestStreamFormatAfterPlans(t *testing.T) {
	cases := map[string]struct {
		doc   string
		names []string // plans yielded
		err   string
	}{
		// plans read before the format are held, and yielded once it is known to be readable
		"right format last": {`{"plans": [` + plan(`"id": 1`) + `], "format": "kpiplanner/plan@1"}`, []string{"P"}, ""},
		"wrong format last": {`{"plans": [` + plan(`"id": 1`) + `], "format": "kpiplanner/plan@4"}`, nil,
			`format: "kpiplanner/plan@4" is not supported by this version of KPI Planner, which reads "kpiplanner/plan@1", "kpiplanner/plan@2" and "kpiplanner/plan@3"`},
		"format missing": {`{"plans": [` + plan(`"id": 1`) + `]}`, nil,
			`format: required field is missing (expected "kpiplanner/plan@3")`},
		// known to be wrong before the plans: none is yielded
		"wrong format first": {`{"format": "excel", "plans": [` + plan(`"id": 1`) + `]}`, nil,
			`format: expected "kpiplanner/plan@3", got "excel"`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := names(c.doc)
			if fmt.Sprint(got) != fmt.Sprint(c.names) || fmt.Sprint(err) != fmt.Sprint(errOrNil(c.err)) {
				t.Errorf("yielded %v, error %v; want %v, %q", got, err, c.names, c.err)
			}
		})
	}
}

// errOrNil returns msg as an error, or nil when msg is empty.
func errOrNil(msg string) error {
	if msg == "" {
		return nil
	}
	return errors.New(msg)
}

func TestStreamStopsYieldingAtTheFirstProblem(t *testing.T) {
	named := func(name, extra string) string {
		return strings.Replace(plan(extra), `"name": "P"`, `"name": "`+name+`"`, 1)
	}
	doc := docOf(named("P0", `"id": 1`), named("P1", `"id": 2`), named("P2", `"id": 1`), named("P3", `"colour": 1`), named("P4", `"id": 5`))
	got, err := names(doc)
	// P2 repeats P0's id: P0 and P1 were yielded before; P3's problem is still listed; P4 is not yielded.
	want := "plans[3].colour: unknown field\nplans[2].id: 1 is also the id of plans[0]"
	if fmt.Sprint(got) != "[P0 P1]" || err == nil || err.Error() != want {
		t.Errorf("yielded %v, error\n%v\nwant [P0 P1] and\n%s", got, err, want)
	}
}

func TestStreamStopsAtAYieldError(t *testing.T) {
	stop := errors.New("disk full")
	calls := 0
	err := Stream(strings.NewReader(docOf(plan(`"id": 1`), plan(`"id": 2`), plan(`"id": 3`))), func(p *app.Plan) error {
		calls++
		if p.ID == 2 {
			return stop
		}
		return nil
	})
	if err != stop || calls != 2 {
		t.Errorf("error %v after %d calls; want the yield error after 2", err, calls)
	}
}

func TestStreamReadError(t *testing.T) {
	broken := errors.New("cable unplugged")
	doc := docOf(plan(`"id": 1`), plan(`"id": 2`))
	r := io.MultiReader(strings.NewReader(doc[:len(doc)/2]), iotest.ErrReader(broken))
	err := Stream(r, func(*app.Plan) error { return nil })
	var de *Error
	if !errors.Is(err, broken) || errors.As(err, &de) || !strings.HasPrefix(err.Error(), "read plan document: ") {
		t.Errorf("got %v; want the read error, not a document problem", err)
	}
	if _, err := Decode(iotest.ErrReader(broken)); !errors.Is(err, broken) {
		t.Errorf("Decode: got %v", err)
	}
}

func TestStreamBOM(t *testing.T) {
	in := "\uFEFF" + docOf(plan(`"id": 1`))
	plans, err := Decode(iotest.OneByteReader(strings.NewReader(in)))
	if err != nil || len(plans) != 1 {
		t.Fatalf("got %d plans: %v", len(plans), err)
	}
	// The mark is not a column: column 46 as in the "trailing data" case of TestDecodeErrors.
	in = "\uFEFF" + `{"format": "kpiplanner/plan@1", "plans": []} {}`
	_, err = Decode(iotest.OneByteReader(strings.NewReader(in)))
	if err == nil || err.Error() != "document: unexpected data after the document at line 1, column 46" {
		t.Errorf("got %v", err)
	}
}

// TestStreamPositionsAcrossWindows puts a syntax error far into large
// documents, indented and on one line with Vietnamese text, and checks the
// line and column against a count over the whole text.
func TestStreamPositionsAcrossWindows(t *testing.T) {
	b := mustMarshal(t, demo.Company(60, 1))
	var compact bytes.Buffer
	if err := json.Compact(&compact, b); err != nil {
		t.Fatal(err)
	}
	for name, doc := range map[string][]byte{"indented": b, "one line": compact.Bytes()} {
		t.Run(name, func(t *testing.T) {
			// the last "unit" key loses its colon; the error is at the value's opening quote
			cut := bytes.LastIndex(doc, []byte(`"unit":`)) + len(`"unit"`)
			bad := append(bytes.Clone(doc[:cut]), doc[cut+1:]...)
			off := cut + bytes.IndexByte(bad[cut:], '"')
			line := 1 + bytes.Count(bad[:off], []byte("\n"))
			col := 1 + utf8.RuneCount(bad[bytes.LastIndexByte(bad[:off], '\n')+1:off])
			if off < 4*windowSize || name == "one line" && (line != 1 || col == off+1) {
				t.Fatalf("error at offset %d, line %d, column %d: not a test of windows", off, line, col)
			}
			want := fmt.Sprintf("invalid JSON at line %d, column %d: expected ':' after the field name", line, col)
			for reader, r := range map[string]io.Reader{"bytes": bytes.NewReader(bad), "half": iotest.HalfReader(bytes.NewReader(bad))} {
				err := Stream(r, func(*app.Plan) error { return nil })
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("%s reader: got %v; want …%s…", reader, err, want)
				}
			}
			if _, err := Unmarshal(bad); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Unmarshal: got %v", err)
			}
		})
	}
}
