package xlsx

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/score"
	"kpiplanner/app/sheet"
	"kpiplanner/app/sheet/sheettest"
)

func TestActualsTemplateEditedInExcel(t *testing.T) {
	p := sheettest.Cases()[2].Plan // ratio KPIs, KPIs without data
	path := filepath.Join(t.TempDir(), "template.xlsx")
	if _, err := WriteActualsTemplate(context.Background(), path, p, false, Options{}); err != nil {
		t.Fatal(err)
	}
	// Fill in what a user types: a number, text numbers, a numerator and denominator.
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	name := f.GetSheetList()[0]
	set := func(ref string, v any) {
		if err := f.SetCellValue(name, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	// Rows 4–5: the conversion rate's numerator and denominator; column G is 2026-03.
	set("G4", 12)
	set("G5", 400)
	set("G12", "17.5") // row 12: "nd" (no data, average); a number typed as text
	set("H12", 18.25)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	_ = f.Close()
	g, err := ReadGrid(path)
	if err != nil {
		t.Fatal(err)
	}
	pv := sheet.ParseActuals(p, g, sheet.ImportOptions{})
	if err := pv.Err(); err != nil {
		t.Fatal(err)
	}
	q, err := pv.Apply()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]app.Actual{
		"cr": append(append([]app.Actual(nil), p.KPI("cr").Actuals...), app.Actual{Period: 2, Value: 12, Den: 400}),
		"nd": {{Period: 2, Value: 17.5}, {Period: 3, Value: 18.25}},
	}
	for id, w := range want {
		if got := q.KPI(id).Actuals; !reflect.DeepEqual(got, w) {
			t.Errorf("%s actuals %+v, want %+v", id, got, w)
		}
	}
	if len(pv.Changes) != 3 {
		t.Errorf("%d changes, want 3", len(pv.Changes))
	}
}

func TestKPISheetRoundTripsThroughFiles(t *testing.T) {
	src := sheettest.Cases()[1].Plan // floors, caps, steps
	for _, file := range []string{"kpis.xlsx", "kpis.csv"} {
		path := filepath.Join(t.TempDir(), file)
		if _, err := WriteKPISheet(context.Background(), path, src, Options{}); err != nil {
			t.Fatal(err)
		}
		g, err := ReadGrid(path)
		if err != nil {
			t.Fatal(err)
		}
		empty := app.NewPlan()
		empty.Cycle = src.Cycle
		got, err := sheet.ParseKPIs(empty, g, sheet.ImportOptions{}).Apply()
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		for i, k := range src.KPIs {
			k.Actuals = nil
			if !reflect.DeepEqual(got.KPIs[i], k) {
				t.Errorf("%s KPI %s:\n got %+v\nwant %+v", file, k.ID, got.KPIs[i], k)
			}
		}
	}
}

func TestCompanyActualsReimport(t *testing.T) {
	plans := demo.Company(30, 5)
	wb, lay := sheet.Company(plans, score.PickAt(-1), nil)
	path := filepath.Join(t.TempDir(), "company.xlsx")
	if err := write(context.Background(), path, wb, Options{}, limits{maxRows: MaxRows, bulkRows: 100}); err != nil {
		t.Fatal(err)
	}
	g, err := ReadGridWith(path, ReadOptions{Sheet: lay.Actuals})
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range plans[:5] {
		empty := p.Clone()
		for j := range empty.KPIs {
			empty.KPIs[j].Actuals = nil
		}
		pv := sheet.ParseActuals(empty, g, sheet.ImportOptions{})
		q, err := pv.Apply()
		if err != nil {
			t.Fatalf("plan %d: %v", i, err)
		}
		for j := range p.KPIs {
			if w, got := p.KPIs[j].Actuals, q.KPIs[j].Actuals; !reflect.DeepEqual(got, w) && len(w)+len(got) > 0 {
				t.Errorf("plan %d KPI %s: %+v, want %+v", i, p.KPIs[j].ID, got, w)
			}
		}
		if pv.Skipped == 0 {
			t.Errorf("plan %d: no row of other people was skipped", i)
		}
	}
}
