package plandoc

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"kpiplanner/app"
)

const testdata = "../../testdata/"

// TestBadFiles decodes each testdata/bad file and compares the whole error
// text, so the JSON paths are asserted exactly.
func TestBadFiles(t *testing.T) {
	cases := map[string][]string{
		"unknown-field.json": {`plans[0].kpis[1].colour: unknown field`},
		"wrong-type.json":    {`plans[2].kpis[0].target: expected a number, got string "abc"`},
		"bad-period.json": {
			`plans[0].kpis[3].actuals[2].period: "2026-13" is not a period of the plan's cycle (2026-01 … 2026-12)`,
		},
		"bad-format.json": {
			`format: "kpiplanner/plan@4" is not supported by this version of KPI Planner, which reads "kpiplanner/plan@1", "kpiplanner/plan@2" and "kpiplanner/plan@3"`,
		},
		"missing-format.json": {`format: required field is missing (expected "kpiplanner/plan@3")`},
		"duplicate-key.json": {
			`plans[0].rules.group_weights.A: duplicate key`,
			`plans[0].kpis[0].name: duplicate key`,
		},
		"huge-number.json": {
			`plans[0].id: expected a whole number, 0 or more, got -4`,
			`plans[0].person.base_bonus: number 1e999 is out of range`,
			`plans[0].kpis[0].actuals[0].value: number -1e400 is out of range`,
		},
		"ratio-fields.json": {
			`plans[0].kpis[0].actuals[1].num: only ratio KPIs record "num" and "den"; this KPI's aggregation is "sum", so give "value"`,
			`plans[0].kpis[1].actuals[1].value: a ratio KPI records "num" and "den", not "value"`,
		},
		// plans[0] is valid; plans[1] has three validation errors, all listed:
		// group weights 50 + 30 + 30 = 110; k3 target 0; k4 baseline 120 ≥ target 100.
		"invalid-plan.json": {
			`plans[1] (Nguyễn Văn An — 2026): rules.group_weights: must sum to 100 (now 110)`,
			`plans[1] (Nguyễn Văn An — 2026): KPI k3: target: must be greater than 0 (achievement divides by it)`,
			`plans[1] (Nguyễn Văn An — 2026): KPI k4: baseline: must be below the target for a higher-is-better KPI`,
		},
		// line 10 is the KPI; column 45 is the '"' of "unit" after "Deals closed" with no comma.
		"syntax-error.json": {
			`plans[0].kpis[0]: invalid JSON at line 10, column 45: expected ',' or '}' after a field's value, found '"' (a missing comma?)`,
		},
	}
	// Only these files' whole messages are asserted here; cmd/kpi's
	// TestBadInputCatalogue runs every file of testdata/bad through the CLI.
	for name, want := range cases {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(testdata + "bad/" + name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			plans, err := Decode(f)
			if plans != nil || err == nil {
				t.Fatalf("got %d plans, error %v", len(plans), err)
			}
			if got := err.Error(); got != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
			}
			var de *Error
			if !errors.As(err, &de) || len(de.Problems) != len(want) || !errors.Is(err, app.ErrInvalid) {
				t.Errorf("error %T is not an *Error of %d problems matching app.ErrInvalid", err, len(want))
			}
		})
	}
}

func TestValidationProblemsUnwrapToFieldErrors(t *testing.T) {
	b := readFile(t, "bad/invalid-plan.json")
	_, err := Unmarshal(b)
	var fe *app.FieldError
	if !errors.As(err, &fe) || fe.Field != "rules.group_weights" {
		t.Fatalf("errors.As FieldError: %v", fe)
	}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(testdata + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestMinimalExample(t *testing.T) {
	plans, err := Unmarshal(readFile(t, "plan-minimal.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 1 || len(plans[0].KPIs) != 3 {
		t.Fatalf("got %d plans", len(plans))
	}
	p := plans[0]
	if p.ID != 0 || p.Name != "Nguyễn Văn An — 2026" || p.Person.BaseBonus != 10e6 || p.Cycle.NumPeriods() != 12 {
		t.Errorf("plan header %+v", p)
	}
	def := app.DefaultRules()
	if p.Rules.Cap != def.Cap || p.Rules.GroupWeights[app.GroupB] != 30 || len(p.Rules.Bands) != 4 {
		t.Errorf("absent rules should be the defaults, got %+v", p.Rules)
	}
	k1, k2, k3 := p.KPI("k1"), p.KPI("k2"), p.KPI("k3")
	if k1.Target != 1.2e9 || k1.Weight != 2 || len(k1.Actuals) != 3 || k1.Actuals[2] != (app.Actual{Period: 2, Value: 120e6}) {
		t.Errorf("k1 %+v", k1)
	}
	// k2 gives no group and no weight: group B from low effort × high impact, weight 1.
	if k2.Group != app.GroupB || k2.Weight != 1 || k2.Actuals[1] != (app.Actual{Period: 1, Value: 39.5e6, Den: 301}) {
		t.Errorf("k2 %+v", k2)
	}
	if k3.Baseline == nil || *k3.Baseline != 10 || k3.Target != 0 || k3.Direction != app.Lower {
		t.Errorf("k3 %+v", k3)
	}
	again, err := Unmarshal(mustMarshal(t, plans))
	if err != nil || !equalPlans(again, plans) {
		t.Errorf("minimal example does not survive a round trip: %v", err)
	}
}

func TestFullExampleIsCanonical(t *testing.T) {
	b := readFile(t, "plan-full.json")
	plans, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if out := mustMarshal(t, plans); !bytes.Equal(out, b) {
		t.Errorf("Encode(Decode(plan-full.json)) differs from the file:\n%s", out)
	}
	p := plans[0]
	seen := map[string]bool{}
	for _, k := range p.KPIs {
		seen[string(k.Direction)] = true
		seen[string(k.Aggregation)] = true
		seen["baseline "+string(k.Direction)] = k.Baseline != nil || seen["baseline "+string(k.Direction)]
		seen["steps"] = seen["steps"] || len(k.Steps) > 0
		seen["no data"] = seen["no data"] || len(k.Actuals) == 0
	}
	for _, w := range []string{"higher", "lower", "range", "milestone", "sum", "average", "last", "min", "max", "ratio",
		"baseline higher", "baseline lower", "steps", "no data"} {
		if !seen[w] {
			t.Errorf("plan-full.json does not exercise %q", w)
		}
	}
	if p.ID != 12 || p.Rules.BonusMode != app.BonusLinear || p.Rules.GroupWeights[app.GroupA] != 60 || p.Rules.Floor != 0.3 {
		t.Errorf("custom rules not read: %+v", p.Rules)
	}
	if q := plans[1]; q.Cycle.Frequency != app.Quarterly || q.KPIs[0].Actuals[0].Period != 0 {
		t.Errorf("quarterly plan %+v", q)
	}
}

func mustMarshal(t *testing.T, plans []*app.Plan) []byte {
	t.Helper()
	b, err := Marshal(plans)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDocExample decodes the complete example of docs/plan-format.md.
func TestDocExample(t *testing.T) {
	md := string(readFile(t, "../docs/plan-format.md"))
	_, rest, ok := strings.Cut(md, "```json\n")
	example, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no json example in docs/plan-format.md")
	}
	plans, err := Unmarshal([]byte(example))
	if err != nil || len(plans) != 1 || len(plans[0].KPIs) != 3 || plans[0].KPIs[1].Group != app.GroupB {
		t.Fatalf("doc example: %v", err)
	}
}
