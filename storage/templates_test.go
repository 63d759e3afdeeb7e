package storage

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unsafe"

	"kpiplanner/app"
)

func storedTemplate() *app.Template {
	t := app.NewTemplate("Nhân viên kinh doanh — cấp 2", "Nhân viên kinh doanh", 2)
	t.GoalType, t.Goal, t.Note = "revenue-growth", "Tăng doanh thu 20 %", "first"
	t.At, t.User, t.Device = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC), "Lan", "hr-laptop"
	k := app.CustomKPI("rev", "Doanh thu")
	k.Description, k.Rationale, k.Target, k.Group = "Tổng doanh thu bán hàng trong kỳ", "mục tiêu của phòng", 100, app.GroupA
	k.Baseline, k.Steps, k.FromTemplate = app.Float(80), []app.StepBand{{From: 0.8, Score: 60}}, "x"
	t.KPIs = []app.KPI{k}
	return t
}

func TestTemplatesKeepEveryVersion(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v1 := storedTemplate()
	if err := db.Update(func(tx app.Tx) error { return tx.SaveTemplate(v1) }); err != nil {
		t.Fatal(err)
	}
	v2 := v1.Clone()
	v2.KPIs[0].Target, v2.Note = 110, "second"
	if err := db.Update(func(tx app.Tx) error { return tx.SaveTemplate(v2) }); err != nil {
		t.Fatal(err)
	}
	if v1.Version != 1 || v2.Version != 2 || v2.UID != v1.UID {
		t.Fatalf("versions %d, %d; uids %s %s", v1.Version, v2.Version, v1.UID, v2.UID)
	}
	got, err := db.Templates()
	if err != nil || len(got) != 2 || !reflect.DeepEqual(got[0], v1) || !reflect.DeepEqual(got[1], v2) {
		t.Fatalf("loaded %v:\n got %+v\nwant %+v, %+v", err, got, v1, v2)
	}
	// A failed transaction gives the version back.
	v3 := v2.Clone()
	_ = db.Update(func(tx app.Tx) error {
		if err := tx.SaveTemplate(v3); err != nil {
			return err
		}
		return errTest
	})
	if v3.Version != 2 {
		t.Errorf("version after a failed save: %d", v3.Version)
	}
}

var errTest = errorString("test failure")

type errorString string

func (e errorString) Error() string { return string(e) }

// TestPlansFromATemplateShareItsTexts checks that plans whose KPIs come from
// one template are stored with the template's texts numbered once, and that
// loading them gives every plan the same string memory for each text.
func TestPlansFromATemplateShareItsTexts(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tp := storedTemplate()
	var plans []*app.Plan
	for i := range 3 {
		p := app.NewPlan()
		p.Name, p.Cycle = "p"+string(rune('a'+i)), app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}
		p.KPIs = []app.KPI{tp.KPIs[0]}
		p.KPIs[0].Description = string([]byte(tp.KPIs[0].Description)) // a copy of its own, as an assignment would read it
		plans = append(plans, p)
	}
	err = db.Update(func(tx app.Tx) error {
		if err := tx.SaveTemplate(tp); err != nil {
			return err
		}
		for _, p := range plans {
			if err := tx.SavePlan(p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Plans()
	if err != nil {
		t.Fatal(err)
	}
	d0 := unsafe.StringData(got[0].KPIs[0].Description)
	for _, p := range got[1:] {
		if unsafe.StringData(p.KPIs[0].Description) != d0 || unsafe.StringData(p.KPIs[0].Rationale) != unsafe.StringData(got[0].KPIs[0].Rationale) {
			t.Errorf("plan %s holds its own copy of the template's description or rationale", p.Name)
		}
	}
}
