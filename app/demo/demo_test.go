package demo

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

func TestCompanyPlansValidate(t *testing.T) {
	for _, seed := range []int64{0, 1, 2, 42, -7, 1 << 40} {
		for i, p := range Company(200, seed) {
			if err := p.Validate(); err != nil {
				t.Fatalf("seed %d plan %d: %v", seed, i, err)
			}
		}
	}
}

func TestCompanyIsDeterministic(t *testing.T) {
	a, b := Company(300, 7), Company(300, 7)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two companies from seed 7 differ")
	}
	for _, i := range []int{0, 1, 150, 299} {
		if !reflect.DeepEqual(Plan(i, 7), a[i]) {
			t.Errorf("Plan(%d, 7) differs from Company(300, 7)[%d]", i, i)
		}
	}
	if reflect.DeepEqual(Company(20, 8), a[:20]) {
		t.Error("seeds 7 and 8 give the same company")
	}
}

func TestCompanyShape(t *testing.T) {
	plans := Company(200, 1)
	if len(plans) != 200 || len(Company(0, 1)) != 0 || len(Company(-3, 1)) != 0 {
		t.Fatal("wrong number of plans")
	}
	for _, p := range plans {
		checkPlanShape(t, p)
	}
}

func checkPlanShape(t *testing.T, p *app.Plan) {
	t.Helper()
	if !norm.NFC.IsNormalString(p.Person.Name) || len(strings.Fields(p.Person.Name)) != 3 {
		t.Errorf("name %q is not an NFC three-part name", p.Person.Name)
	}
	b := p.Person.BaseBonus
	if b < 5e6 || b > 30e6 || b != float64(int64(b/1000))*1000 || p.Person.Currency != "VND" {
		t.Errorf("%s: base bonus %v %s", p.Name, b, p.Person.Currency)
	}
	if p.ID != 0 || p.Status != app.Approved || p.Goal.Type == "" || p.Goal.Text == "" {
		t.Errorf("%s: id %d status %s goal %+v", p.Name, p.ID, p.Status, p.Goal)
	}
	if n := len(p.KPIs); n < 5 || n > 12 {
		t.Errorf("%s: %d KPIs", p.Name, n)
	}
	groups := map[app.Group]bool{}
	for _, k := range p.KPIs {
		groups[k.Group] = true
		if k.Group != app.SuggestGroup(k.Effort, k.Impact) {
			t.Errorf("%s %s: group %s for %s/%s", p.Name, k.ID, k.Group, k.Effort, k.Impact)
		}
		for _, a := range k.Actuals {
			if (k.Aggregation == app.Ratio) != (a.Den != 0) {
				t.Errorf("%s %s: actual %+v for a %s KPI", p.Name, k.ID, a, k.Aggregation)
			}
		}
	}
	if len(groups) != 3 {
		t.Errorf("%s: groups %v, want A, B and C", p.Name, groups)
	}
}

// TestCompanyCoverage checks that the company exercises every direction
// (with and without a baseline), aggregation, department, goal type, step
// bands, own floor/cap, no-data KPIs and ~5 % gaps.
func TestCompanyCoverage(t *testing.T) {
	seen := map[string]int{}
	cells, filled := 0, 0
	for _, p := range Company(500, 3) {
		seen["dept "+p.Person.Department]++
		seen["goal "+p.Goal.Type]++
		for _, k := range p.KPIs {
			seen["dir "+string(k.Direction)+baseTag(k)]++
			seen["agg "+string(k.Aggregation)]++
			if len(k.Steps) > 0 {
				seen["steps"]++
			}
			if k.Cap != nil {
				seen["own cap"]++
			}
			if len(k.Actuals) == 0 {
				seen["no data"]++
				continue
			}
			cells += 12
			filled += len(k.Actuals)
		}
	}
	want := []string{
		"dir higher", "dir higher+baseline", "dir lower", "dir lower+baseline", "dir range", "dir milestone",
		"agg sum", "agg average", "agg last", "agg min", "agg max", "agg ratio",
		"steps", "own cap", "no data",
		"dept Marketing", "dept Sales", "dept E-commerce", "dept Customer Service", "dept Finance", "dept HR", "dept Operations",
		"goal brand-awareness", "goal lead-generation", "goal sales-growth", "goal ecommerce-growth", "goal customer-retention",
		"goal marketing-efficiency", "goal customer-service", "goal people-hr", "goal operations-quality", "goal finance",
	}
	for _, w := range want {
		if seen[w] == 0 {
			t.Errorf("no %s in 500 plans", w)
		}
	}
	// gaps: 5 % of cells of KPIs that have data → filled/cells ≈ 0.95
	if f := float64(filled) / float64(cells); f < 0.93 || f > 0.97 {
		t.Errorf("filled share %.3f, want about 0.95", f)
	}
}

func baseTag(k app.KPI) string {
	if k.Baseline != nil {
		return "+baseline"
	}
	return ""
}

func TestComplaintsAimForZero(t *testing.T) {
	for _, p := range Company(300, 5) {
		for _, k := range p.KPIs {
			if k.Name == "Customer complaints" {
				if k.Target != 0 || k.Baseline == nil || *k.Baseline < 8 || *k.Baseline > 14 {
					t.Fatalf("complaints target %v baseline %v", k.Target, k.Baseline)
				}
				return
			}
		}
	}
	t.Fatal("no complaints KPI in 300 plans")
}

func BenchmarkCompany10k(b *testing.B) {
	for b.Loop() {
		Company(10000, 1)
	}
}

// TestLibraryLinks checks that every library id the demo uses names a
// built-in library entry with the same unit and direction.
func TestLibraryLinks(t *testing.T) {
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	linked := 0
	for _, d := range departments {
		for _, tm := range slices.Concat(d.kpis, commonKPIs) {
			if tm.library == "" {
				continue
			}
			linked++
			e, ok := lib.Get(tm.library)
			if !ok || e.Unit != tm.unit || e.Direction != tm.dir {
				t.Errorf("%s: library entry %q is missing or differs (%+v)", tm.name, tm.library, e)
			}
		}
	}
	if linked < 30 {
		t.Errorf("only %d templates link to the library", linked)
	}
}

func TestRegistryUnitsAreTheSameInBothLanguages(t *testing.T) {
	en, vi := CompanyIn(30, 1, "en"), CompanyIn(30, 1, "vi")
	ue, pe := Registry(en, "en")
	uv, pv := Registry(vi, "vi")
	if len(ue) != len(uv) || len(pe) != 30 || len(pv) != 30 {
		t.Fatalf("%d/%d units, %d/%d people", len(ue), len(uv), len(pe), len(pv))
	}
	for i := range ue {
		if ue[i].Code != uv[i].Code {
			t.Errorf("unit %d: code %s in English, %s in Vietnamese", i, ue[i].Code, uv[i].Code)
		}
	}
	byUID := map[app.UID]app.Employee{}
	for _, e := range pe {
		byUID[e.UID] = e
		if e.Level < 1 {
			t.Errorf("%s %s has no level (position %q)", e.Code, e.Name, e.Position)
		}
	}
	for i, p := range en {
		e, ok := byUID[p.PersonUID]
		if !ok || e.Name != p.Person.Name || e.Code != app.CodeFor(i+1) {
			t.Fatalf("plan %d refers to %+v", i, e)
		}
	}
}
