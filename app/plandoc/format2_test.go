package plandoc

import (
	"strings"
	"testing"

	"kpiplanner/app"
)

// TestFormat1AbsentMissingDataMeansExclude: an archived kpiplanner/plan@1
// document keeps its scores (missing data excluded, as then), while the same
// plans in a plan@2 document get the default, provisional.
func TestFormat1AbsentMissingDataMeansExclude(t *testing.T) {
	v1 := string(readFile(t, "plan-full-v1.json"))
	for _, tc := range []struct {
		name, doc string
		want      app.MissingData
	}{
		{"plan@1", v1, app.MissingExclude},
		{"plan@2", strings.Replace(v1, Format1, Format, 1), app.MissingProvisional},
		{"plan@1, format last", formatLast(v1, Format1), app.MissingExclude},
		{"plan@2, format last", formatLast(v1, Format), app.MissingProvisional},
		{"plan@1 without rules", planDoc(""), app.MissingExclude},
		{"plan@2 without rules", strings.Replace(planDoc(""), Format1, Format, 1), app.MissingProvisional},
	} {
		plans, err := Unmarshal([]byte(tc.doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, p := range plans {
			if p.Rules.MissingData != tc.want {
				t.Errorf("%s: plan %q missing data = %q, want %q", tc.name, p.Name, p.Rules.MissingData, tc.want)
			}
		}
	}
}

// formatLast moves a document's "format" member after its plans.
func formatLast(doc, format string) string {
	doc = strings.Replace(doc, `"format": "`+Format1+`",`, "", 1)
	i := strings.LastIndex(doc, "}")
	return doc[:i] + `, "format": "` + format + `"}`
}

// TestFormat2FieldsRoundTrip: uid, rounding_step, missing_data and exempt are
// written and read back, and the @1 example reads as the @2 one without them.
func TestFormat2FieldsRoundTrip(t *testing.T) {
	v2, err := Unmarshal(readFile(t, "plan-full.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := v2[0]
	if p.UID != "3f2a9c1e8b7d4e5fa6c0b1d2e3f40516" || p.Rules.RoundingStep != 1000 ||
		p.Rules.MissingData != app.MissingProvisional || v2[1].Rules.MissingData != app.MissingZero {
		t.Errorf("plan@2 fields not read: uid %q rules %+v / %+v", p.UID, p.Rules, v2[1].Rules)
	}
	exempt := 0
	for _, k := range p.KPIs {
		if k.Exempt != "" {
			exempt++
		}
	}
	if exempt != 1 {
		t.Errorf("%d exempt KPIs read, want 1", exempt)
	}
	v1, err := Unmarshal(readFile(t, "plan-full-v1.json"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range v2 {
		v2[i].UID, v2[i].Rules.RoundingStep, v2[i].Rules.MissingData = "", 0, app.MissingExclude
		v2[i].Revision, v2[i].ApprovedOnce, v2[i].PersonUID, v2[i].Rules.NoteBelow = 0, false, "", 0 // plan@3 fields; note_below absent is off in plan@1
		for j := range v2[i].KPIs {
			v2[i].KPIs[j].Exempt = ""
			for a := range v2[i].KPIs[j].Actuals {
				v2[i].KPIs[j].Actuals[a].Comment = ""
			}
		}
	}
	if !equalPlans(v1, v2) {
		t.Error("plan-full-v1.json and plan-full.json differ in more than the plan@2 fields")
	}
}

func TestFormat2FieldErrors(t *testing.T) {
	doc := func(extra string, kpis ...string) string {
		return strings.Replace(planDoc(extra, kpis...), Format1, Format, 1)
	}
	two := strings.Replace(docOf(plan(`"uid": "00000000000000000000000000000001"`), plan(`"uid": "00000000000000000000000000000001"`)),
		Format1, Format, 1)
	for name, tc := range map[string]struct{ in, want string }{
		// the finding: this id wrapped the store's id counter round to plan 1
		"id above the counter's range": {doc(`, "id": 18446744073709551615`),
			`plans[0].id: 18446744073709551615 is above the highest plan id 9007199254740991`},
		"uid too short":     {doc(`, "uid": "abc"`), `plans[0].uid: uid "abc": want 32 hex digits, got 3 characters`},
		"uid in capitals":   {doc(`, "uid": "0123456789ABCDEF0123456789ABCDEF"`), `want lower-case hex digits only`},
		"uid twice":         {two, `plans[1].uid: 00000000000000000000000000000001 is also the uid of plans[0]`},
		"bad missing data":  {doc(`, "rules": {"missing_data": "guess"}`), `rules.missing_data: must be exclude, zero or provisional`},
		"negative rounding": {doc(`, "rules": {"rounding_step": -1000}`), `rules.rounding_step: must not be negative`},
		"exempt not text":   {doc("", kpi(`, "exempt": 1`)), `plans[0].kpis[0].exempt: expected a string, got number 1`},
		"unknown field":     {doc(`, "uuid": "x"`), `plans[0].uuid: unknown field`},
	} {
		_, err := Unmarshal([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want one containing %q", name, err, tc.want)
		}
	}
}
