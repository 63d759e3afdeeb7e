package storage

import (
	"reflect"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/sheet/sheettest"
)

// TestFormat5CarriesPeriodTargetsAndReference: format 5 keeps a KPI's
// targets per period and reference value; a format 4 record (what earlier
// versions wrote) still reads, without them.
func TestFormat5CarriesPeriodTargetsAndReference(t *testing.T) {
	p := sheettest.PeriodTargets()
	p.ID = 7
	got, err := decodePlan(planKey(p.ID), encodePlan(p))
	if err != nil {
		t.Fatal(err)
	}
	for i := range p.KPIs {
		w, g := p.KPIs[i], got.KPIs[i]
		if !reflect.DeepEqual(g.PeriodTargets, w.PeriodTargets) || !reflect.DeepEqual(g.Reference, w.Reference) {
			t.Errorf("KPI %s: got %v %v, want %v %v", w.ID, g.PeriodTargets, g.Reference, w.PeriodTargets, w.Reference)
		}
	}
	if v := encodePlan(p); v[0] != planFormat5 {
		t.Errorf("encodePlan writes format %d, want %d", v[0], planFormat5)
	}
	old, err := decodePlan(planKey(p.ID), encodePlanAs(p, planFormat4))
	if err != nil {
		t.Fatal(err)
	}
	if k := old.KPIs[0]; k.PeriodTargets != nil || k.Reference != nil || k.Target != 1200 || len(old.KPIs) != len(p.KPIs) {
		t.Errorf("format 4: %+v", k)
	}
	// An empty (not nil) list survives as empty.
	p.KPIs[0].PeriodTargets = []app.PeriodTarget{}
	got, err = decodePlan(planKey(p.ID), encodePlan(p))
	if err != nil || got.KPIs[0].PeriodTargets == nil || len(got.KPIs[0].PeriodTargets) != 0 {
		t.Errorf("empty period targets: %v, %v", got.KPIs[0].PeriodTargets, err)
	}
}
