package demo

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"kpiplanner/app"
	"kpiplanner/app/library"
)

func TestCompanyInIsDeterministic(t *testing.T) {
	for _, lang := range []string{"en", "vi"} {
		a, b := CompanyIn(200, 7, lang), CompanyIn(200, 7, lang)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: two companies from seed 7 differ", lang)
		}
		for _, i := range []int{0, 1, 99, 199} {
			if !reflect.DeepEqual(PlanIn(i, 7, lang), a[i]) {
				t.Errorf("%s: PlanIn(%d, 7) differs from CompanyIn(200, 7)[%d]", lang, i, i)
			}
		}
	}
	if !reflect.DeepEqual(CompanyIn(100, 3, "en"), Company(100, 3)) {
		t.Error(`CompanyIn(…, "en") differs from Company`)
	}
	if !reflect.DeepEqual(CompanyIn(20, 3, "fr"), Company(20, 3)) {
		t.Error("an unknown language does not give English")
	}
	if len(CompanyIn(0, 1, "vi")) != 0 || len(CompanyIn(-3, 1, "vi")) != 0 {
		t.Error("wrong number of plans")
	}
}

// withoutTexts returns a copy of p with the texts that depend on the language
// cleared, so what is left (numbers, ids, statuses, names of people) must be
// the same in every language.
func withoutTexts(p *app.Plan) *app.Plan {
	c := *p
	c.Person.Department, c.Person.Position, c.Goal.Text = "", "", ""
	c.KPIs = slices.Clone(p.KPIs)
	for i := range c.KPIs {
		k := &c.KPIs[i]
		k.Name, k.Description, k.Rationale, k.DataSource, k.Note = "", "", "", "", ""
	}
	return &c
}

func TestLanguagesShareNumbers(t *testing.T) {
	for _, seed := range []int64{0, 1, 42, -7} {
		en, vi := CompanyIn(300, seed, "en"), CompanyIn(300, seed, "vi")
		for i := range en {
			e, v := en[i], vi[i]
			if !reflect.DeepEqual(withoutTexts(e), withoutTexts(v)) {
				t.Fatalf("seed %d plan %d: numbers differ between en and vi", seed, i)
			}
			if e.Person.Department != "Marketing" && e.Person.Department == v.Person.Department {
				t.Errorf("seed %d plan %d: department %q not translated", seed, i, v.Person.Department)
			}
			if e.Person.Position == v.Person.Position || e.Goal.Text == v.Goal.Text {
				t.Errorf("seed %d plan %d: position %q or goal %q not translated", seed, i, v.Person.Position, v.Goal.Text)
			}
			for j, k := range v.KPIs {
				ek := e.KPIs[j]
				if k.Name == ek.Name || k.Description == ek.Description || k.Rationale == ek.Rationale {
					t.Errorf("seed %d plan %d %s: %q not translated", seed, i, k.ID, k.Name)
				}
				if ek.Note != "" && k.Note == ek.Note {
					t.Errorf("seed %d plan %d %s: note %q not translated", seed, i, k.ID, k.Note)
				}
			}
		}
	}
}

func TestVietnamesePlansValidate(t *testing.T) {
	for _, seed := range []int64{0, 1, 2, 42, -7, 1 << 40} {
		for i, p := range CompanyIn(200, seed, "vi") {
			if err := p.Validate(); err != nil {
				t.Fatalf("seed %d plan %d: %v", seed, i, err)
			}
			checkPlanShape(t, p)
		}
	}
}

// englishWords are words that would show an English sentence leaking into
// Vietnamese text; none of them is a Vietnamese word.
var englishWords = []string{
	"the", "and", "of", "for", "from", "by", "with", "in", "per", "on", "our", "than", "after",
	"increase", "reduce", "raise", "lower", "generate", "double", "resolve", "keep", "close",
	"hire", "deliver", "rate", "revenue", "customer", "customers", "cost", "time", "month",
	"worst", "lowest", "percent", "supports", "goal",
}

// checkVietnamese reports text of plan i that is empty, not NFC or holds an English word.
func checkVietnamese(t *testing.T, i int, what, text string) {
	t.Helper()
	if strings.TrimSpace(text) == "" || !norm.NFC.IsNormalString(text) {
		t.Errorf("plan %d %s %q is empty or not NFC", i, what, text)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !('a' <= r && r <= 'z' || r > 127)
	})
	for _, w := range words {
		if slices.Contains(englishWords, w) {
			t.Errorf("plan %d %s %q holds the English word %q", i, what, text, w)
		}
	}
}

