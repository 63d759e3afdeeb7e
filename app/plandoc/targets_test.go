package plandoc

import (
	"strings"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/sheet/sheettest"
)

func TestRoundTripPeriodTargetsAndReference(t *testing.T) {
	p := sheettest.PeriodTargets()
	b := mustMarshal(t, []*app.Plan{p})
	for _, want := range []string{`{"period": "2026-01", "value": 50}`, `"reference": 1000`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("document lacks %s:\n%s", want, b)
		}
	}
	got, err := Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if !equalPlans(got, []*app.Plan{p}) {
		t.Errorf("got %+v\nwant %+v", got[0].KPIs[0], p.KPIs[0])
	}
}

func TestPeriodTargetsErrorsNameTheKey(t *testing.T) {
	p := sheettest.PeriodTargets()
	b := string(mustMarshal(t, []*app.Plan{p}))
	tests := map[string]struct{ from, to, want string }{
		"unknown period": {`{"period": "2026-02", "value": 50}`, `{"period": "2027-02", "value": 50}`, `period_targets[1].period: "2027-02" is not a period`},
		"twice":          {`{"period": "2026-02", "value": 50}`, `{"period": "2026-01", "value": 50}`, "is given twice (also at period_targets[0])"},
		"sum off":        {`{"period": "2026-02", "value": 50}`, `{"period": "2026-02", "value": 60}`, "the period targets add up to 1210, not the cycle target 1200"},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			doc := strings.Replace(b, tt.from, tt.to, 1)
			if doc == b {
				t.Fatalf("%s not in the document", tt.from)
			}
			_, err := Unmarshal([]byte(doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Unmarshal = %v, want %q", err, tt.want)
			}
		})
	}
}
