package workspace_test

import (
	"errors"
	"path/filepath"
	"testing"

	"kpiplanner/app"
	"kpiplanner/app/demo"
	"kpiplanner/app/workspace"
	"kpiplanner/storage"
)

func open(t *testing.T) *workspace.Workspace {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return workspace.New(s)
}

func savedPlan(t *testing.T, w *workspace.Workspace) *app.Plan {
	t.Helper()
	p := demo.Company(1, 3)[0]
	if err := w.Save(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDeleteAndUndo(t *testing.T) {
	w := open(t)
	p := savedPlan(t, w)
	if err := w.Delete(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Plan(p.ID); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("plan still there: %v", err)
	}
	what, id, err := w.Undo()
	if err != nil || id != p.ID || what.String() != "Delete plan "+p.Name {
		t.Fatalf("undo = %q %d %v", what, id, err)
	}
	back, err := w.Plan(p.ID)
	if err != nil || len(back.KPIs) != len(p.KPIs) || len(back.KPIs[0].Actuals) != len(p.KPIs[0].Actuals) {
		t.Fatalf("restored plan differs: %v", err)
	}
	if _, ok := w.CanUndo(); ok {
		t.Error("undo history not emptied")
	}
}

func TestDuplicateUndo(t *testing.T) {
	w := open(t)
	p := savedPlan(t, w)
	c, err := w.Duplicate(p.ID, "Copy")
	if err != nil || c.ID == p.ID || c.Status != app.Draft || c.Name != "Copy" || len(c.KPIs) != len(p.KPIs) {
		t.Fatalf("duplicate = %+v, %v", c, err)
	}
	for _, k := range c.KPIs {
		if len(k.Actuals) != 0 {
			t.Fatal("duplicate copied actuals")
		}
	}
	if _, _, err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Plan(c.ID); !errors.Is(err, app.ErrNotFound) {
		t.Error("undo of duplicate kept the copy")
	}
}

func TestSetActualValidatesAndUndoes(t *testing.T) {
	w := open(t)
	p := savedPlan(t, w)
	k := p.KPIs[0]
	old, hadOld := k.ActualAt(0)
	if err := w.SetActual(p, k.ID, app.Actual{Period: 0, Value: 12345}); err != nil {
		t.Fatal(err)
	}
	got, _ := w.Plan(p.ID)
	if a, _ := got.KPI(k.ID).ActualAt(0); a.Value != 12345 {
		t.Fatalf("stored actual %v", a)
	}
	// A period outside the cycle is refused and nothing changes.
	if err := w.SetActual(p, k.ID, app.Actual{Period: 99, Value: 1}); !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("period 99: %v", err)
	}
	if _, _, err := w.Undo(); err != nil {
		t.Fatal(err)
	}
	got, _ = w.Plan(p.ID)
	a, ok := got.KPI(k.ID).ActualAt(0)
	if ok != hadOld || a != old {
		t.Errorf("after undo actual = %v %v, want %v %v", a, ok, old, hadOld)
	}
}

func TestSaveValidates(t *testing.T) {
	w := open(t)
	p := savedPlan(t, w)
	p.KPIs[0].Weight = -1
	if err := w.Save(p); !errors.Is(err, app.ErrInvalid) {
		t.Fatalf("negative weight saved: %v", err)
	}
	q := demo.Company(1, 4)[0]
	q.Status = app.Draft // drafts may be incomplete
	q.KPIs[0].Weight = -1
	if err := w.SaveDraft(q); err != nil {
		t.Fatal(err)
	}
}

func TestSummariesFilterSort(t *testing.T) {
	w := open(t)
	if err := w.Store().SavePlans(demo.Company(30, 2)); err != nil {
		t.Fatal(err)
	}
	rows, err := w.Summaries()
	if err != nil || len(rows) != 30 {
		t.Fatalf("%d rows, %v", len(rows), err)
	}
	depts := workspace.Departments(rows)
	one := workspace.Apply(rows, workspace.Filter{Department: depts[0]}, workspace.ByTotal, true)
	for i, r := range one {
		if r.Department != depts[0] {
			t.Fatalf("row of %s in filter %s", r.Department, depts[0])
		}
		if i > 0 && r.HasTotal && one[i-1].HasTotal && r.Total > one[i-1].Total {
			t.Fatalf("not sorted by total descending at %d", i)
		}
	}
	name := rows[7].Person
	if got := workspace.Apply(rows, workspace.Filter{Text: name}, workspace.ByPerson, false); len(got) == 0 || got[0].Person != name {
		t.Errorf("text filter %q found %v", name, got)
	}
	if got := workspace.Apply(rows, workspace.Filter{Year: 2031}, workspace.ByPerson, false); len(got) != 0 {
		t.Errorf("year 2031 matched %d plans", len(got))
	}
	if ys := workspace.Years(rows); len(ys) == 0 || ys[0] != 2026 {
		t.Errorf("years %v", ys)
	}
}
