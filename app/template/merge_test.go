package template

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"kpiplanner/app"
)

// randomTemplate returns a template of n KPIs with random targets, weights
// and groups.
func randomTemplate(r *rand.Rand, n int) *app.Template {
	t := app.NewTemplate("T", "Sales", 0)
	t.UID, t.Version = app.NewUID(), 1
	for i := range n {
		k := app.CustomKPI("k"+string(rune('a'+i)), "KPI "+string(rune('a'+i)))
		k.Target, k.Weight, k.Group = float64(1+r.IntN(5)*10), float64(1+r.IntN(3)), app.Groups[r.IntN(3)]
		t.KPIs = append(t.KPIs, k)
	}
	return t
}

// TestApplyKeepsOverridesAndTakesTheRestProperty checks on random templates,
// plans and new versions that after Apply every templated field of every
// KPI is: the plan's own value when the plan overrode it (it differed from
// the base version) and force is off, else the new version's value; and
// that Overrides of the result against the new version are exactly the
// kept fields.
func TestApplyKeepsOverridesAndTakesTheRestProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		base := randomTemplate(r, 1+r.IntN(5))
		e := &app.Employee{UID: app.NewUID(), Name: "An"}
		p := NewPlan(base, e, app.Cycle{Start: app.NewDate(2026, 1, 1), End: app.NewDate(2026, 12, 31), Frequency: app.Monthly}, "2026")
		for i := range p.KPIs { // the person's adjustments
			if r.IntN(3) == 0 {
				p.KPIs[i].Target += float64(1 + r.IntN(4))
			}
			if r.IntN(4) == 0 {
				p.KPIs[i].Weight = float64(1 + r.IntN(3))
			}
		}
		next := base.Clone()
		next.Version = 2
		for i := range next.KPIs { // the template's changes
			if r.IntN(2) == 0 {
				next.KPIs[i].Target = float64(1 + r.IntN(60))
			}
			if r.IntN(3) == 0 {
				next.KPIs[i].Weight = float64(1 + r.IntN(3))
			}
		}
		force := r.IntN(4) == 0
		before := p.Clone()
		m := Apply(base, next, p, force)
		if !reflect.DeepEqual(before, p) {
			t.Fatal("Apply changed the plan it was given")
		}
		kept := map[string]bool{}
		for _, o := range m.Kept {
			kept[o.Path()] = true
		}
		for i, after := range m.Plan.KPIs {
			b, n, own := base.KPIs[i], next.KPIs[i], p.KPIs[i]
			for _, f := range []struct {
				name             string
				b, n, own, after float64
			}{{"target", b.Target, n.Target, own.Target, after.Target}, {"weight", b.Weight, n.Weight, own.Weight, after.Weight}} {
				want := f.n
				overridden := f.own != f.b
				if overridden && !force && f.b != f.n {
					want = f.own
				}
				if overridden && f.b == f.n {
					want = f.own // the template did not change it
				}
				if f.after != want {
					t.Fatalf("round %d KPI %s %s: base %g, plan %g, new %g, force %v: got %g, want %g", round, after.ID, f.name, f.b, f.own, f.n, force, f.after, want)
				}
				path := "kpis[" + after.ID + "]." + f.name
				if wantKept := overridden && !force && f.b != f.n && f.own != f.n; kept[path] != wantKept {
					t.Fatalf("round %d %s: kept %v, want %v", round, path, kept[path], wantKept)
				}
			}
		}
		if m.Plan.TemplateVersion != 2 {
			t.Fatalf("merged plan holds v%d", m.Plan.TemplateVersion)
		}
	}
}
