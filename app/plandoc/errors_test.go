package plandoc

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"kpiplanner/app"
)

// planDoc returns a document with one plan named P; extra is spliced into the
// plan object and kpis are its KPI objects.
func planDoc(extra string, kpis ...string) string {
	return `{"format": "kpiplanner/plan@1", "plans": [{"name": "P", "status": "active", "person": {"name": "A"},
"cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"}` + extra +
		`, "kpis": [` + strings.Join(kpis, ", ") + `]}]}`
}

// kpi returns a valid higher/sum KPI k1 with extra spliced in.
func kpi(extra string) string {
	return `{"id": "k1", "name": "N", "unit": "count", "direction": "higher", "target": 10, "group": "A", "aggregation": "sum"` + extra + `}`
}

func TestDecodeErrors(t *testing.T) {
	long := strings.Repeat("a", 60)
	cases := map[string]struct {
		in   string
		want []string
	}{
		"empty input":     {``, []string{`document: invalid JSON at line 1, column 1: the document ends too early`}},
		"top-level array": {`[]`, []string{`document: expected an object, got an array`}},
		"trailing data": {`{"format": "kpiplanner/plan@1", "plans": []} {}`,
			[]string{`document: unexpected data after the document at line 1, column 46`}},
		"format of the wrong type": {`{"format": 1, "plans": []}`,
			[]string{`format: expected a string, got number 1 (expected "kpiplanner/plan@3")`}},
		"another format": {`{"format": "excel", "plans": [{"colour": 1}]}`,
			[]string{`format: expected "kpiplanner/plan@3", got "excel"`}},
		"unknown root field": {`{"format": "kpiplanner/plan@1", "plans": [], "colour": "red"}`, []string{`colour: unknown field`}},
		"plans missing":      {`{"format": "kpiplanner/plan@1"}`, []string{`plans: required field is missing`}},
		"wrong types, all listed": {planDoc(`, "goal": "grow"`, kpi(`, "weight": true, "note": 12`), kpi(`, "steps": {}`)), []string{
			`plans[0].goal: expected an object, got string "grow"`,
			`plans[0].kpis[0].weight: expected a number, got boolean true`,
			`plans[0].kpis[0].note: expected a string, got number 12`,
			`plans[0].kpis[1].steps: expected an array, got an object`,
		}},
		"null for a number": {planDoc("", kpi(`, "weight": null`)), []string{`plans[0].kpis[0].weight: expected a number, got null`}},
		"nested value skipped": {planDoc("", kpi(`, "weight": [1, {"a": [2]}], "colour": 1`)), []string{
			`plans[0].kpis[0].weight: expected a number, got an array`,
			`plans[0].kpis[0].colour: unknown field`,
		}},
		"long string shortened": {planDoc("", kpi(`, "weight": "`+long+`"`)),
			[]string{`plans[0].kpis[0].weight: expected a number, got string "` + long[:40] + `…"`}},
		"key needing quotes": {planDoc("", kpi(`, "my field": 1`)), []string{`plans[0].kpis[0]["my field"]: unknown field`}},
		"empty key":          {`{"format": "kpiplanner/plan@1", "plans": [], "": 1}`, []string{`[""]: unknown field`}},
		"fractional id":      {planDoc(`, "id": 12.5`), []string{`plans[0].id: expected a whole number, got 12.5`}},
		"id out of range":    {planDoc(`, "id": 18446744073709551616`), []string{`plans[0].id: number 18446744073709551616 is out of range`}},
		"bad date": {planDoc("", kpi(`, "deadline": "2026-02-30"`)),
			[]string{`plans[0].kpis[0].deadline: "2026-02-30" is not a date in the form YYYY-MM-DD`}},
		"required fields": {planDoc("", `{"unit": "count", "direction": "milestone", "aggregation": "last"}`), []string{
			`plans[0].kpis[0].id: required field is missing`,
			`plans[0].kpis[0].name: required field is missing`,
		}},
		"higher needs a target": {planDoc("", `{"id": "k1", "name": "N", "unit": "count", "direction": "higher", "aggregation": "sum"}`),
			[]string{`plans[0].kpis[0].target: required field is missing (a higher KPI needs a target)`}},
		"range needs bounds": {planDoc("", `{"id": "k1", "name": "N", "unit": "days", "direction": "range", "range_low": 0, "aggregation": "last"}`),
			[]string{
				`plans[0].kpis[0].range_high: required field is missing (a range KPI needs range_low, range_high and tolerance)`,
				`plans[0].kpis[0].tolerance: required field is missing (a range KPI needs range_low, range_high and tolerance)`,
			}},
		"period twice": {planDoc("", kpi(`, "actuals": [{"period": "2026-01", "value": 1}, {"period": "2026-01", "value": 2}]`)),
			[]string{`plans[0].kpis[0].actuals[1].period: 2026-01 is given twice (also at actuals[0])`}},
		"period as a number out of range": {planDoc("", kpi(`, "actuals": [{"period": "13", "value": 1}]`)),
			[]string{`plans[0].kpis[0].actuals[0].period: "13" is not a period of the plan's cycle (2026-01 … 2026-12)`}},
		"period of another frequency": {planDoc("", kpi(`, "actuals": [{"period": "2026-Q1", "value": 1}]`)),
			[]string{`plans[0].kpis[0].actuals[0].period: "2026-Q1" is not a period of the plan's cycle (2026-01 … 2026-12)`}},
		"period not a string": {planDoc("", kpi(`, "actuals": [{"period": 3, "value": 1}]`)),
			[]string{`plans[0].kpis[0].actuals[0].period: expected a string, got number 3`}},
		// plans[0] fails validation and plans[1] has a reading problem: reading problems come first, as
		// they did when the whole document was read before any plan was checked
		"reading problems before checks": {`{"format": "kpiplanner/plan@1", "plans": [` + plan(`"rules": {"cap": 0.5}`) + `, ` +
			plan(`"colour": 1`) + `]}`, []string{
			`plans[1].colour: unknown field`,
			`plans[0] (P): rules.cap: must be at least 1 (100 %)`,
		}},
		"duplicate plan ids": {`{"format": "kpiplanner/plan@1", "plans": [` + plan(`"id": 7`) + `, ` + plan(`"id": 8`) + `, ` + plan(`"id": 7`) + `]}`,
			[]string{`plans[2].id: 7 is also the id of plans[0]`}},
		"validation with the plan's name": {planDoc(`, "rules": {"group_weights": {"A": 50, "B": 30, "D": 20}}`, kpi(`, "weight": -1`)), []string{
			`plans[0] (P): rules.group_weights.D: unknown group (use A, B or C)`,
			`plans[0] (P): KPI k1: weight: must not be negative`,
		}},
		// cap 0.5 would fail validation, but a plan with a reading problem is not validated
		"no validation after a reading problem": {planDoc(`, "rules": {"cap": 0.5}`, kpi(`, "weight": "x"`)),
			[]string{`plans[0].kpis[0].weight: expected a number, got string "x"`}},
		// the wrong type is reported once, not again as "required field is missing"
		"wrong type of a conditional field": {planDoc("", `{"id": "k1", "name": "N", "unit": "count", "direction": "higher", "target": "10", "aggregation": "sum"}`),
			[]string{`plans[0].kpis[0].target: expected a number, got string "10"`}},
		// columns: line 2 is `"cycle": {…}, "kpis": [` (88 characters) then the KPI
		"trailing comma": {planDoc("", `{"id": "k1",}`),
			[]string{`plans[0].kpis[0]: invalid JSON at line 2, column 101: expected a quoted field name after ',', found '}' (a trailing comma?)`}},
		"invalid UTF-8": {planDoc("", kpi(`, "note": "`+"\xff"+`"`)),
			[]string{`plans[0].kpis[0].note: invalid JSON at line 2, column 213: a string is not valid UTF-8 text`}},
		"line break in a string": {planDoc("", kpi(`, "note": "a`+"\n"+`b"`)),
			[]string{`plans[0].kpis[0].note: invalid JSON at line 2, column 215: a control character in a string (write a line break as \n)`}},
		"malformed number": {planDoc("", kpi(`, "weight": 01`)),
			[]string{`plans[0].kpis[0]: invalid JSON at line 2, column 216: expected ',' or '}' after a field's value, found '1' (a missing comma?)`}},
		"truncated in a string": {planDoc("", kpi(""))[:60], []string{`plans[0]: invalid JSON at line 1, column 61: the document ends inside a string`}},
		"truncated":             {planDoc("", kpi(""))[:95], []string{`plans[0].person.name: invalid JSON at line 1, column 96: the document ends too early`}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			plans, err := Unmarshal([]byte(c.in))
			if err == nil || plans != nil {
				t.Fatalf("got %d plans and no error", len(plans))
			}
			if got, want := err.Error(), strings.Join(c.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
			// Streamed one byte at a time, the window moves at every byte: same problems, same lines and columns.
			err = Stream(iotest.OneByteReader(strings.NewReader(c.in)), func(*app.Plan) error { return nil })
			if err == nil || err.Error() != strings.Join(c.want, "\n") {
				t.Errorf("streamed: got\n%v", err)
			}
		})
	}
}

