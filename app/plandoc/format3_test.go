package plandoc

import (
	"strings"
	"testing"

	"kpiplanner/app"
)

// TestFormat3FieldsRead: revision, approved_once, person_uid, note_below and
// an actual's comment are read from the full example.
func TestFormat3FieldsRead(t *testing.T) {
	plans, err := Unmarshal(readFile(t, "plan-full.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := plans[0]
	last := p.KPIs[0].Actuals[len(p.KPIs[0].Actuals)-1]
	if p.Status != app.Approved || p.Revision != 7 || !p.ApprovedOnce || p.PersonUID != "9b1c0d2e3f405162738495a6b7c8d9e0" ||
		p.Rules.NoteBelow != 70 || last.Comment != "Hai khách hàng lớn hoãn hợp đồng sang quý sau" {
		t.Errorf("plan@3 fields of plan 1 not read: status %s revision %d approved once %v person %q note below %g comment %q",
			p.Status, p.Revision, p.ApprovedOnce, p.PersonUID, p.Rules.NoteBelow, last.Comment)
	}
	if plans[1].Rules.NoteBelow != 60 || plans[1].Revision != 0 || plans[1].ApprovedOnce {
		t.Errorf("plan 2: note below %g revision %d approved once %v", plans[1].Rules.NoteBelow, plans[1].Revision, plans[1].ApprovedOnce)
	}
}

// TestStatusesOfEveryFormat: the four statuses read in plan@3; "active"
// (plan@1 and @2) reads as approved; another word is refused naming the path.
func TestStatusesOfEveryFormat(t *testing.T) {
	doc := func(format, status string) string {
		d := strings.Replace(planDoc(""), `"status": "active"`, `"status": "`+status+`"`, 1)
		return strings.Replace(d, Format1, format, 1)
	}
	for _, tc := range []struct {
		format, status string
		want           app.Status
	}{
		{Format, "draft", app.Draft}, {Format, "submitted", app.Submitted}, {Format, "approved", app.Approved}, {Format, "closed", app.Closed},
		{Format, "active", app.Approved}, {Format2, "active", app.Approved}, {Format1, "active", app.Approved}, {Format2, "draft", app.Draft},
	} {
		plans, err := Unmarshal([]byte(doc(tc.format, tc.status)))
		if err != nil {
			t.Errorf("%s %s: %v", tc.format, tc.status, err)
			continue
		}
		if plans[0].Status != tc.want {
			t.Errorf("%s %s: status %s, want %s", tc.format, tc.status, plans[0].Status, tc.want)
		}
	}
	if _, err := Unmarshal([]byte(doc(Format, "finished"))); err == nil || !strings.Contains(err.Error(), "status: must be one of draft, submitted, approved, closed") {
		t.Errorf("unknown status: %v", err)
	}
}

func TestFormat3FieldErrors(t *testing.T) {
	doc := func(extra string, kpis ...string) string {
		return strings.Replace(planDoc(extra, kpis...), Format1, Format, 1)
	}
	for name, tc := range map[string]struct{ in, want string }{
		"person uid too short":   {doc(`, "person_uid": "abc"`), `plans[0].person_uid: uid "abc": want 32 hex digits, got 3 characters`},
		"revision negative":      {doc(`, "revision": -1`), `plans[0].revision`},
		"approved once not bool": {doc(`, "approved_once": "yes"`), `plans[0].approved_once: expected`},
		"comment not text":       {doc("", kpi(`, "actuals": [{"period": "2026-01", "value": 1, "comment": 5}]`)), `plans[0].kpis[0].actuals[0].comment: expected a string`},
		"note below not number":  {doc(`, "rules": {"note_below": "70"}`), `plans[0].rules.note_below: expected a number`},
	} {
		_, err := Unmarshal([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want one containing %q", name, err, tc.want)
		}
	}
}

// TestNoteBelowAbsentIsOffInOlderFormats: plans written before the rule
// existed do not start needing comments; a plan@3 document's default is 70.
func TestNoteBelowAbsentIsOffInOlderFormats(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      float64
	}{
		{"plan@1 without rules", planDoc(""), 0},
		{"plan@2 with rules", strings.Replace(planDoc(`, "rules": {"cap": 1.5}`), Format1, Format2, 1), 0},
		{"plan@2, format last", formatLast(planDoc(`, "rules": {"cap": 1.5}`), Format2), 0},
		{"plan@3 without rules", strings.Replace(planDoc(""), Format1, Format, 1), app.DefaultNoteBelow},
		{"plan@3, format last", formatLast(planDoc(`, "rules": {"cap": 1.5}`), Format), app.DefaultNoteBelow},
		{"plan@3 given", strings.Replace(planDoc(`, "rules": {"note_below": 50}`), Format1, Format, 1), 50},
		{"plan@2 given", strings.Replace(planDoc(`, "rules": {"note_below": 50}`), Format1, Format2, 1), 50},
	} {
		plans, err := Unmarshal([]byte(tc.doc))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := plans[0].Rules.NoteBelow; got != tc.want {
			t.Errorf("%s: note below %g, want %g", tc.name, got, tc.want)
		}
	}
}
