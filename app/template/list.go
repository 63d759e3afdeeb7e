package template

import (
	"bytes"
	"encoding/json"
	"fmt"

	"kpiplanner/app"
)

// MarshalList returns template versions as a compact JSON list of template
// documents, each as a templates file writes it (docs/template-format.md);
// packets carry the templates of their plans so (docs/packet-format.md).
func MarshalList(ts []*app.Template) (json.RawMessage, error) {
	ds := make([]templateDoc, len(ts))
	for i, t := range ts {
		ds[i] = docOf(t)
	}
	var buf bytes.Buffer
	e := json.NewEncoder(&buf)
	e.SetEscapeHTML(false)
	if err := e.Encode(ds); err != nil {
		return nil, fmt.Errorf("encode templates: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalList reads a list MarshalList wrote, strictly (unknown fields
// are errors): every template must have a uid and a version from 1, and
// pass Validate; the error names the template at fault.
func UnmarshalList(b []byte) ([]*app.Template, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ds []templateDoc
	if err := dec.Decode(&ds); err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	out := make([]*app.Template, len(ds))
	for i, td := range ds {
		if td.UID == "" || td.Version < 1 {
			return nil, fmt.Errorf("templates[%d] (%s): a carried template needs its uid and version", i, td.Name)
		}
		t, err := templateOf(i, td)
		if err != nil {
			return nil, err
		}
		out[i] = t
	}
	return out, nil
}