// plan returns a valid plan object with extra fields spliced in first.
func plan(extra string) string {
	return `{` + extra + `, "name": "P", "status": "active", "person": {"name": "A"},
"cycle": {"start": "2026-01-01", "end": "2026-12-31", "frequency": "monthly"}}`
}

func TestRatioActualFields(t *testing.T) {
	k := `{"id": "k1", "name": "N", "unit": "percent", "direction": "higher", "target": 2, "group": "A", "aggregation": "ratio",
"actuals": [{"period": "2026-01", "num": 1}, {"period": "2026-02", "den": 4}, {"period": "2026-03", "num": 3, "den": 100}]}`
	_, err := Unmarshal([]byte(planDoc("", k)))
	want := `plans[0].kpis[0].actuals[0].den: required field is missing (a ratio KPI records "num" and "den")` + "\n" +
		`plans[0].kpis[0].actuals[1].num: required field is missing (a ratio KPI records "num" and "den")`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestProblemsAreCapped(t *testing.T) {
	kpis := make([]string, 60)
	for i := range kpis {
		kpis[i] = kpi(`, "colour": 1`)
	}
	_, err := Unmarshal([]byte(planDoc("", kpis...)))
	var de *Error
	if !errors.As(err, &de) || len(de.Problems) != MaxProblems || de.More != 10 {
		t.Fatalf("got %v", err)
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 51 || lines[49] != "plans[0].kpis[49].colour: unknown field" || lines[50] != "… and 10 more problems" {
		t.Errorf("last lines %q", lines[48:])
	}
}

func TestLenientButValid(t *testing.T) {
	k := kpi(`, "baseline": null, "weight": 2.0, "actuals": [{"period": "3", "value": 3}, {"period": " 2026-01 ", "value": 1}, {"period": "2026-02", "value": 2}]`)
	in := "\uFEFF" + planDoc(`, "id": 1e3, "rules": {"bonus_mode": "linear", "group_weights": {"A": 70, "B": 30}}`, k)
	plans, err := Unmarshal([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	p := plans[0]
	if p.ID != 1000 || p.KPIs[0].Baseline != nil || p.KPIs[0].Weight != 2 {
		t.Errorf("plan %+v", p)
	}
	// actuals given as "3", " 2026-01 " and "2026-02" → periods 2, 0, 1, sorted to 0, 1, 2
	if got := fmt.Sprint(p.KPIs[0].Actuals); got != "[{0 1 0 } {1 2 0 } {2 3 0 }]" {
		t.Errorf("actuals %s", got)
	}
	// partial rules: the given group weights replace the defaults whole; absent fields keep theirs
	def := app.DefaultRules()
	r := p.Rules
	if r.BonusMode != app.BonusLinear || len(r.GroupWeights) != 2 || r.GroupWeights[app.GroupA] != 70 ||
		r.Cap != def.Cap || r.LinearCap != def.LinearCap || len(r.Bands) != len(def.Bands) {
		t.Errorf("rules %+v", r)
	}
}
