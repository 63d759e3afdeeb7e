package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"kpiplanner/app"
)

// TestLibraryFormCustomKPIStartsWithSensibleDefaults: the library's "add your
// own KPI" form proposes a number, higher is better, summed.
func TestLibraryFormCustomKPIStartsWithSensibleDefaults(t *testing.T) {
	u, _ := testUI(t, "vi")
	u.openLibrary()
	s, ok := u.cur.(*libraryScreen)
	if !ok {
		t.Fatalf("openLibrary showed %T", u.cur)
	}
	f := newCustomKPIForm(s)
	f.nameVI.SetText("Số buổi hội thảo")
	e := f.entry()
	if e.Unit != app.Number || e.Direction != app.Higher || e.Aggregation != app.Sum {
		t.Errorf("form entry = %s/%s/%s, want number/higher/sum", e.Unit, e.Direction, e.Aggregation)
	}
	if got, want := f.unit.sel.Selected, u.tr.Name("number"); got != want {
		t.Errorf("unit shows %q, want %q", got, want)
	}
}

// TestPlanTableNewKPIStartsWithSensibleDefaults: a KPI added in the plan's
// KPI table shows number, higher is better, summed in its selects.
func TestPlanTableNewKPIStartsWithSensibleDefaults(t *testing.T) {
	u, _, s := planTestUI(t, "vi", planFixture())
	test.Tap(s.kpis.addBtn)
	r := s.kpis.rows[len(s.kpis.rows)-1]
	for field, want := range map[string]string{"unit": "number", "direction": "higher", "aggregation": "sum"} {
		if got := r.selects[field].Selected; got != u.tr.Name(want) {
			t.Errorf("%s shows %q, want %q", field, got, u.tr.Name(want))
		}
	}
}