func TestVietnameseTexts(t *testing.T) {
	for i, p := range CompanyIn(500, 3, "vi") {
		checkVietnamese(t, i, "department", p.Person.Department)
		checkVietnamese(t, i, "position", p.Person.Position)
		checkVietnamese(t, i, "goal", p.Goal.Text)
		for _, k := range p.KPIs {
			checkVietnamese(t, i, k.ID+" name", k.Name)
			checkVietnamese(t, i, k.ID+" description", k.Description)
			checkVietnamese(t, i, k.ID+" rationale", k.Rationale)
			if !strings.HasPrefix(k.Rationale, viRationale) {
				t.Errorf("plan %d %s: rationale %q", i, k.ID, k.Rationale)
			}
			if k.Note != "" {
				checkVietnamese(t, i, k.ID+" note", k.Note)
			}
			if k.DataSource == "" || !norm.NFC.IsNormalString(k.DataSource) {
				t.Errorf("plan %d %s: data source %q", i, k.ID, k.DataSource)
			}
		}
	}
}

// TestVietnameseTablesMatchTemplates checks that every English text the
// generator can draw has a Vietnamese entry and every entry an English text.
func TestVietnameseTablesMatchTemplates(t *testing.T) {
	want := map[string]map[string]bool{"department": {}, "position": {}, "goal": {}, "kpi": {}, "note": {}}
	for _, d := range departments {
		want["department"][d.name] = true
		for _, p := range d.positions {
			want["position"][p] = true
		}
		for _, g := range d.goals {
			want["goal"][g.text] = true
		}
		for _, tm := range slices.Concat(d.kpis, commonKPIs) {
			want["kpi"][tm.name] = true
		}
	}
	for _, n := range notes {
		want["note"][n] = true
	}
	have := map[string][]string{
		"department": slices.Collect(maps.Keys(viDepartments)),
		"position":   slices.Collect(maps.Keys(viPositions)),
		"goal":       slices.Collect(maps.Keys(viGoals)),
		"kpi":        slices.Collect(maps.Keys(viKPIs)),
		"note":       slices.Collect(maps.Keys(viNotes)),
	}
	for kind, keys := range have {
		for _, k := range keys {
			if !want[kind][k] {
				t.Errorf("Vietnamese %s %q translates nothing the generator draws", kind, k)
			}
		}
		for k := range want[kind] {
			if !slices.Contains(keys, k) {
				t.Errorf("%s %q has no Vietnamese text", kind, k)
			}
		}
	}
}

// TestVietnameseMatchesLibrary checks the wording against the KPI library:
// departments read as library.Departments, data sources are either ids the
// library names or Vietnamese text, and a KPI linked to a library entry
// starts with the entry's Vietnamese name (abbreviation aside), save the
// demo's named instances of a generic entry listed here.
func TestVietnameseMatchesLibrary(t *testing.T) {
	deptIDs := map[string]string{
		"Marketing": "marketing", "Sales": "sales", "E-commerce": "ecommerce", "Customer Service": "customer-service",
		"Finance": "finance", "HR": "hr", "Operations": "operations",
	}
	for en, vi := range viDepartments {
		if lib := library.LabelName(library.Departments, deptIDs[en], "vi"); vi != lib {
			t.Errorf("department %s: %q, library says %q", en, vi, lib)
		}
	}
	instances := map[string]bool{ // a specific case of a broader library KPI
		"Tết campaign launched on time":   true, // campaign-launch
		"11.11 mega-sale ready":           true, // campaign-launch
		"2025 statutory audit signed off": true, // financial-statements-on-time
		"Training hours completed":        true, // training-hours-per-employee, but per person
		"Fulfilment cost per order":       true, // delivery-cost-per-order plus warehousing
	}
	lib, err := library.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range departments {
		for _, tm := range slices.Concat(d.kpis, commonKPIs) {
			if _, ok := library.LabelOf(library.DataSources, tm.src); !ok && viSources[tm.src] == "" {
				t.Errorf("%s: data source %q has neither a library label nor a Vietnamese name", tm.name, tm.src)
			}
			e, ok := lib.Get(tm.library)
			if !ok || instances[tm.name] {
				continue
			}
			core := func(s string) string { s, _, _ = strings.Cut(s, " ("); return s }
			vi, libVI := core(viKPIs[tm.name].name), core(e.Name.VI)
			if !strings.HasPrefix(vi, libVI) && !strings.HasPrefix(libVI, vi) {
				t.Errorf("%s: %q does not use the library's wording %q", tm.name, vi, e.Name.VI)
			}
		}
	}
	for id, vi := range viSources {
		if _, ok := library.LabelOf(library.DataSources, id); ok || vi == id {
			t.Errorf("data source %s: the library names it, or %q is no translation", id, vi)
		}
	}
}
