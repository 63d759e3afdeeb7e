package template

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"kpiplanner/app"
)

// fullTemplate has every field of a template and of its KPIs set (but the
// per-plan KPI fields a template file does not carry: actuals, FromTemplate
// and the cascade link UnitPlan, UnitKPI, Share).
func fullTemplate() *app.Template {
	t := app.NewTemplate("Nhân viên kinh doanh — cấp 2", "Nhân viên kinh doanh", 2)
	t.UID, t.Version, t.GoalType, t.Goal = app.NewUID(), 3, "revenue-growth", "Tăng doanh thu 20 %"
	t.At, t.User, t.Device, t.Note = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), "Lan", "hr-laptop", "mùa cao điểm"
	t.Rules.RoundingStep = 1000
	t.KPIs = []app.KPI{{ID: "rev", LibraryID: "sales.revenue", Name: "Doanh thu", Description: "Tổng doanh thu\nhai dòng",
		Rationale: "mục tiêu", Unit: app.Currency, Direction: app.Higher, Baseline: app.Float(0.1 + 0.2), Target: 123.456,
		RangeLow: 1, RangeHigh: 2, Tolerance: 0.5, Floor: app.Float(0.3), Cap: app.Float(1.3), Weight: 1.5,
		Group: app.GroupA, Effort: app.High, Impact: app.Low, Aggregation: app.Average, DataSource: "CRM", Owner: "Bình",
		Deadline: app.NewDate(2026, 6, 30), Steps: []app.StepBand{{From: 0.8, Score: 60}}, Note: "ghi chú", Exempt: "lý do",
		PeriodTargets: []app.PeriodTarget{{Period: 0, Value: 40.5}, {Period: 11, Value: 82.956}}, Reference: app.Float(99.5)}}
	t.Rules.TeamWeight = 20
	return t
}

// perPlan are the KPI fields each plan has of its own, not from its template.
var perPlan = map[string]bool{"Actuals": true, "FromTemplate": true, "UnitPlan": true, "UnitKPI": true, "Share": true}

func TestTemplateFileRoundTripsEveryField(t *testing.T) {
	in := fullTemplate()
	k := reflect.ValueOf(in.KPIs[0])
	for i := range k.NumField() {
		if f := k.Type().Field(i); !perPlan[f.Name] && k.Field(i).IsZero() {
			t.Fatalf("fullTemplate leaves KPI.%s unset: set it, and write and read it in the template file", f.Name)
		}
	}
	tv := reflect.ValueOf(*in)
	for i := range tv.NumField() {
		if tv.Field(i).IsZero() {
			t.Fatalf("fullTemplate leaves Template.%s unset", tv.Type().Field(i).Name)
		}
	}
	var b bytes.Buffer
	if err := WriteFile(&b, []*app.Template{in}); err != nil {
		t.Fatal(err)
	}
	out, err := ReadFile(&b)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 1 || !reflect.DeepEqual(out[0], in) {
		t.Fatalf("round trip:\n got %+v\nwant %+v", out[0], in)
	}
}

func TestTemplateFileRefusesOtherFormatsAndUnknownFields(t *testing.T) {
	for name, doc := range map[string]string{
		"format":  `{"format":"kpiplanner/plan@3","templates":[]}`,
		"unknown": `{"format":"kpiplanner/template@1","templates":[],"extra":1}`,
		"uid":     `{"format":"kpiplanner/template@1","templates":[{"uid":"xyz","name":"a","position":"b","rules":{},"kpis":[]}]}`,
	} {
		if _, err := ReadFile(bytes.NewBufferString(doc)); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
}
