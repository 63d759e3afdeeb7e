package library

import (
	"bytes"
	"errors"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"kpiplanner/app"
	"kpiplanner/assets"
)

func TestFileRoundTrip(t *testing.T) {
	ratio := app.LibraryEntry{
		ID:          "zalo-reply-rate",
		Name:        app.Text{VI: "Tỷ lệ phản hồi Zalo", EN: "Zalo reply rate"},
		Formula:     app.Text{EN: "replies ÷ messages × 100 <approx>"},
		Unit:        app.Percent,
		Direction:   app.Higher,
		Aggregation: app.Ratio,
		Numerator:   app.Text{VI: "Số tin được trả lời"},
		Denominator: app.Text{VI: "Số tin nhắn"},
		Custom:      true,
	}
	in := []app.LibraryEntry{callsKPI(), ratio, {ID: "cpc", Hidden: true}}
	in[0] = Normalize(in[0])
	var buf bytes.Buffer
	if err := WriteFile(&buf, in); err != nil {
		t.Fatalf("WriteFile: %v", err)
	}
	if !strings.Contains(buf.String(), `"format": "kpiplanner/library@1"`) || !strings.Contains(buf.String(), "<approx>") {
		t.Errorf("file lacks the format tag or escapes HTML:\n%s", buf.String())
	}
	out, err := ReadFile(&buf)
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	if !reflect.DeepEqual(in, out) {
		t.Errorf("round trip changed the entries:\n in %+v\nout %+v", in, out)
	}
}

func TestReadFileErrors(t *testing.T) {
	good := `{"id":"a-kpi","name":{"vi":"Một KPI","en":"A KPI"},"unit":"count","direction":"higher","aggregation":"sum"}`
	cases := map[string]struct {
		file string
		want []string // substrings of the error
	}{
		"no format":      {`{"entries":[]}`, []string{"format", "missing"}},
		"wrong format":   {`{"format":"kpiplanner/library@9","entries":[]}`, []string{"library@9"}},
		"unknown top":    {`{"format":"kpiplanner/library@1","entries":[],"extra":1}`, []string{"extra"}},
		"unknown field":  {`{"format":"kpiplanner/library@1","entries":[` + good + `,{"id":"b","colour":"red"}]}`, []string{"entry 2", "colour"}},
		"wrong type":     {`{"format":"kpiplanner/library@1","entries":[{"id":"b","name":"plain"}]}`, []string{"entry 1", "name"}},
		"bad unit":       {`{"format":"kpiplanner/library@1","entries":[` + strings.Replace(good, "count", "furlongs", 1) + `]}`, []string{"entry 1 (a-kpi)", "unit", "furlongs"}},
		"missing name":   {`{"format":"kpiplanner/library@1","entries":[` + good + `,{"id":"b-kpi","unit":"count","direction":"lower","aggregation":"sum"}]}`, []string{"entry 2 (b-kpi)", "name"}},
		"duplicate id":   {`{"format":"kpiplanner/library@1","entries":[` + good + `,` + good + `]}`, []string{"entry 2 (a-kpi)", "entry 1"}},
		"trailing data":  {`{"format":"kpiplanner/library@1","entries":[]} {}`, []string{"after the end"}},
		"not json":       {`KPI,unit`, []string{"library file"}},
		"ratio no parts": {`{"format":"kpiplanner/library@1","entries":[` + strings.Replace(good, `"sum"`, `"ratio"`, 1) + `]}`, []string{"numerator", "denominator"}},
	}
	for name, c := range cases {
		_, err := ReadFile(strings.NewReader(c.file))
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", name, err, w)
			}
		}
	}
}

func TestWriteFileRefusesInvalid(t *testing.T) {
	e := Normalize(callsKPI())
	e.Unit = ""
	var buf bytes.Buffer
	err := WriteFile(&buf, []app.LibraryEntry{e})
	if !errors.Is(err, app.ErrInvalid) || err.Error() != "write library file: entry 1 (zalo-oa-messages): unit: is required" {
		t.Errorf("WriteFile = %v", err)
	}
	if buf.Len() != 0 {
		t.Error("WriteFile wrote an invalid file")
	}
}

// TestBuiltinFilesAreLibraryFiles checks that the built-in data uses the
// same format users exchange, so an export reads like the built-in files.
func TestBuiltinFilesAreLibraryFiles(t *testing.T) {
	data, err := fs.ReadFile(assets.Library, "library/kpis/sales.json")
	if err != nil {
		t.Fatal(err)
	}
	es, err := ReadFile(bytes.NewReader(data))
	if err != nil || len(es) < 8 {
		t.Errorf("ReadFile(sales.json) = %d entries, %v", len(es), err)
	}
}

func TestLoadReportsBadData(t *testing.T) {
	sales, err := fs.ReadFile(assets.Library, "library/kpis/sales.json")
	if err != nil {
		t.Fatal(err)
	}
	goals, err := fs.ReadFile(assets.Library, "library/goals.json")
	if err != nil {
		t.Fatal(err)
	}
	badUnit := strings.Replace(string(sales), `"unit": "count"`, `"unit": "pieces"`, 1)
	noEnglish := strings.Replace(string(sales), `"en": "Sales revenue"`, `"en": ""`, 1)
	cases := map[string]struct {
		files map[string]string
		want  []string
	}{
		"bad unit":        {map[string]string{"library/kpis/sales.json": badUnit}, []string{"library/kpis/sales.json", "entry 2 (sql)", "unit", "pieces"}},
		"missing english": {map[string]string{"library/kpis/sales.json": noEnglish}, []string{"entry 1 (sales-revenue)", "name.en"}},
		"wrong file":      {map[string]string{"library/kpis/legal.json": string(sales)}, []string{"legal.json", "not a department"}},
		"wrong dept":      {map[string]string{"library/kpis/hr.json": string(sales)}, []string{"library/kpis/hr.json", "department"}},
		"goal unknown id": {map[string]string{"library/kpis/sales.json": string(sales)}, []string{"library/goals.json", "mql", "not a KPI"}},
	}
	for name, c := range cases {
		fsys := fstest.MapFS{"library/goals.json": {Data: goals}}
		for n, d := range c.files {
			fsys[n] = &fstest.MapFile{Data: []byte(d)}
		}
		_, err := readBuiltin(fsys)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not mention %q", name, err, w)
			}
		}
	}
}
